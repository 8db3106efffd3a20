// Background jobs of a server process: the outbox delivery loop, with reminders scheduled before
// each round (at most once a minute), rooms prepared and reconciled, certificates issued in small
// batches (runs opened when events end), the participation roll-up brought up to date, and old
// login and verification attempts pruned daily.
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { pruneLoginAttempts } from "~/modules/auth/auth.server";
import { issueNextBatch, pruneVerificationAttempts, startRunsForEndedEvents } from "~/modules/certificates/certificates.server";
import { refreshDirtyFacts } from "~/modules/metrics/facts.server";
import { scheduleReminders } from "~/modules/email/notifications.server";
import { onEveryTick, startOutboxWorker, type Worker } from "~/modules/email/worker.server";
import { reconcileRooms } from "~/modules/attendance/presence.server";
import { ensureUpcomingRooms } from "~/modules/rooms/rooms.server";

let lastReminders = 0;
let lastPrune = 0;
let lastRooms = 0;
let lastEndedEvents = 0;
let lastFacts = 0;

/** How often the participation roll-up catches up with the events that changed. */
export const FACTS_INTERVAL_MS = 30_000;

/** Per tick, certificate batches run for at most this long; between batches the server answers requests. */
export const CERTIFICATES_BUDGET_MS = 1_500;

/** How often rooms are created ahead and compared with what the webhooks said. */
export const ROOMS_INTERVAL_MS = 15_000;

onEveryTick(async (now) => {
  if (now.getTime() - lastReminders >= 60_000) {
    lastReminders = now.getTime();
    await db.$transaction((tx) => scheduleReminders(tx, now), { maxWait: 30_000, timeout: 120_000 });
  }
  if (now.getTime() - lastRooms >= ROOMS_INTERVAL_MS) {
    lastRooms = now.getTime();
    try {
      await ensureUpcomingRooms(now);
      await reconcileRooms(now);
    } catch (error) {
      console.error("salas: erro ao preparar ou conferir as salas", error);
    }
  }
  try {
    if (now.getTime() - lastEndedEvents >= 60_000) {
      lastEndedEvents = now.getTime();
      await startRunsForEndedEvents(now);
    }
    const deadline = Date.now() + CERTIFICATES_BUDGET_MS;
    while (Date.now() < deadline && (await issueNextBatch(new Date()))) await new Promise((resolve) => setImmediate(resolve));
  } catch (error) {
    console.error("certificados: erro na emissão", error);
  }
  if (now.getTime() - lastFacts >= FACTS_INTERVAL_MS) {
    lastFacts = now.getTime();
    try {
      await refreshDirtyFacts(now);
    } catch (error) {
      console.error("indicadores: erro ao atualizar o consolidado de participação", error);
    }
  }
  if (now.getTime() - lastPrune >= 24 * 60 * 60_000) {
    lastPrune = now.getTime();
    await pruneLoginAttempts();
    await pruneVerificationAttempts(now);
  }
});

/** Starts the jobs unless OUTBOX_WORKER=0 (another process runs them). Returns how to stop them. */
export function startBackgroundJobs(): Worker | null {
  if (env.OUTBOX_WORKER !== "1") return null;
  return startOutboxWorker();
}
