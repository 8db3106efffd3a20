import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";

import { EventTags } from "~/components/event-card";
import { LocalTimeHint } from "~/components/local-time";
import { redirectWithFlash } from "~/lib/flash.server";
import { intentOf, readFormData } from "~/lib/forms.server";
import { badRequest, route } from "~/lib/http.server";
import { getActor, requireActor } from "~/modules/auth/session.server";
import { eventPage } from "~/modules/events/event-page.server";
import { cancelMyRegistration, register } from "~/modules/registration/registration.server";
import { registrationNotice } from "~/modules/registration/rules";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} — Apoia SUAS` : "Evento — Apoia SUAS" },
];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await getActor(request);
  return json(await eventPage(params.slug ?? "", actor, request.url));
});

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const form = await readFormData(request);
  const slug = params.slug ?? "";
  const page = await eventPage(slug, actor, request.url);
  const back = `/eventos/${page.event.slug}`;
  switch (intentOf(form)) {
    case "inscrever": {
      const r = await register(actor, page.event.id);
      return redirectWithFlash(back, {
        kind: r.status === "CONFIRMADA" ? "success" : "info",
        message: registrationNotice(r.status, { title: page.event.title, alreadyRegistered: r.alreadyRegistered, position: r.waitlistPosition }),
      });
    }
    case "cancelar-inscricao": {
      await cancelMyRegistration(actor, page.event.id);
      return redirectWithFlash(back, { kind: "info", message: `Sua inscrição em “${page.event.title}” foi cancelada.` });
    }
    default:
      throw badRequest("Ação desconhecida.");
  }
});

export default function EventPage() {
  const { event, me } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <article>
      <header className="event-header">
        <EventTags e={event} />
        <h1>{event.title}</h1>
        <p className="muted">Organização: {event.organizer}</p>
        {event.status === "CANCELADO" ? (
          <div className="notice notice-error" role="status">
            Este evento foi cancelado.{event.cancellationReason ? ` Motivo: ${event.cancellationReason}` : ""}
          </div>
        ) : null}
        {event.status === "RASCUNHO" ? (
          <div className="notice notice-warning" role="status">
            Rascunho: só a organização vê esta página até a publicação.
          </div>
        ) : null}
        {me.canManage || me.canSeeParticipants ? (
          <p>
            <Link to={`/organizar/eventos/${event.slug}`}>Gerenciar este evento</Link>
          </p>
        ) : null}
      </header>
      <div className="event-layout">
        <div>
          <section aria-labelledby="programacao">
            <h2 id="programacao">Programação</h2>
            <p className="muted">Horários: {event.zoneLabel}.</p>
            <p>
              <a href={`/eventos/${event.slug}/calendario.ics`}>Adicionar à minha agenda (.ics)</a>
            </p>
            <ol className="agenda">
              {event.sessions.map((s) => (
                <li key={s.id}>
                  <strong>{s.title}</strong>
                  <br />
                  <time dateTime={s.startsAt}>{s.range}</time>
                  {s.viewerRange ? <div className="small muted">No seu fuso: {s.viewerRange}</div> : <LocalTimeHint startsAt={s.startsAt} endsAt={s.endsAt} eventZone={event.zone} />}
                  {me.canEnterRooms ? (
                    <div>
                      <Link to={`/sala/${s.id}`} className="button button-small">
                        Entrar na sala<span className="visually-hidden">: {s.title}</span>
                      </Link>
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
          {event.descriptionHtml ? (
            <section aria-labelledby="sobre">
              <h2 id="sobre">Sobre o evento</h2>
              {/* Rendered from Markdown on the server with raw HTML disabled (markdown.server.ts). */}
              <div className="description" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
            </section>
          ) : null}
        </div>
        <aside aria-labelledby="inscricao" className="panel">
          <h2 id="inscricao">Inscrição</h2>
          <dl className="facts">
            <dt>Formato</dt>
            <dd>{event.formatLabel}</dd>
            <dt>Local</dt>
            <dd>
              {event.venue ? (
                <>
                  {event.venue.name}
                  {event.venue.address ? <>, {event.venue.address}</> : null}
                  {event.venue.municipio ? <> — {event.venue.municipio}</> : null}
                  {event.format === "HIBRIDO" ? <> · também online</> : null}
                </>
              ) : (
                "Online"
              )}
            </dd>
            <dt>Abrangência</dt>
            <dd>{event.scopeLabel}</dd>
            <dt>Público</dt>
            <dd>{event.audience}</dd>
            <dt>Carga horária</dt>
            <dd>{event.workload}</dd>
            <dt>Vagas</dt>
            <dd>{event.capacity == null ? "Sem limite" : `${event.capacity} · ${event.seats}`}</dd>
            <dt>Inscrições</dt>
            <dd>
              de {event.registrationOpensAt} a {event.registrationClosesAt}
            </dd>
          </dl>
          <div aria-live="polite">
            {me.status === "CONFIRMADA" ? (
              <p className="notice notice-success">Sua inscrição está confirmada.</p>
            ) : me.status === "ESPERA" ? (
              <p className="notice">Você está na lista de espera{me.waitlistPosition ? `, na posição ${me.waitlistPosition}` : ""}.</p>
            ) : null}
            {me.canRegister ? (
              <Form method="post">
                <button type="submit" name="intent" value="inscrever" className="button" disabled={busy}>
                  {event.capacity != null && event.seats.startsWith("Lotado") ? "Entrar na lista de espera" : "Inscrever-me"}
                </button>
              </Form>
            ) : me.reasonKind === "anonymous" ? (
              <p>
                <Link to={`/entrar?redirectTo=${encodeURIComponent(`/eventos/${event.slug}`)}`} className="button">
                  Entrar para se inscrever
                </Link>
              </p>
            ) : me.reason && me.reasonKind !== "already" ? (
              <p className={`notice ${me.reasonKind === "not_in_audience" || me.reasonKind === "removed" ? "notice-warning" : ""}`}>{me.reason}</p>
            ) : null}
            {me.canCancel && event.status === "PUBLICADO" && !event.past ? (
              <Form method="post">
                <button type="submit" name="intent" value="cancelar-inscricao" className="button button-secondary" disabled={busy}>
                  {me.status === "ESPERA" ? "Sair da lista de espera" : "Cancelar minha inscrição"}
                </button>
              </Form>
            ) : null}
          </div>
        </aside>
      </div>
    </article>
  );
}

