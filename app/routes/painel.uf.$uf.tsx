// GET /painel/uf/:uf — a state's participation: its municipalities (sortable), its own events
// against the federal ones, coverage by porte, by type and by month; every table downloadable.
// For the state's team and the federal team.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";

import { chartsStylesheet } from "~/components/charts";
import { ExportLinks, Headline, int, MeasuresTable, MetricsFilterForm, MonthlySection, MunicipalMap, PorteAndTypes } from "~/components/metrics";
import { route } from "~/lib/http.server";
import { isFederalOrganizer } from "~/modules/auth/actor";
import { requireActor } from "~/modules/auth/session.server";
import { PORTE_SHORT_LABELS, ufWith } from "~/modules/entes/federation";
import { defaultFilters, filtersToSearch, MUNICIPIO_SORTS, parseMetricsFilters, parseMunicipioSort, periodLabel, sortMunicipios } from "~/modules/metrics/filters";
import { stateDashboard } from "~/modules/metrics/metrics.server";
import { stateMunicipalMap } from "~/modules/metrics/municipal-map.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartsStylesheet }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Participação: ${data?.uf.name ?? "estado"} — Apoia SUAS` }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const parsed = parseMetricsFilters(url.searchParams);
  const filters = parsed.ok ? parsed.filters : defaultFilters();
  const sort = parseMunicipioSort(url.searchParams.get("ordem"));
  const d = await stateDashboard(actor, String(params.uf ?? "").slice(0, 2), filters);
  const municipios = sortMunicipios(d.municipios, sort);
  const map = await stateMunicipalMap(d.uf.uf, d.municipios);
  return json(
    {
      ...d,
      map,
      municipios,
      sort,
      filters,
      search: filtersToSearch(filters).toString(),
      period: periodLabel(filters),
      error: parsed.ok ? null : parsed.message,
      federal: isFederalOrganizer(actor),
    },
    { status: parsed.ok ? 200 : 400, headers: { "Cache-Control": "private, no-store" } },
  );
});

export default function StateDashboard() {
  const d = useLoaderData<typeof loader>();
  const location = useLocation();
  const search = `?${new URLSearchParams([...new URLSearchParams(d.search), ["uf", d.uf.uf]])}`;
  const ofUf = ufWith("de", d.uf.uf, d.uf.name);
  const sortHref = (s: string) => `?${new URLSearchParams([...new URLSearchParams(d.search), ["ordem", s]])}`;
  return (
    <>
      {d.federal ? (
        <p>
          <Link to={`/painel?${d.search}`}>‹ Brasil</Link>
        </p>
      ) : null}
      <h1>Participação: {d.uf.name}</h1>
      <p className="muted">
        {d.period}. Pessoas dos municípios {ofUf} e da equipe estadual, em eventos do estado e da União. Cada pessoa conta pelo município em que
        se inscreveu. <Link to={`/entes/${d.uf.id}`}>Página pública {ofUf}</Link>
      </p>
      <MetricsFilterForm filters={d.filters} error={d.error} extra={d.sort !== "nome" ? { ordem: d.sort } : undefined} />
      <Headline figures={{ ...d.totals, events: d.totals.events }} eventsLabel="Eventos com participação" />
      <p>
        <Link to={`/painel/prioridades?uf=${d.uf.uf}`}>Municípios {ofUf} que ainda precisam de apoio</Link>
      </p>

      <MunicipalMap map={d.map} municipios={d.municipios} ofUf={ofUf} />

      <section aria-labelledby="organizadores">
        <h2 id="organizadores">Eventos do estado e da União</h2>
        <MeasuresTable
          caption="Participação por organizador"
          first="Organizador"
          rows={d.organizers.map((o) => ({ ...o, key: o.kind, name: o.kind === "UF" ? `${d.uf.name} (eventos do estado; ${int(o.offered)} oferecidos)` : `União (eventos federais; ${int(o.offered)} oferecidos)` }))}
        />
        <ExportLinks table="organizadores" search={search} what="a tabela por organizador" />
      </section>

      <PorteAndTypes porte={d.porte} types={d.types} where={ofUf} search={search} />
      <MonthlySection series={d.series} search={search} />

      <section aria-labelledby="municipios">
        <h2 id="municipios">Municípios ({int(d.municipios.length)})</h2>
        <p className="small">
          Ordenar por:{" "}
          {(Object.entries(MUNICIPIO_SORTS) as [string, string][]).map(([k, v], i) => (
            <span key={k}>
              {i ? " · " : ""}
              {d.sort === k ? <strong aria-current="true">{v}</strong> : <Link to={sortHref(k)}>{v}</Link>}
            </span>
          ))}
        </p>
        <ExportLinks table="municipios" search={search} what="a tabela de municípios" />
        <MeasuresTable
          caption={`Participação dos municípios ${ofUf}`}
          first="Município"
          rows={d.municipios.map((m) => ({ ...m, key: m.id, name: `${m.name}${m.porte ? ` · ${PORTE_SHORT_LABELS[m.porte]}` : ""}`, href: `/entes/${m.id}${location.search}` }))}
        />
      </section>
    </>
  );
}
