// /organizar/eventos/:slug/presenca — presence per person and session (online in the room, on site
// at the door, or adjusted by the organizers), who reaches the certificate's minimum, the CSV, and
// adjustments with their mandatory reason; every adjustment stays listed (the audit trail).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData } from "~/lib/forms.server";
import { DomainError, route } from "~/lib/http.server";
import { text, z } from "~/lib/zod";
import { requireActor } from "~/modules/auth/session.server";
import { adjustPresence, attendanceTable } from "~/modules/attendance/attendance.server";

export const meta: MetaFunction = () => [{ title: "Presença — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  return json(await attendanceTable(actor, params.slug ?? ""), { headers: { "Cache-Control": "no-store" } });
});

const adjustSchema = z.object({
  registrationId: z.string().min(1, "Escolha a pessoa.").max(40),
  sessionId: z.string().min(1, "Escolha a sessão.").max(40),
  minutes: z.coerce.number({ message: "Informe os minutos de presença." }).int("Minutos: um número inteiro.").min(0, "Minutos: de 0 em diante."),
  reason: text("o motivo do ajuste", { min: 5, max: 500 }),
});

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const form = await readFormData(request);
  const parsed = adjustSchema.safeParse(Object.fromEntries(["registrationId", "sessionId", "minutes", "reason"].map((k) => [k, form.get(k) ?? ""])));
  const registrationId = String(form.get("registrationId") ?? "");
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Dados inválidos.", registrationId }, { status: 400 });
  try {
    await adjustPresence(actor, params.slug ?? "", parsed.data);
  } catch (error) {
    if (error instanceof DomainError && (error.status === 400 || error.status === 409)) return json({ error: error.message, registrationId }, { status: error.status });
    throw error;
  }
  return redirectWithFlash(`/organizar/eventos/${params.slug}/presenca`, { kind: "success", message: "Presença ajustada; o motivo fica registrado." });
});

const pct = (share: number) => `${Math.floor(share * 100)}%`;

export default function Attendance() {
  const { event, policy, canAdjust, sessions, rows, adjustments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to={`/organizar/eventos/${event.slug}`}>‹ {event.title}</Link>
      </p>
      <h1>Presença</h1>
      <p className="muted">
        Minutos presentes em cada sessão, dentro do horário previsto: online (conectado à sala; reconexões e abas repetidas contam uma vez) e presencial
        (do check-in à saída, ou ao fim da sessão), sem contar duas vezes o mesmo minuto. Um ajuste da organização substitui o que foi medido.
      </p>
      <p>
        Regra do certificado: {policy.threshold}% {policy.scope === "PERIODO" ? "em cada dia do evento" : "do horário do evento"} ·{" "}
        <Link to={`/organizar/eventos/${event.slug}/certificados`}>Certificados</Link>
      </p>
      <p>
        <a href={`/organizar/eventos/${event.slug}/presenca.csv`} className="button button-secondary" download>
          Baixar planilha (CSV)
        </a>
      </p>
      {actionData?.error ? (
        <p className="field-error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Presença por pessoa e sessão</caption>
          <thead>
            <tr>
              <th scope="col">Participante</th>
              {sessions.map((s) => (
                <th scope="col" key={s.id}>
                  {s.title}
                  <div className="small muted">{s.range}</div>
                </th>
              ))}
              <th scope="col">Total</th>
              <th scope="col">Certificado</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.registrationId}>
                <th scope="row" style={{ fontWeight: 400 }}>
                  {r.name}
                  <div className="small muted">
                    {r.ente}
                    {r.status !== "CONFIRMADA" ? ` · ${r.statusLabel}` : ""}
                  </div>
                  {canAdjust && r.status === "CONFIRMADA" ? (
                    <details>
                      <summary className="small">Ajustar presença</summary>
                      <Form method="post" className="stack-form">
                        <input type="hidden" name="registrationId" value={r.registrationId} />
                        <div className="field">
                          <label htmlFor={`sessao-${r.registrationId}`}>Sessão</label>
                          <select id={`sessao-${r.registrationId}`} name="sessionId" required>
                            {sessions.map((s) => (
                              <option key={s.id} value={s.id}>
                                {s.title} (até {Math.round(s.scheduledMinutes)} min)
                              </option>
                            ))}
                          </select>
                        </div>
                        <div className="field">
                          <label htmlFor={`minutos-${r.registrationId}`}>Minutos presentes</label>
                          <input id={`minutos-${r.registrationId}`} name="minutes" type="number" inputMode="numeric" min={0} required />
                        </div>
                        <div className="field">
                          <label htmlFor={`motivo-${r.registrationId}`}>Motivo (obrigatório)</label>
                          <input id={`motivo-${r.registrationId}`} name="reason" type="text" required minLength={5} maxLength={500} />
                        </div>
                        <button type="submit" className="button button-small" disabled={busy}>
                          Salvar ajuste<span className="visually-hidden"> de {r.name}</span>
                        </button>
                      </Form>
                    </details>
                  ) : null}
                </th>
                {r.cells.map((c, i) => (
                  <td key={sessions[i]!.id}>
                    {c.minutes.toLocaleString("pt-BR")} min · {pct(c.share)}
                    <div className="small muted">
                      {c.adjusted ? "ajustada" : `online ${c.onlineMinutes.toLocaleString("pt-BR")} · presencial ${c.onsiteMinutes.toLocaleString("pt-BR")}`}
                    </div>
                    {c.connected ? <div className="small">conectado(a) agora</div> : null}
                  </td>
                ))}
                <td>
                  {r.minutes.toLocaleString("pt-BR")} min · {pct(r.share)}
                  <div className="small">{r.qualifies ? "atinge o mínimo" : "abaixo do mínimo"}</div>
                </td>
                <td>
                  {r.certificate ? (
                    <Link to={`/certificados/validar/${r.certificate.code}`}>
                      {r.certificate.code}
                      {r.certificate.status === "REVOGADO" ? " (revogado)" : ""}
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Ajustes de presença</h2>
      {adjustments.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Todos os ajustes de presença, do mais recente ao mais antigo</caption>
            <thead>
              <tr>
                <th scope="col">Quando</th>
                <th scope="col">Participante</th>
                <th scope="col">Sessão</th>
                <th scope="col">Minutos</th>
                <th scope="col">Motivo</th>
                <th scope="col">Por</th>
              </tr>
            </thead>
            <tbody>
              {adjustments.map((a) => (
                <tr key={a.id}>
                  <td>{a.at}</td>
                  <td>{a.person}</td>
                  <td>{a.session}</td>
                  <td>{a.minutes}</td>
                  <td>{a.reason}</td>
                  <td>{a.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">Nenhum ajuste. Cada ajuste fica registrado aqui com o motivo, quem fez e quando.</p>
      )}
    </>
  );
}
