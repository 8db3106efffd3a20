// GET /organizar/eventos/:slug/mensagens — delivery status of the event's e-mails; resend.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { redirectWithFlash } from "~/lib/flash.server";
import { intentOf, readFormData } from "~/lib/forms.server";
import { badRequest, route } from "~/lib/http.server";
import { formatDateTime } from "~/lib/time";
import { z } from "~/lib/zod";
import { requireActor } from "~/modules/auth/session.server";
import { eventMessages, PURPOSE_LABELS, resendEventMessage, resendFailed, statusLabel } from "~/modules/email/mailbox.server";
import { canOnEvent } from "~/modules/events/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Mensagens: ${data.event.title} — Apoia SUAS` : "Mensagens" }];

const STATUS_SLUGS: Record<string, string> = { fila: "PENDENTE", enviando: "ENVIANDO", entregues: "ENVIADA", falhas: "FALHOU" };

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const situacao = new URL(request.url).searchParams.get("situacao") ?? "";
  if (situacao && !STATUS_SLUGS[situacao]) throw badRequest("Situação desconhecida.");
  const { event, messages, counts } = await eventMessages(actor, params.slug ?? "", { status: STATUS_SLUGS[situacao] });
  const tz = "America/Sao_Paulo";
  return json({
    event: { slug: event.slug, title: event.title },
    canResend: canOnEvent(actor, "edit", event),
    situacao,
    counts,
    messages: messages.map((m) => ({
      id: m.id,
      to: `${m.toName} <${m.toEmail}>`,
      purpose: PURPOSE_LABELS[m.purpose] ?? m.purpose,
      subject: m.subject,
      status: m.status,
      statusLabel: statusLabel(m),
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: formatDateTime(m.createdAt, tz),
      sentAt: m.sentAt ? formatDateTime(m.sentAt, tz) : null,
      nextAttemptAt: m.status === "PENDENTE" && m.attempts > 0 ? formatDateTime(m.nextAttemptAt, tz) : null,
    })),
  });
});

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const slug = params.slug ?? "";
  const form = await readFormData(request);
  const back = `/organizar/eventos/${slug}/mensagens`;
  if (intentOf(form) === "reenviar-falhas") {
    const n = await resendFailed(actor, slug);
    return redirectWithFlash(back, { kind: "info", message: n ? `${n} mensagens voltaram para a fila.` : "Não há mensagens com falha." });
  }
  if (intentOf(form) === "reenviar") {
    const id = z.string().min(1).max(40).safeParse(form.get("messageId"));
    if (!id.success) throw badRequest("Mensagem inválida.");
    await resendEventMessage(actor, slug, id.data);
    return redirectWithFlash(back, { kind: "info", message: "Mensagem colocada na fila para reenvio." });
  }
  throw badRequest("Ação desconhecida.");
});

export default function EventMessages() {
  const { event, canResend, counts, messages, situacao } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/organizar/eventos/${event.slug}`}>‹ {event.title}</Link>
      </p>
      <h1>Mensagens enviadas</h1>
      <p>
        Entregues: {counts.ENVIADA ?? 0} · Na fila: {(counts.PENDENTE ?? 0) + (counts.ENVIANDO ?? 0)} · Com falha: {counts.FALHOU ?? 0}
      </p>
      <nav aria-label="Filtrar por situação" className="button-row">
        <Link to="?" aria-current={!situacao ? "page" : undefined}>
          Todas
        </Link>
        <Link to="?situacao=fila" aria-current={situacao === "fila" ? "page" : undefined}>
          Na fila
        </Link>
        <Link to="?situacao=entregues" aria-current={situacao === "entregues" ? "page" : undefined}>
          Entregues
        </Link>
        <Link to="?situacao=falhas" aria-current={situacao === "falhas" ? "page" : undefined}>
          Com falha
        </Link>
      </nav>
      {canResend && (counts.FALHOU ?? 0) > 0 ? (
        <Form method="post">
          <button type="submit" name="intent" value="reenviar-falhas" className="button">
            Reenviar todas as mensagens com falha
          </button>
        </Form>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Mensagens do evento</caption>
          <thead>
            <tr>
              <th scope="col">Mensagem</th>
              <th scope="col">Para</th>
              <th scope="col">Situação</th>
              {canResend ? <th scope="col">Reenviar</th> : null}
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.purpose}
                  <div className="small muted">
                    {m.subject} · criada em {m.createdAt}
                  </div>
                </td>
                <td>{m.to}</td>
                <td>
                  <span className={`tag ${m.status === "ENVIADA" ? "tag-green" : m.status === "FALHOU" ? "tag-red" : "tag-yellow"}`}>{m.statusLabel}</span>
                  <div className="small">
                    {m.sentAt ? `em ${m.sentAt}` : null}
                    {m.attempts > 1 || m.status === "FALHOU" ? ` · ${m.attempts} tentativas` : null}
                    {m.nextAttemptAt ? ` · próxima tentativa ${m.nextAttemptAt}` : null}
                  </div>
                  {m.lastError ? <div className="small muted">Motivo: {m.lastError}</div> : null}
                </td>
                {canResend ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="messageId" value={m.id} />
                      <button type="submit" name="intent" value="reenviar" className="button button-secondary button-small">
                        Reenviar<span className="visually-hidden"> {m.purpose} para {m.to}</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
