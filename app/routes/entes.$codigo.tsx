// GET /entes/:codigo — a municipality (7-digit IBGE code) or a UF (2 digits): its participation and
// history, public for transparency; the names of the people only for the teams that follow it.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { chartsStylesheet } from "~/components/charts";
import { ExportLinks, Headline, int, MetricsFilterForm, MonthlySection } from "~/components/metrics";
import { route } from "~/lib/http.server";
import { formatShortDate } from "~/lib/time";
import { getActor } from "~/modules/auth/session.server";
import { enteDisplayName, PORTE_SHORT_LABELS, ufWith, type EnteKind, type Porte } from "~/modules/entes/federation";
import { EVENT_TYPE_LABELS, label } from "~/modules/events/vocabulary";
import { defaultFilters, filtersToSearch, parseMetricsFilters, periodLabel } from "~/modules/metrics/filters";
import { entePage } from "~/modules/metrics/metrics.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartsStylesheet }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.ente.name ?? "Ente"}: participação — Apoia SUAS` }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await getActor(request);
  const url = new URL(request.url);
  const parsed = parseMetricsFilters(url.searchParams);
  const filters = parsed.ok ? parsed.filters : defaultFilters();
  const page = await entePage(actor, String(params.codigo ?? "").slice(0, 10), filters);
  return json(
    {
      ...page,
      history: page.history.map((h) => ({
        ...h,
        date: h.startsAt ? formatShortDate(h.startsAt, h.timeZone) : "",
        typeLabel: label(EVENT_TYPE_LABELS, h.type),
        organizer: h.organizer ? enteDisplayName({ ...h.organizer, kind: h.organizer.kind as EnteKind }) : "",
      })),
      filters,
      search: filtersToSearch(filters).toString(),
      period: periodLabel(filters),
      error: parsed.ok ? null : parsed.message,
    },
    { status: parsed.ok ? 200 : 400, headers: { "Cache-Control": "private, no-store" } },
  );
});

export default function EntePage() {
  const d = useLoaderData<typeof loader>();
  const isUf = d.ente.kind === "UF";
  const exportSearch = `${d.search}&ente=${d.ente.id}`;
  const ofEnte = isUf ? ufWith("de", d.ente.uf ?? "", d.ente.name) : `de ${d.ente.name}`;
  return (
    <>
      <h1>
        {d.ente.name}
        {isUf ? "" : ` (${d.ente.uf})`}
      </h1>
      <p className="muted">
        {isUf ? `UF · região ${d.ente.region}` : `Município · ${d.ente.porte ? PORTE_SHORT_LABELS[d.ente.porte as Porte] : "porte não informado"}`}
        {d.ente.population ? ` · ${int(d.ente.population)} habitantes (Censo 2022)` : ""} · código IBGE {d.ente.id}
        {isUf ? null : (
          <>
            {" "}
            · <Link to={`/entes/${d.ente.id.slice(0, 2)}?${d.search}`}>{d.ente.uf}</Link>
          </>
        )}
      </p>
      <p>
        Participação de pessoas {ofEnte}{isUf ? " (municípios e equipe estadual)" : ""} em encontros, seminários, oficinas,
        visitas técnicas e transmissões do apoio técnico do SUAS — {d.period}.
      </p>
      <MetricsFilterForm filters={d.filters} error={d.error} />
      <Headline figures={d.totals} eventsLabel="Eventos com participação" />
      <MonthlySection series={d.series} />
      <section aria-labelledby="historico">
        <h2 id="historico">Histórico de participação</h2>
        {d.history.length ? <ExportLinks table="historico" search={exportSearch} what="o histórico" /> : null}
        {d.cut.history ? <p className="small">Aqui estão os {int(d.history.length)} eventos mais recentes; a planilha traz todos.</p> : null}
        {d.history.length ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Eventos com participação {ofEnte}</caption>
              <thead>
                <tr>
                  <th scope="col">Evento</th>
                  <th scope="col">Data</th>
                  <th scope="col" className="num">
                    Inscrições
                  </th>
                  <th scope="col" className="num">
                    Presentes
                  </th>
                  <th scope="col" className="num">
                    Horas certificadas
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.history.map((h) => (
                  <tr key={h.eventId}>
                    <th scope="row" style={{ fontWeight: 400 }}>
                      {h.slug ? <Link to={`/eventos/${h.slug}`}>{h.title}</Link> : h.title}
                      <div className="small muted">
                        {h.typeLabel} · {h.organizer}
                      </div>
                    </th>
                    <td>{h.date}</td>
                    <td className="num">{int(h.registrations)}</td>
                    <td className="num">{int(h.present)}</td>
                    <td className="num">{h.hours.toLocaleString("pt-BR")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">Nenhuma participação no período.</p>
        )}
      </section>
      {d.people ? (
        <section aria-labelledby="pessoas">
          <h2 id="pessoas">Pessoas ({d.cut.people ? `mais de ${int(d.people.length)}` : int(d.people.length)})</h2>
          <p className="small muted">Visível só para as equipes que acompanham {isUf ? d.ente.name : d.ente.uf}.</p>
          {d.people.length ? <ExportLinks table="pessoas" search={exportSearch} what="a lista de pessoas" /> : null}
          {d.cut.people ? <p className="small">Aqui estão as {int(d.people.length)} primeiras em ordem alfabética; a planilha traz todas.</p> : null}
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Pessoas {ofEnte} com inscrição no período</caption>
              <thead>
                <tr>
                  <th scope="col">Nome</th>
                  <th scope="col" className="num">
                    Inscrições
                  </th>
                  <th scope="col" className="num">
                    Presenças
                  </th>
                  <th scope="col" className="num">
                    Horas certificadas
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.people.map((p) => (
                  <tr key={p.userId}>
                    <th scope="row" style={{ fontWeight: 400 }}>
                      {p.name}
                    </th>
                    <td className="num">{int(p.registrations)}</td>
                    <td className="num">{int(p.present)}</td>
                    <td className="num">{p.hours.toLocaleString("pt-BR")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
