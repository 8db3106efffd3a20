// The shapes every e-mail template shares. Templates receive text that is already formatted (dates
// in the event's own zone, labels in Portuguese): they decide wording and layout, never formatting.

export type RenderedEmail = { subject: string; html: string; text: string };

/** One session of the programme, as the event page shows it. */
export type SessionSummary = { title: string; range: string };

/** What every e-mail about an event shows, already formatted in the event's own time zone. */
export type EventSummary = {
  title: string;
  url: string; // absolute link to the event page
  typeLabel: string; // "Oficina"
  organizer: string; // "Bahia (governo estadual)"
  zoneLabel: string; // "horário de Brasília (UTC−3)"
  where: string; // "Auditório X, Rua Y — Feira de Santana (BA)" or "Online"
  workload: string; // "8 h"
  sessions: SessionSummary[]; // range like "quinta-feira, 3 de dezembro de 2026, das 09:00 às 12:00"
};
