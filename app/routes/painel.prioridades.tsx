// /painel/prioridades — who still needs support (Res. CNAS 3/2019, Art. 5 II): municipalities with
// nobody present in the last N months, or below an hours target; sortable by porte, region,
// population and last participation; selected ones invited to an event in one step.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { FilterSelect, optionsOf } from "~/components/forms";
import { ExportLinks, REGION_OPTIONS } from "~/components/metrics";
import { Pagination, withPage } from "~/components/pagination";
import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData } from "~/lib/forms.server";
import { badRequest, DomainError, forbidden, route } from "~/lib/http.server";
import { formatShortDate } from "~/lib/time";
import { urlValue } from "~/lib/url-values";
import { z } from "~/lib/zod";
import { isFederalOrganizer, organizedUfs } from "~/modules/auth/actor";
import { requireActor } from "~/modules/auth/session.server";
import { PORTE_SHORT_LABELS, PORTES, ufWith } from "~/modules/entes/federation";
import { MAX_QUOTA } from "~/modules/invitations/filters";
import { invitableEvents, inviteEntes } from "~/modules/invitations/invitations.server";
import { parsePriorityOptions, PRIORITY_SORTS, priorityOptionsToSearch } from "~/modules/metrics/filters";
import { priorityList } from "~/modules/metrics/metrics.server";
import { canOnMetrics } from "~/modules/metrics/permissions";

export const meta: MetaFunction = () => [{ title: "Prioridades de apoio técnico — Apoia SUAS" }];

const PAGE_SIZE = 100;
const SORT_LABELS = { porte: "Porte (menores primeiro)", regiao: "Região e UF", populacao: "População", ultima: "Última participação (mais antiga primeiro)" } as const;

function readOptions(params: URLSearchParams) {
  const parsed = parsePriorityOptions(params);
  if (!parsed.ok) throw badRequest(parsed.message);
  const page = Number(params.get("pagina") ?? 1);
  return { ...parsed.options, page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1 };
}

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const o = readOptions(url.searchParams);
  if (!o.uf && !canOnMetrics(actor, "see_priorities")) {
    const [uf] = organizedUfs(actor);
    if (uf) throw redirect(`/painel/prioridades?${new URLSearchParams([...url.searchParams, ["uf", uf]])}`);
    throw forbidden("A lista de prioridades é das equipes federal e estaduais.");
  }
  const list = await priorityList(actor, o);
  const pages = Math.max(1, Math.ceil(list.items.length / PAGE_SIZE));
  const page = Math.min(o.page, pages);
  return json(
    {
      options: o,
      uf: list.uf,
      considered: list.considered,
      total: list.items.length,
      page,
      pages,
      federal: isFederalOrganizer(actor),
      canInvite: canOnMetrics(actor, "invite_from_priorities", { uf: list.uf?.uf }),
      events: (await invitableEvents(actor)).map((e) => ({ slug: e.slug, title: e.title, date: formatShortDate(e.startsAt, e.timeZone), quota: e.invitationQuota })),
      items: list.items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((m) => ({
        id: m.id,
        name: m.name,
        uf: m.uf,
        region: m.region,
        porte: m.porte ? PORTE_SHORT_LABELS[m.porte] : "—",
        population: m.population,
        last: m.lastParticipation ? formatShortDate(m.lastParticipation, "America/Sao_Paulo") : null,
        hours: m.recentHours,
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});

const inviteSchema = z.object({
  evento: z.string().min(1, "Escolha o evento.").max(200),
  vagas: z.coerce.number({ message: "Informe as vagas por município." }).int("Vagas: um número inteiro.").min(1, "Ao menos 1 vaga.").max(MAX_QUOTA, `No máximo ${MAX_QUOTA} vagas.`),
  municipios: z.array(z.string().regex(/^\d{7}$/, "Município inválido.")).min(1, "Marque ao menos um município.").max(PAGE_SIZE, `No máximo ${PAGE_SIZE} municípios por vez.`),
});

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const form = await readFormData(request);
  const parsed = inviteSchema.safeParse({ evento: form.get("evento") ?? "", vagas: form.get("vagas") ?? "", municipios: form.getAll("municipio").map(String) });
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Dados inválidos." }, { status: 400 });
  try {
    const r = await inviteEntes(actor, parsed.data.evento, { enteIds: parsed.data.municipios, quota: parsed.data.vagas });
    return redirectWithFlash(`/organizar/eventos/${parsed.data.evento}/convites`, {
      kind: "success",
      message:
        `${r.invited} município(s) convidado(s) a partir da lista de prioridades${r.alreadyInvited ? `; ${r.alreadyInvited} já tinham convite (vagas atualizadas)` : ""}.` +
        (r.withoutRecipients.length ? ` Sem gestor cadastrado para receber o e-mail: ${r.withoutRecipients.slice(0, 5).join(", ")}${r.withoutRecipients.length > 5 ? "…" : ""}.` : ""),
    });
  } catch (error) {
    if (error instanceof DomainError) return json({ error: error.message }, { status: error.status });
    throw error;
  }
});

export default function Priorities() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const o = d.options;
  const search = priorityOptionsToSearch(o);
  const where = d.uf ? d.uf.name : "Brasil";
  return (
    <>
      <p>
        <Link to={d.uf ? `/painel/uf/${d.uf.uf}` : "/painel"}>‹ Painel {d.uf ? ufWith("de", d.uf.uf, d.uf.name) : "nacional"}</Link>
      </p>
      <h1>Prioridades de apoio técnico: {where}</h1>
      <p>
        Municípios sem ninguém presente em eventos nos últimos {o.months} meses{o.minHours ? `, ou com menos de ${o.minHours} horas certificadas no período` : ""}:{" "}
        <strong>
          {d.total.toLocaleString("pt-BR")} de {d.considered.toLocaleString("pt-BR")}
        </strong>
        .
      </p>
      <Form method="get" className="metrics-filters" aria-label="Filtros da lista de prioridades">
        {d.federal ? (
          <div className="field">
            <label htmlFor="p-uf">UF</label>
            <input id="p-uf" name="uf" defaultValue={o.uf ?? ""} maxLength={2} size={3} placeholder="todas" autoCapitalize="characters" />
          </div>
        ) : (
          <input type="hidden" name="uf" value={o.uf ?? ""} />
        )}
        <div className="field">
          <label htmlFor="p-meses">Sem participação há (meses)</label>
          <input id="p-meses" name="meses" type="number" min={1} max={60} defaultValue={o.months} />
        </div>
        <div className="field">
          <label htmlFor="p-horas">Ou menos de (horas certificadas)</label>
          <input id="p-horas" name="minHoras" type="number" min={0} max={1000} step="0.5" defaultValue={o.minHours ?? ""} />
        </div>
        <FilterSelect id="p-regiao" name="regiao" label="Região" value={o.region && urlValue(o.region)} options={REGION_OPTIONS} all="Todas" />
        <FilterSelect id="p-porte" name="porte" label="Porte" value={o.porte && urlValue(o.porte)} options={optionsOf(PORTES, PORTE_SHORT_LABELS)} all="Todos" />
        <FilterSelect id="p-ordem" name="ordem" label="Ordenar por" value={o.sort} options={optionsOf(PRIORITY_SORTS, SORT_LABELS)} />
        <button type="submit" className="button">
          Aplicar
        </button>
      </Form>
      <ExportLinks table="prioridades" search={search.toString()} what="a lista" />

      <Form method="post">
        {d.canInvite ? (
          <fieldset className="invite-from-priorities">
            <legend>Convidar os municípios marcados</legend>
            {d.events.length ? (
              <>
                <div className="field">
                  <label htmlFor="evento">Evento</label>
                  <select id="evento" name="evento" required>
                    {d.events.map((e) => (
                      <option key={e.slug} value={e.slug}>
                        {e.title} ({e.date})
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="vagas">Vagas por município</label>
                  <input id="vagas" name="vagas" type="number" min={1} max={MAX_QUOTA} defaultValue={d.events[0]?.quota ?? 2} required />
                </div>
                <button type="submit" className="button" disabled={busy}>
                  Convidar os marcados
                </button>
              </>
            ) : (
              <p className="muted">
                Nenhum evento seu com inscrições abertas. <Link to="/organizar/eventos/novo">Criar um evento</Link>
              </p>
            )}
            {actionData?.error ? (
              <p className="field-error" role="alert">
                {actionData.error}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Municípios prioritários</caption>
            <thead>
              <tr>
                {d.canInvite ? <th scope="col">Convidar</th> : null}
                <th scope="col">Município</th>
                <th scope="col">Região</th>
                <th scope="col">Porte</th>
                <th scope="col" className="num">
                  População
                </th>
                <th scope="col">Última participação</th>
                <th scope="col" className="num">
                  Horas no período
                </th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((m) => (
                <tr key={m.id}>
                  {d.canInvite ? (
                    <td>
                      <input type="checkbox" name="municipio" value={m.id} id={`m-${m.id}`} aria-label={`Convidar ${m.name} (${m.uf})`} />
                    </td>
                  ) : null}
                  <th scope="row" style={{ fontWeight: 400 }}>
                    <Link to={`/entes/${m.id}`}>
                      {m.name} ({m.uf})
                    </Link>
                  </th>
                  <td>{m.region}</td>
                  <td>{m.porte}</td>
                  <td className="num">{m.population?.toLocaleString("pt-BR") ?? "—"}</td>
                  <td>{m.last ?? "nunca"}</td>
                  <td className="num">{m.hours.toLocaleString("pt-BR")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Form>
      <Pagination page={d.page} pages={d.pages} href={(p) => withPage(search, p)} />
    </>
  );
}
