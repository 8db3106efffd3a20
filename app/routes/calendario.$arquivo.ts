// GET /calendario/:token.ics — a person's private subscription feed (webcal-ready). The token is
// the only credential: revocable and renewable from the profile.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { notFound, route } from "~/lib/http.server";
import { personalFeed } from "~/modules/calendar/calendar.server";

export const loader = /* @__PURE__ */ route(async ({ params }: LoaderFunctionArgs) => {
  const token = /^(.+)\.ics$/.exec(params.arquivo ?? "")?.[1] ?? "";
  const body = token ? await personalFeed(token) : null;
  if (!body) throw notFound("Agenda não encontrada: o endereço pode ter sido renovado ou desativado no seu perfil.");
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="apoia-suas.ics"',
      "Cache-Control": "private, no-cache",
      "X-Robots-Tag": "noindex",
    },
  });
});
