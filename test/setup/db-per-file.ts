// Each test file gets its own copy of the base database, chosen before any app module loads.
import crypto from "node:crypto";

import { afterAll } from "vitest";

import { copyBaseDb, removeDb } from "../support/database";

process.env.NODE_ENV = "test";
process.env.TZ = "UTC";
const file = copyBaseDb(`t-${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
process.env.DATABASE_URL = `file:${file}`;

afterAll(async () => {
  const { db } = await import("~/lib/db.server");
  await db.$disconnect();
  removeDb(file);
});
