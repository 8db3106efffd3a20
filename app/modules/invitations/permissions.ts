// Who may invite whom, and who sees the invitation lists. Pure.
import { isFederalOrganizer, organizesEnte, type Actor } from "~/modules/auth/actor";
import type { EnteRef } from "~/modules/entes/federation";

export type InvitingEvent = { organizerEnteId: string };

/**
 * The event's organizers invite: the federal team any UF or municipality; a state team only the
 * municipalities of its own UF (and its own state government). Nobody invites the Union.
 */
export function canInviteEnte(actor: Actor | null | undefined, event: InvitingEvent, ente: Pick<EnteRef, "id" | "kind" | "uf">): boolean {
  if (!actor || !organizesEnte(actor, event.organizerEnteId) || ente.kind === "UNIAO") return false;
  const organizer = actor.organizerOf.find((e) => e.id === event.organizerEnteId)!;
  if (organizer.kind === "UNIAO") return true;
  return ente.uf === organizer.uf;
}

/** Inviting people by e-mail: the event's organizers. */
export function canInvitePeople(actor: Actor | null | undefined, event: InvitingEvent): boolean {
  return !!actor && organizesEnte(actor, event.organizerEnteId);
}

/** The invitation lists and follow-up: the event's organizers, and the federal team for every event. */
export function canSeeInvitations(actor: Actor | null | undefined, event: InvitingEvent): boolean {
  return !!actor && (organizesEnte(actor, event.organizerEnteId) || isFederalOrganizer(actor));
}

/** Nominating colleagues on an ente's seats: gestores of that ente (or whoever accepted its invitation). */
export function canNominateFor(actor: Actor | null | undefined, ente: { id: string }, opts: { acceptedByActor: boolean }): boolean {
  if (!actor) return false;
  return actor.ente.id === ente.id && (opts.acceptedByActor || actor.roleInEnte === "GESTOR");
}
