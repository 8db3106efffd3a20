// Seeds the federation (idempotent): inserts the entes that are missing, updates the others.
import type { DbOrTx } from "~/lib/db.server";

import { loadEntesFromIbge } from "./ibge-data.server";

export async function seedEntes(db: DbOrTx): Promise<{ total: number; inserted: number }> {
  const rows = loadEntesFromIbge();
  const existing = new Set((await db.ente.findMany({ select: { id: true } })).map((e) => e.id));
  const missing = rows.filter((r) => !existing.has(r.id));
  // Parents first: the Union, then UFs, then municipalities (rows are already in that order).
  for (let i = 0; i < missing.length; i += 500) {
    await db.ente.createMany({ data: missing.slice(i, i + 500) });
  }
  return { total: rows.length, inserted: missing.length };
}
