// What changed in an event, in sentences for the people registered — and whether their calendars
// must be updated (time, place, link or title). Pure.
import { formatRange } from "~/lib/time";

import { FORMAT_LABELS, label } from "./vocabulary";

export type EventShape = {
  title: string;
  format: string;
  timeZone: string;
  venue: string;
  sessions: { id: string; title: string; startsAt: Date; endsAt: Date }[];
};

export type EventDiff = {
  /** sentences such as "Sessão 1: de … para …" */
  changes: string[];
  /** sessions that no longer exist (their calendar entries must be cancelled) */
  removedSessions: EventShape["sessions"];
  /** true when invites must be re-sent with a higher SEQUENCE */
  calendarChanged: boolean;
};

const sessionName = (s: { title: string }, i: number) => (s.title ? `Sessão ${i + 1} (${s.title})` : `Sessão ${i + 1}`);

export function diffEvent(before: EventShape, after: EventShape): EventDiff {
  const changes: string[] = [];
  const range = (s: { startsAt: Date; endsAt: Date }, tz: string) => formatRange(s.startsAt, s.endsAt, tz);
  if (before.title !== after.title) changes.push(`Título: de “${before.title}” para “${after.title}”.`);
  if (before.format !== after.format) {
    changes.push(`Formato: de ${label(FORMAT_LABELS, before.format)} para ${label(FORMAT_LABELS, after.format)}.`);
  }
  if (before.venue !== after.venue) changes.push(`Local: de “${before.venue || "—"}” para “${after.venue || "—"}”.`);
  if (before.timeZone !== after.timeZone) changes.push("O fuso horário de referência do evento mudou; confira os horários.");

  const beforeById = new Map(before.sessions.map((s) => [s.id, s]));
  after.sessions.forEach((s, i) => {
    const old = beforeById.get(s.id);
    if (!old) {
      changes.push(`Nova sessão — ${sessionName(s, i)}: ${range(s, after.timeZone)}.`);
      return;
    }
    if (old.startsAt.getTime() !== s.startsAt.getTime() || old.endsAt.getTime() !== s.endsAt.getTime()) {
      changes.push(`${sessionName(s, i)}: de ${range(old, before.timeZone)} para ${range(s, after.timeZone)}.`);
    } else if (old.title !== s.title) {
      changes.push(`${sessionName(s, i)}: novo título.`);
    }
  });
  const kept = new Set(after.sessions.map((s) => s.id));
  const removedSessions = before.sessions.filter((s) => !kept.has(s.id));
  for (const s of removedSessions) {
    changes.push(`Sessão cancelada — ${s.title || "sessão"}: ${range(s, before.timeZone)}.`);
  }
  return { changes, removedSessions, calendarChanged: changes.length > 0 };
}
