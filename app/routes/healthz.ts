import { json } from "@remix-run/node";

import { db } from "~/lib/db.server";

/** GET /healthz → 200 {"status":"ok","db":"ok"}, or 503 when the database does not answer. */
export async function loader() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return json({ status: "ok", db: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ status: "erro", db: "indisponível" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
