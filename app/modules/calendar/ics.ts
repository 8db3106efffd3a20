// iCalendar (RFC 5545) for event sessions: invitations and cancellations sent by e-mail (iTIP,
// RFC 5546) and the subscription feed. Pure: no I/O and no clock (the caller passes `stamp`).
//
// ical-generator 10.2 does most of the work; the comments marked "ical-generator 10.2" are the
// places where it needs help (see the unit tests, which parse every calendar with ical.js):
// - a native Date with a TZID is written in the *process's* local wall time, so dates go in as
//   TZDate in the event's zone (the output is then independent of the machine's TZ);
// - `cal.timezone("America/Sao_Paulo")` makes DTSTAMP floating, so the calendar gets a zone-less
//   `{ name: null, generator }` and each VEVENT its own zone; the generator emits one VTIMEZONE
//   per zone in use, from timezones-ical-library (current rules: Brazil has had no DST since 2019);
// - quoted parameter values (CN) are escaped with backslashes, which RFC 5545 does not have, so
//   names are encoded here with RFC 6868 (^' ^^) before going in;
// - NAME / X-WR-CALNAME are written unescaped, so the feed name is escaped here.
import { TZDate } from "@date-fns/tz";
import ical, {
  escape,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalCalendar,
} from "ical-generator";
import { tzlib_get_ical_block, tzlib_get_timezones } from "timezones-ical-library";

/** `location` overrides the event's (an online session's own room link). */
export type IcsSession = { id: string; title: string; startsAt: Date; endsAt: Date; location?: string };
export type IcsEvent = {
  id: string;
  title: string;
  url: string; // absolute URL of the event page
  description: string; // plain text (the body will add the link back)
  timeZone: string; // IANA, e.g. "America/Rio_Branco"
  location: string; // venue address, or the join URL for online sessions
  organizer: { name: string; email: string };
  sessions: IcsSession[];
  sequence: number; // stored, only ever increases
};
export type IcsAttendee = { name: string; email: string; partstat: "ACCEPTED" | "DECLINED" | "NEEDS-ACTION" | "TENTATIVE" };
export type IcsMethod = "REQUEST" | "CANCEL" | "PUBLISH";

/** "-//Apoia SUAS//Eventos do SUAS//PT-BR" (ical-generator adds the leading "-"). */
const PRODID = "//Apoia SUAS//Eventos do SUAS//PT-BR";
/** How often subscribed clients should re-read the feed (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 60 * 60;

const METHODS: Record<IcsMethod, ICalCalendarMethod> = {
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
  PUBLISH: ICalCalendarMethod.PUBLISH,
};

const PARTSTATS: Record<IcsAttendee["partstat"], ICalAttendeeStatus> = {
  ACCEPTED: ICalAttendeeStatus.ACCEPTED,
  DECLINED: ICalAttendeeStatus.DECLINED,
  "NEEDS-ACTION": ICalAttendeeStatus.NEEDSACTION,
  TENTATIVE: ICalAttendeeStatus.TENTATIVE,
};

/** Stable for the life of the event: the same session always gets the same UID, so REQUEST updates and CANCEL replace it. */
export function sessionUid(sessionId: string): string {
  if (!sessionId) throw new RangeError("sessão sem identificador");
  // encodeURIComponent keeps ordinary ids (cuid, uuid) as they are and keeps CR/LF, ";" and ","
  // out of the UID line (ical-generator 10.2 writes UID unescaped).
  return `sessao-${encodeURIComponent(sessionId)}@apoia-suas`;
}

/** One VEVENT per session (or only `sessions` given in opts), METHOD as given, VTIMEZONE for the event zone. */
export function buildEventCalendar(input: {
  method: IcsMethod;
  event: IcsEvent;
  attendee?: IcsAttendee;
  sessionIds?: string[];
  stamp: Date;
}): string {
  const { method, event, attendee, sessionIds, stamp } = input;
  // RFC 5546: REQUEST and CANCEL name the attendee they are addressed to; PUBLISH must not.
  if (method !== "PUBLISH" && !attendee) throw new TypeError(`${method} exige o participante (ATTENDEE)`);

  let sessions = event.sessions;
  if (sessionIds) {
    const known = new Set(event.sessions.map((s) => s.id));
    const unknown = sessionIds.filter((id) => !known.has(id));
    if (unknown.length) throw new RangeError(`sessões fora do evento ${event.id}: ${unknown.join(", ")}`);
    const wanted = new Set(sessionIds);
    sessions = event.sessions.filter((s) => wanted.has(s.id));
  }
  if (!sessions.length) throw new RangeError(`evento ${event.id} sem sessões para o calendário`);

  const cal = newCalendar(METHODS[method]);
  for (const session of sessions) {
    addSession(cal, event, session, { stamp, attendee: method === "PUBLISH" ? undefined : attendee, cancelled: method === "CANCEL" });
  }
  return cal.toString();
}

/** A subscription feed: many events' sessions, METHOD:PUBLISH, each VEVENT in its own event's zone (several VTIMEZONEs), X-WR-CALNAME and refresh interval hints. */
export function buildFeed(input: { name: string; events: IcsEvent[]; stamp: Date }): string {
  const cal = newCalendar(ICalCalendarMethod.PUBLISH);
  // ical-generator 10.2 writes NAME and X-WR-CALNAME as they come: escape them as TEXT here.
  cal.name(escape(singleLine(cleanText(input.name)), false));
  cal.ttl(FEED_REFRESH_SECONDS);
  for (const event of input.events) {
    for (const session of event.sessions) addSession(cal, event, session, { stamp: input.stamp, cancelled: false });
  }
  return cal.toString();
}

function newCalendar(method: ICalCalendarMethod): ICalCalendar {
  const cal = ical({ prodId: PRODID, method });
  // No calendar zone (DTSTAMP stays UTC); the generator is asked once per zone the VEVENTs use.
  cal.timezone({ name: null, generator: vtimezone });
  return cal;
}

function addSession(
  cal: ICalCalendar,
  event: IcsEvent,
  session: IcsSession,
  opts: { stamp: Date; attendee?: IcsAttendee; cancelled: boolean },
): void {
  const timeZone = checkTimeZone(event.timeZone);
  checkInstant(opts.stamp, "stamp");
  checkInstant(session.startsAt, `início da sessão ${session.id}`);
  checkInstant(session.endsAt, `fim da sessão ${session.id}`);
  // ical-generator silently swaps inverted dates; an inverted session is a bug upstream.
  if (session.endsAt.getTime() <= session.startsAt.getTime()) throw new RangeError(`sessão ${session.id} termina antes de começar`);
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) throw new RangeError(`SEQUENCE inválida: ${event.sequence}`);

  const url = checkUrl(event.url);
  const title = cleanText(event.title);
  const summary = event.sessions.length > 1 ? `${title} — ${cleanText(session.title)}` : title;
  const description = cleanText(event.description).trim();

  const vevent = cal.createEvent({
    id: sessionUid(session.id),
    sequence: event.sequence,
    stamp: new Date(opts.stamp.getTime()),
    // ical-generator 10.2: zoned dates, or the TZID'd wall time would be the process's.
    start: new TZDate(session.startsAt.getTime(), timeZone),
    end: new TZDate(session.endsAt.getTime(), timeZone),
    timezone: timeZone,
    summary,
    description: `${description ? `${description}\n\n` : ""}Página do evento: ${url}`,
    location: cleanText(session.location ?? event.location).trim() || null,
    url,
    organizer: { name: paramText(event.organizer.name) || checkEmail(event.organizer.email), email: checkEmail(event.organizer.email) },
    status: opts.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  if (opts.attendee) {
    vevent.createAttendee({
      name: paramText(opts.attendee.name) || null,
      email: checkEmail(opts.attendee.email),
      status: PARTSTATS[opts.attendee.partstat],
      role: ICalAttendeeRole.REQ,
      rsvp: false,
    });
  }
}

let knownZones: Set<string> | undefined;

function checkTimeZone(timeZone: string): string {
  knownZones ??= new Set(tzlib_get_timezones() as string[]);
  // The TZID parameter is written unescaped: only names from the library's list get there.
  if (!knownZones.has(timeZone)) throw new RangeError(`fuso horário desconhecido: ${timeZone}`);
  return timeZone;
}

function vtimezone(timeZone: string): string | null {
  const block = tzlib_get_ical_block(timeZone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

function checkInstant(date: Date, what: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError(`data inválida (${what})`);
}

const EMAIL_RE = /^[^\s"(),:;<>@[\\\]]+@[^\s"(),:;<>@[\\\]]+$/;

/** Goes into "mailto:" unquoted: nothing that could end the value or the line. */
function checkEmail(email: string): string {
  if (!EMAIL_RE.test(email)) throw new RangeError(`e-mail inválido para o calendário: ${JSON.stringify(email)}`);
  return email;
}

/**
 * An absolute http(s) URL, normalized. "," and ";" are percent-encoded because ical-generator 10.2
 * backslash-escapes them in URL (a URI value, where that escaping does not exist).
 */
function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`URL inválida: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new RangeError(`URL inválida: ${JSON.stringify(url)}`);
  return parsed.href.replace(/,/g, "%2C").replace(/;/g, "%3B");
}

function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

/**
 * TEXT values: line breaks stay (ical-generator writes them as "\n"); other control characters,
 * which RFC 5545 TEXT does not allow, go. CRLF and a lone CR become LF.
 */
function cleanText(value: string): string {
  return Array.from(value.replace(/\r\n?/g, "\n"))
    .filter((ch) => ch === "\n" || ch === "\t" || !isControl(ch))
    .join("");
}

function singleLine(value: string): string {
  return value.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * A quoted parameter value (CN). Names are one line: line breaks and tabs become spaces, other
 * control characters go. ical-generator 10.2 backslash-escapes `"` and `\` inside the quotes,
 * which no parser undoes (ical.js cuts the name at `\"`), so `"` and `^` are RFC 6868-encoded
 * here (^' and ^^; ical.js, Thunderbird and Apple decode them) and a backslash, which has no
 * encoding there, becomes "/". If ical-generator is upgraded to one that does RFC 6868 itself,
 * this double-encodes: the round-trip test catches it.
 */
function paramText(value: string): string {
  const oneLine = Array.from(value.replace(/[\r\n\t]+/g, " "))
    .filter((ch) => !isControl(ch))
    .join("")
    .trim();
  return oneLine.replace(/\^/g, "^^").replace(/"/g, "^'").replace(/\\/g, "/");
}
