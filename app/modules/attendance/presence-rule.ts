// The certificate rule, as pure functions: a person's presence in each session (online from the
// room, on-site from the door scans, or the organizer's adjustment) and whether, over the whole
// event or on each day, it reaches the event's minimum. No I/O and no clock: `now` is passed in.
//
// Precision: presence is kept in milliseconds (minutes are ms / 60 000, never rounded here) and the
// minimum is compared in integers — present × 100 ≥ threshold × scheduled — so exactly 75 % qualifies
// and 74.99 % does not, whatever binary floating point does to 0.75 or 0.29.
import { formatLongDate, formatWorkload, toLocalParts } from "~/lib/time";

import { attendanceIn, type Interval } from "./intervals";

export type SessionWindow = { id: string; title: string; startsAt: Date; endsAt: Date };
export type OnsiteMark = { id: string; kind: "ENTRADA" | "SAIDA"; at: Date };

const MS_PER_MINUTE = 60_000;

/**
 * The door scans walked in time order (ties: entry before exit, then by id): an entry opens an
 * interval unless one is already open, the next exit closes it, an exit with nothing open is ignored
 * — so a scan synced twice changes nothing. The interval still open at the end has a null end.
 */
function walkMarks(marks: readonly OnsiteMark[]): Interval[] {
  const ordered = marks
    .filter((m) => Number.isFinite(m.at.getTime()))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || kindOrder(a) - kindOrder(b) || compareText(a.id, b.id));
  const intervals: Interval[] = [];
  let open: Date | null = null;
  for (const m of ordered) {
    if (m.kind === "ENTRADA" && !open) open = m.at;
    else if (m.kind === "SAIDA" && open) {
      intervals.push({ start: open, end: m.at });
      open = null;
    }
  }
  if (open) intervals.push({ start: open, end: null });
  return intervals;
}

function kindOrder(m: OnsiteMark): number {
  return m.kind === "ENTRADA" ? 0 : 1;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * On-site intervals from door scans: an entry opens, the next exit after it closes; an entry with no
 * later exit lasts until the session's end; repeated entries while inside and exits with no entry
 * before them are ignored; marks in any order (a scan synced twice changes nothing).
 * Intervals are in time order, disjoint, not clipped to the session, and of positive length (an entry
 * and an exit at the same instant, or an open entry after the session's end, give nothing).
 */
export function onsiteIntervals(marks: readonly OnsiteMark[], session: SessionWindow): Interval[] {
  const result: Interval[] = [];
  for (const i of walkMarks(marks)) {
    const end = i.end ?? session.endsAt;
    if (end.getTime() > i.start.getTime()) result.push({ start: i.start, end });
  }
  return result;
}

export type SessionPresence = {
  sessionId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  scheduledMinutes: number;
  /** minutes counted: the union of online and on-site presence clipped to the scheduled time — or the organizer's adjustment when there is one */
  minutes: number;
  share: number; // minutes / scheduled, 0..1
  onlineMinutes: number; // for display (clipped, merged)
  onsiteMinutes: number;
  adjustment: { minutes: number; reason: string } | null;
};

function presentMs(intervals: readonly { start: Date; end: Date }[]): number {
  return intervals.reduce((sum, i) => sum + (i.end.getTime() - i.start.getTime()), 0);
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return value === Infinity ? max : min;
  return Math.min(max, Math.max(min, value));
}

/**
 * A person's presence in one session. Online and on-site intervals are clipped to the scheduled
 * window and counted once where they overlap. Open intervals — an online connection still on, an
 * entry with no exit — count until `now`, never past the end (after the session, an entry with no
 * exit therefore lasts until the end). An adjustment replaces the computed minutes, clamped to
 * 0..scheduled; it is returned as the organizer entered it.
 */
export function presenceInSession(input: {
  session: SessionWindow;
  online: readonly Interval[];
  onsite: readonly OnsiteMark[];
  adjustment?: { minutes: number; reason: string } | null;
  now: Date;
}): SessionPresence {
  const { session, now } = input;
  const window = { startsAt: session.startsAt, endsAt: session.endsAt };
  const onsite = walkMarks(input.onsite);
  const scheduledMs = Math.max(0, session.endsAt.getTime() - session.startsAt.getTime());
  const onlineMs = presentMs(attendanceIn(input.online, window, now).intervals);
  const onsiteMs = presentMs(attendanceIn(onsite, window, now).intervals);
  const unionMs = presentMs(attendanceIn([...input.online, ...onsite], window, now).intervals);
  const scheduledMinutes = scheduledMs / MS_PER_MINUTE;
  const adjustment = input.adjustment ?? null;
  const minutes = adjustment ? clamp(adjustment.minutes, 0, scheduledMinutes) : unionMs / MS_PER_MINUTE;
  return {
    sessionId: session.id,
    title: session.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    scheduledMinutes,
    minutes,
    share: scheduledMs ? Math.min(1, (minutes * MS_PER_MINUTE) / scheduledMs) : 0,
    onlineMinutes: onlineMs / MS_PER_MINUTE,
    onsiteMinutes: onsiteMs / MS_PER_MINUTE,
    adjustment: adjustment ? { minutes: adjustment.minutes, reason: adjustment.reason } : null,
  };
}

export type CertificatePolicy = {
  thresholdPercent: number; // default 75
  scope: "EVENTO" | "PERIODO"; // whole event, or each day ("período") on its own
  hours: "INTEGRAL" | "PRESENCA"; // full workload once qualified, or the hours actually present
  workloadMinutes: number; // the event's declared workload
  timeZone: string; // the event's zone: days are calendar days there
};

export type Qualification = {
  qualifies: boolean;
  share: number; // over the whole event
  periods: {
    date: string /* YYYY-MM-DD in the event zone */;
    label: string /* "quinta-feira, 3 de dezembro de 2026" */;
    minutes: number;
    scheduledMinutes: number;
    share: number;
    met: boolean;
  }[];
  hoursMinutes: number; // what the certificate states (0 when not qualified)
  explanation: string[]; // pt-BR sentences for the participant
};

/** Minutes back to whole milliseconds (exact for anything presenceInSession produced). */
function toMs(minutes: number): number {
  return Number.isFinite(minutes) ? Math.max(0, Math.round(minutes * MS_PER_MINUTE)) : 0;
}

/** present / scheduled ≥ threshold %, in integers: no rounding on the way. */
function meets(present: number, scheduled: number, thresholdPercent: number): boolean {
  return present * 100 >= thresholdPercent * scheduled;
}

const percentFormat = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 1 });

/**
 * "80 %", "74,9 %": rounded down to a tenth, so a share below the minimum never reads as the
 * minimum (74.99 % shows as 74,9 %, not 75 %).
 */
function formatPercent(present: number, scheduled: number): string {
  const tenths = scheduled ? Math.floor((present * 1000) / scheduled) : 0;
  return `${percentFormat.format(Math.min(1000, tenths) / 10)} %`;
}

function formatThreshold(thresholdPercent: number): string {
  return `${percentFormat.format(thresholdPercent)} %`;
}

type PeriodAcc = { date: string; first: Date; presentMs: number; scheduledMs: number };

/**
 * Whether the presence in these sessions earns the certificate under the event's policy, with the
 * hours it states and the reasons in pt-BR. Scheduled time is the sum of the sessions' own windows;
 * a day is the calendar day in the event's zone on which a session starts (a session across midnight
 * belongs to the day it starts). A day with no scheduled time is no period. With no scheduled time
 * at all nobody qualifies.
 */
export function qualification(sessions: readonly SessionPresence[], policy: CertificatePolicy): Qualification {
  const { thresholdPercent, timeZone } = policy;
  const workload = Math.max(0, Math.floor(policy.workloadMinutes));
  const byDate = new Map<string, PeriodAcc>();
  let totalPresent = 0;
  let totalScheduled = 0;
  const adjusted: { title: string; minutes: number; reason: string }[] = [];

  for (const s of sessions) {
    const scheduled = Math.max(0, s.endsAt.getTime() - s.startsAt.getTime());
    const present = Math.min(scheduled, toMs(s.minutes));
    totalPresent += present;
    totalScheduled += scheduled;
    if (s.adjustment) adjusted.push({ title: s.title, minutes: Math.floor(present / MS_PER_MINUTE), reason: s.adjustment.reason });
    if (!scheduled) continue;
    const date = toLocalParts(s.startsAt, timeZone).date;
    const acc = byDate.get(date) ?? { date, first: s.startsAt, presentMs: 0, scheduledMs: 0 };
    acc.presentMs += present;
    acc.scheduledMs += scheduled;
    if (s.startsAt.getTime() < acc.first.getTime()) acc.first = s.startsAt;
    byDate.set(date, acc);
  }

  const periodsAcc = [...byDate.values()].sort((a, b) => compareText(a.date, b.date));
  const periods = periodsAcc.map((p) => ({
    date: p.date,
    label: formatLongDate(p.first, timeZone),
    minutes: p.presentMs / MS_PER_MINUTE,
    scheduledMinutes: p.scheduledMs / MS_PER_MINUTE,
    share: p.presentMs / p.scheduledMs,
    met: meets(p.presentMs, p.scheduledMs, thresholdPercent),
  }));
  const share = totalScheduled ? totalPresent / totalScheduled : 0;

  if (!totalScheduled) {
    return {
      qualifies: false,
      share: 0,
      periods,
      hoursMinutes: 0,
      explanation: ["O evento não tem horário programado, por isso ainda não é possível apurar a sua presença."],
    };
  }

  const eventMet = meets(totalPresent, totalScheduled, thresholdPercent);
  const qualifies = policy.scope === "PERIODO" ? periods.every((p) => p.met) : eventMet;
  const presentWholeMinutes = Math.floor(totalPresent / MS_PER_MINUTE);
  const hoursMinutes = !qualifies ? 0 : policy.hours === "INTEGRAL" ? workload : Math.min(workload, presentWholeMinutes);

  const explanation: string[] = [];
  const overall = formatPercent(totalPresent, totalScheduled);
  const threshold = formatThreshold(thresholdPercent);
  if (policy.scope === "EVENTO") {
    explanation.push(`Você esteve presente em ${overall} do horário do evento; o mínimo é ${threshold}.`);
  } else {
    explanation.push(`Você esteve presente em ${overall} do horário do evento; o mínimo é ${threshold} em cada dia do evento.`);
    const years = new Set(periodsAcc.map((p) => p.date.slice(0, 4)));
    const dayFormat = new Intl.DateTimeFormat("pt-BR", {
      day: "numeric",
      month: "long",
      ...(years.size > 1 ? { year: "numeric" } : {}),
      timeZone,
    });
    for (const p of periodsAcc) {
      if (meets(p.presentMs, p.scheduledMs, thresholdPercent)) continue;
      explanation.push(`No dia ${dayFormat.format(p.first)}, ${formatPercent(p.presentMs, p.scheduledMs)}; o mínimo por período é ${threshold}.`);
    }
    if (qualifies) {
      explanation.push(
        periodsAcc.length === 1 ? "Você atingiu o mínimo no dia do evento." : `Você atingiu o mínimo em cada um dos ${periodsAcc.length} dias do evento.`,
      );
    }
  }

  for (const a of adjusted) {
    const reason = a.reason.trim().replace(/[.;:!\s]+$/, "");
    const why = reason ? ` (motivo: ${reason})` : "";
    explanation.push(`A organização ajustou a sua presença em “${a.title}” para ${formatWorkload(a.minutes)}${why}.`);
  }

  if (!qualifies) {
    explanation.push("Por isso, você não atingiu a frequência mínima para receber o certificado.");
  } else if (policy.hours === "INTEGRAL") {
    explanation.push(`O certificado terá a carga horária do evento: ${formatWorkload(hoursMinutes)}.`);
  } else if (presentWholeMinutes > workload) {
    explanation.push(`O certificado terá as horas em que você esteve presente, até a carga horária do evento: ${formatWorkload(hoursMinutes)}.`);
  } else {
    explanation.push(`O certificado terá as horas em que você esteve presente: ${formatWorkload(hoursMinutes)}.`);
  }

  return { qualifies, share, periods, hoursMinutes, explanation };
}
