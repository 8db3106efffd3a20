// Presence from the room's event log, as pure functions: the same events in any order, any number
// of times, give the same intervals; intervals of one person are merged and clipped to the session.

export type ConnectionEvent = {
  /** participant_joined | participant_left | seen | gone (other kinds are ignored here) */
  kind: string;
  at: Date;
  /** the participant's own join time, when the event carries it */
  joinedAt?: Date | null;
};

export type Interval = { start: Date; end: Date | null };

/**
 * One connection (one participant SID) from its events: it starts at the earliest join time any
 * event reports (a lone "left" also carries it); it ends at the earliest leave, disappearance, or
 * end of the room after the start. Null when nothing says when it started.
 */
export function intervalOfConnection(events: readonly ConnectionEvent[], roomFinishedAt: readonly Date[] = []): Interval | null {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const e of events) {
    if (e.joinedAt) starts.push(e.joinedAt.getTime());
    if (e.kind === "participant_joined" || e.kind === "seen") starts.push(e.joinedAt?.getTime() ?? e.at.getTime());
    if (e.kind === "participant_left" || e.kind === "gone") ends.push(e.at.getTime());
  }
  if (!starts.length) return null;
  const start = Math.min(...starts);
  const finished = roomFinishedAt.map((d) => d.getTime()).filter((t) => t >= start);
  const endCandidates = [...ends, ...finished];
  if (!endCandidates.length) return { start: new Date(start), end: null };
  return { start: new Date(start), end: new Date(Math.max(start, Math.min(...endCandidates))) };
}

export type Attendance = {
  /** merged intervals within the session, in order */
  intervals: { start: Date; end: Date }[];
  minutes: number;
  scheduledMinutes: number;
  /** minutes / scheduled minutes, 0..1 */
  share: number;
};

/**
 * A person's presence in a session: her intervals (open ones count until `now`) clipped to the
 * scheduled time and merged, the minutes present and the share of the scheduled duration.
 */
export function attendanceIn(intervals: readonly Interval[], session: { startsAt: Date; endsAt: Date }, now: Date): Attendance {
  const s0 = session.startsAt.getTime();
  const s1 = session.endsAt.getTime();
  const scheduledMs = Math.max(0, s1 - s0);
  const clipped = intervals
    .map((i) => ({ start: Math.max(i.start.getTime(), s0), end: Math.min(i.end?.getTime() ?? now.getTime(), s1) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const i of clipped) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  const presentMs = merged.reduce((sum, i) => sum + (i.end - i.start), 0);
  return {
    intervals: merged.map((i) => ({ start: new Date(i.start), end: new Date(i.end) })),
    minutes: Math.round((presentMs / 60_000) * 10) / 10,
    scheduledMinutes: Math.round((scheduledMs / 60_000) * 10) / 10,
    share: scheduledMs ? Math.min(1, presentMs / scheduledMs) : 0,
  };
}
