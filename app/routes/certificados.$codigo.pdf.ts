// GET /certificados/:codigo/pdf — the certificate's PDF, for its holder or the event's organizers
// (anyone else is sent to sign in, then refused); a revoked or superseded one is gone (410).
import type { LoaderFunctionArgs } from "@remix-run/node";

import { route } from "~/lib/http.server";
import { requireActor } from "~/modules/auth/session.server";
import { certificatePdf } from "~/modules/certificates/certificates.server";

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const { bytes, filename } = await certificatePdf(actor, params.codigo ?? "");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
