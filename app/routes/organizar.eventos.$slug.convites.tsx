// /organizar/eventos/:slug/convites — invite entes (all UFs, a region, the municipalities of a UF by
// porte, a list or a CSV) with their seats, invite people by e-mail, preview every problem before
// saving, follow who answered and remind the others in one action.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { redirectWithFlash } from "~/lib/flash.server";
import { intentOf, readFormData } from "~/lib/forms.server";
import { badRequest, route } from "~/lib/http.server";
import { emailField, z } from "~/lib/zod";
import { requireActor } from "~/modules/auth/session.server";
import { listUfs } from "~/modules/entes/entes.server";
import { PORTE_LABELS, PORTES, REGIONS } from "~/modules/entes/federation";
import { requireEventFor } from "~/modules/events/events.server";
import { canOnEvent } from "~/modules/events/permissions";
import { INVITATION_FILTERS, MAX_QUOTA, type InvitationFilter } from "~/modules/invitations/filters";
import { invitationOverview, invitationQuotaOf, invitePeople, inviteEntes, remindPending } from "~/modules/invitations/invitations.server";
import { resolveEnteSelection, resolvePeopleSelection } from "~/modules/invitations/selection.server";

export const meta: MetaFunction = () => [{ title: "Convites — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const filtro = (new URL(request.url).searchParams.get("filtro") ?? "todos") as InvitationFilter;
  if (!INVITATION_FILTERS.includes(filtro)) throw badRequest("Filtro desconhecido.");
  const overview = await invitationOverview(actor, params.slug ?? "", filtro);
  const event = await requireEventFor(actor, params.slug ?? "", "see_participants");
  const organizer = actor.organizerOf.find((e) => e.id === event.organizerEnteId);
  return json({
    ...overview,
    defaultQuota: await invitationQuotaOf(overview.event.id),
    filtro,
    canInvite: canOnEvent(actor, "edit", event),
    stateUf: organizer?.kind === "UF" ? organizer.uf : null,
    ufs: (await listUfs()).map((u) => ({ value: u.uf!, label: `${u.name} (${u.uf})` })),
  });
});

const selectionSchema = z.object({
  modo: z.enum(["TODAS_UFS", "UFS_REGIAO", "MUNICIPIOS_UF", "LISTA", "CSV"], { message: "Escolha quem convidar." }),
  regiao: z.enum(REGIONS, { message: "Escolha a região." }).optional(),
  uf: z.string().regex(/^[A-Z]{2}$/, "Escolha o estado.").optional(),
  portes: z.array(z.enum(PORTES)).max(5).optional(),
  lista: z.string().max(200_000, "Lista longa demais.").optional(),
  vagas: z.coerce.number({ message: "Informe as vagas por ente." }).int("Vagas: um número inteiro.").min(1, "Ao menos 1 vaga por ente.").max(MAX_QUOTA, `No máximo ${MAX_QUOTA} vagas por ente.`),
});

const confirmEntesSchema = z.object({
  vagas: z.coerce.number().int().min(1).max(MAX_QUOTA),
  selecao: z
    .string()
    .max(900_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Seleção inválida." });
        return z.NEVER;
      }
    })
    .pipe(z.array(z.object({ id: z.string().regex(/^(\d{2}|\d{7})$/), emails: z.array(emailField).max(20) })).min(1).max(6000)),
});

const confirmPeopleSchema = z.object({
  selecao: z
    .string()
    .max(900_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Seleção inválida." });
        return z.NEVER;
      }
    })
    .pipe(z.array(z.object({ email: emailField, enteId: z.string().regex(/^(\d{2}|\d{7})$/).nullable() })).min(1).max(5000)),
});

async function fileBytes(form: FormData): Promise<Uint8Array | null> {
  const f = form.get("arquivo");
  if (!f || typeof f === "string" || f.size === 0) return null;
  return new Uint8Array(await f.arrayBuffer());
}

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const slug = params.slug ?? "";
  const event = await requireEventFor(actor, slug, "edit");
  const form = await readFormData(request);
  const back = `/organizar/eventos/${event.slug}/convites`;
  switch (intentOf(form)) {
    case "revisar-entes": {
      const parsed = selectionSchema.safeParse({
        modo: form.get("modo") ?? undefined,
        regiao: form.get("regiao") || undefined,
        uf: form.get("uf") || undefined,
        portes: form.getAll("portes").map(String),
        lista: form.get("lista") ?? undefined,
        vagas: form.get("vagas") ?? undefined,
      });
      if (!parsed.success) return json({ entesError: parsed.error.issues[0]?.message ?? "Dados inválidos." }, { status: 400 });
      const v = parsed.data;
      const bytes = v.modo === "CSV" ? await fileBytes(form) : null;
      if (v.modo === "CSV" && !bytes) return json({ entesError: "Escolha o arquivo CSV." }, { status: 400 });
      if (v.modo === "UFS_REGIAO" && !v.regiao) return json({ entesError: "Escolha a região." }, { status: 400 });
      if (v.modo === "MUNICIPIOS_UF" && !v.uf) return json({ entesError: "Escolha o estado." }, { status: 400 });
      const r = await resolveEnteSelection(
        actor,
        event,
        v.modo === "CSV"
          ? { mode: "CSV", bytes: bytes! }
          : v.modo === "LISTA"
            ? { mode: "LISTA", text: v.lista ?? "" }
            : v.modo === "UFS_REGIAO"
              ? { mode: "UFS_REGIAO", region: v.regiao! }
              : v.modo === "MUNICIPIOS_UF"
                ? { mode: "MUNICIPIOS_UF", uf: v.uf!, portes: v.portes }
                : { mode: "TODAS_UFS" },
      );
      return json({
        entesPreview: {
          vagas: v.vagas,
          count: r.entes.length,
          sample: r.entes.slice(0, 40).map((e) => (e.kind === "MUNICIPIO" ? `${e.name} (${e.uf})` : e.name)),
          problems: r.problems.slice(0, 200),
          moreProblems: Math.max(0, r.problems.length - 200),
          encoding: r.encoding ?? null,
          selecao: JSON.stringify(r.entes.map((e) => ({ id: e.id, emails: r.extraEmails[e.id] ?? [] }))),
        },
      });
    }
    case "convidar-entes": {
      const parsed = confirmEntesSchema.safeParse({ vagas: form.get("vagas") ?? undefined, selecao: form.get("selecao") ?? undefined });
      if (!parsed.success) throw badRequest("Seleção inválida: revise a lista de novo.");
      const extraEmails = Object.fromEntries(parsed.data.selecao.filter((s) => s.emails.length).map((s) => [s.id, s.emails]));
      const r = await inviteEntes(actor, slug, { enteIds: parsed.data.selecao.map((s) => s.id), quota: parsed.data.vagas, extraEmails });
      const parts = [`${r.invited} entes convidados`, r.alreadyInvited ? `${r.alreadyInvited} já estavam convidados (vagas atualizadas)` : "", `${r.messages} e-mails enviados`].filter(Boolean);
      return redirectWithFlash(back, {
        kind: r.withoutRecipients.length ? "info" : "success",
        message: `${parts.join(", ")}.${r.withoutRecipients.length ? ` Sem destinatário (nenhum gestor cadastrado; inclua e-mails pelo CSV): ${r.withoutRecipients.slice(0, 8).join(", ")}${r.withoutRecipients.length > 8 ? ` e mais ${r.withoutRecipients.length - 8}` : ""}.` : ""}`,
      });
    }
    case "revisar-pessoas": {
      const bytes = await fileBytes(form);
      const text = String(form.get("pessoas") ?? "").slice(0, 200_000);
      if (!bytes && !text.trim()) return json({ peopleError: "Cole os e-mails ou escolha um arquivo CSV." }, { status: 400 });
      const r = await resolvePeopleSelection(actor, event, bytes ? { mode: "CSV", bytes } : { mode: "LISTA", text });
      return json({
        peoplePreview: {
          count: r.rows.length,
          sample: r.rows.slice(0, 40).map((p) => (p.ente ? `${p.email} — ${p.ente.name}${p.ente.uf ? ` (${p.ente.uf})` : ""}` : p.email)),
          problems: r.problems.slice(0, 200),
          moreProblems: Math.max(0, r.problems.length - 200),
          encoding: r.encoding ?? null,
          selecao: JSON.stringify(r.rows.map((p) => ({ email: p.email, enteId: p.enteId }))),
        },
      });
    }
    case "convidar-pessoas": {
      const parsed = confirmPeopleSchema.safeParse({ selecao: form.get("selecao") ?? undefined });
      if (!parsed.success) throw badRequest("Seleção inválida: revise a lista de novo.");
      const r = await invitePeople(actor, slug, parsed.data.selecao);
      return redirectWithFlash(back, { kind: "success", message: `${r.created} pessoas convidadas${r.already ? `; ${r.already} já tinham convite` : ""}.` });
    }
    case "lembrar": {
      const r = await remindPending(actor, slug);
      return redirectWithFlash(`${back}?filtro=sem-resposta`, {
        kind: "info",
        message: r.messages
          ? `Lembrete enviado: ${r.messages} e-mails para ${r.entes} entes sem resposta.`
          : r.entes
            ? `Nenhum dos ${r.entes} entes sem resposta tem destinatário cadastrado: inclua e-mails pela lista ou pelo CSV.`
            : "Não há convites sem resposta para lembrar.",
      });
    }
    default:
      throw badRequest("Ação desconhecida.");
  }
});

type Preview = { count: number; sample: string[]; problems: { line: number; message: string }[]; moreProblems: number; encoding: string | null; selecao: string };

function PreviewBox({ preview, title, children }: { preview: Preview; title: string; children: React.ReactNode }) {
  return (
    <section className="panel" aria-labelledby="previa-titulo" style={{ marginBottom: "1.5rem" }}>
      <h3 id="previa-titulo" style={{ marginTop: 0 }}>
        {title}
      </h3>
      {preview.encoding ? <p className="small muted">Arquivo lido como {preview.encoding}.</p> : null}
      {preview.problems.length ? (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>
              {preview.problems.length + preview.moreProblems} linha(s) com problema não serão importadas:
            </strong>
          </p>
          <ul>
            {preview.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
          {preview.moreProblems ? <p>E mais {preview.moreProblems}.</p> : null}
        </div>
      ) : null}
      <p>
        <strong>{preview.count}</strong> {preview.count === 1 ? "válido" : "válidos"}
        {preview.sample.length ? `: ${preview.sample.join(", ")}${preview.count > preview.sample.length ? "…" : ""}` : "."}
      </p>
      {preview.count ? children : <p>Nada a importar.</p>}
    </section>
  );
}

export default function Invitations() {
  const { event, rows, counts, personal, coverage, coverageRows, filtro, canInvite, stateUf, ufs, defaultQuota } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const entesPreview = data && "entesPreview" in data ? data.entesPreview : null;
  const peoplePreview = data && "peoplePreview" in data ? data.peoplePreview : null;
  return (
    <>
      <p>
        <Link to={`/organizar/eventos/${event.slug}`}>‹ {event.title}</Link>
      </p>
      <h1>Convites</h1>
      <p>
        Sem resposta: <strong>{counts.PENDENTE}</strong> · Aceitos: <strong>{counts.ACEITO}</strong> · Recusados: <strong>{counts.RECUSADO}</strong>
      </p>
      {coverage ? (
        <p className="muted">
          Cobertura no estado: {coverage.invited} de {coverage.total} municípios convidados; {coverage.answered} responderam; {coverage.withSeatsUsed} com
          pessoas inscritas.
        </p>
      ) : null}
      {canInvite && counts.PENDENTE ? (
        <Form method="post">
          <button type="submit" name="intent" value="lembrar" className="button" disabled={busy}>
            Lembrar quem não respondeu ({counts.PENDENTE})
          </button>
        </Form>
      ) : null}

      <nav aria-label="Filtrar convites" className="button-row">
        {INVITATION_FILTERS.map((f) => (
          <Link key={f} to={`?filtro=${f}`} aria-current={filtro === f ? "page" : undefined}>
            {{ todos: "Todos", "sem-resposta": "Sem resposta", aceitos: "Aceitos", recusados: "Recusados" }[f]}
          </Link>
        ))}
      </nav>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Entes convidados</caption>
          <thead>
            <tr>
              <th scope="col">Ente</th>
              <th scope="col">Resposta</th>
              <th scope="col">Vagas usadas</th>
              <th scope="col">Lembretes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.ente}
                  <div className="small muted">
                    IBGE {r.enteId}
                    {r.porte ? ` · ${r.porte}` : ""} · {r.recipients} destinatário(s)
                  </div>
                </td>
                <td>
                  <span className={`tag ${r.status === "ACEITO" ? "tag-green" : r.status === "RECUSADO" ? "tag-red" : "tag-yellow"}`}>{r.statusLabel}</span>
                </td>
                <td>
                  {r.used} de {r.quota}
                </td>
                <td>{r.remindersSent ? `${r.remindersSent} (último em ${r.lastRemindedAt})` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {coverageRows.length ? (
        <details>
          <summary>Cobertura: todos os {coverageRows.length} municípios do estado</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Municípios do estado e o convite</caption>
              <thead>
                <tr>
                  <th scope="col">Município</th>
                  <th scope="col">Porte</th>
                  <th scope="col">Convite</th>
                  <th scope="col">Vagas usadas</th>
                </tr>
              </thead>
              <tbody>
                {coverageRows.map((m) => (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td>{m.porte ?? "—"}</td>
                    <td>{m.status}</td>
                    <td>{m.quota != null ? `${m.used} de ${m.quota}` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {personal.length ? (
        <>
          <h2>Pessoas convidadas</h2>
          <ul>
            {personal.map((p) => (
              <li key={p.email}>
                {p.email}
                {p.ente ? ` — ${p.ente}` : ""}: {p.statusLabel}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {canInvite ? (
        <>
          <h2>Convidar entes</h2>
          {data && "entesError" in data ? (
            <div className="notice notice-error" role="alert">
              {data.entesError}
            </div>
          ) : null}
          {entesPreview ? (
            <PreviewBox preview={entesPreview} title="Confira antes de enviar">
              <Form method="post">
                <input type="hidden" name="selecao" value={entesPreview.selecao} />
                <input type="hidden" name="vagas" value={entesPreview.vagas} />
                <button type="submit" name="intent" value="convidar-entes" className="button" disabled={busy}>
                  Convidar {entesPreview.count} {entesPreview.count === 1 ? "ente" : "entes"} com {entesPreview.vagas}{" "}
                  {entesPreview.vagas === 1 ? "vaga" : "vagas"} cada
                </button>
              </Form>
            </PreviewBox>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="stack">
            <fieldset>
              <legend>Quem convidar</legend>
              {stateUf ? (
                <>
                  <label className="choice">
                    <input type="radio" name="modo" value="MUNICIPIOS_UF" defaultChecked />
                    <span>Municípios de {stateUf} (todos, ou só os portes marcados abaixo)</span>
                  </label>
                  <input type="hidden" name="uf" value={stateUf} />
                </>
              ) : (
                <>
                  <label className="choice">
                    <input type="radio" name="modo" value="TODAS_UFS" defaultChecked />
                    <span>Todos os estados (27 UFs)</span>
                  </label>
                  <label className="choice">
                    <input type="radio" name="modo" value="UFS_REGIAO" />
                    <span>Os estados de uma região</span>
                  </label>
                  <div className="field">
                    <label htmlFor="c-regiao">Região</label>
                    <select id="c-regiao" name="regiao" className="input-medium">
                      <option value="">—</option>
                      {REGIONS.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  </div>
                  <label className="choice">
                    <input type="radio" name="modo" value="MUNICIPIOS_UF" />
                    <span>Os municípios de um estado (todos, ou só os portes marcados abaixo)</span>
                  </label>
                  <div className="field">
                    <label htmlFor="c-uf">Estado</label>
                    <select id="c-uf" name="uf" className="input-medium">
                      <option value="">—</option>
                      {ufs.map((u) => (
                        <option key={u.value} value={u.value}>
                          {u.label}
                        </option>
                      ))}
                    </select>
                  </div>
                </>
              )}
              <fieldset>
                <legend>Portes (opcional)</legend>
                {PORTES.map((p) => (
                  <label key={p} className="choice">
                    <input type="checkbox" name="portes" value={p} />
                    <span>{PORTE_LABELS[p]}</span>
                  </label>
                ))}
              </fieldset>
              <label className="choice">
                <input type="radio" name="modo" value="LISTA" />
                <span>Uma lista (código IBGE, um por linha; e-mails opcionais na mesma linha)</span>
              </label>
              <div className="field">
                <label htmlFor="c-lista">Lista</label>
                <textarea id="c-lista" name="lista" rows={4} />
              </div>
              <label className="choice">
                <input type="radio" name="modo" value="CSV" />
                <span>Um arquivo CSV (Excel): código IBGE na primeira coluna, e-mails nas seguintes</span>
              </label>
              <div className="field">
                <label htmlFor="c-arquivo">Arquivo CSV</label>
                <span className="hint" id="c-arquivo-dica">
                  Separado por ponto e vírgula, vírgula ou tabulação; UTF-8 ou Windows-1252. Até 5.000 linhas.
                </span>
                <input id="c-arquivo" name="arquivo" type="file" accept=".csv,text/csv,text/plain" aria-describedby="c-arquivo-dica" />
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="c-vagas">Vagas por ente</label>
              <input id="c-vagas" name="vagas" type="number" min={1} max={MAX_QUOTA} defaultValue={defaultQuota} className="input-short" />
            </div>
            <button type="submit" name="intent" value="revisar-entes" className="button button-secondary" disabled={busy}>
              Revisar a lista
            </button>
          </Form>

          <h2>Convidar pessoas por e-mail</h2>
          {data && "peopleError" in data ? (
            <div className="notice notice-error" role="alert">
              {data.peopleError}
            </div>
          ) : null}
          {peoplePreview ? (
            <PreviewBox preview={peoplePreview} title="Confira antes de enviar">
              <Form method="post">
                <input type="hidden" name="selecao" value={peoplePreview.selecao} />
                <button type="submit" name="intent" value="convidar-pessoas" className="button" disabled={busy}>
                  Convidar {peoplePreview.count} {peoplePreview.count === 1 ? "pessoa" : "pessoas"}
                </button>
              </Form>
            </PreviewBox>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="stack">
            <div className="field">
              <label htmlFor="p-pessoas">E-mails</label>
              <span className="hint" id="p-pessoas-dica">
                Um por linha; opcionalmente com o código IBGE do ente na mesma linha (“nome@municipio.gov.br;2927408”).
              </span>
              <textarea id="p-pessoas" name="pessoas" rows={4} aria-describedby="p-pessoas-dica" />
            </div>
            <div className="field">
              <label htmlFor="p-arquivo">Ou um arquivo CSV</label>
              <input id="p-arquivo" name="arquivo" type="file" accept=".csv,text/csv,text/plain" />
            </div>
            <button type="submit" name="intent" value="revisar-pessoas" className="button button-secondary" disabled={busy}>
              Revisar a lista
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
