// GET /eventos/:slug/calendario.ics — download the event's sessions into a calendar.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { route } from "~/lib/http.server";
import { getActor } from "~/modules/auth/session.server";
import { publicEventCalendar } from "~/modules/calendar/calendar.server";
import { eventPage } from "~/modules/events/event-page.server";

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await getActor(request);
  const page = await eventPage(params.slug ?? "", actor, request.url); // 404 when not visible to this person
  return new Response(await publicEventCalendar(page.event.id), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${page.event.slug}.ics"`,
      "Cache-Control": "no-cache",
    },
  });
});
