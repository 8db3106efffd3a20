// GET /organizar/eventos/:slug/checkin/:sessionId — the organizer's check-in desk at the door of a
// session (phone-first, keeps working offline: see app/components/checkin/ and public/checkin-sw.js).
// POST (intent "inscricao-na-hora") — registers and checks in someone who arrived without a registration.
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";

import { CheckinDesk } from "~/components/checkin/checkin-desk";
import { intentOf, readFormData } from "~/lib/forms.server";
import { badRequest, DomainError, route } from "~/lib/http.server";
import { formatRange, timeZoneLabel } from "~/lib/time";
import { checkinSessionIn, checkinSheet, walkIn } from "~/modules/attendance/checkin.server";
import { CHECKIN_THEME, checkinManifestPath } from "~/modules/attendance/checkin-app";
import { walkInSchema } from "~/modules/attendance/checkin-schemas";
import { requireActor } from "~/modules/auth/session.server";
import checkinStyles from "~/styles/checkin.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: checkinStyles },
  { rel: "apple-touch-icon", href: "/checkin-icon-192.png" },
];

// Installable on the phone, as this session's app (the manifest depends on the address).
export const meta: MetaFunction<typeof loader> = ({ data, params }) => [
  { title: data ? `Check-in: ${data.sheet.session.title} — ${data.sheet.event.title} — Apoia SUAS` : "Check-in — Apoia SUAS" },
  { name: "theme-color", content: CHECKIN_THEME },
  ...(data ? [{ tagName: "link", rel: "manifest", href: checkinManifestPath(params.slug ?? "", params.sessionId ?? "") }] : []),
];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const session = await checkinSessionIn(actor, params.slug ?? "", params.sessionId ?? "");
  const sheet = await checkinSheet(actor, session.id);
  const zone = sheet.event.timeZone;
  return json(
    { sheet, range: formatRange(session.startsAt, session.endsAt, zone), zoneLabel: timeZoneLabel(zone, session.startsAt) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const session = await checkinSessionIn(actor, params.slug ?? "", params.sessionId ?? "");
  const form = await readFormData(request);
  if (intentOf(form) !== "inscricao-na-hora") throw badRequest("Ação desconhecida.");
  const submission = parseWithZod(form, { schema: walkInSchema });
  if (submission.status !== "success") return json({ reply: submission.reply() }, { status: 400 });
  const { ente, enteBusca, ...person } = submission.value;
  try {
    const r = await walkIn(actor, session.id, { ...person, enteId: ente, enteText: enteBusca });
    if (!r.ok) return json({ reply: submission.reply({ fieldErrors: r.fieldErrors }) }, { status: 400 });
    return json({ reply: submission.reply({ resetForm: true }), done: { person: r.person, result: r.result } });
  } catch (error) {
    // Refusals (no seats left, registration removed…) stay on the form, in Portuguese.
    if (error instanceof DomainError && error.status === 409) return json({ reply: submission.reply(), message: error.message }, { status: 409 });
    throw error;
  }
});

export default function CheckinPage() {
  const { sheet, range, zoneLabel } = useLoaderData<typeof loader>();
  const { pathname } = useLocation();
  return <CheckinDesk sheet={sheet} range={range} zoneLabel={zoneLabel} here={pathname.replace(/\/$/, "")} />;
}
