// GET /dev/caixa-de-saida — development only: every message the app wrote, as in an inbox.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Pagination, withPage } from "~/components/pagination";
import { route } from "~/lib/http.server";
import { formatDateTime } from "~/lib/time";
import { z } from "~/lib/zod";
import { devMailbox, PURPOSE_LABELS, statusLabel } from "~/modules/email/mailbox.server";

export const meta: MetaFunction = () => [{ title: "Caixa de saída (desenvolvimento) — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(new URL(request.url).searchParams.get("pagina") ?? 1);
  const box = await devMailbox(page);
  return json({
    page,
    pages: box.pages,
    total: box.total,
    messages: box.messages.map((m) => ({
      id: m.id,
      to: `${m.toName} <${m.toEmail}>`,
      subject: m.subject,
      purpose: PURPOSE_LABELS[m.purpose] ?? m.purpose,
      status: statusLabel(m),
      invite: m.icsMethod,
      at: formatDateTime(m.createdAt, "America/Sao_Paulo"),
    })),
  });
});

export default function DevMailbox() {
  const { messages, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Caixa de saída local</h1>
      <p className="notice notice-warning">
        Só em desenvolvimento: sem <code>SMTP_URL</code>, as mensagens ficam aqui em vez de sair por e-mail. {total} mensagens.
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Quando</th>
              <th scope="col">Para</th>
              <th scope="col">Assunto</th>
              <th scope="col">Situação</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{m.at}</td>
                <td>{m.to}</td>
                <td>
                  <Link to={`/dev/caixa-de-saida/${m.id}`}>{m.subject}</Link>
                  <div className="small muted">
                    {m.purpose}
                    {m.invite ? ` · convite ${m.invite}` : ""}
                  </div>
                </td>
                <td>{m.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} href={(p) => withPage("", p)} />
    </>
  );
}
