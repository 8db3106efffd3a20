// GET /organizar/eventos/:slug/checkin/:sessionId/app.webmanifest — the manifest that makes the
// session's check-in page installable on the organizer's phone (see attendance/checkin-app.ts).
import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { notFound, route } from "~/lib/http.server";
import { checkinAppManifest } from "~/modules/attendance/checkin-app";

export const loader = /* @__PURE__ */ route(async ({ params }: LoaderFunctionArgs) => {
  const manifest = checkinAppManifest(params.slug ?? "", params.sessionId ?? "");
  if (!manifest) throw notFound("Sessão não encontrada.");
  return json(manifest, { headers: { "Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
});
