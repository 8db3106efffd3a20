// Who may do what with events: the one place these rules live (routes and services call it).
import { isFederalOrganizer, organizesEnte, organizedUfs, type Actor } from "~/modules/auth/actor";
import type { EnteRef } from "~/modules/entes/federation";

export const EVENT_ACTIONS = [
  "view_draft",
  "edit",
  "publish",
  "cancel",
  "duplicate",
  "see_participants",
  "export_participants",
  "remove_registration",
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export type EventOwnership = { organizerEnteId: string };

/**
 * Organizers of the event's ente manage it. The federal team also sees and exports the
 * participants of every event (it watches participation across the federation).
 */
export function canOnEvent(actor: Actor | null | undefined, action: EventAction, event: EventOwnership): boolean {
  if (!actor) return false;
  const owns = organizesEnte(actor, event.organizerEnteId);
  switch (action) {
    case "see_participants":
    case "export_participants":
      return owns || isFederalOrganizer(actor);
    default:
      return owns;
  }
}

/** May this person create events on behalf of this ente? */
export function canCreateEventFor(actor: Actor | null | undefined, organizerEnte: Pick<EnteRef, "id" | "kind">): boolean {
  if (!actor || organizerEnte.kind === "MUNICIPIO") return false;
  return organizesEnte(actor, organizerEnte.id);
}

/** Entes on whose behalf this person may organize (the Union and/or UFs). */
export function organizableEntes(actor: Actor | null | undefined): EnteRef[] {
  return (actor?.organizerOf ?? []).filter((e) => e.kind === "UNIAO" || e.kind === "UF");
}

export { isFederalOrganizer, organizedUfs };
