// Reading iCalendar with an independent parser (ical.js), as calendar clients do.
import ICAL from "ical.js";

export type ParsedVevent = {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  start: Date;
  end: Date;
  tzid: string | null;
  attendees: { email: string; cn: string | null; partstat: string | null }[];
  organizer: string | null;
  location: string | null;
  description: string | null;
};

export function parseIcs(text: string): { method: string | null; events: ParsedVevent[]; timezones: string[] } {
  const root = new ICAL.Component(ICAL.parse(text));
  const events = root.getAllSubcomponents("vevent").map((c) => {
    const e = new ICAL.Event(c);
    const dtstart = c.getFirstProperty("dtstart");
    return {
      uid: e.uid,
      sequence: Number(c.getFirstPropertyValue("sequence") ?? 0),
      status: (c.getFirstPropertyValue("status") as string | null) ?? null,
      summary: e.summary,
      start: e.startDate.toJSDate(),
      end: e.endDate.toJSDate(),
      tzid: (dtstart?.getParameter("tzid") as string | undefined) ?? null,
      attendees: c.getAllProperties("attendee").map((a) => ({
        email: String(a.getFirstValue()).replace(/^mailto:/i, ""),
        cn: (a.getParameter("cn") as string | undefined) ?? null,
        partstat: (a.getParameter("partstat") as string | undefined) ?? null,
      })),
      organizer: (c.getFirstPropertyValue("organizer") as string | null) ?? null,
      location: (c.getFirstPropertyValue("location") as string | null) ?? null,
      description: (c.getFirstPropertyValue("description") as string | null) ?? null,
    };
  });
  return {
    method: (root.getFirstPropertyValue("method") as string | null) ?? null,
    events,
    timezones: root.getAllSubcomponents("vtimezone").map((t) => String(t.getFirstPropertyValue("tzid"))),
  };
}
