// E2E test files write their fixtures into the database the running app uses.
import { afterAll, inject } from "vitest";

process.env.NODE_ENV = "test";
process.env.TZ = "UTC";
process.env.DATABASE_URL = `file:${inject("e2eDatabaseFile")}`;

afterAll(async () => {
  const { db } = await import("~/lib/db.server");
  await db.$disconnect();
});
