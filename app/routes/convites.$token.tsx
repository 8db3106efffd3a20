// GET /convites/:token — an invitation: the event, for whom, the seats; accept or decline; and, for
// the gestores of an invited ente, who holds its seats (nominate colleagues, swap them).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { redirectWithFlash } from "~/lib/flash.server";
import { intentOf, readFormData } from "~/lib/forms.server";
import { badRequest, route } from "~/lib/http.server";
import { formatDateTime } from "~/lib/time";
import { emailField, z } from "~/lib/zod";
import { getActor, requireActor } from "~/modules/auth/session.server";
import { enteDisplayName, type EnteKind } from "~/modules/entes/federation";
import { db } from "~/lib/db.server";
import { eventSummaryById } from "~/modules/email/notifications.server";
import { answerInvitation, invitationByToken, nominate, releaseSeat, seatsPanel } from "~/modules/invitations/invitations.server";
import { canNominateFor } from "~/modules/invitations/permissions";
import { registrationNotice } from "~/modules/registration/rules";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Convite: ${data.event.title} — Apoia SUAS` : "Convite — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const token = params.token ?? "";
  const { link, seats } = await invitationByToken(token);
  const actor = await getActor(request);
  const summary = await eventSummaryById(db, link.event.id);
  const invited = link.enteInvitation?.ente ?? link.ente;
  const gestor =
    actor && link.enteInvitation && canNominateFor(actor, link.enteInvitation.ente, { acceptedByActor: link.status === "ACEITO" && actor.email === link.email })
      ? await seatsPanel(actor, link.enteInvitation.id)
      : null;
  return json(
    {
      token,
      declining: new URL(request.url).searchParams.get("resposta") === "recusar",
      event: {
        title: link.event.title,
        slug: link.event.slug,
        when: `${summary.sessions[0]?.range ?? ""}${summary.sessions.length > 1 ? ` (e mais ${summary.sessions.length - 1} sessões)` : ""}`,
        zone: summary.zoneLabel,
        organizer: summary.organizer,
        where: summary.where,
      },
      invitation: {
        email: link.email,
        status: link.status,
        invitedAs: invited ? enteDisplayName({ ...invited, kind: invited.kind as EnteKind }) : null,
        quota: link.enteInvitation?.quota ?? null,
        seats,
        expiresAt: formatDateTime(link.expiresAt, link.event.timeZone),
        enteInvitationId: link.enteInvitation?.id ?? null,
      },
      me: actor ? { name: actor.name, email: actor.email, matches: actor.email === link.email } : null,
      gestor: gestor
        ? {
            quota: gestor.quota,
            used: gestor.used,
            holders: gestor.holders.map((h) => ({ id: h.id, name: h.user.name, email: h.user.email, status: h.status })),
            pendingEmails: gestor.pendingEmails,
          }
        : null,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});

const nominateSchema = z.object({ email: emailField });

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const token = params.token ?? "";
  const form = await readFormData(request);
  const here = `/convites/${token}`;
  switch (intentOf(form)) {
    case "recusar": {
      const actor = await getActor(request);
      const r = await answerInvitation(actor, token, "recusar");
      return redirectWithFlash(here, {
        kind: "info",
        message: r.kind === "recusado" ? "Convite recusado. Obrigado por responder." : "Este convite já tinha sido aceito: para desistir, cancele a inscrição na página do evento.",
      });
    }
    case "aceitar": {
      const actor = await requireActor(request);
      const r = await answerInvitation(actor, token, "aceitar");
      if (r.kind !== "aceito") return redirectWithFlash(here, { kind: "info", message: "Você já tinha aceitado este convite." });
      const { invitation } = await invitationByToken(token).then(({ link }) => ({ invitation: link }));
      return redirectWithFlash(here, {
        kind: r.registration.status === "CONFIRMADA" ? "success" : "info",
        message: registrationNotice(r.registration.status, { title: invitation.event.title, alreadyRegistered: r.registration.alreadyRegistered, position: r.registration.waitlistPosition }),
      });
    }
    case "indicar": {
      const actor = await requireActor(request);
      const { link } = await invitationByToken(token);
      if (!link.enteInvitation) throw badRequest("Este convite é pessoal: não há vagas de ente para indicar.");
      const parsed = nominateSchema.safeParse({ email: form.get("email") ?? undefined });
      if (!parsed.success) return json({ nominateError: parsed.error.issues[0]?.message ?? "E-mail inválido." }, { status: 400 });
      const r = await nominate(actor, link.enteInvitation.id, parsed.data.email).catch((error: unknown) => {
        if (error instanceof Error && "status" in error && (error as { status: number }).status === 422) return { kind: "erro" as const, message: error.message };
        throw error;
      });
      if (r.kind === "erro") return json({ nominateError: r.message }, { status: 422 });
      return redirectWithFlash(here, {
        kind: "success",
        message:
          r.kind === "inscrita"
            ? `${r.name} foi indicada(o) e ${r.status === "CONFIRMADA" ? "está com a inscrição confirmada" : "entrou na lista de espera do evento"}.`
            : `${r.email} ainda não tem conta: enviamos um convite com o ente já preenchido, para ocupar a vaga.`,
      });
    }
    case "liberar": {
      const actor = await requireActor(request);
      const { link } = await invitationByToken(token);
      const id = z.string().min(1).max(40).safeParse(form.get("registrationId"));
      if (!link.enteInvitation || !id.success) throw badRequest("Vaga inválida.");
      await releaseSeat(actor, link.enteInvitation.id, id.data);
      return redirectWithFlash(here, { kind: "info", message: "Vaga liberada: indique outra pessoa." });
    }
    default:
      throw badRequest("Ação desconhecida.");
  }
});

export default function Invitation() {
  const { token, declining, event, invitation, me, gestor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const nominateError = actionData && "nominateError" in actionData ? actionData.nominateError : null;
  const here = `/convites/${token}`;
  return (
    <>
      <p className="muted">Convite de {event.organizer}</p>
      <h1>{event.title}</h1>
      <dl className="facts">
        <dt>Quando</dt>
        <dd>
          {event.when} <span className="muted">({event.zone})</span>
        </dd>
        <dt>Onde</dt>
        <dd>{event.where}</dd>
        <dt>Convite para</dt>
        <dd>{invitation.invitedAs ?? invitation.email}</dd>
        {invitation.quota != null ? (
          <>
            <dt>Vagas do ente</dt>
            <dd>
              {invitation.seats ?? 0} de {invitation.quota} preenchidas
            </dd>
          </>
        ) : null}
        <dt>Responder até</dt>
        <dd>{invitation.expiresAt}</dd>
      </dl>
      <p>
        <Link to={`/eventos/${event.slug}`}>Ver a página do evento</Link>
      </p>

      {invitation.status === "ACEITO" ? (
        <p className="notice notice-success">Convite aceito.</p>
      ) : invitation.status === "RECUSADO" ? (
        <p className="notice">Convite recusado. Mudou de ideia? Enquanto houver prazo, você ainda pode aceitar.</p>
      ) : null}

      {invitation.status !== "ACEITO" ? (
        <section aria-labelledby="responder">
          <h2 id="responder">{declining ? "Recusar o convite" : "Responder"}</h2>
          {me && !me.matches ? (
            <p className="notice notice-warning">
              Este convite foi enviado para {invitation.email}; você entrou como {me.email}. Para aceitar, entre com a conta de {invitation.email}.
            </p>
          ) : null}
          <div className="button-row">
            {!declining ? (
              me ? (
                me.matches ? (
                  <Form method="post">
                    <button type="submit" name="intent" value="aceitar" className="button">
                      Aceitar o convite
                    </button>
                  </Form>
                ) : null
              ) : (
                <>
                  <Link to={`/entrar?redirectTo=${encodeURIComponent(here)}`} className="button">
                    Entrar para aceitar
                  </Link>
                  <Link to={`/cadastro?convite=${encodeURIComponent(token)}`} className="button button-secondary">
                    Criar conta e aceitar
                  </Link>
                </>
              )
            ) : null}
            {invitation.status !== "RECUSADO" ? (
              <Form method="post">
                <button type="submit" name="intent" value="recusar" className={declining ? "button button-danger" : "button-link"}>
                  {declining ? "Confirmar a recusa" : "Recusar o convite"}
                </button>
              </Form>
            ) : null}
          </div>
        </section>
      ) : null}

      {gestor ? (
        <section aria-labelledby="vagas">
          <h2 id="vagas">Vagas de {invitation.invitedAs}</h2>
          <p>
            {gestor.used} de {gestor.quota} vagas ocupadas. Indique colegas do mesmo ente; para trocar alguém, libere a vaga e indique outra pessoa.
          </p>
          {gestor.holders.length ? (
            <ul>
              {gestor.holders.map((h) => (
                <li key={h.id}>
                  {h.name} <span className="muted">({h.email}{h.status === "ESPERA" ? ", lista de espera do evento" : ""})</span>{" "}
                  <Form method="post" style={{ display: "inline" }}>
                    <input type="hidden" name="registrationId" value={h.id} />
                    <button type="submit" name="intent" value="liberar" className="button-link">
                      Liberar a vaga<span className="visually-hidden"> de {h.name}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : null}
          {gestor.pendingEmails.length ? <p className="muted">Convidados sem conta, ainda sem resposta: {gestor.pendingEmails.join(", ")}.</p> : null}
          {gestor.used < gestor.quota ? (
            <Form method="post" className="stack">
              <div className="field">
                <label htmlFor="indicar-email">E-mail do(a) colega</label>
                <span className="hint" id="indicar-dica">
                  Quem já tem conta é inscrito na hora; quem não tem recebe um convite com o ente preenchido.
                </span>
                <input
                  id="indicar-email"
                  name="email"
                  type="email"
                  aria-describedby={nominateError ? "indicar-dica indicar-erro" : "indicar-dica"}
                  aria-invalid={nominateError ? true : undefined}
                />
                {nominateError ? (
                  <div id="indicar-erro" className="field-error">
                    <p>{nominateError}</p>
                  </div>
                ) : null}
              </div>
              <button type="submit" name="intent" value="indicar" className="button button-secondary">
                Indicar
              </button>
            </Form>
          ) : (
            <p className="notice">Todas as vagas estão ocupadas.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
