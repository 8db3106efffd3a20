// How events read on the pages: pre-formatted strings in the event's zone (and the viewer's),
// so server and browser render the same text. Pure.
import { formatDateSpan, formatRange, sameOffset, timeZoneLabel } from "~/lib/time";
import { enteDisplayName, type EnteKind } from "~/modules/entes/federation";

import { EVENT_STATUS_LABELS, EVENT_TYPE_LABELS, FORMAT_LABELS, label, SCOPE_LABELS } from "./vocabulary";

export type CardSource = {
  slug: string;
  title: string;
  type: string;
  scope: string;
  format: string;
  status: string;
  visibility: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  capacity: number | null;
  confirmed: number;
  waiting: number;
  seatsLeft: number | null;
  organizerEnte: { name: string; kind: string; uf: string | null };
  venueMunicipio: { name: string; uf: string | null } | null;
};

export function presentCard(e: CardSource, now = new Date()) {
  return {
    slug: e.slug,
    title: e.title,
    typeLabel: label(EVENT_TYPE_LABELS, e.type),
    formatLabel: label(FORMAT_LABELS, e.format).replace(/ \(.*\)$/, ""),
    scopeLabel: label(SCOPE_LABELS, e.scope),
    status: e.status,
    statusLabel: label(EVENT_STATUS_LABELS, e.status),
    inviteOnly: e.visibility === "CONVITE",
    when: formatDateSpan(e.startsAt, e.endsAt, e.timeZone),
    zone: timeZoneLabel(e.timeZone, e.startsAt),
    where:
      e.format === "ONLINE"
        ? "Online"
        : e.venueMunicipio
          ? `${e.venueMunicipio.name} (${e.venueMunicipio.uf})${e.format === "HIBRIDO" ? " e online" : ""}`
          : "Local a definir",
    organizer: enteDisplayName({ ...e.organizerEnte, kind: e.organizerEnte.kind as EnteKind }),
    past: e.endsAt < now,
    seats: seatsText(e),
    full: e.capacity != null && e.seatsLeft === 0,
  };
}

export type PresentedCard = ReturnType<typeof presentCard>;

export function seatsText(e: { capacity: number | null; seatsLeft: number | null; waiting: number }): string {
  if (e.capacity == null) return "Vagas ilimitadas";
  if (e.seatsLeft === 0) return e.waiting ? `Lotado · ${e.waiting} na lista de espera` : "Lotado · lista de espera aberta";
  return e.seatsLeft === 1 ? "1 vaga restante" : `${e.seatsLeft} vagas restantes`;
}

/** Each session's time in the event's zone, and in the viewer's zone when its offset differs. */
export function presentSessions(
  sessions: { id: string; title: string; startsAt: Date; endsAt: Date }[],
  eventZone: string,
  viewerZone?: string | null,
) {
  return sessions.map((s, i) => ({
    id: s.id,
    title: s.title || `Sessão ${i + 1}`,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    range: formatRange(s.startsAt, s.endsAt, eventZone),
    viewerRange:
      viewerZone && !sameOffset(eventZone, viewerZone, s.startsAt)
        ? `${formatRange(s.startsAt, s.endsAt, viewerZone)} (${timeZoneLabel(viewerZone, s.startsAt)})`
        : null,
  }));
}
