// GET /organizar/eventos/:slug/checkin/:sessionId/contagem — what the check-in devices poll every
// few seconds: present / expected, and who is in (the scans of every device).
import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { route } from "~/lib/http.server";
import { checkinSessionIn, checkinStatus } from "~/modules/attendance/checkin.server";
import { requireActor } from "~/modules/auth/session.server";

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const session = await checkinSessionIn(actor, params.slug ?? "", params.sessionId ?? "");
  return json(await checkinStatus(actor, session.id), { headers: { "Cache-Control": "no-store" } });
});
