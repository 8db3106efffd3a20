import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { EventForm } from "~/components/event-form";
import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData } from "~/lib/forms.server";
import { conflict, route } from "~/lib/http.server";
import { requireActor } from "~/modules/auth/session.server";
import { eventFormSchema } from "~/modules/events/event-form";
import { eventFormDefaults, requireEventFor, updateEvent } from "~/modules/events/events.server";
import { eventFormChoices } from "~/modules/events/organizer.server";

export const meta: MetaFunction = () => [{ title: "Editar evento — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const event = await requireEventFor(actor, params.slug ?? "", "edit");
  if (event.status === "CANCELADO") throw conflict("Este evento foi cancelado e não pode mais ser editado.");
  const [choices, defaults] = await Promise.all([eventFormChoices(actor), eventFormDefaults(event.id)]);
  return json({ ...choices, defaults, slug: event.slug, title: event.title });
});

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const slug = params.slug ?? "";
  await requireEventFor(actor, slug, "edit");
  const submission = parseWithZod(await readFormData(request), { schema: eventFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const result = await updateEvent(actor, slug, submission.value);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/organizar/eventos/${result.slug}`, { kind: "success", message: "Alterações salvas." });
});

export default function EditEvent() {
  const { organizers, ufs, defaults, slug, title } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/organizar/eventos/${slug}`}>‹ {title}</Link>
      </p>
      <h1>Editar evento</h1>
      <EventForm id="evento" lastResult={lastResult} defaultValue={defaults} organizers={organizers} ufs={ufs} submitLabel="Salvar alterações" />
    </>
  );
}
