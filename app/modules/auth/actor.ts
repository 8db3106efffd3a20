// Who is acting: the signed-in person, her ente and the entes she organizes for. Pure.
import type { EnteRef } from "~/modules/entes/federation";

export type Actor = {
  userId: string;
  name: string;
  email: string;
  isAdmin: boolean;
  ente: EnteRef;
  /** GESTOR | TECNICO | CONSELHEIRO | OUTRO: her role in her ente */
  roleInEnte: string;
  /** the time zone of her ente: pages show times in it when it differs from the event's */
  timeZone: string;
  /** entes this person organizes events for (the Union and/or UFs) */
  organizerOf: EnteRef[];
};

export function isFederalOrganizer(actor: Actor | null | undefined): boolean {
  return !!actor?.organizerOf.some((e) => e.kind === "UNIAO");
}

export function organizesEnte(actor: Actor | null | undefined, enteId: string): boolean {
  return !!actor?.organizerOf.some((e) => e.id === enteId);
}

export function isOrganizer(actor: Actor | null | undefined): boolean {
  return !!actor && actor.organizerOf.length > 0;
}

/** UF abbreviations of the UFs this person organizes for. */
export function organizedUfs(actor: Actor | null | undefined): string[] {
  return (actor?.organizerOf ?? []).filter((e) => e.kind === "UF" && e.uf).map((e) => e.uf!);
}
