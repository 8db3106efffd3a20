// Once per run: a base SQLite database with every migration applied and the entes seeded.
import fs from "node:fs";

import { BASE_DB, migrate, removeDb, TEST_DIR } from "../support/database";

export default async function setup() {
  // Several projects list this setup; within one run the base is built once.
  if (process.env.APOIA_TEST_BASE_READY === BASE_DB && fs.existsSync(BASE_DB)) return;
  fs.mkdirSync(TEST_DIR, { recursive: true });
  removeDb(BASE_DB);
  migrate(BASE_DB);
  process.env.DATABASE_URL = `file:${BASE_DB}`;
  const { createPrismaClient } = await import("~/lib/db.server");
  const { seedEntes } = await import("~/modules/entes/seed.server");
  const db = createPrismaClient(`file:${BASE_DB}`);
  await seedEntes(db);
  await db.$queryRawUnsafe("PRAGMA journal_mode = DELETE");
  await db.$disconnect();
  process.env.APOIA_TEST_BASE_READY = BASE_DB;
}
