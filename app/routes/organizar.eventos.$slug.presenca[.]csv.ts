// GET /organizar/eventos/:slug/presenca.csv — the online attendance table as a spreadsheet.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { route } from "~/lib/http.server";
import { requireActor } from "~/modules/auth/session.server";
import { attendanceCsv } from "~/modules/attendance/attendance.server";

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const { filename, body } = await attendanceCsv(actor, params.slug ?? "");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
