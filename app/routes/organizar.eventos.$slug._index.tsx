import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { EventTags } from "~/components/event-card";
import { redirectWithFlash } from "~/lib/flash.server";
import { intentOf, readFormData } from "~/lib/forms.server";
import { badRequest, route } from "~/lib/http.server";
import { text, z } from "~/lib/zod";
import { requireActor } from "~/modules/auth/session.server";
import { eventPage } from "~/modules/events/event-page.server";
import { cancelEvent, duplicateEvent, publishEvent, requireEventFor } from "~/modules/events/events.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Gerenciar: ${data.event.title} — Apoia SUAS` : "Gerenciar evento" }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  await requireEventFor(actor, params.slug ?? "", "see_participants");
  return json(await eventPage(params.slug ?? "", actor, request.url));
});

const cancelSchema = z.object({ reason: text("o motivo do cancelamento", { min: 5, max: 500 }) });

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const slug = params.slug ?? "";
  const form = await readFormData(request);
  const here = `/organizar/eventos/${slug}`;
  switch (intentOf(form)) {
    case "publicar":
      await publishEvent(actor, slug);
      return redirectWithFlash(here, { kind: "success", message: "Evento publicado." });
    case "cancelar": {
      const parsed = cancelSchema.safeParse({ reason: form.get("reason") ?? undefined });
      if (!parsed.success) {
        await requireEventFor(actor, slug, "cancel");
        return json({ cancelError: parsed.error.issues[0]?.message ?? "Informe o motivo." }, { status: 400 });
      }
      await cancelEvent(actor, slug, parsed.data.reason);
      return redirectWithFlash(here, { kind: "info", message: "Evento cancelado." });
    }
    case "duplicar": {
      const r = await duplicateEvent(actor, slug);
      if (!r.ok) {
        return redirectWithFlash(here, { kind: "error", message: "Não foi possível duplicar: o evento tem dados que não valem mais. Edite-o e tente de novo." });
      }
      return redirectWithFlash(`/organizar/eventos/${r.slug}/editar`, {
        kind: "success",
        message: "Cópia criada como rascunho. Ajuste o título e as datas.",
      });
    }
    default:
      throw badRequest("Ação desconhecida.");
  }
});

export default function ManageEvent() {
  const { event, me } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/organizar">‹ Organizar eventos</Link>
      </p>
      <EventTags e={event} />
      <h1>{event.title}</h1>
      <dl className="facts">
        <dt>Situação</dt>
        <dd>{event.statusLabel}</dd>
        <dt>Organização</dt>
        <dd>{event.organizer}</dd>
        <dt>Quando</dt>
        <dd>
          {event.sessions[0]?.range}
          {event.sessions.length > 1 ? ` (e mais ${event.sessions.length - 1} sessões)` : ""} — {event.zoneLabel}
        </dd>
        <dt>Inscrições</dt>
        <dd>
          {event.confirmed} confirmadas{event.capacity != null ? ` de ${event.capacity} vagas` : ""}
          {event.waiting ? `, ${event.waiting} na lista de espera` : ""}
        </dd>
      </dl>
      <div className="button-row">
        <Link to={`/eventos/${event.slug}`}>Ver a página pública</Link>
        {me.canSeeParticipants ? <Link to={`/organizar/eventos/${event.slug}/inscricoes`}>Ver inscrições</Link> : null}
        {me.canSeeParticipants ? <Link to={`/organizar/eventos/${event.slug}/mensagens`}>Mensagens enviadas</Link> : null}
        {me.canManage && event.status !== "CANCELADO" ? <Link to={`/organizar/eventos/${event.slug}/editar`}>Editar</Link> : null}
      </div>
      {me.canManage ? (
        <>
          <div className="button-row">
            {event.status === "RASCUNHO" ? (
              <Form method="post">
                <button type="submit" name="intent" value="publicar" className="button">
                  Publicar
                </button>
              </Form>
            ) : null}
            <Form method="post">
              <button type="submit" name="intent" value="duplicar" className="button button-secondary">
                Duplicar
              </button>
            </Form>
          </div>
          {event.status !== "CANCELADO" ? <CancelForm /> : null}
        </>
      ) : (
        <p className="notice">Você acompanha este evento; só a equipe organizadora pode alterá-lo.</p>
      )}
    </>
  );
}

function CancelForm() {
  return (
    <details>
      <summary>Cancelar este evento</summary>
      <Form method="post" className="stack">
        <div className="field">
          <label htmlFor="reason">Motivo do cancelamento</label>
          <span className="hint" id="reason-hint">
            Aparece na página do evento.
          </span>
          <textarea id="reason" name="reason" rows={3} required minLength={5} maxLength={500} aria-describedby="reason-hint" />
        </div>
        <button type="submit" name="intent" value="cancelar" className="button button-danger">
          Cancelar o evento
        </button>
      </Form>
    </details>
  );
}
