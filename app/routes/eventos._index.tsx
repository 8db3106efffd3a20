import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { EventCardView } from "~/components/event-card";
import { FilterSelect, optionsOf } from "~/components/forms";
import { Pagination, withPage } from "~/components/pagination";
import { badRequest, route } from "~/lib/http.server";
import { listUfs } from "~/modules/entes/entes.server";
import { filterValue, parseCatalogParams } from "~/modules/events/catalog";
import { catalog } from "~/modules/events/catalog.server";
import { presentCard } from "~/modules/events/presenters";
import { EVENT_TYPE_LABELS, EVENT_TYPES, FORMAT_LABELS, FORMATS, SCOPE_LABELS, SCOPES } from "~/modules/events/vocabulary";

const WHEN_OPTIONS = [
  { value: "proximos", label: "Próximos e em andamento" },
  { value: "passados", label: "Já realizados" },
  { value: "todos", label: "Todos" },
];

export const meta: MetaFunction = () => [{ title: "Agenda de eventos — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const parsed = parseCatalogParams(new URL(request.url).searchParams);
  if (!parsed.ok) throw badRequest(`Filtro inválido: ${parsed.message}`);
  const [result, ufs] = await Promise.all([catalog(parsed.filters), listUfs()]);
  return json({
    filters: parsed.filters,
    total: result.total,
    pages: result.pages,
    events: result.events.map((e) => presentCard(e)),
    ufs: ufs.map((u) => ({ value: u.uf!, label: `${u.name} (${u.uf})` })),
  });
});

export default function Catalog() {
  const { filters, total, pages, events, ufs } = useLoaderData<typeof loader>();
  const search = new URLSearchParams(
    Object.entries({
      tipo: filters.tipo ? filterValue(filters.tipo) : "",
      formato: filters.formato ? filterValue(filters.formato) : "",
      abrangencia: filters.abrangencia ? filterValue(filters.abrangencia) : "",
      uf: filters.uf ?? "",
      quando: filters.quando,
      q: filters.q ?? "",
    }).filter(([, v]) => v),
  );
  return (
    <>
      <h1>Agenda de eventos</h1>
      <Form method="get" className="filters" aria-label="Filtrar eventos">
        <div className="grid">
          <div className="field">
            <label htmlFor="f-q">Buscar no título</label>
            <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} />
          </div>
          <FilterSelect id="f-tipo" name="tipo" label="Tipo" value={filters.tipo && filterValue(filters.tipo)} options={optionsOf(EVENT_TYPES, EVENT_TYPE_LABELS)} all="Todos" />
          <FilterSelect id="f-formato" name="formato" label="Formato" value={filters.formato && filterValue(filters.formato)} options={optionsOf(FORMATS, FORMAT_LABELS)} all="Todos" />
          <FilterSelect id="f-abrangencia" name="abrangencia" label="Abrangência" value={filters.abrangencia && filterValue(filters.abrangencia)} options={optionsOf(SCOPES, SCOPE_LABELS)} all="Todas" />
          <FilterSelect id="f-uf" name="uf" label="Estado" value={filters.uf} options={ufs} all="Todos" />
          <FilterSelect id="f-quando" name="quando" label="Período" value={filters.quando} options={WHEN_OPTIONS} />
          <div className="button-row" style={{ margin: 0 }}>
            <button type="submit" className="button">
              Filtrar
            </button>
            <Link to="/eventos">Limpar</Link>
          </div>
        </div>
      </Form>
      <p role="status" aria-live="polite">
        {total === 0 ? "Nenhum evento encontrado com esses filtros." : total === 1 ? "1 evento encontrado." : `${total} eventos encontrados.`}
      </p>
      <ul className="cards">
        {events.map((e) => (
          <EventCardView key={e.slug} e={e} headingLevel={2} />
        ))}
      </ul>
      <Pagination page={filters.pagina} pages={pages} href={(p) => `/eventos${withPage(search, p)}`} />
    </>
  );
}
