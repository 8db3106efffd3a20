import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { EventForm } from "~/components/event-form";
import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData } from "~/lib/forms.server";
import { route } from "~/lib/http.server";
import { requireActor } from "~/modules/auth/session.server";
import { eventFormSchema } from "~/modules/events/event-form";
import { createEvent } from "~/modules/events/events.server";
import { assertOrganizer, eventFormChoices, newEventDefaults } from "~/modules/events/organizer.server";

export const meta: MetaFunction = () => [{ title: "Criar evento — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  assertOrganizer(actor);
  const choices = await eventFormChoices(actor);
  return json({ ...choices, defaults: newEventDefaults(choices.organizers) });
});

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  assertOrganizer(actor);
  const submission = parseWithZod(await readFormData(request), { schema: eventFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const result = await createEvent(actor, submission.value);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/organizar/eventos/${result.slug}`, {
    kind: "success",
    message: "Evento criado como rascunho. Confira e publique quando estiver pronto.",
  });
});

export default function NewEvent() {
  const { organizers, ufs, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <h1>Criar evento</h1>
      <EventForm id="evento" lastResult={lastResult} defaultValue={defaults} organizers={organizers} ufs={ufs} submitLabel="Salvar rascunho" />
    </>
  );
}
