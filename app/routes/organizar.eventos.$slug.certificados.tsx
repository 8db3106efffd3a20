// /organizar/eventos/:slug/certificados — the certificate rule (minimum share, whole event or each
// day, hours stated, who signs), issuing now (it also happens by itself when the event ends), the
// runs' progress, and every certificate with revoke (with reason) and reissue.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";

import { Pagination, withPage } from "~/components/pagination";
import { redirectWithFlash } from "~/lib/flash.server";
import { intentOf, readFormData } from "~/lib/forms.server";
import { badRequest, DomainError, route } from "~/lib/http.server";
import { optionalText, text, z } from "~/lib/zod";
import { requireActor } from "~/modules/auth/session.server";
import {
  certificatesOverview,
  reissueCertificate,
  requestIssuing,
  revokeCertificate,
  updateCertificateSettings,
} from "~/modules/certificates/certificates.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Certificados: ${data.event.title} — Apoia SUAS` : "Certificados" }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const pagina = z.coerce.number().int().min(1).max(10_000).catch(1).parse(new URL(request.url).searchParams.get("pagina") ?? 1);
  return json(await certificatesOverview(actor, params.slug ?? "", { page: pagina }), { headers: { "Cache-Control": "no-store" } });
});

const settingsSchema = z.object({
  threshold: z.coerce
    .number({ message: "Informe a presença mínima." })
    .int("Presença mínima: um número inteiro.")
    .min(1, "A presença mínima vai de 1% a 100%.")
    .max(100, "A presença mínima vai de 1% a 100%."),
  scope: z.enum(["EVENTO", "PERIODO"], { message: "Escolha como a presença mínima é apurada." }),
  hours: z.enum(["INTEGRAL", "PRESENCA"], { message: "Escolha as horas do certificado." }),
  responsibleName: optionalText("o nome de quem assina", 120),
  responsibleRole: optionalText("o cargo de quem assina", 120),
});
const codeSchema = z.string().min(1, "Certificado não informado.").max(40);
const revokeSchema = z.object({ code: codeSchema, reason: text("o motivo da revogação", { min: 5, max: 500 }) });

type ActionResult = { intent: string; code?: string; error: string };

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const slug = params.slug ?? "";
  const back = `/organizar/eventos/${slug}/certificados${new URL(request.url).search}`;
  const form = await readFormData(request);
  const intent = intentOf(form);
  const fail = (error: string, code?: string, status = 400) => json<ActionResult>({ intent, code, error }, { status });
  try {
    switch (intent) {
      case "regra": {
        const parsed = settingsSchema.safeParse(Object.fromEntries(["threshold", "scope", "hours", "responsibleName", "responsibleRole"].map((k) => [k, form.get(k) ?? undefined])));
        if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? "Dados inválidos.");
        await updateCertificateSettings(actor, slug, {
          ...parsed.data,
          responsibleName: parsed.data.responsibleName ?? "",
          responsibleRole: parsed.data.responsibleRole ?? "",
        });
        return redirectWithFlash(back, { kind: "success", message: "Regra do certificado salva. Vale para os próximos certificados emitidos." });
      }
      case "emitir": {
        await requestIssuing(actor, slug);
        return redirectWithFlash(back, {
          kind: "info",
          message: "Emissão pedida: os certificados são emitidos em segundo plano e cada pessoa recebe um e-mail. Atualize a página para acompanhar.",
        });
      }
      case "revogar": {
        const parsed = revokeSchema.safeParse({ code: form.get("code") ?? "", reason: form.get("reason") ?? "" });
        if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? "Dados inválidos.", String(form.get("code") ?? ""));
        const r = await revokeCertificate(actor, parsed.data.code, parsed.data.reason);
        return redirectWithFlash(back, {
          kind: r.alreadyRevoked ? "info" : "success",
          message: r.alreadyRevoked ? `O certificado ${parsed.data.code} já estava revogado; nada mudou.` : `Certificado ${parsed.data.code} revogado.`,
        });
      }
      case "reemitir": {
        const code = codeSchema.safeParse(form.get("code") ?? "");
        if (!code.success) return fail(code.error.issues[0]?.message ?? "Dados inválidos.");
        const r = await reissueCertificate(actor, code.data);
        return redirectWithFlash(back, {
          kind: "success",
          message: `Novo certificado emitido com o código ${r.code.replace(/^(.{4})(.{4})(.{4})$/, "$1-$2-$3")}; o anterior continua verificável como substituído.`,
        });
      }
      default:
        throw badRequest("Ação desconhecida.");
    }
  } catch (error) {
    // Refusals the organizer can act on stay on the page, next to the form.
    if (error instanceof DomainError && (error.status === 400 || error.status === 409)) return fail(error.message, String(form.get("code") ?? ""), error.status);
    throw error;
  }
});

export default function Certificates() {
  const { event, canManage, settings, runs, counts, certificates, page, pages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const busy = navigation.state === "submitting";
  const running = runs.some((r) => r.status === "PENDENTE" || r.status === "EM_ANDAMENTO");
  const errorFor = (intent: string, code?: string) =>
    actionData && "error" in actionData && actionData.intent === intent && (code === undefined || actionData.code === code) ? actionData.error : null;
  return (
    <>
      <p>
        <Link to={`/organizar/eventos/${event.slug}`}>‹ {event.title}</Link>
      </p>
      <h1>Certificados</h1>
      <p>
        <Link to={`/organizar/eventos/${event.slug}/presenca`}>Presença por pessoa e sessão</Link> (com ajustes e o motivo de cada um).
      </p>

      <section aria-labelledby="regra">
        <h2 id="regra">Regra do certificado</h2>
        <p className="muted">
          A presença conta o tempo online na sala da sessão e o tempo presencial (do check-in à saída, ou ao fim da sessão), dentro do horário previsto. Quem
          atinge o mínimo recebe o certificado. Mudanças valem para os certificados emitidos depois delas.
        </p>
        {canManage ? (
          <Form method="post" noValidate>
            <div className="field">
              <label htmlFor="threshold">Presença mínima (%)</label>
              <input id="threshold" name="threshold" type="number" inputMode="numeric" min={1} max={100} defaultValue={settings.threshold} required />
            </div>
            <fieldset className="field">
              <legend>Como a presença mínima é apurada</legend>
              <label>
                <input type="radio" name="scope" value="EVENTO" defaultChecked={settings.scope === "EVENTO"} /> No evento inteiro
              </label>
              <label>
                <input type="radio" name="scope" value="PERIODO" defaultChecked={settings.scope === "PERIODO"} /> Em cada dia (período) do evento
              </label>
            </fieldset>
            <fieldset className="field">
              <legend>Horas no certificado</legend>
              <label>
                <input type="radio" name="hours" value="INTEGRAL" defaultChecked={settings.hours === "INTEGRAL"} /> A carga horária integral do evento
              </label>
              <label>
                <input type="radio" name="hours" value="PRESENCA" defaultChecked={settings.hours === "PRESENCA"} /> As horas de presença de cada pessoa
              </label>
            </fieldset>
            <div className="field">
              <label htmlFor="responsibleName">Quem assina (nome)</label>
              <input id="responsibleName" name="responsibleName" maxLength={120} defaultValue={settings.responsibleName} placeholder={settings.defaultResponsible} />
            </div>
            <div className="field">
              <label htmlFor="responsibleRole">Cargo de quem assina</label>
              <input id="responsibleRole" name="responsibleRole" maxLength={120} defaultValue={settings.responsibleRole} placeholder="Organização do evento" />
            </div>
            {errorFor("regra") ? (
              <p className="field-error" role="alert">
                {errorFor("regra")}
              </p>
            ) : null}
            <button type="submit" name="intent" value="regra" className="button button-secondary" disabled={busy}>
              Salvar a regra
            </button>
          </Form>
        ) : (
          <p>
            Presença mínima de {settings.threshold}% {settings.scope === "PERIODO" ? "em cada dia" : "no evento"};{" "}
            {settings.hours === "INTEGRAL" ? "carga horária integral" : "horas de presença"}.
          </p>
        )}
      </section>

      <section aria-labelledby="emissao">
        <h2 id="emissao">Emissão</h2>
        <p>
          {counts.valid} certificado(s) válido(s){counts.revoked ? `, ${counts.revoked} revogado(s)` : ""}. Quando o evento termina, a emissão começa sozinha;
          você também pode pedir agora (quem já tem certificado não recebe outro).
        </p>
        {canManage && event.status === "PUBLICADO" ? (
          <Form method="post">
            {errorFor("emitir") ? (
              <p className="field-error" role="alert">
                {errorFor("emitir")}
              </p>
            ) : null}
            <button type="submit" name="intent" value="emitir" className="button" disabled={busy || running}>
              {running ? "Emissão em andamento…" : "Emitir certificados agora"}
            </button>
          </Form>
        ) : null}
        {runs.length ? (
          <div className="table-wrap">
            <table>
              <caption>Últimas emissões</caption>
              <thead>
                <tr>
                  <th scope="col">Pedida em</th>
                  <th scope="col">Situação</th>
                  <th scope="col">Emitidos</th>
                  <th scope="col">Sem presença mínima ou já com certificado</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.createdAt}
                      {r.automatic ? <div className="small muted">automática, no fim do evento</div> : null}
                    </td>
                    <td>
                      {r.statusLabel}
                      {r.finishedAt ? <div className="small muted">{r.finishedAt}</div> : null}
                      {r.error ? <div className="small">{r.error}</div> : null}
                    </td>
                    <td>{r.issued}</td>
                    <td>{r.skipped}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="lista">
        <h2 id="lista">Certificados emitidos</h2>
        {certificates.length ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Certificados emitidos, por nome</caption>
              <thead>
                <tr>
                  <th scope="col">Participante</th>
                  <th scope="col">Carga horária</th>
                  <th scope="col">Código</th>
                  {canManage ? <th scope="col">Ações</th> : null}
                </tr>
              </thead>
              <tbody>
                {certificates.map((c) => (
                  <tr key={c.code}>
                    <th scope="row" style={{ fontWeight: 400 }}>
                      {c.personName}
                      <div className="small muted">
                        {c.ente} · emitido em {c.issuedAt}
                      </div>
                    </th>
                    <td>{c.hours}</td>
                    <td>
                      <Link to={`/certificados/validar/${c.code}`}>
                        <code>{c.code}</code>
                      </Link>
                      {c.revoked ? (
                        <div className="small cert-status-invalid">
                          Revogado em {c.revoked.at}: {c.revoked.reason}
                        </div>
                      ) : null}
                    </td>
                    {canManage ? (
                      <td>
                        {!c.revoked ? (
                          <>
                            <a href={`/certificados/${c.code}/pdf`} download>
                              PDF<span className="visually-hidden"> do certificado de {c.personName}</span>
                            </a>
                            <Form method="post" className="inline-form">
                              <input type="hidden" name="code" value={c.code} />
                              <label htmlFor={`motivo-${c.code}`} className="visually-hidden">
                                Motivo da revogação do certificado de {c.personName}
                              </label>
                              <input id={`motivo-${c.code}`} name="reason" type="text" placeholder="Motivo" required minLength={5} maxLength={500} />
                              <button type="submit" name="intent" value="revogar" className="button button-danger button-small" disabled={busy}>
                                Revogar<span className="visually-hidden"> o certificado de {c.personName}</span>
                              </button>
                            </Form>
                          </>
                        ) : null}
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="code" value={c.code} />
                          <button type="submit" name="intent" value="reemitir" className="button button-secondary button-small" disabled={busy}>
                            Reemitir<span className="visually-hidden"> o certificado de {c.personName}</span>
                          </button>
                        </Form>
                        {errorFor("revogar", c.code) ?? errorFor("reemitir", c.code) ? (
                          <p className="field-error" role="alert">
                            {errorFor("revogar", c.code) ?? errorFor("reemitir", c.code)}
                          </p>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">Nenhum certificado emitido ainda.</p>
        )}
        <Pagination page={page} pages={pages} href={(p) => withPage(location.search, p)} />
        {canManage ? (
          <p className="small muted">
            Reemitir gera um certificado novo, com os dados atuais (por exemplo, o nome corrigido da pessoa) e um novo código; o código antigo continua
            verificável, marcado como substituído.
          </p>
        ) : null}
      </section>
    </>
  );
}
