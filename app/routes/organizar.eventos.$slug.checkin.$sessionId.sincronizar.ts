// POST /organizar/eventos/:slug/checkin/:sessionId/sincronizar — the check-in devices send their
// scans here (one, or a batch made offline), as JSON: { "scans": [{ id (uuid), kind, at, method,
// badge | registrationId, deviceId }] }. Each scan gets its answer; sending a batch again adds nothing.
import { json, type ActionFunctionArgs } from "@remix-run/node";

import { badRequest, DomainError, route } from "~/lib/http.server";
import { checkinSessionIn, recordScans } from "~/modules/attendance/checkin.server";
import { syncBodyProblem, syncBodySchema } from "~/modules/attendance/checkin-schemas";
import { requireActor } from "~/modules/auth/session.server";

const MAX_BYTES = 1_000_000;

async function readJson(request: Request): Promise<unknown> {
  if (Number(request.headers.get("Content-Length") ?? "0") > MAX_BYTES) throw new DomainError(413, "Leituras demais num só envio (limite de 1 MB).");
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw badRequest("Não foi possível ler as leituras enviadas.");
  }
  if (text.length > MAX_BYTES) throw new DomainError(413, "Leituras demais num só envio (limite de 1 MB).");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("As leituras precisam ser enviadas em JSON válido.");
  }
}

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") throw json({ message: "Use POST para enviar leituras." }, { status: 405, headers: { Allow: "POST" } });
  const actor = await requireActor(request);
  const session = await checkinSessionIn(actor, params.slug ?? "", params.sessionId ?? "");
  const parsed = syncBodySchema.safeParse(await readJson(request));
  if (!parsed.success) throw badRequest(syncBodyProblem(parsed.error));
  const results = await recordScans(actor, session.id, parsed.data.scans);
  return json({ results }, { headers: { "Cache-Control": "no-store" } });
});
