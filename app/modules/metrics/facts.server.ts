// The participation roll-up (ParticipationFact): one row per confirmed registration with what it
// amounted to, rebuilt per event from the same presence rule the certificates use. Database
// triggers mark changed events in MetricsDirty; `refreshDirtyFacts` (the background job) rebuilds
// them and clears each mark only if nothing changed meanwhile, so the roll-up never stays stale.
import { db } from "~/lib/db.server";
import { eventStandings } from "~/modules/attendance/standing.server";

export type FactRow = {
  registrationId: string;
  eventId: string;
  userId: string;
  enteId: string;
  ufId: string | null;
  presentMinutes: number;
  present: boolean;
  qualifies: boolean;
  certifiedMinutes: number;
  eventStartsAt: Date;
  eventType: string;
  eventFormat: string;
  eventScope: string;
  organizerEnteId: string;
  organizerKind: string;
};

/** UF (2-digit IBGE code) of an ente id: a municipality's first two digits, a UF itself, none for the Union. */
export function ufOf(enteId: string): string | null {
  return /^\d{7}$/.test(enteId) ? enteId.slice(0, 2) : /^\d{2}$/.test(enteId) ? enteId : null;
}

/** What the roll-up of one event should hold, computed from scratch (also the reference in tests). */
export async function computeEventFacts(eventId: string, now = new Date()): Promise<FactRow[]> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { id: true, status: true, startsAt: true, type: true, format: true, scope: true, organizerEnteId: true, organizerEnte: { select: { kind: true } } },
  });
  if (!event || event.status !== "PUBLICADO") return [];
  const registrations = await db.registration.findMany({
    where: { eventId, status: "CONFIRMADA" },
    select: { id: true, userId: true, enteId: true, certificates: { where: { revokedAt: null, supersededById: null }, select: { hoursMinutes: true } } },
    orderBy: { seq: "asc" },
  });
  if (!registrations.length) return [];
  const standings = await eventStandings(eventId, { registrationIds: registrations.map((r) => r.id), now });
  return registrations.map((r, i) => {
    const s = standings[i]!;
    const presentMinutes = Math.floor(s.sessions.reduce((sum, p) => sum + p.minutes, 0));
    return {
      registrationId: r.id,
      eventId,
      userId: r.userId,
      enteId: r.enteId,
      ufId: ufOf(r.enteId),
      presentMinutes,
      present: presentMinutes > 0,
      qualifies: s.qualification.qualifies,
      certifiedMinutes: r.certificates.reduce((sum, c) => sum + c.hoursMinutes, 0),
      eventStartsAt: event.startsAt,
      eventType: event.type,
      eventFormat: event.format,
      eventScope: event.scope,
      organizerEnteId: event.organizerEnteId,
      organizerKind: event.organizerEnte.kind,
    };
  });
}

/** Replaces the event's rows in the roll-up with a fresh computation. */
export async function rebuildEventFacts(eventId: string, now = new Date()): Promise<number> {
  const rows = await computeEventFacts(eventId, now);
  await db.$transaction(
    async (tx) => {
      await tx.participationFact.deleteMany({ where: { eventId } });
      for (let i = 0; i < rows.length; i += 500) await tx.participationFact.createMany({ data: rows.slice(i, i + 500) });
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  return rows.length;
}

/**
 * Job step: rebuilds the events marked as changed (oldest marks first, at most `limit`) and clears
 * each mark unless it moved while rebuilding. Events still running are also rebuilt while their
 * presence grows (open intervals count until now): they stay marked until they end.
 */
export async function refreshDirtyFacts(now = new Date(), limit = 20): Promise<number> {
  const marks = await db.metricsDirty.findMany({ take: limit, orderBy: { eventId: "asc" } });
  for (const mark of marks) {
    try {
      await rebuildEventFacts(mark.eventId, now);
    } catch (error) {
      // One event that fails must not hold back the others; its mark stays for the next round.
      console.error(`indicadores: não foi possível atualizar o evento ${mark.eventId}`, error);
      continue;
    }
    const running = await db.event.findFirst({ where: { id: mark.eventId, status: "PUBLICADO", startsAt: { lte: now }, endsAt: { gt: now } }, select: { id: true } });
    if (!running) await db.metricsDirty.deleteMany({ where: { eventId: mark.eventId, version: mark.version } });
  }
  return marks.length;
}

/** Rebuilds every event (after a bulk import, or to check the roll-up). */
export async function rebuildAllFacts(now = new Date()): Promise<number> {
  const marks = await db.metricsDirty.findMany();
  const events = await db.event.findMany({ select: { id: true } });
  let rows = 0;
  for (const e of events) rows += await rebuildEventFacts(e.id, now);
  // Marks set while rebuilding stay, so the job looks at those events again.
  for (const m of marks) await db.metricsDirty.deleteMany({ where: { eventId: m.eventId, version: m.version } });
  return rows;
}
