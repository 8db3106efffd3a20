// Creating test databases: migrations applied with the Prisma CLI (exactly as in production),
// entes seeded once into a base file that each test file copies.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const TEST_DIR = path.join(ROOT, ".cache", "test");
export const BASE_DB = path.join(TEST_DIR, "base.db");

export function migrate(file: string): void {
  execFileSync("bash", [path.join(ROOT, "scripts", "prisma.sh"), "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

export function removeDb(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

/** A fresh copy of the migrated and seeded base database. */
export function copyBaseDb(name: string): string {
  const file = path.join(TEST_DIR, `${name}.db`);
  removeDb(file);
  fs.copyFileSync(BASE_DB, file);
  return file;
}

/**
 * Switches this file's database between the rollback journal (how test copies start) and WAL (how
 * `npm run setup` leaves production and development databases). Returns the mode SQLite reports.
 */
export async function setJournalMode(client: { $queryRawUnsafe: (sql: string) => Promise<unknown> }, mode: "delete" | "wal"): Promise<string> {
  const rows = (await client.$queryRawUnsafe(`PRAGMA journal_mode = ${mode === "wal" ? "WAL" : "DELETE"}`)) as { journal_mode: string }[];
  return rows[0]!.journal_mode;
}
