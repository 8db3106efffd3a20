import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { EventTags } from "~/components/event-card";
import { redirectWithFlash } from "~/lib/flash.server";
import { intentOf, readFormData } from "~/lib/forms.server";
import { badRequest, route } from "~/lib/http.server";
import { emailField, text, z } from "~/lib/zod";
import { requireActor } from "~/modules/auth/session.server";
import { eventPage } from "~/modules/events/event-page.server";
import { cancelEvent, duplicateEvent, publishEvent, requireEventFor } from "~/modules/events/events.server";
import { addSpeaker, listSpeakers, removeSpeaker } from "~/modules/rooms/speakers.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Gerenciar: ${data.event.title} — Apoia SUAS` : "Gerenciar evento" }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  await requireEventFor(actor, params.slug ?? "", "see_participants");
  const page = await eventPage(params.slug ?? "", actor, request.url);
  return json({ ...page, speakers: await listSpeakers(page.event.id) });
});

const cancelSchema = z.object({ reason: text("o motivo do cancelamento", { min: 5, max: 500 }) });
const speakerSchema = z.object({ email: emailField });

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
    case "adicionar-palestrante": {
      const parsed = speakerSchema.safeParse({ email: form.get("email") ?? undefined });
      if (!parsed.success) {
        await requireEventFor(actor, slug, "edit");
        return json({ speakerError: parsed.error.issues[0]?.message ?? "E-mail inválido." }, { status: 400 });
      }
      const r = await addSpeaker(actor, slug, parsed.data.email);
      if (!r.ok) return json({ speakerError: r.message }, { status: 400 });
      return redirectWithFlash(`${here}#palestrantes`, { kind: "success", message: `${r.name} agora é palestrante: publica áudio, vídeo e tela nas salas.` });
    }
    case "remover-palestrante": {
      const userId = z.string().min(1).max(40).safeParse(form.get("userId"));
      if (!userId.success) throw badRequest("Palestrante inválido.");
      await removeSpeaker(actor, slug, userId.data);
      return redirectWithFlash(`${here}#palestrantes`, { kind: "info", message: "Palestrante removido(a)." });
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
  const { event, me, speakers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const online = event.format !== "PRESENCIAL";
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
        {me.canSeeParticipants ? <Link to={`/organizar/eventos/${event.slug}/convites`}>Convites</Link> : null}
        {me.canSeeParticipants ? <Link to={`/organizar/eventos/${event.slug}/mensagens`}>Mensagens enviadas</Link> : null}
        {me.canSeeParticipants && event.status !== "RASCUNHO" ? <Link to={`/organizar/eventos/${event.slug}/presenca`}>Presença</Link> : null}
        {me.canSeeParticipants && event.status !== "RASCUNHO" ? <Link to={`/organizar/eventos/${event.slug}/certificados`}>Certificados</Link> : null}
        {me.canManage && event.status !== "CANCELADO" ? <Link to={`/organizar/eventos/${event.slug}/editar`}>Editar</Link> : null}
      </div>
      {online ? (
        <section aria-labelledby="salas">
          <h2 id="salas">Salas das sessões</h2>
          <ul>
            {event.sessions.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong> — {s.range}:{" "}
                <Link to={`/sala/${s.id}`}>entrar na sala</Link>
                {me.canSeeParticipants ? (
                  <>
                    {" · "}
                    <Link to={`/organizar/eventos/${event.slug}/salas/${s.id}`}>quem está na sala</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {event.format !== "ONLINE" && me.canManage && event.status === "PUBLICADO" ? (
        <section aria-labelledby="checkin">
          <h2 id="checkin">Check-in na porta</h2>
          <p className="muted">Registre a entrada pelo QR do crachá, pelo nome ou CPF, ou faça a inscrição na hora. Funciona no celular, também sem conexão.</p>
          <ul>
            {event.sessions.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong> — {s.range}:{" "}
                <Link to={`/organizar/eventos/${event.slug}/checkin/${s.id}`}>
                  abrir o check-in<span className="visually-hidden"> de {s.title}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {me.canManage ? (
        <section aria-labelledby="palestrantes">
          <h2 id="palestrantes">Palestrantes</h2>
          {speakers.length ? (
            <ul>
              {speakers.map((p) => (
                <li key={p.id}>
                  {p.name} <span className="muted">({p.email})</span>{" "}
                  <Form method="post" style={{ display: "inline" }}>
                    <input type="hidden" name="userId" value={p.id} />
                    <button type="submit" name="intent" value="remover-palestrante" className="button-link">
                      Remover<span className="visually-hidden"> {p.name} dos palestrantes</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nenhum palestrante. Palestrantes publicam áudio, vídeo e tela nas salas, inclusive nas transmissões.</p>
          )}
          <Form method="post" className="stack">
            <div className="field">
              <label htmlFor="palestrante-email">E-mail do palestrante (já cadastrado)</label>
              <input
                id="palestrante-email"
                name="email"
                type="email"
                aria-invalid={actionData && "speakerError" in actionData ? true : undefined}
                aria-describedby={actionData && "speakerError" in actionData ? "palestrante-erro" : undefined}
              />
              {actionData && "speakerError" in actionData ? (
                <div id="palestrante-erro" className="field-error">
                  <p>{actionData.speakerError}</p>
                </div>
              ) : null}
            </div>
            <button type="submit" name="intent" value="adicionar-palestrante" className="button button-secondary">
              Adicionar palestrante
            </button>
          </Form>
        </section>
      ) : null}
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
          {event.status !== "CANCELADO" ? <CancelForm error={actionData && "cancelError" in actionData ? actionData.cancelError : undefined} /> : null}
        </>
      ) : (
        <p className="notice">Você acompanha este evento; só a equipe organizadora pode alterá-lo.</p>
      )}
    </>
  );
}

function CancelForm({ error }: { error?: string }) {
  return (
    <details open={!!error}>
      <summary>Cancelar este evento</summary>
      <Form method="post" className="stack">
        <div className="field">
          <label htmlFor="reason">Motivo do cancelamento</label>
          <span className="hint" id="reason-hint">
            Aparece na página do evento.
          </span>
          <textarea
            id="reason"
            name="reason"
            rows={3}
            required
            minLength={5}
            maxLength={500}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "reason-hint reason-erro" : "reason-hint"}
          />
          {error ? (
            <div id="reason-erro" className="field-error">
              <p>{error}</p>
            </div>
          ) : null}
        </div>
        <button type="submit" name="intent" value="cancelar" className="button button-danger">
          Cancelar o evento
        </button>
      </Form>
    </details>
  );
}
