import { describe, expect, it } from "vitest";

import { attendanceIn, intervalOfConnection, type ConnectionEvent } from "./intervals";

const t = (hhmm: string) => new Date(`2026-12-03T${hhmm}:00Z`);
const joined = (at: string, joinedAt = at): ConnectionEvent => ({ kind: "participant_joined", at: t(at), joinedAt: t(joinedAt) });
const left = (at: string, joinedAt?: string): ConnectionEvent => ({ kind: "participant_left", at: t(at), joinedAt: joinedAt ? t(joinedAt) : null });

describe("one connection's interval", () => {
  it("runs from join to leave", () => {
    expect(intervalOfConnection([joined("12:00"), left("12:40")])).toEqual({ start: t("12:00"), end: t("12:40") });
  });

  it("is the same whatever the order or repetition of its events", () => {
    const events = [joined("12:00"), left("12:40", "12:00")];
    const expected = intervalOfConnection(events);
    expect(intervalOfConnection([...events].reverse())).toEqual(expected);
    expect(intervalOfConnection([...events, ...events, events[0]!])).toEqual(expected);
  });

  it("is complete from a lone leave event, which carries the join time", () => {
    expect(intervalOfConnection([left("12:40", "12:05")])).toEqual({ start: t("12:05"), end: t("12:40") });
  });

  it("stays open while nothing says it ended", () => {
    expect(intervalOfConnection([joined("12:00")])).toEqual({ start: t("12:00"), end: null });
  });

  it("is closed by the end of the room when people were still inside", () => {
    expect(intervalOfConnection([joined("12:00")], [t("11:00"), t("13:30")])).toEqual({ start: t("12:00"), end: t("13:30") });
  });

  it("takes the reconciler's observations when webhooks were lost, and the exact leave time when it arrives later", () => {
    const seen: ConnectionEvent = { kind: "seen", at: t("12:10"), joinedAt: t("12:02") };
    const gone: ConnectionEvent = { kind: "gone", at: t("12:45") };
    expect(intervalOfConnection([seen, gone])).toEqual({ start: t("12:02"), end: t("12:45") });
    expect(intervalOfConnection([seen, gone, left("12:41", "12:02")])).toEqual({ start: t("12:02"), end: t("12:41") });
  });

  it("is unknown when no event says when it started", () => {
    expect(intervalOfConnection([{ kind: "gone", at: t("12:00") }])).toBeNull();
  });

  it("never ends before it starts", () => {
    expect(intervalOfConnection([joined("12:00", "12:30"), left("12:10")])).toEqual({ start: t("12:30"), end: t("12:30") });
  });
});

describe("attendance in a session", () => {
  const session = { startsAt: t("12:00"), endsAt: t("14:00") };

  it("merges overlapping connections (reconnections, two tabs) and counts the minutes once", () => {
    const a = attendanceIn(
      [
        { start: t("12:00"), end: t("12:50") },
        { start: t("12:45"), end: t("13:10") },
        { start: t("13:30"), end: t("13:40") },
      ],
      session,
      t("15:00"),
    );
    expect(a.intervals).toEqual([
      { start: t("12:00"), end: t("13:10") },
      { start: t("13:30"), end: t("13:40") },
    ]);
    expect(a.minutes).toBe(80);
    expect(a.scheduledMinutes).toBe(120);
    expect(a.share).toBeCloseTo(80 / 120);
  });

  it("counts only the scheduled time: early arrival and staying late do not add", () => {
    const a = attendanceIn([{ start: t("11:00"), end: t("15:00") }], session, t("16:00"));
    expect(a.minutes).toBe(120);
    expect(a.share).toBe(1);
  });

  it("counts an open connection until now, never past the end", () => {
    expect(attendanceIn([{ start: t("12:30"), end: null }], session, t("13:00")).minutes).toBe(30);
    expect(attendanceIn([{ start: t("12:30"), end: null }], session, t("18:00")).minutes).toBe(90);
  });

  it("gives zero for intervals entirely outside the session, or none", () => {
    expect(attendanceIn([{ start: t("10:00"), end: t("11:00") }], session, t("15:00"))).toMatchObject({ minutes: 0, share: 0, intervals: [] });
    expect(attendanceIn([], session, t("15:00")).minutes).toBe(0);
  });
});
