// Pieces shared by the participation dashboards: the filter form (a plain GET form, works without
// JavaScript), the headline figures, and the export links.
import { Form, Link } from "@remix-run/react";

import { FilterSelect, optionsOf } from "~/components/forms";
import { urlValue } from "~/lib/url-values";
import { ORGANIZERS } from "~/modules/metrics/filters";
import type { Coverage, Measures } from "~/modules/metrics/measures";
import { BarChart, ChoroplethMap, formatNumber, formatPercent, MonthlySeries, type MapShape } from "~/components/charts";
import { PORTE_SHORT_LABELS, REGIONS, type Porte, type Region } from "~/modules/entes/federation";
import { label, EVENT_TYPE_LABELS, EVENT_TYPES, FORMAT_LABELS, FORMATS, SCOPE_LABELS, SCOPES } from "~/modules/events/vocabulary";

const ORGANIZER_OPTIONS = optionsOf(ORGANIZERS, { UNIAO: "União", UF: "Estados" });
export const REGION_OPTIONS = optionsOf(REGIONS, Object.fromEntries(REGIONS.map((r) => [r, r])) as Record<Region, string>);

export type FilterValues = { from: string; to: string; type?: string; format?: string; scope?: string; organizer?: string; region?: string };

export function MetricsFilterForm({
  filters,
  error,
  extra,
  withRegion = false,
}: {
  filters: FilterValues;
  error?: string | null;
  extra?: Record<string, string>;
  withRegion?: boolean;
}) {
  return (
    <Form method="get" className="metrics-filters" aria-label="Filtros do painel">
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="field">
        <label htmlFor="f-de">De (mês)</label>
        <input id="f-de" name="de" type="month" defaultValue={filters.from} required />
      </div>
      <div className="field">
        <label htmlFor="f-ate">Até (mês)</label>
        <input id="f-ate" name="ate" type="month" defaultValue={filters.to} required />
      </div>
      <FilterSelect id="f-tipo" name="tipo" label="Tipo" value={filters.type && urlValue(filters.type)} options={optionsOf(EVENT_TYPES, EVENT_TYPE_LABELS)} all="Todos" />
      <FilterSelect id="f-formato" name="formato" label="Formato" value={filters.format && urlValue(filters.format)} options={optionsOf(FORMATS, FORMAT_LABELS)} all="Todos" />
      <FilterSelect id="f-abrangencia" name="abrangencia" label="Abrangência" value={filters.scope && urlValue(filters.scope)} options={optionsOf(SCOPES, SCOPE_LABELS)} all="Todas" />
      <FilterSelect id="f-organizador" name="organizador" label="Organizador" value={filters.organizer && urlValue(filters.organizer)} options={ORGANIZER_OPTIONS} all="União e estados" />
      {withRegion ? <FilterSelect id="f-regiao" name="regiao" label="Região" value={filters.region && urlValue(filters.region)} options={REGION_OPTIONS} all="Brasil" /> : null}
      <button type="submit" className="button">
        Aplicar filtros
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}

export type HeadlineFigures = Measures & { coverage?: Coverage | null };

export function Headline({ figures, eventsLabel = "Eventos oferecidos" }: { figures: HeadlineFigures; eventsLabel?: string }) {
  const items: [string, string][] = [
    [eventsLabel, formatNumber(figures.events, 0)],
    ["Inscrições confirmadas", formatNumber(figures.registrations, 0)],
    ["Presentes", formatNumber(figures.present, 0)],
    ["Taxa de presença", figures.attendanceRate == null ? "—" : formatPercent(figures.attendanceRate)],
    ["Horas certificadas", formatNumber(figures.hours)],
    ["Pessoas alcançadas", formatNumber(figures.people, 0)],
  ];
  if (figures.coverage) {
    items.push([
      "Cobertura de municípios",
      figures.coverage.share == null ? "—" : `${formatPercent(figures.coverage.share)} (${formatNumber(figures.coverage.covered, 0)} de ${formatNumber(figures.coverage.total, 0)})`,
    ]);
  }
  return (
    <>
      {figures.events === 0 && figures.registrations === 0 ? (
        <p className="notice" role="status">
          Nada encontrado com estes filtros no período. Amplie o período ou retire algum filtro.
        </p>
      ) : null}
      <dl className="metric-cards">
        {items.map(([k, v]) => (
          <div key={k} className="metric-card">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** "Baixar: CSV · XLSX" for one table, keeping the filters. */
export function ExportLinks({ table, search, what }: { table: string; search: string; what: string }) {
  const href = (format: string) => `/painel/exportar?${new URLSearchParams([...new URLSearchParams(search), ["tabela", table], ["arquivo", format]])}`;
  return (
    <p className="small export-links">
      Baixar {what}:{" "}
      <a href={href("csv")} download>
        CSV<span className="visually-hidden"> ({what})</span>
      </a>{" "}
      ·{" "}
      <a href={href("xlsx")} download>
        XLSX<span className="visually-hidden"> ({what})</span>
      </a>
    </p>
  );
}

export const pct = (share: number | null) => (share == null ? "—" : formatPercent(share));
export const int = (n: number) => formatNumber(n, 0);

export type MeasureRow = Measures & { key: string; name: string; href?: string; coverage?: Coverage | null };

/** The measures of a list of groups (regions, UFs, municipalities, organizers), one row each. */
export function MeasuresTable({ caption, first, rows }: { caption: string; first: string; rows: MeasureRow[] }) {
  const coverage = rows.some((r) => r.coverage);
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" className="num">
              Eventos
            </th>
            <th scope="col" className="num">
              Inscrições
            </th>
            <th scope="col" className="num">
              Presentes
            </th>
            <th scope="col" className="num">
              Taxa de presença
            </th>
            <th scope="col" className="num">
              Horas certificadas
            </th>
            <th scope="col" className="num">
              Pessoas
            </th>
            {coverage ? (
              <th scope="col" className="num">
                Cobertura
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" style={{ fontWeight: 400 }}>
                {r.href ? <Link to={r.href}>{r.name}</Link> : r.name}
              </th>
              <td className="num">{int(r.events)}</td>
              <td className="num">{int(r.registrations)}</td>
              <td className="num">{int(r.present)}</td>
              <td className="num">{pct(r.attendanceRate)}</td>
              <td className="num">{r.hours.toLocaleString("pt-BR")}</td>
              <td className="num">{int(r.people)}</td>
              {coverage ? (
                <td className="num">{r.coverage ? `${pct(r.coverage.share)} (${int(r.coverage.covered)}/${int(r.coverage.total)})` : "—"}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Registrations and people present, month by month, with the download when `search` is given. */
export function MonthlySection({ series, search }: { series: { months: string[]; registrations: number[]; present: number[] }; search?: string }) {
  return (
    <section aria-labelledby="meses">
      <h2 id="meses">Mês a mês</h2>
      <MonthlySeries
        id="meses"
        title="Inscrições e presentes por mês"
        months={series.months}
        series={[
          { name: "Inscrições confirmadas", values: series.registrations },
          { name: "Presentes", values: series.present },
        ]}
      />
      {search ? <ExportLinks table="meses" search={search} what="a série mensal" /> : null}
    </section>
  );
}

/** Coverage of municipalities by porte, and registrations by type of event, side by side. */
export function PorteAndTypes({
  porte,
  types,
  where,
  search,
}: {
  porte: { porte: Porte; covered: number; total: number; share: number | null }[];
  types: { type: string; registrations: number; present: number }[];
  where: string;
  search: string;
}) {
  return (
    <div className="metrics-grid">
      <section aria-labelledby="portes">
        <h2 id="portes">Cobertura por porte</h2>
        <BarChart
          id="porte"
          title={`Municípios ${where} com alguém presente, por porte`}
          labelHeader="Porte"
          valueHeader="Cobertura"
          max={1}
          items={porte.filter((p) => p.total).map((p) => ({ label: PORTE_SHORT_LABELS[p.porte], value: p.share ?? 0, display: `${pct(p.share)} (${int(p.covered)} de ${int(p.total)})` }))}
        />
        <ExportLinks table="portes" search={search} what="a cobertura por porte" />
      </section>
      <section aria-labelledby="tipos">
        <h2 id="tipos">Por tipo de evento</h2>
        <BarChart
          id="tipos"
          title="Inscrições confirmadas por tipo de evento"
          labelHeader="Tipo"
          valueHeader="Inscrições"
          items={types.map((t) => ({ label: label(EVENT_TYPE_LABELS, t.type), value: t.registrations, display: `${int(t.registrations)} (${int(t.present)} presentes)` }))}
        />
        <ExportLinks table="tipos" search={search} what="a tabela por tipo" />
      </section>
    </div>
  );
}

export type MunicipalMapData = { viewBox: string; shapes: MapShape[]; attribution: string; top: number; missing: string[] };

/** A UF by municipality: people present in the period, the municipalities nobody reached hatched. */
export function MunicipalMap({ map, municipios, ofUf }: { map: MunicipalMapData | null; municipios: readonly { id: string; people: number }[]; ofUf: string }) {
  if (!map) return null;
  return (
    <div className="chart-map-municipal">
      <ChoroplethMap
        id="mapa-municipios"
        title={`Pessoas presentes por município ${ofUf}`}
        legendTitle="Pessoas presentes"
        areaLabel="Município"
        byArea="por município"
        areaPlural="municípios"
        shapes={map.shapes}
        viewBox={map.viewBox}
        values={municipios.map((m) => ({ id: m.id, value: m.people > 0 ? m.people : null, label: m.people > 0 ? `${int(m.people)} presente(s)` : "" }))}
        max={map.top}
        openTop
        integers
        formatLegend={(n) => formatNumber(n, 0)}
        noDataLabel="Ninguém presente"
        attribution={map.attribution}
        table={false}
      />
      <p className="small">
        Os números de cada município estão na tabela de municípios abaixo.
        {map.missing.length ? ` Sem contorno no mapa (criados depois da malha usada): ${map.missing.join(", ")}.` : ""}
      </p>
    </div>
  );
}
