// What the organizer pages need besides the event itself: who may organize, form choices and
// defaults for a new event.
import { db } from "~/lib/db.server";
import { forbidden } from "~/lib/http.server";
import { toLocalParts } from "~/lib/time";
import { isOrganizer, type Actor } from "~/modules/auth/actor";
import { listUfs } from "~/modules/entes/entes.server";
import { isBrazilTimeZone } from "~/modules/entes/federation";

import type { EventFormInput } from "./event-form";
import { organizableEntes } from "./permissions";

export function assertOrganizer(actor: Actor): void {
  if (!isOrganizer(actor)) throw forbidden("Esta área é das equipes organizadoras (federal e estaduais).");
}

export async function eventFormChoices(actor: Actor) {
  const ids = organizableEntes(actor).map((e) => e.id);
  const [entes, ufs] = await Promise.all([
    db.ente.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, kind: true, uf: true, timeZone: true }, orderBy: { id: "asc" } }),
    listUfs(),
  ]);
  return {
    organizers: entes.map((e) => ({
      id: e.id,
      label: e.kind === "UNIAO" ? "União (equipe federal)" : `${e.name} (equipe estadual)`,
      kind: e.kind,
      uf: e.uf,
      timeZone: e.timeZone,
    })),
    ufs: ufs.map((u) => ({ id: u.id, label: `${u.name} (${u.uf})`, uf: u.uf! })),
  };
}

/** A sensible starting point: the organizer's own scope and audience, one session to fill in. */
export function newEventDefaults(
  organizers: { id: string; kind: string; uf: string | null; timeZone: string }[],
  now = new Date(),
): Partial<EventFormInput> {
  const first = organizers[0];
  const tz = first && isBrazilTimeZone(first.timeZone) ? first.timeZone : "America/Sao_Paulo";
  const isState = first?.kind === "UF";
  return {
    organizerEnteId: first?.id,
    type: "ENCONTRO",
    scope: isState ? "ESTADUAL" : "NACIONAL",
    format: "PRESENCIAL",
    timeZone: tz,
    audienceKind: isState ? "UF" : "TODOS",
    audienceUfId: isState ? first?.id : undefined,
    visibility: "PUBLICO",
    invitationQuota: 2,
    registrationOpensAt: toLocalParts(now, tz).dateTime,
    sessions: [{ date: "", start: "09:00", end: "12:00" }],
  };
}
