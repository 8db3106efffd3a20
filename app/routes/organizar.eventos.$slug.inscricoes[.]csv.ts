// GET /organizar/eventos/:slug/inscricoes.csv — the participant list as a spreadsheet.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { badRequest, route } from "~/lib/http.server";
import { requireActor } from "~/modules/auth/session.server";
import { parseParticipantFilters } from "~/modules/registration/filters";
import { participantsCsv } from "~/modules/registration/participants.server";

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const parsed = parseParticipantFilters(new URL(request.url).searchParams);
  if (!parsed.ok) throw badRequest(parsed.message);
  const { filename, body } = await participantsCsv(actor, params.slug ?? "", parsed.filters);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
