// Dates are stored in UTC and shown in the event's own time zone, always named. Shared by server
// and browser; Intl does the zone arithmetic (Brazil has had no DST since 2019, but the code does
// not assume it).
import { TZDate } from "@date-fns/tz";

import { timeZoneLabel } from "~/modules/entes/federation";

const LOCALE = "pt-BR";

// Formatters are costly to build (tens of µs each) and immutable: one per (options, zone), kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function fmt(options: Intl.DateTimeFormatOptions, timeZone: string) {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** "quinta-feira, 3 de dezembro de 2026" */
export function formatLongDate(date: Date, timeZone: string): string {
  return fmt({ weekday: "long", day: "numeric", month: "long", year: "numeric" }, timeZone).format(date);
}

/** "03/12/2026" */
export function formatShortDate(date: Date, timeZone: string): string {
  return fmt({ day: "2-digit", month: "2-digit", year: "numeric" }, timeZone).format(date);
}

/** "09:00" */
export function formatTime(date: Date, timeZone: string): string {
  return fmt({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }, timeZone).format(date);
}

/** "03/12/2026 às 09:00" */
export function formatDateTime(date: Date, timeZone: string): string {
  return `${formatShortDate(date, timeZone)} às ${formatTime(date, timeZone)}`;
}

/** "quinta-feira, 3 de dezembro de 2026, das 09:00 às 12:00" (or across days when it spans midnight). */
export function formatRange(start: Date, end: Date, timeZone: string): string {
  const sameDay = formatShortDate(start, timeZone) === formatShortDate(end, timeZone);
  if (sameDay) return `${formatLongDate(start, timeZone)}, das ${formatTime(start, timeZone)} às ${formatTime(end, timeZone)}`;
  return `de ${formatLongDate(start, timeZone)}, ${formatTime(start, timeZone)}, a ${formatLongDate(end, timeZone)}, ${formatTime(end, timeZone)}`;
}

/** "3 a 5 de dezembro de 2026", "3 de dezembro de 2026" */
export function formatDateSpan(start: Date, end: Date, timeZone: string): string {
  const d = (x: Date) => fmt({ day: "numeric", month: "long", year: "numeric" }, timeZone).format(x);
  const a = d(start);
  const b = d(end);
  if (a === b) return a;
  const [sd, sm, sy] = partsOf(start, timeZone);
  const [, em, ey] = partsOf(end, timeZone);
  // Number(): pt-BR's numeric day part is zero-padded ("03"), the long format is not ("3 de dezembro")
  if (sy === ey && sm === em) return `${Number(sd)} a ${b}`;
  if (sy === ey) return `${fmt({ day: "numeric", month: "long" }, timeZone).format(start)} a ${b}`;
  return `${a} a ${b}`;
}

function partsOf(date: Date, timeZone: string): [string, string, string] {
  const p = fmt({ day: "numeric", month: "numeric", year: "numeric" }, timeZone).formatToParts(date);
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? "";
  return [get("day"), get("month"), get("year")];
}

/** Wall-clock fields in a zone, as the HTML date/time inputs want them. */
export function toLocalParts(date: Date, timeZone: string): { date: string; time: string; dateTime: string } {
  const p = fmt(
    { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
    timeZone,
  ).formatToParts(date);
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? "";
  const d = `${get("year")}-${get("month")}-${get("day")}`;
  const t = `${get("hour")}:${get("minute")}`;
  return { date: d, time: t, dateTime: `${d}T${t}` };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidLocalDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export function isValidLocalTime(value: string): boolean {
  return TIME_RE.test(value);
}

/** The UTC instant of a wall-clock date and time in a zone. */
export function fromLocal(date: string, time: string, timeZone: string): Date {
  const dm = DATE_RE.exec(date);
  const tm = TIME_RE.exec(time);
  if (!dm || !tm || !isValidLocalDate(date)) throw new RangeError(`data/hora inválida: ${date} ${time}`);
  const zoned = new TZDate(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2]), timeZone);
  return new Date(zoned.getTime());
}

/** "2026-12-03T09:00" (datetime-local) in a zone → UTC. */
export function fromLocalDateTime(value: string, timeZone: string): Date {
  const [d = "", t = ""] = value.split("T");
  return fromLocal(d, t.slice(0, 5), timeZone);
}

/** "2026-12-03T09:00", optionally with seconds ("…T09:00:30"); nothing else after the time. */
export function isValidLocalDateTime(value: string): boolean {
  const m = /^([^T]*)T(\d{2}:\d{2})(:[0-5]\d)?$/.exec(value);
  return !!m && isValidLocalDate(m[1]!) && isValidLocalTime(m[2]!);
}

/** UTC offset in minutes of a zone at an instant (−180 for Brasília). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  return new TZDate(date.getTime(), timeZone).getTimezoneOffset() * -1;
}

export function sameOffset(a: string, b: string, at: Date): boolean {
  return zoneOffsetMinutes(at, a) === zoneOffsetMinutes(at, b);
}

export { timeZoneLabel };

/** "8 h", "8 h 30 min", "45 min" */
export function formatWorkload(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return `${h} h ${m} min`;
  if (h) return `${h} h`;
  return `${m} min`;
}
