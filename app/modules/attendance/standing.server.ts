// Where each participant stands: her presence per session (online from the room's intervals,
// on site from the door scans, or the organizer's adjustment) and whether she qualifies for the
// certificate under the event's rule. The computation is the pure presence rule; this file loads.
import { db } from "~/lib/db.server";

import { presenceInSession, qualification, type CertificatePolicy, type Qualification, type SessionPresence } from "./presence-rule";

export type Standing = { registrationId: string; sessions: SessionPresence[]; qualification: Qualification };

export const standingEventSelect = {
  id: true,
  timeZone: true,
  workloadMinutes: true,
  certificateThreshold: true,
  certificateScope: true,
  certificateHours: true,
  sessions: { select: { id: true, title: true, position: true, startsAt: true, endsAt: true }, orderBy: [{ position: "asc" as const }, { startsAt: "asc" as const }] },
};

export function policyOf(e: { certificateThreshold: number; certificateScope: string; certificateHours: string; workloadMinutes: number; timeZone: string }): CertificatePolicy {
  return {
    thresholdPercent: e.certificateThreshold,
    scope: e.certificateScope === "PERIODO" ? "PERIODO" : "EVENTO",
    hours: e.certificateHours === "PRESENCA" ? "PRESENCA" : "INTEGRAL",
    workloadMinutes: e.workloadMinutes,
    timeZone: e.timeZone,
  };
}

/** Registrations per round of queries: SQLite takes at most 999 bound values in one statement. */
const CHUNK = 900;

/** Standings of the given registrations of one event (all confirmed ones when omitted), in few queries. */
export async function eventStandings(eventId: string, opts: { registrationIds?: string[]; now?: Date } = {}): Promise<Standing[]> {
  const now = opts.now ?? new Date();
  const event = await loadStandingEvent(eventId);
  const registrations = opts.registrationIds
    ? opts.registrationIds
    : (await db.registration.findMany({ where: { eventId, status: "CONFIRMADA" }, select: { id: true }, orderBy: { seq: "asc" } })).map((r) => r.id);
  const out: Standing[] = [];
  for (let i = 0; i < registrations.length; i += CHUNK) out.push(...(await standingsOf(event, registrations.slice(i, i + CHUNK), now)));
  return out;
}

type StandingEvent = Awaited<ReturnType<typeof loadStandingEvent>>;
const loadStandingEvent = (eventId: string) => db.event.findUniqueOrThrow({ where: { id: eventId }, select: standingEventSelect });

async function standingsOf(event: StandingEvent, registrations: string[], now: Date): Promise<Standing[]> {
  if (!registrations.length) return [];
  const sessionIds = event.sessions.map((s) => s.id);
  const [intervals, checkIns, adjustments] = await Promise.all([
    db.presenceInterval.findMany({ where: { sessionId: { in: sessionIds }, registrationId: { in: registrations } }, select: { registrationId: true, sessionId: true, startedAt: true, endedAt: true } }),
    db.checkIn.findMany({ where: { sessionId: { in: sessionIds }, registrationId: { in: registrations } }, select: { id: true, registrationId: true, sessionId: true, kind: true, at: true } }),
    db.presenceAdjustment.findMany({
      where: { sessionId: { in: sessionIds }, registrationId: { in: registrations } },
      select: { registrationId: true, sessionId: true, minutes: true, reason: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const key = (r: string, s: string) => `${r}|${s}`;
  const online = new Map<string, { start: Date; end: Date | null }[]>();
  for (const i of intervals) (online.get(key(i.registrationId!, i.sessionId)) ?? online.set(key(i.registrationId!, i.sessionId), []).get(key(i.registrationId!, i.sessionId))!).push({ start: i.startedAt, end: i.endedAt });
  const onsite = new Map<string, { id: string; kind: "ENTRADA" | "SAIDA"; at: Date }[]>();
  for (const c of checkIns) (onsite.get(key(c.registrationId, c.sessionId)) ?? onsite.set(key(c.registrationId, c.sessionId), []).get(key(c.registrationId, c.sessionId))!).push({ id: c.id, kind: c.kind as "ENTRADA" | "SAIDA", at: c.at });
  const latestAdjustment = new Map<string, { minutes: number; reason: string }>();
  for (const a of adjustments) latestAdjustment.set(key(a.registrationId, a.sessionId), { minutes: a.minutes, reason: a.reason });
  const policy = policyOf(event);
  return registrations.map((registrationId) => {
    const sessions = event.sessions.map((s, i) =>
      presenceInSession({
        session: { id: s.id, title: s.title || `Sessão ${i + 1}`, startsAt: s.startsAt, endsAt: s.endsAt },
        online: online.get(key(registrationId, s.id)) ?? [],
        onsite: onsite.get(key(registrationId, s.id)) ?? [],
        adjustment: latestAdjustment.get(key(registrationId, s.id)) ?? null,
        now,
      }),
    );
    return { registrationId, sessions, qualification: qualification(sessions, policy) };
  });
}

export async function standingOf(registrationId: string, now = new Date()): Promise<Standing> {
  const reg = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { eventId: true } });
  const [s] = await eventStandings(reg.eventId, { registrationIds: [registrationId], now });
  return s!;
}
