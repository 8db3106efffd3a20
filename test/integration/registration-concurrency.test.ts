import { spawn } from "node:child_process";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { register } from "~/modules/registration/registration.server";

import { ROOT, setJournalMode } from "../support/database";
import { eventFactory, federalOrganizer, registrantsFactory, userFactory } from "../support/factories";

describe("registration under concurrent requests", () => {
  it("confirms exactly the last 10 seats among 200 simultaneous requests and waitlists the rest in arrival order, nobody twice", async () => {
    const organizer = await federalOrganizer();
    const event = await eventFactory(organizer, { capacity: 50 });
    const early = await Promise.all(Array.from({ length: 40 }, () => userFactory()));
    for (const p of early) await register(p, event.id);

    const people = await Promise.all(Array.from({ length: 200 }, () => userFactory()));
    const results = await Promise.all(people.map((p) => register(p, event.id)));

    const rows = await db.registration.findMany({ where: { eventId: event.id }, orderBy: { seq: "asc" } });
    const late = rows.filter((r) => people.some((p) => p.userId === r.userId));
    expect(rows).toHaveLength(240);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(240);
    expect(rows.filter((r) => r.status === "CONFIRMADA")).toHaveLength(50);
    expect(late.filter((r) => r.status === "CONFIRMADA")).toHaveLength(10);
    expect(late.filter((r) => r.status === "ESPERA")).toHaveLength(190);
    // Arrival order: the 10 confirmed arrived before every waitlisted one, and positions are 1..190.
    const lastConfirmed = Math.max(...late.filter((r) => r.status === "CONFIRMADA").map((r) => r.seq));
    const firstWaiting = Math.min(...late.filter((r) => r.status === "ESPERA").map((r) => r.seq));
    expect(lastConfirmed).toBeLessThan(firstWaiting);
    const positions = results.filter((r) => r.status === "ESPERA").map((r) => r.waitlistPosition).sort((a, b) => a! - b!);
    expect(positions).toEqual(Array.from({ length: 190 }, (_, i) => i + 1));
  });
});

type WorkerOutcome = { userId: string; ok: boolean; status?: string; waitlistPosition?: number | null; error?: string };

/** A child process with its own database connection (test/support/register-worker.ts), started and waiting for "go". */
function startWorker(eventId: string, userIds: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test", "support", "register-worker.ts"), eventId, ...userIds], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, NODE_ENV: "test" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith("ready\n")) onReady();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<WorkerOutcome[]>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`worker exited with ${code}:\n${stderr}`));
      else resolve(JSON.parse(stdout.slice("ready\n".length)) as WorkerOutcome[]);
    });
  });
  // A worker that dies before "ready" must fail the test, not hang it.
  const readyOrDead = Promise.race([ready, done.then(() => Promise.reject(new Error(`worker ended before ready:\n${stderr}`)))]);
  return { go: () => child.stdin.end("go\n"), ready: readyOrDead, done };
}

describe("registration from several processes at once", () => {
  // Rollback journal first (switching back from WAL needs the only connection), then WAL as in production.
  it.each(["delete", "wal"] as const)(
    "gives the last 10 seats to exactly 10 of 100 requests from 4 processes, nobody twice, the waitlist in arrival order (%s journal)",
    async (journal) => {
      expect(await setJournalMode(db, journal)).toBe(journal);
      const organizer = await federalOrganizer();
      const event = await eventFactory(organizer, { capacity: 20 });
      await registrantsFactory(event.id, 10);
      const people = await Promise.all(Array.from({ length: 100 }, () => userFactory()));
      const ids = people.map((p) => p.userId);

      const workers = [0, 1, 2, 3].map((w) => startWorker(event.id, ids.slice(w * 25, w * 25 + 25)));
      await Promise.all(workers.map((w) => w.ready));
      for (const w of workers) w.go();
      const outcomes = (await Promise.all(workers.map((w) => w.done))).flat();

      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
      expect(outcomes).toHaveLength(100);
      expect(outcomes.filter((o) => o.status === "CONFIRMADA")).toHaveLength(10);
      expect(outcomes.map((o) => o.waitlistPosition).filter((p) => p != null).sort((a, b) => a! - b!)).toEqual(
        Array.from({ length: 90 }, (_, i) => i + 1),
      );

      const rows = await db.registration.findMany({ where: { eventId: event.id }, orderBy: { seq: "asc" } });
      const late = rows.filter((r) => ids.includes(r.userId));
      expect(rows).toHaveLength(110);
      expect(new Set(rows.map((r) => r.userId)).size).toBe(110);
      expect(new Set(rows.map((r) => r.seq)).size).toBe(110);
      expect(rows.filter((r) => r.status === "CONFIRMADA")).toHaveLength(20);
      expect(late.filter((r) => r.status === "CONFIRMADA")).toHaveLength(10);
      // The stored statuses are the ones each process was told.
      for (const o of outcomes) expect(late.find((r) => r.userId === o.userId)?.status).toBe(o.status);

      const waitingSeqs = late.filter((r) => r.status === "ESPERA").map((r) => r.seq);
      expect(waitingSeqs).toHaveLength(90);
      expect(waitingSeqs.every((seq, i) => i === 0 || seq > waitingSeqs[i - 1]!)).toBe(true);
      expect(Math.max(...late.filter((r) => r.status === "CONFIRMADA").map((r) => r.seq))).toBeLessThan(waitingSeqs[0]!);
      // Every request was counted once: no lost update of the arrival counter between processes.
      expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).registrationSeq).toBe(110);
    },
  );
});
