// GET /painel — participation across Brazil for the federal team: by region and UF (with a map of
// coverage), coverage by porte, by type and by month; every table downloadable. State teams are
// taken to their state's dashboard.
import { json, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";

import { BrazilMap, chartsStylesheet } from "~/components/charts";
import { ExportLinks, Headline, MeasuresTable, MetricsFilterForm, MonthlySection, PorteAndTypes, pct } from "~/components/metrics";
import { forbidden, route } from "~/lib/http.server";
import { organizedUfs } from "~/modules/auth/actor";
import { requireActor } from "~/modules/auth/session.server";
import { defaultFilters, filtersToSearch, parseMetricsFilters, periodLabel } from "~/modules/metrics/filters";
import { nationalDashboard } from "~/modules/metrics/metrics.server";
import { canOnMetrics } from "~/modules/metrics/permissions";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartsStylesheet }];
export const meta: MetaFunction = () => [{ title: "Painel de participação — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  if (!canOnMetrics(actor, "see_national")) {
    const [uf] = organizedUfs(actor);
    if (uf) throw redirect(`/painel/uf/${uf}${url.search}`);
    throw forbidden("O painel de participação é das equipes federal e estaduais. Sua participação está em “Meus certificados”.");
  }
  const parsed = parseMetricsFilters(url.searchParams);
  const filters = parsed.ok ? parsed.filters : defaultFilters();
  const data = await nationalDashboard(actor, filters);
  return json(
    { ...data, filters, search: filtersToSearch(filters).toString(), period: periodLabel(filters), error: parsed.ok ? null : parsed.message },
    { status: parsed.ok ? 200 : 400, headers: { "Cache-Control": "private, no-store" } },
  );
});

export default function NationalDashboard() {
  const d = useLoaderData<typeof loader>();
  const search = useLocation().search || `?${d.search}`;
  const keep = `?${d.search}`;
  return (
    <>
      <h1>Participação {d.filters.region ? `na região ${d.filters.region}` : "no Brasil"}</h1>
      <p className="muted">
        {d.period}. Inscrições confirmadas em eventos do período; presentes são as pessoas com presença registrada (online ou presencial); horas
        certificadas somam os certificados válidos. Cada pessoa conta pelo município em que se inscreveu.
      </p>
      <MetricsFilterForm filters={d.filters} error={d.error} withRegion />
      <Headline figures={d.totals} eventsLabel={d.eventsAreOffered ? "Eventos oferecidos" : "Eventos com participação"} />
      <p>
        <Link to={`/painel/prioridades`}>Municípios que ainda precisam de apoio (lista de prioridades)</Link>
      </p>

      <section aria-labelledby="mapa">
        <h2 id="mapa">Cobertura por UF</h2>
        <BrazilMap
          id="mapa-cobertura"
          title="Cobertura de municípios por UF"
          legendTitle="Municípios com alguém presente"
          values={d.ufs.map((u) => ({ uf: u.uf, value: u.coverage.share, label: pct(u.coverage.share), href: `/painel/uf/${u.uf}${keep}` }))}
        />
      </section>

      <section aria-labelledby="regioes">
        <h2 id="regioes">Por região</h2>
        <MeasuresTable
          caption="Participação por região"
          first="Região"
          rows={d.regions.map((r) => ({ key: r.region, name: r.region, ...r }))}
        />
        <ExportLinks table="regioes" search={search} what="a tabela por região" />
      </section>

      <section aria-labelledby="ufs">
        <h2 id="ufs">Por UF</h2>
        <MeasuresTable
          caption="Participação por UF"
          first="UF"
          rows={d.ufs.map((u) => ({ ...u, key: u.uf, href: `/painel/uf/${u.uf}${keep}` }))}
        />
        <ExportLinks table="ufs" search={search} what="a tabela por UF" />
      </section>

      <PorteAndTypes porte={d.porte} types={d.types} where={d.filters.region ? `da região ${d.filters.region}` : "do Brasil"} search={search} />
      <MonthlySection series={d.series} search={search} />
    </>
  );
}
