// POST /api/livekit/webhook — LiveKit's events, verified (signed with our key over this exact
// body) and stored once; they become presence intervals (app/modules/attendance).
import { json, type ActionFunctionArgs } from "@remix-run/node";

import { route } from "~/lib/http.server";
import { MAX_WEBHOOK_BYTES, receiveLiveKitWebhook } from "~/modules/attendance/presence.server";

export const loader = /* @__PURE__ */ route(async () => {
  return json({ message: "use POST" }, { status: 405, headers: { Allow: "POST" } });
});

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return json({ message: "use POST" }, { status: 405, headers: { Allow: "POST" } });
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_WEBHOOK_BYTES) return json({ message: "corpo grande demais" }, { status: 413 });
  let body: string;
  try {
    body = await request.text();
  } catch {
    return json({ message: "corpo ilegível" }, { status: 400 });
  }
  const result = await receiveLiveKitWebhook(body, request.headers.get("Authorization") ?? request.headers.get("Authorize"));
  return json({ message: result.message }, { status: result.status });
});
