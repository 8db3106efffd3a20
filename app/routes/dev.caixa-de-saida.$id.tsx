// GET /dev/caixa-de-saida/:id — development only: one message, as the person would see it.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { route } from "~/lib/http.server";
import { formatDateTime } from "~/lib/time";
import { devMailboxMessage, statusLabel } from "~/modules/email/mailbox.server";

export const meta: MetaFunction = () => [{ title: "Mensagem (desenvolvimento) — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ params }: LoaderFunctionArgs) => {
  const m = await devMailboxMessage(params.id ?? "");
  return json({
    id: m.id,
    to: `${m.toName} <${m.toEmail}>`,
    subject: m.subject,
    html: m.html,
    text: m.text,
    ics: m.icsContent,
    icsMethod: m.icsMethod,
    status: statusLabel(m),
    attempts: m.attemptLog.map((a) => ({ at: formatDateTime(a.startedAt, "America/Sao_Paulo"), ok: a.ok, detail: a.detail })),
  });
});

export default function DevMessage() {
  const m = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/dev/caixa-de-saida">‹ Caixa de saída</Link>
      </p>
      <h1>{m.subject}</h1>
      <dl className="facts">
        <dt>Para</dt>
        <dd>{m.to}</dd>
        <dt>Situação</dt>
        <dd>{m.status}</dd>
      </dl>
      <h2>Como a pessoa vê (HTML)</h2>
      <iframe title="Mensagem em HTML" srcDoc={m.html} sandbox="" style={{ width: "100%", height: "36rem", border: "1px solid #ccc" }} />
      <h2>Texto simples</h2>
      <pre style={{ whiteSpace: "pre-wrap" }}>{m.text}</pre>
      {m.ics ? (
        <>
          <h2>Convite de agenda ({m.icsMethod})</h2>
          <pre style={{ whiteSpace: "pre-wrap", fontSize: "0.8rem" }}>{m.ics}</pre>
        </>
      ) : null}
      <h2>Tentativas de entrega</h2>
      <ul>
        {m.attempts.map((a, i) => (
          <li key={i}>
            {a.at}: {a.ok ? "ok" : "falha"} — {a.detail}
          </li>
        ))}
      </ul>
    </>
  );
}
