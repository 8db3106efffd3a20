// Background jobs of a server process: the outbox delivery loop, with reminders scheduled before
// each round (at most once a minute) and old login attempts pruned daily.
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { pruneLoginAttempts } from "~/modules/auth/auth.server";
import { scheduleReminders } from "~/modules/email/notifications.server";
import { onEveryTick, startOutboxWorker, type Worker } from "~/modules/email/worker.server";

let lastReminders = 0;
let lastPrune = 0;

onEveryTick(async (now) => {
  if (now.getTime() - lastReminders >= 60_000) {
    lastReminders = now.getTime();
    await db.$transaction((tx) => scheduleReminders(tx, now), { maxWait: 30_000, timeout: 120_000 });
  }
  if (now.getTime() - lastPrune >= 24 * 60 * 60_000) {
    lastPrune = now.getTime();
    await pruneLoginAttempts();
  }
});

/** Starts the jobs unless OUTBOX_WORKER=0 (another process runs them). Returns how to stop them. */
export function startBackgroundJobs(): Worker | null {
  if (env.OUTBOX_WORKER !== "1") return null;
  return startOutboxWorker();
}
