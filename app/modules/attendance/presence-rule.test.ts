import { describe, expect, it } from "vitest";

import { fromLocal } from "~/lib/time";

import type { Interval } from "./intervals";
import {
  onsiteIntervals,
  presenceInSession,
  qualification,
  type CertificatePolicy,
  type OnsiteMark,
  type SessionPresence,
  type SessionWindow,
} from "./presence-rule";

const SP = "America/Sao_Paulo";
const RB = "America/Rio_Branco";
const MIN = 60_000;

/** A wall-clock instant on 3 December 2026 in São Paulo ("09:00"), or another day ("2026-12-04 09:00"). */
function at(when: string, timeZone = SP): Date {
  const [date, time] = when.includes(" ") ? when.split(" ") : ["2026-12-03", when];
  return fromLocal(date!, time!, timeZone);
}
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

function session(id: string, from: string, to: string, timeZone = SP): SessionWindow {
  return { id, title: `Sessão ${id}`, startsAt: at(from, timeZone), endsAt: at(to, timeZone) };
}

let markSeq = 0;
function mark(kind: OnsiteMark["kind"], when: string | Date, id = `m${++markSeq}`): OnsiteMark {
  return { id, kind, at: typeof when === "string" ? at(when) : when };
}
const entrada = (when: string | Date, id?: string) => mark("ENTRADA", when, id);
const saida = (when: string | Date, id?: string) => mark("SAIDA", when, id);
const online = (from: string, to: string | null): Interval => ({ start: at(from), end: to === null ? null : at(to) });

const AFTER = at("2026-12-31 00:00");

/** Presence in a session as if online from its start for `ms` milliseconds. */
function attendedMs(s: SessionWindow, ms: number): SessionPresence {
  return presenceInSession({ session: s, online: [{ start: s.startsAt, end: plus(s.startsAt, ms) }], onsite: [], now: AFTER });
}
const attended = (s: SessionWindow, minutes: number) => attendedMs(s, minutes * MIN);

function policy(over: Partial<CertificatePolicy> = {}): CertificatePolicy {
  return { thresholdPercent: 75, scope: "EVENTO", hours: "INTEGRAL", workloadMinutes: 8 * 60, timeZone: SP, ...over };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe("on-site intervals from door scans", () => {
  const s = session("a", "09:00", "12:00");

  it("gives nothing when there are no scans", () => {
    expect(onsiteIntervals([], s)).toEqual([]);
  });

  it("opens at an entry and closes at the next exit", () => {
    expect(onsiteIntervals([entrada("09:05"), saida("11:40")], s)).toEqual([{ start: at("09:05"), end: at("11:40") }]);
  });

  it("lasts until the session's end when an entry has no later exit", () => {
    expect(onsiteIntervals([entrada("09:05")], s)).toEqual([{ start: at("09:05"), end: at("12:00") }]);
  });

  it("ignores a check-out with no check-in before it", () => {
    expect(onsiteIntervals([saida("09:00")], s)).toEqual([]);
    expect(onsiteIntervals([saida("09:00"), entrada("09:30"), saida("10:00")], s)).toEqual([{ start: at("09:30"), end: at("10:00") }]);
  });

  it("ignores repeated entries while inside: the first entry counts", () => {
    expect(onsiteIntervals([entrada("09:05"), entrada("09:20"), entrada("10:00"), saida("11:00")], s)).toEqual([
      { start: at("09:05"), end: at("11:00") },
    ]);
  });

  it("closes at the first exit and ignores further exits while outside", () => {
    expect(onsiteIntervals([entrada("09:05"), saida("10:00"), saida("11:00")], s)).toEqual([{ start: at("09:05"), end: at("10:00") }]);
  });

  it("keeps each visit when the person leaves and comes back", () => {
    expect(onsiteIntervals([entrada("09:00"), saida("10:00"), entrada("10:30"), saida("11:00"), entrada("11:30")], s)).toEqual([
      { start: at("09:00"), end: at("10:00") },
      { start: at("10:30"), end: at("11:00") },
      { start: at("11:30"), end: at("12:00") },
    ]);
  });

  it("gives the same intervals whatever the order the scans arrive in", () => {
    const marks = [entrada("09:00"), entrada("09:10"), saida("10:00"), entrada("10:30"), saida("08:00")];
    const expected = [
      { start: at("09:00"), end: at("10:00") },
      { start: at("10:30"), end: at("12:00") },
    ];
    for (const order of permutations(marks)) expect(onsiteIntervals(order, s)).toEqual(expected);
  });

  it("counts a scan synced twice (same id) once", () => {
    const exit = saida("10:00", "exit-1");
    const enter = entrada("09:00", "enter-1");
    expect(onsiteIntervals([enter, exit, { ...exit }, { ...enter }], s)).toEqual([{ start: at("09:00"), end: at("10:00") }]);
  });

  it("takes an entry before an exit scanned at the same instant, whatever their order, giving an empty visit that is dropped", () => {
    const pair = [saida("09:30", "x"), entrada("09:30", "y")];
    expect(onsiteIntervals(pair, s)).toEqual([]);
    expect(onsiteIntervals([...pair].reverse(), s)).toEqual([]);
    expect(onsiteIntervals([entrada("09:00"), ...pair], s)).toEqual([{ start: at("09:00"), end: at("09:30") }]);
  });

  it("gives nothing for an entry after the session's end with no exit", () => {
    expect(onsiteIntervals([entrada("12:30")], s)).toEqual([]);
  });

  it("does not clip to the session: that is presenceInSession's job", () => {
    expect(onsiteIntervals([entrada("08:00"), saida("13:00")], s)).toEqual([{ start: at("08:00"), end: at("13:00") }]);
  });

  it("ignores scans with an invalid time", () => {
    expect(onsiteIntervals([entrada(new Date(Number.NaN)), saida("10:00")], s)).toEqual([]);
  });
});

describe("presence in a session", () => {
  const s = session("a", "09:00", "12:00");
  const base = { session: s, online: [] as Interval[], onsite: [] as OnsiteMark[], now: AFTER };

  it("describes the session and counts nothing without presence", () => {
    expect(presenceInSession(base)).toEqual({
      sessionId: "a",
      title: "Sessão a",
      startsAt: at("09:00"),
      endsAt: at("12:00"),
      scheduledMinutes: 180,
      minutes: 0,
      share: 0,
      onlineMinutes: 0,
      onsiteMinutes: 0,
      adjustment: null,
    });
  });

  it("counts online presence and its share of the scheduled time", () => {
    const p = presenceInSession({ ...base, online: [online("09:00", "11:15")] });
    expect(p).toMatchObject({ minutes: 135, share: 0.75, onlineMinutes: 135, onsiteMinutes: 0 });
  });

  it("counts on-site presence from the door scans", () => {
    const p = presenceInSession({ ...base, onsite: [entrada("09:30"), saida("11:00")] });
    expect(p).toMatchObject({ minutes: 90, share: 0.5, onlineMinutes: 0, onsiteMinutes: 90 });
  });

  it("counts once the time someone was both online and on-site", () => {
    const p = presenceInSession({ ...base, online: [online("09:00", "10:30")], onsite: [entrada("10:00"), saida("11:00")] });
    expect(p.onlineMinutes).toBe(90);
    expect(p.onsiteMinutes).toBe(60);
    expect(p.minutes).toBe(120);
  });

  it("counts the whole session once when online and on-site cover it entirely", () => {
    const p = presenceInSession({ ...base, online: [online("08:00", "13:00")], onsite: [entrada("08:50")] });
    expect(p).toMatchObject({ minutes: 180, share: 1, onlineMinutes: 180, onsiteMinutes: 180 });
  });

  it("clips online presence before the start and after the end", () => {
    const p = presenceInSession({ ...base, online: [online("08:00", "09:30"), online("11:30", "14:00")] });
    expect(p).toMatchObject({ minutes: 60, onlineMinutes: 60 });
  });

  it("ignores online and on-site intervals entirely outside the session", () => {
    const p = presenceInSession({
      ...base,
      online: [online("07:00", "08:59"), online("12:00", "13:00")],
      onsite: [entrada("06:00"), saida("08:00"), entrada("12:01"), saida("12:30")],
    });
    expect(p).toMatchObject({ minutes: 0, share: 0, onlineMinutes: 0, onsiteMinutes: 0 });
  });

  it("counts reconnections (overlapping online intervals) once", () => {
    const p = presenceInSession({ ...base, online: [online("09:00", "10:00"), online("09:50", "10:30"), online("09:55", "10:10")] });
    expect(p.minutes).toBe(90);
    expect(p.onlineMinutes).toBe(90);
  });

  it("counts an open online connection until now, never past the end", () => {
    expect(presenceInSession({ ...base, online: [online("09:30", null)], now: at("10:00") }).minutes).toBe(30);
    expect(presenceInSession({ ...base, online: [online("09:30", null)], now: AFTER }).minutes).toBe(150);
  });

  it("lasts until the end for a check-in with no check-out, once the session is over", () => {
    const p = presenceInSession({ ...base, onsite: [entrada("09:15")], now: at("18:00") });
    expect(p).toMatchObject({ minutes: 165, onsiteMinutes: 165 });
  });

  it("counts a check-in with no check-out only until now while the session is running", () => {
    const p = presenceInSession({ ...base, onsite: [entrada("09:15")], now: at("10:15") });
    expect(p).toMatchObject({ minutes: 60, onsiteMinutes: 60 });
  });

  it("counts nothing yet before the session starts", () => {
    const p = presenceInSession({ ...base, online: [online("08:30", null)], onsite: [entrada("08:40")], now: at("08:55") });
    expect(p).toMatchObject({ minutes: 0, share: 0, scheduledMinutes: 180 });
  });

  it("ignores a check-out before the check-in, and counts the check-in until the end", () => {
    const p = presenceInSession({ ...base, onsite: [saida("09:10"), entrada("09:30")] });
    expect(p.onsiteMinutes).toBe(150);
  });

  it("gives the same presence whatever the order of the scans", () => {
    const marks = [entrada("09:00"), saida("10:00"), entrada("11:00"), entrada("11:10")];
    for (const order of permutations(marks)) expect(presenceInSession({ ...base, onsite: order }).minutes).toBe(120);
  });

  it("keeps seconds: minutes are not rounded", () => {
    const p = presenceInSession({ ...base, online: [{ start: at("09:00"), end: plus(at("09:00"), 90_500) }] });
    expect(p.minutes * MIN).toBeCloseTo(90_500, 6);
    expect(Math.round(p.minutes * MIN)).toBe(90_500);
  });

  it("replaces the computed minutes with the organizer's adjustment upwards, keeping the reason", () => {
    const p = presenceInSession({ ...base, online: [online("09:00", "10:00")], adjustment: { minutes: 150, reason: "Queda de energia no município" } });
    expect(p.minutes).toBe(150);
    expect(p.share).toBeCloseTo(150 / 180, 12);
    expect(p.onlineMinutes).toBe(60);
    expect(p.adjustment).toEqual({ minutes: 150, reason: "Queda de energia no município" });
  });

  it("replaces the computed minutes with the organizer's adjustment downwards", () => {
    const p = presenceInSession({ ...base, online: [online("09:00", "12:00")], adjustment: { minutes: 30, reason: "Câmera desligada, sem interação" } });
    expect(p.minutes).toBe(30);
    expect(p.onlineMinutes).toBe(180);
  });

  it("clamps the adjustment to the scheduled time and to zero, and returns it as entered", () => {
    const over = presenceInSession({ ...base, adjustment: { minutes: 500, reason: "Erro de digitação" } });
    expect(over).toMatchObject({ minutes: 180, share: 1, adjustment: { minutes: 500, reason: "Erro de digitação" } });
    const under = presenceInSession({ ...base, online: [online("09:00", "12:00")], adjustment: { minutes: -20, reason: "Ausente" } });
    expect(under).toMatchObject({ minutes: 0, share: 0 });
    const nan = presenceInSession({ ...base, online: [online("09:00", "12:00")], adjustment: { minutes: Number.NaN, reason: "?" } });
    expect(nan.minutes).toBe(0);
  });

  it("keeps the computed minutes when the adjustment is null", () => {
    const p = presenceInSession({ ...base, online: [online("09:00", "10:00")], adjustment: null });
    expect(p).toMatchObject({ minutes: 60, adjustment: null });
  });

  it("counts nothing in a session of zero length, even with presence or an adjustment", () => {
    const zero = session("z", "10:00", "10:00");
    const p = presenceInSession({ session: zero, online: [online("09:00", "11:00")], onsite: [entrada("09:00")], now: AFTER });
    expect(p).toMatchObject({ scheduledMinutes: 0, minutes: 0, share: 0, onlineMinutes: 0, onsiteMinutes: 0 });
    const adjusted = presenceInSession({ session: zero, online: [], onsite: [], adjustment: { minutes: 60, reason: "x" }, now: AFTER });
    expect(adjusted).toMatchObject({ minutes: 0, share: 0 });
  });

  it("treats a session that ends before it starts as zero length", () => {
    const p = presenceInSession({ session: session("r", "12:00", "09:00"), online: [online("08:00", "13:00")], onsite: [], now: AFTER });
    expect(p).toMatchObject({ scheduledMinutes: 0, minutes: 0, share: 0 });
  });
});

describe("certificate qualification: the minimum share", () => {
  const s = session("a", "09:00", "10:00");
  const hundred = session("b", "09:00", "10:40");

  it("qualifies at exactly 75 %", () => {
    const q = qualification([attended(s, 45)], policy());
    expect(q.qualifies).toBe(true);
    expect(q.share).toBe(0.75);
    expect(q.explanation[0]).toBe("Você esteve presente em 75 % do horário do evento; o mínimo é 75 %.");
  });

  it("does not qualify at 74.99 %, and does not show it as 75 %", () => {
    const q = qualification([attendedMs(hundred, 4_499_400)], policy()) // 74.99 of 100 minutes;
    expect(q.qualifies).toBe(false);
    expect(q.hoursMinutes).toBe(0);
    expect(q.explanation[0]).toBe("Você esteve presente em 74,9 % do horário do evento; o mínimo é 75 %.");
  });

  it("does not qualify one millisecond short of the minimum", () => {
    expect(qualification([attendedMs(s, 45 * MIN - 1)], policy()).qualifies).toBe(false);
    expect(qualification([attendedMs(s, 45 * MIN + 1)], policy()).qualifies).toBe(true);
  });

  it("compares exactly where floating point would not (29 % and 57 % of 100 minutes)", () => {
    expect(0.29 * 100).toBeLessThan(29); // the trap: a naive share × 100 misses the minimum
    expect(qualification([attended(hundred, 29)], policy({ thresholdPercent: 29 })).qualifies).toBe(true);
    expect(qualification([attended(hundred, 57)], policy({ thresholdPercent: 57 })).qualifies).toBe(true);
    expect(qualification([attendedMs(hundred, 57 * MIN - 1)], policy({ thresholdPercent: 57 })).qualifies).toBe(false);
  });

  it("qualifies at exactly the minimum summed over several sessions with second-level presence", () => {
    // 3 sessions of 40 min = 120 min; 75 % = 90 min = 5400 s, split into odd seconds
    const a = session("a", "09:00", "09:40");
    const b = session("b", "10:00", "10:40");
    const c = session("c", "11:00", "11:40");
    const exact = [attendedMs(a, 1_799_000), attendedMs(b, 1_800_500), attendedMs(c, 1_800_500)];
    expect(qualification(exact, policy()).qualifies).toBe(true);
    const short = [attendedMs(a, 1_799_000), attendedMs(b, 1_800_500), attendedMs(c, 1_800_499)];
    expect(qualification(short, policy()).qualifies).toBe(false);
  });

  it("counts scheduled time only from the sessions' own windows, not the gaps between them", () => {
    const morning = session("m", "09:00", "10:00");
    const afternoon = session("t", "14:00", "15:00");
    const q = qualification([attended(morning, 60), attended(afternoon, 30)], policy());
    expect(q.share).toBe(0.75);
    expect(q.qualifies).toBe(true);
  });

  it("qualifies with a threshold of 0 % and never with one above 100 %", () => {
    expect(qualification([attended(s, 0)], policy({ thresholdPercent: 0 })).qualifies).toBe(true);
    expect(qualification([attended(s, 60)], policy({ thresholdPercent: 101 })).qualifies).toBe(false);
  });

  it("lets the organizer's adjustment decide the session's minutes", () => {
    const below = attended(s, 30);
    expect(qualification([below], policy()).qualifies).toBe(false);
    const raised = presenceInSession({
      session: s,
      online: [{ start: s.startsAt, end: plus(s.startsAt, 30 * MIN) }],
      onsite: [],
      adjustment: { minutes: 50, reason: "Assistiu pela sala do CRAS, sem login próprio." },
      now: AFTER,
    });
    const q = qualification([raised], policy());
    expect(q.qualifies).toBe(true);
    expect(q.explanation).toContain("A organização ajustou a sua presença em “Sessão a” para 50 min (motivo: Assistiu pela sala do CRAS, sem login próprio).");
  });

  it("never counts more than the scheduled time of a session, even from a hand-made presence", () => {
    const inflated: SessionPresence = { ...attended(s, 60), minutes: 600 };
    const other = attended(session("b", "11:00", "12:00"), 0);
    expect(qualification([inflated, other], policy()).share).toBe(0.5);
  });
});

describe("certificate qualification: whole event or each day", () => {
  const d1a = session("d1a", "2026-12-03 09:00", "2026-12-03 12:00");
  const d1b = session("d1b", "2026-12-03 14:00", "2026-12-03 16:00");
  const d2 = session("d2", "2026-12-04 09:00", "2026-12-04 12:00");
  // day 1: 5 h of 5 h; day 2: 1 h 48 min of 3 h (60 %); whole event: 6 h 48 min of 8 h (85 %)
  const data = [attended(d1a, 180), attended(d1b, 120), attended(d2, 108)];

  it("fails the per-period rule when one day is below the minimum, naming that day in pt-BR", () => {
    const q = qualification(data, policy({ scope: "PERIODO" }));
    expect(q.qualifies).toBe(false);
    expect(q.hoursMinutes).toBe(0);
    expect(q.periods.map((p) => p.met)).toEqual([true, false]);
    expect(q.explanation).toEqual([
      "Você esteve presente em 85 % do horário do evento; o mínimo é 75 % em cada dia do evento.",
      "No dia 4 de dezembro, 60 %; o mínimo por período é 75 %.",
      "Por isso, você não atingiu a frequência mínima para receber o certificado.",
    ]);
  });

  it("qualifies under the per-event rule with the same data", () => {
    const q = qualification(data, policy({ scope: "EVENTO" }));
    expect(q.qualifies).toBe(true);
    expect(q.share).toBe(0.85);
    expect(q.hoursMinutes).toBe(480);
    expect(q.explanation).toEqual([
      "Você esteve presente em 85 % do horário do evento; o mínimo é 75 %.",
      "O certificado terá a carga horária do evento: 8 h.",
    ]);
  });

  it("reports each day's minutes, scheduled time and share, labelled in pt-BR, whatever the scope", () => {
    const periods = [
      { date: "2026-12-03", label: "quinta-feira, 3 de dezembro de 2026", minutes: 300, scheduledMinutes: 300, share: 1, met: true },
      { date: "2026-12-04", label: "sexta-feira, 4 de dezembro de 2026", minutes: 108, scheduledMinutes: 180, share: 0.6, met: false },
    ];
    expect(qualification(data, policy({ scope: "EVENTO" })).periods).toEqual(periods);
    expect(qualification(data, policy({ scope: "PERIODO" })).periods).toEqual(periods);
  });

  it("sorts the periods by date whatever the order of the sessions", () => {
    const q = qualification([...data].reverse(), policy());
    expect(q.periods.map((p) => p.date)).toEqual(["2026-12-03", "2026-12-04"]);
  });

  it("qualifies under the per-period rule when every day reaches the minimum, exactly 75 % included", () => {
    const q = qualification([attended(d1a, 180), attended(d1b, 120), attended(d2, 135)], policy({ scope: "PERIODO" }));
    expect(q.qualifies).toBe(true);
    expect(q.periods.map((p) => p.met)).toEqual([true, true]);
    expect(q.explanation).toEqual([
      "Você esteve presente em 90,6 % do horário do evento; o mínimo é 75 % em cada dia do evento.",
      "Você atingiu o mínimo em cada um dos 2 dias do evento.",
      "O certificado terá a carga horária do evento: 8 h.",
    ]);
  });

  it("names every failing day under the per-period rule", () => {
    const q = qualification([attended(d1a, 100), attended(d1b, 0), attended(d2, 0)], policy({ scope: "PERIODO" }));
    expect(q.explanation).toContain("No dia 3 de dezembro, 33,3 %; o mínimo por período é 75 %.");
    expect(q.explanation).toContain("No dia 4 de dezembro, 0 %; o mínimo por período é 75 %.");
  });

  it("speaks of a single day when the event has one", () => {
    const q = qualification([attended(d1a, 180)], policy({ scope: "PERIODO" }));
    expect(q.explanation).toContain("Você atingiu o mínimo no dia do evento.");
  });

  it("names the year of each failing day when the event crosses a new year", () => {
    const eve = session("eve", "2026-12-31 09:00", "2026-12-31 10:00");
    const newYear = session("ny", "2027-01-01 09:00", "2027-01-01 10:00");
    const q = qualification([attended(eve, 60), attended(newYear, 10)], policy({ scope: "PERIODO" }));
    expect(q.periods.map((p) => p.date)).toEqual(["2026-12-31", "2027-01-01"]);
    expect(q.explanation).toContain("No dia 1 de janeiro de 2027, 16,6 %; o mínimo por período é 75 %.");
  });
});

describe("certificate qualification: hours on the certificate", () => {
  const morning = session("m", "09:00", "12:00");
  const afternoon = session("t", "13:00", "18:00");
  // 8 h scheduled; present 7 h 30 min 59 s
  const data = [attended(morning, 180), attendedMs(afternoon, 270 * MIN + 59_000)];

  it("states the full workload under INTEGRAL once qualified", () => {
    const q = qualification(data, policy({ hours: "INTEGRAL", workloadMinutes: 480 }));
    expect(q.hoursMinutes).toBe(480);
  });

  it("states the minutes actually present under PRESENCA, rounded down to whole minutes", () => {
    const q = qualification(data, policy({ hours: "PRESENCA", workloadMinutes: 480 }));
    expect(q.hoursMinutes).toBe(450);
    expect(q.explanation.at(-1)).toBe("O certificado terá as horas em que você esteve presente: 7 h 30 min.");
  });

  it("never states more than the workload under PRESENCA", () => {
    const q = qualification(data, policy({ hours: "PRESENCA", workloadMinutes: 360 }));
    expect(q.hoursMinutes).toBe(360);
    expect(q.explanation.at(-1)).toBe("O certificado terá as horas em que você esteve presente, até a carga horária do evento: 6 h.");
  });

  it("still states the whole workload under INTEGRAL when it is larger than the scheduled time", () => {
    const q = qualification(data, policy({ hours: "INTEGRAL", workloadMinutes: 600 }));
    expect(q.hoursMinutes).toBe(600);
    expect(q.explanation.at(-1)).toBe("O certificado terá a carga horária do evento: 10 h.");
  });

  it("states at most the minutes present under PRESENCA when the workload is larger than the scheduled time", () => {
    expect(qualification(data, policy({ hours: "PRESENCA", workloadMinutes: 600 })).hoursMinutes).toBe(450);
  });

  it("counts adjusted minutes as present under PRESENCA", () => {
    const adjusted = presenceInSession({ session: afternoon, online: [], onsite: [], adjustment: { minutes: 240, reason: "Lista de presença em papel" }, now: AFTER });
    const q = qualification([attended(morning, 180), adjusted], policy({ hours: "PRESENCA" }));
    expect(q.hoursMinutes).toBe(420);
  });

  it("states no hours when not qualified, under either mode", () => {
    const few = [attended(morning, 180), attended(afternoon, 0)];
    expect(qualification(few, policy({ hours: "INTEGRAL" })).hoursMinutes).toBe(0);
    expect(qualification(few, policy({ hours: "PRESENCA" })).hoursMinutes).toBe(0);
  });
});

describe("certificate qualification: degenerate events", () => {
  it("does not qualify anyone for an event with no sessions", () => {
    expect(qualification([], policy())).toEqual({
      qualifies: false,
      share: 0,
      periods: [],
      hoursMinutes: 0,
      explanation: ["O evento não tem horário programado, por isso ainda não é possível apurar a sua presença."],
    });
  });

  it("does not qualify anyone when every session has zero length, and makes no period of them", () => {
    const zero = session("z", "10:00", "10:00");
    const q = qualification([presenceInSession({ session: zero, online: [online("09:00", "11:00")], onsite: [], now: AFTER })], policy({ scope: "PERIODO" }));
    expect(q).toMatchObject({ qualifies: false, share: 0, periods: [], hoursMinutes: 0 });
  });

  it("ignores a zero-length session among others: it adds no scheduled time and no day", () => {
    const real = session("a", "09:00", "10:00");
    const zero = session("z", "2026-12-05 10:00", "2026-12-05 10:00");
    const q = qualification([attended(real, 45), attended(zero, 0)], policy({ scope: "PERIODO" }));
    expect(q.qualifies).toBe(true);
    expect(q.share).toBe(0.75);
    expect(q.periods.map((p) => p.date)).toEqual(["2026-12-03"]);
  });
});

describe("certificate qualification: the event's time zone", () => {
  // 23:00–01:00 in Rio Branco (UTC−5) is 04:00–06:00 UTC on 4 December, 01:00–03:00 in São Paulo
  const night = session("n", "2026-12-03 23:00", "2026-12-04 01:00", RB);

  it("puts a session across midnight in Rio Branco on the day it starts there", () => {
    expect(night.startsAt.toISOString()).toBe("2026-12-04T04:00:00.000Z");
    const q = qualification([attended(night, 120)], policy({ timeZone: RB }));
    expect(q.periods).toEqual([
      { date: "2026-12-03", label: "quinta-feira, 3 de dezembro de 2026", minutes: 120, scheduledMinutes: 120, share: 1, met: true },
    ]);
  });

  it("puts the same instants on the next day for an event in São Paulo", () => {
    const q = qualification([attended(night, 120)], policy({ timeZone: SP }));
    expect(q.periods.map((p) => [p.date, p.label])).toEqual([["2026-12-04", "sexta-feira, 4 de dezembro de 2026"]]);
  });

  it("adds a session across midnight to its starting day in the per-period rule, and names that day", () => {
    const evening = session("e", "2026-12-03 19:00", "2026-12-03 21:00", RB);
    const nextMorning = session("m", "2026-12-04 09:00", "2026-12-04 11:00", RB);
    const q = qualification([attended(evening, 120), attended(night, 0), attended(nextMorning, 120)], policy({ scope: "PERIODO", timeZone: RB }));
    expect(q.periods).toMatchObject([
      { date: "2026-12-03", minutes: 120, scheduledMinutes: 240, share: 0.5, met: false },
      { date: "2026-12-04", minutes: 120, scheduledMinutes: 120, share: 1, met: true },
    ]);
    expect(q.qualifies).toBe(false);
    expect(q.explanation).toContain("No dia 3 de dezembro, 50 %; o mínimo por período é 75 %.");
  });
});
