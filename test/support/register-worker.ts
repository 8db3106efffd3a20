// Child process of test/integration/registration-concurrency.test.ts: a separate "server" with its own
// SQLite connection. Usage: tsx test/support/register-worker.ts <eventId> <userId>...
// Loads the people, prints "ready", waits for a line on stdin, then registers them all at once and
// prints one JSON line with the outcomes. DATABASE_URL chooses the database.
import readline from "node:readline";

import { db } from "~/lib/db.server";
import { loadActor } from "~/modules/auth/session.server";
import { register } from "~/modules/registration/registration.server";

const [eventId, ...userIds] = process.argv.slice(2);
if (!eventId || !userIds.length) throw new Error("usage: register-worker.ts <eventId> <userId>...");

const actors = await Promise.all(userIds.map((id) => loadActor(id)));
if (actors.some((a) => !a)) throw new Error("unknown user");

const lines = readline.createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => lines.once("line", () => resolve()));
process.stdout.write("ready\n");
await go;
lines.close();

const outcomes = await Promise.allSettled(actors.map((actor) => register(actor!, eventId)));
process.stdout.write(
  JSON.stringify(
    outcomes.map((o, i) =>
      o.status === "fulfilled"
        ? { userId: userIds[i], ok: true, status: o.value.status, waitlistPosition: o.value.waitlistPosition }
        : { userId: userIds[i], ok: false, error: String(o.reason) },
    ),
  ) + "\n",
);
await db.$disconnect();
