import { json } from "@remix-run/node";

import { db } from "~/lib/db.server";
import { route } from "~/lib/http.server";

/** GET /healthz → 200 {"status":"ok","db":"ok"}, or 503 when the database does not answer. */
export const loader = /* @__PURE__ */ route(async () => {
  try {
    // A real table: an empty or missing database file answers SELECT 1 but is not healthy.
    await db.$queryRawUnsafe(`SELECT id FROM "Ente" LIMIT 1`);
    return json({ status: "ok", db: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ status: "erro", db: "indisponível" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
});
