// The figures every dashboard shows for a group (Brazil, a region, a UF, a municipality, an
// organizer). Types only, shared by the server queries and the components. Definitions:
// docs/decisions/013-participation-metrics.md.

export type Measures = {
  events: number;
  registrations: number;
  present: number;
  /** present / registrations, null without registrations */
  attendanceRate: number | null;
  /** certified hours */
  hours: number;
  people: number;
};

/** Municipalities of a group with someone present. */
export type Coverage = { covered: number; total: number; share: number | null };
