import { describe, expect, it } from "vitest";

import {
  formatDateSpan,
  formatDateTime,
  formatLongDate,
  formatRange,
  formatShortDate,
  formatTime,
  formatWorkload,
  fromLocal,
  fromLocalDateTime,
  isValidLocalDate,
  isValidLocalDateTime,
  isValidLocalTime,
  sameOffset,
  toLocalParts,
  zoneOffsetMinutes,
} from "./time";

const SP = "America/Sao_Paulo";
const PVH = "America/Porto_Velho";
const RBR = "America/Rio_Branco";
const NORONHA = "America/Noronha";

describe("fromLocal and toLocalParts", () => {
  it.each([
    [SP, "2026-12-03T12:00:00.000Z"],
    [PVH, "2026-12-03T13:00:00.000Z"],
    [RBR, "2026-12-03T14:00:00.000Z"],
    [NORONHA, "2026-12-03T11:00:00.000Z"],
  ])("reads 2026-12-03 09:00 in %s as the instant %s", (zone, iso) => {
    expect(fromLocal("2026-12-03", "09:00", zone).toISOString()).toBe(iso);
  });

  it.each([SP, PVH, RBR, NORONHA])("gives back the same wall-clock date and time in %s (round trip)", (zone) => {
    for (const [date, time] of [
      ["2026-12-03", "09:00"],
      ["2026-01-01", "00:00"],
      ["2026-06-30", "23:59"],
      ["2028-02-29", "12:15"],
    ] as const) {
      const instant = fromLocal(date, time, zone);
      expect(toLocalParts(instant, zone)).toEqual({ date, time, dateTime: `${date}T${time}` });
    }
  });

  it("puts a late evening in Acre on the next UTC day", () => {
    expect(fromLocal("2026-12-03", "22:30", RBR).toISOString()).toBe("2026-12-04T03:30:00.000Z");
  });

  it("puts New Year's Eve at 23:00 in Brasília in the next UTC year", () => {
    expect(fromLocal("2026-12-31", "23:00", SP).toISOString()).toBe("2027-01-01T02:00:00.000Z");
  });

  it("puts the evening of 29 February 2028 in Acre on 1 March in UTC", () => {
    expect(fromLocal("2028-02-29", "21:30", RBR).toISOString()).toBe("2028-03-01T02:30:00.000Z");
  });

  it("shows an early UTC instant on the previous local day", () => {
    const instant = new Date("2026-12-04T01:00:00Z");
    expect(toLocalParts(instant, SP)).toEqual({ date: "2026-12-03", time: "22:00", dateTime: "2026-12-03T22:00" });
    expect(toLocalParts(instant, RBR)).toEqual({ date: "2026-12-03", time: "20:00", dateTime: "2026-12-03T20:00" });
    expect(toLocalParts(instant, NORONHA)).toEqual({ date: "2026-12-03", time: "23:00", dateTime: "2026-12-03T23:00" });
  });

  it("shows midnight as 00:00, not 24:00", () => {
    expect(toLocalParts(new Date("2026-12-04T03:00:00Z"), SP).time).toBe("00:00");
  });

  it.each([
    ["2026-02-29", "09:00"],
    ["2026-13-01", "09:00"],
    ["03/12/2026", "09:00"],
    ["2026-12-03", "24:00"],
    ["2026-12-03", "9:00"],
    ["2026-12-03", "09:60"],
    ["", ""],
  ])("throws a RangeError for the invalid wall-clock value %s %s", (date, time) => {
    expect(() => fromLocal(date, time, SP)).toThrow(RangeError);
  });
});

describe("fromLocalDateTime", () => {
  it("reads a datetime-local value in the event's zone", () => {
    expect(fromLocalDateTime("2026-12-03T09:00", RBR).toISOString()).toBe("2026-12-03T14:00:00.000Z");
  });

  it("ignores the seconds some browsers add", () => {
    expect(fromLocalDateTime("2026-12-03T09:00:00", SP).toISOString()).toBe("2026-12-03T12:00:00.000Z");
  });

  it("throws a RangeError when the time is missing", () => {
    expect(() => fromLocalDateTime("2026-12-03", SP)).toThrow(RangeError);
  });
});

describe("isValidLocalDate", () => {
  it.each(["2026-12-03", "2028-02-29", "2026-02-28", "2026-01-31", "2000-01-01", "2100-12-31"])("accepts %s", (value) => {
    expect(isValidLocalDate(value)).toBe(true);
  });

  it.each([
    ["2026-02-29", "29 February of a common year"],
    ["2100-02-29", "29 February of a century that is not a leap year"],
    ["2026-13-01", "month 13"],
    ["2026-00-10", "month 0"],
    ["2026-04-31", "31 April"],
    ["2026-12-00", "day 0"],
    ["1999-12-31", "a year before 2000"],
    ["2101-01-01", "a year after 2100"],
    ["03/12/2026", "the Brazilian display format"],
    ["2026-1-3", "missing leading zeros"],
    ["2026-12-03T09:00", "a date and time"],
    ["", "an empty value"],
  ])("rejects %s (%s)", (value) => {
    expect(isValidLocalDate(value)).toBe(false);
  });
});

describe("isValidLocalTime", () => {
  it.each(["00:00", "09:05", "12:00", "23:59"])("accepts %s", (value) => {
    expect(isValidLocalTime(value)).toBe(true);
  });

  it.each(["24:00", "9:00", "09:60", "09:00:00", "0900", "", "ab:cd"])("rejects %j", (value) => {
    expect(isValidLocalTime(value)).toBe(false);
  });
});

describe("isValidLocalDateTime", () => {
  it.each(["2026-12-03T09:00", "2026-12-03T09:00:30", "2028-02-29T23:59"])("accepts the datetime-local value %s", (value) => {
    expect(isValidLocalDateTime(value)).toBe(true);
  });

  it.each([
    ["2026-12-03 09:00", "a space instead of T"],
    ["2026-12-03", "a date without time"],
    ["2026-02-29T09:00", "an impossible date"],
    ["2026-12-03T24:00", "an impossible time"],
    ["2026-12-03T09:00abc", "trailing garbage after the time"],
    ["2026-12-03T09:00:99", "impossible seconds"],
    ["2026-12-03T09:00T10:00", "two times"],
    ["", "an empty value"],
  ])("rejects %j (%s)", (value) => {
    expect(isValidLocalDateTime(value)).toBe(false);
  });
});

describe("zoneOffsetMinutes", () => {
  const at = new Date("2026-12-03T12:00:00Z");

  it.each([
    [SP, -180],
    [PVH, -240],
    [RBR, -300],
    [NORONHA, -120],
    ["UTC", 0],
  ])("gives the offset of %s as %i minutes", (zone, minutes) => {
    expect(zoneOffsetMinutes(at, zone)).toBe(minutes);
  });

  it("follows daylight saving time where a zone still has it", () => {
    expect(zoneOffsetMinutes(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(zoneOffsetMinutes(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-240);
  });

  it("tells that Manaus and Porto Velho share an offset but Brasília does not", () => {
    expect(sameOffset("America/Manaus", PVH, at)).toBe(true);
    expect(sameOffset(SP, PVH, at)).toBe(false);
  });
});

describe("formatting in pt-BR", () => {
  const start = fromLocal("2026-12-03", "09:00", SP);
  const end = fromLocal("2026-12-03", "12:00", SP);

  it("writes a long date with the weekday", () => {
    expect(formatLongDate(start, SP)).toBe("quinta-feira, 3 de dezembro de 2026");
  });

  it("writes short dates, times and both together", () => {
    expect(formatShortDate(start, SP)).toBe("03/12/2026");
    expect(formatTime(start, SP)).toBe("09:00");
    expect(formatDateTime(start, SP)).toBe("03/12/2026 às 09:00");
  });

  it("writes the same instant in the event's own zone", () => {
    expect(formatDateTime(start, RBR)).toBe("03/12/2026 às 07:00");
    expect(formatDateTime(start, NORONHA)).toBe("03/12/2026 às 10:00");
  });

  it("shows the previous day when the UTC date is already the next one", () => {
    const late = fromLocal("2026-12-03", "23:30", SP);
    expect(late.toISOString().slice(0, 10)).toBe("2026-12-04");
    expect(formatLongDate(late, SP)).toBe("quinta-feira, 3 de dezembro de 2026");
  });

  it("writes a range within one day as 'das … às …'", () => {
    expect(formatRange(start, end, SP)).toBe("quinta-feira, 3 de dezembro de 2026, das 09:00 às 12:00");
  });

  it("writes a range that crosses midnight with both dates", () => {
    const overnight = fromLocal("2026-12-04", "01:00", SP);
    expect(formatRange(start, overnight, SP)).toBe(
      "de quinta-feira, 3 de dezembro de 2026, 09:00, a sexta-feira, 4 de dezembro de 2026, 01:00",
    );
  });

  it("decides whether a range crosses midnight in the zone it is shown in", () => {
    const s = fromLocal("2026-12-03", "22:00", SP);
    const e = fromLocal("2026-12-03", "23:30", SP);
    expect(formatRange(s, e, SP)).toBe("quinta-feira, 3 de dezembro de 2026, das 22:00 às 23:30");
    expect(formatRange(s, e, NORONHA)).toBe(
      "de quinta-feira, 3 de dezembro de 2026, 23:00, a sexta-feira, 4 de dezembro de 2026, 00:30",
    );
  });

  it("writes a single-day span as one date", () => {
    expect(formatDateSpan(start, end, SP)).toBe("3 de dezembro de 2026");
  });

  it("writes a span within one month with the month once", () => {
    expect(formatDateSpan(start, fromLocal("2026-12-05", "12:00", SP), SP)).toBe("3 a 5 de dezembro de 2026");
    expect(formatDateSpan(fromLocal("2026-12-10", "09:00", SP), fromLocal("2026-12-12", "12:00", SP), SP)).toBe(
      "10 a 12 de dezembro de 2026",
    );
  });

  it("writes a span across months of one year with the year once", () => {
    expect(formatDateSpan(fromLocal("2026-11-30", "09:00", SP), fromLocal("2026-12-02", "12:00", SP), SP)).toBe(
      "30 de novembro a 2 de dezembro de 2026",
    );
  });

  it("writes a span across years in full", () => {
    expect(formatDateSpan(fromLocal("2026-12-30", "09:00", SP), fromLocal("2027-01-02", "12:00", SP), SP)).toBe(
      "30 de dezembro de 2026 a 2 de janeiro de 2027",
    );
  });
});

describe("formatWorkload", () => {
  it.each([
    [480, "8 h"],
    [510, "8 h 30 min"],
    [270, "4 h 30 min"],
    [45, "45 min"],
    [60, "1 h"],
    [0, "0 min"],
    [120_000, "2000 h"],
  ])("writes %i minutes as %j", (minutes, text) => {
    expect(formatWorkload(minutes)).toBe(text);
  });
});
