// Once per run: a base SQLite database with every migration applied and the entes seeded.
import fs from "node:fs";

import { BASE_DB, migrate, removeDb, TEST_DIR } from "../support/database";

export default async function setup() {
  // Several projects list this setup; within one run the base is built once.
  if (process.env.APOIA_TEST_BASE_READY === BASE_DB && fs.existsSync(BASE_DB)) return;
  fs.mkdirSync(TEST_DIR, { recursive: true });
  // Built aside and renamed into place: another test run (another terminal, the e2e project) may be
  // copying the current base right now, and must never see a half-built one.
  const building = `${BASE_DB}.${process.pid}.building`;
  removeDb(building);
  migrate(building);
  process.env.DATABASE_URL = `file:${BASE_DB}`;
  const { createPrismaClient } = await import("~/lib/db.server");
  const { seedEntes } = await import("~/modules/entes/seed.server");
  const db = createPrismaClient(`file:${building}`);
  await seedEntes(db);
  await db.$queryRawUnsafe("PRAGMA journal_mode = DELETE");
  await db.$disconnect();
  fs.renameSync(building, BASE_DB);
  removeDb(building);
  process.env.APOIA_TEST_BASE_READY = BASE_DB;
}
