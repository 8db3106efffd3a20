// Seeds the database: the federation (always, idempotent) and, on an empty database, the demo
// dataset. Run by `npm run dev` (scripts/setup.sh) and `npm run db:seed`.
import { db } from "~/lib/db.server";
import { searchKey } from "~/modules/entes/federation";
import { seedEntes } from "~/modules/entes/seed.server";

import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "./seed-demo";

async function main() {
  // WAL: readers never wait for the writer (kept in the database file).
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const entes = await seedEntes(db);
  console.log(`Entes: ${entes.total} (União, 27 UFs, 5.571 municípios); ${entes.inserted} inseridos agora.`);
  await backfillSearchKeys();
  const users = await db.user.count();
  if (users === 0 && process.env.SEED_DEMO !== "0") {
    const summary = await seedDemo();
    console.log(`Demonstração: ${summary.users} pessoas, ${summary.events} eventos, ${summary.registrations} inscrições.`);
  } else if (users > 0) {
    console.log("Banco já tem pessoas cadastradas: dados de demonstração não foram recriados.");
  }
  const hasDemo = await db.user.findUnique({ where: { email: DEMO_LOGINS[0]!.email }, select: { id: true } });
  if (hasDemo) {
    console.log("\nContas de demonstração (senha de todas: " + DEMO_PASSWORD + "):");
    for (const l of DEMO_LOGINS) console.log(`  ${l.email.padEnd(38)} ${l.who}`);
    console.log("");
  }
}

/** Rows written before the search keys existed (migration 20261126000552_search_keys) get them now. */
async function backfillSearchKeys() {
  for (const u of await db.user.findMany({ where: { searchName: "" }, select: { id: true, name: true } })) {
    await db.user.update({ where: { id: u.id }, data: { searchName: searchKey(u.name) } });
  }
  for (const e of await db.event.findMany({ where: { searchTitle: "" }, select: { id: true, title: true } })) {
    await db.event.update({ where: { id: e.id }, data: { searchTitle: searchKey(e.title) } });
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
