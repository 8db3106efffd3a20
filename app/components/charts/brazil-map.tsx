// Choropleth maps: Brazil by UF (outlines from @svg-maps/brazil 2.0.0, CC BY 4.0, based on MapSVG,
// whose `locations` are [{ id: "ba", name: "Bahia", path }] in alphabetical order of name, viewBox
// "0 0 613 639"), and any set of outlines given by the caller (a UF by municipality). Five classes
// of a sequential blue scale (ColorBrewer "Blues", legible in print and in greyscale), "sem dados"
// hatched grey; each area's value is also in its tooltip, its link name and the table.
import brazil from "@svg-maps/brazil";

import { DataTable } from "./data-table";
import { formatNumber, formatPercent } from "./format";
import { ChartEmpty, ChartFigure, ChartTable, EMPTY_TEXT, svgLabelIds, useChartId } from "./frame";

type SvgMap = { label: string; viewBox: string; locations: { id: string; name: string; path: string }[] };
const MAP = brazil as unknown as SvgMap;

/** The 27 UFs as the map draws them: "BA", "Bahia", alphabetical by name. */
export const BRAZIL_UFS: readonly { uf: string; name: string }[] = MAP.locations.map((l) => ({ uf: l.id.toUpperCase(), name: l.name }));

export const MAP_ATTRIBUTION = "Mapa: @svg-maps/brazil (CC BY 4.0)";

/** Fills of classes 1 to 5 (lightest to darkest). */
export const MAP_CLASS_FILLS = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"] as const;

export type MapShape = { id: string; name: string; path: string };

export type BrazilMapValue = {
  /** UF abbreviation, "BA" (any case) */
  uf: string;
  /** null: no data for the UF */
  value: number | null;
  /** the value as people should read it, "42,5 %" */
  label: string;
  /** makes the state (and its table row) a link */
  href?: string;
};

type MapOptions = {
  title: string;
  legendTitle: string;
  /** top of the scale (default 1, for shares); values above it fall in the darkest class */
  max?: number;
  /** how the legend writes class limits (default: "20 %" when max is 1, "1.250" otherwise) */
  formatLegend?: (value: number) => string;
  /** the SVG's description (default: a summary with how many UFs have data and the extremes) */
  description?: string;
  /** prefix of every id inside (default: one unique on the page) */
  id?: string;
  /** show the data table instead of keeping it behind "Ver os dados em tabela" */
  tableVisible?: boolean;
  emptyText?: string;
  /** the last class reads "X ou mais" (values above max are expected) */
  openTop?: boolean;
  /** counts (whole numbers from 1; max a multiple of 5): classes of max/5 numbers, "1 a 4", "5 a 8"… */
  integers?: boolean;
  /** what the hatched areas mean (default "Sem dados") */
  noDataLabel?: string;
};

export type BrazilMapProps = MapOptions & { values: readonly BrazilMapValue[] };

export type ChoroplethValue = Omit<BrazilMapValue, "uf"> & { id: string };

export type ChoroplethMapProps = MapOptions & {
  shapes: readonly MapShape[];
  viewBox: string;
  values: readonly ChoroplethValue[];
  /** what one area is, for the table header and the summary: "UF", "Município" */
  areaLabel: string;
  /** "por UF", "por município" */
  byArea: string;
  /** "UFs", "municípios" */
  areaPlural: string;
  attribution: string;
  /** how an area is written in the table: "Bahia (BA)" */
  areaName?: (shape: MapShape) => string;
  /** the data table; off when the page already has one with these values (it says where) */
  table?: boolean;
};

/** Class 1–5 of a value on a scale from 0 to max (a class includes its lower limit). */
/**
 * Class 1–5 of a count from 1, on a scale whose top is a multiple of 5: each class holds max/5
 * whole numbers (top 20: 1–4, 5–8, 9–12, 13–16, 17 or more).
 */
export function countClassOf(value: number, max: number): number {
  const step = Math.max(1, Math.round(max / 5));
  return Math.max(1, Math.min(5, Math.floor((Math.round(value) - 1) / step) + 1));
}

export function mapClassOf(value: number, max: number): number {
  if (!(max > 0)) return value > 0 ? 5 : 1;
  const ratio = Math.max(0, Math.min(1, value / max));
  return Math.min(5, Math.floor(ratio * 5 + 1e-9) + 1);
}

/** The legend's words for class i (0–4). */
function classLabel(i: number, max: number, fmt: (n: number) => string, openTop: boolean, integers: boolean): string {
  const last = i === MAP_CLASS_FILLS.length - 1;
  const low = (max * i) / 5;
  const high = (max * (i + 1)) / 5;
  if (integers) {
    const step = Math.max(1, Math.round(max / 5));
    const from = i * step + 1;
    const to = (i + 1) * step;
    if (last && openTop) return `${fmt(from)} ou mais`;
    return to <= from ? fmt(from) : `${fmt(from)} a ${fmt(to)}`;
  }
  return last && openTop ? `${fmt(low)} ou mais` : `${fmt(low)} a ${fmt(high)}`;
}

export function BrazilMap({ values, ...options }: BrazilMapProps) {
  return (
    <ChoroplethMap
      {...options}
      shapes={UF_SHAPES}
      viewBox={MAP.viewBox}
      values={values.map(({ uf, ...v }) => ({ ...v, id: uf.trim().toUpperCase() }))}
      areaLabel="UF"
      byArea="por UF"
      areaPlural="UFs"
      attribution={`${MAP_ATTRIBUTION}, a partir do mapa da MapSVG.`}
      areaName={(s) => `${s.name} (${s.id})`}
    />
  );
}

const UF_SHAPES: readonly MapShape[] = MAP.locations.map((l) => ({ id: l.id.toUpperCase(), name: l.name, path: l.path }));

export function ChoroplethMap({
  shapes,
  viewBox,
  values,
  areaLabel,
  byArea,
  areaPlural,
  attribution,
  areaName = (s) => s.name,
  table = true,
  title,
  legendTitle,
  max = 1,
  formatLegend,
  description,
  id,
  tableVisible = false,
  emptyText = EMPTY_TEXT,
  openTop = false,
  integers = false,
  noDataLabel = "Sem dados",
}: ChoroplethMapProps) {
  const prefix = useChartId(id);
  const byId = new Map(values.map((v) => [v.id, v]));
  const areas = shapes.map((shape) => {
    const v = byId.get(shape.id);
    const value = v?.value ?? null;
    const hasValue = value !== null && Number.isFinite(value);
    return {
      ...shape,
      value: hasValue ? value : null,
      cls: hasValue ? (integers ? countClassOf(value, max) : mapClassOf(value, max)) : null,
      text: hasValue ? v!.label || formatNumber(value) : v?.label || noDataLabel.toLowerCase(),
      href: v?.href,
    };
  });
  const withData = areas.filter((a) => a.value !== null);

  if (!withData.length) {
    return (
      <ChartFigure id={prefix} kind="map" title={title}>
        <ChartEmpty text={emptyText} />
      </ChartFigure>
    );
  }

  const fmt = formatLegend ?? (max === 1 ? (n: number) => formatPercent(n, 0) : (n: number) => formatNumber(n));
  const ids = svgLabelIds(prefix);
  const hatch = `${prefix}-sem-dados`;
  const linked = areas.some((a) => a.href);
  const sorted = [...withData].sort((a, b) => b.value! - a.value!);
  const highest = sorted[0]!;
  const lowest = sorted.at(-1)!;
  const without = areas.length - withData.length;
  const summary =
    description ??
    `${legendTitle} ${byArea}, em ${MAP_CLASS_FILLS.length} faixas de cor. ${withData.length} de ${areas.length} ${areaPlural} com dados` +
      (without && noDataLabel !== "Sem dados" ? ` (${without}: ${noDataLabel.toLowerCase()})` : "") +
      (withData.length > 1 ? `; maior: ${highest.name} (${highest.text}); menor: ${lowest.name} (${lowest.text})` : "") +
      (table ? `. Os valores de cada ${areaLabel === "UF" ? "UF" : areaLabel.toLowerCase()} estão na tabela do mapa.` : ".");

  return (
    <ChartFigure id={prefix} kind="map" title={title}>
      <div className="chart-map-body">
        <svg
          className="chart-svg chart-map-svg"
          viewBox={viewBox}
          role={linked ? "group" : "img"}
          aria-labelledby={ids.title}
          aria-describedby={ids.desc}
        >
          <title id={ids.title}>{title}</title>
          <desc id={ids.desc}>{summary}</desc>
          <defs>
            <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#f2f2f2" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#767676" strokeWidth="2" />
            </pattern>
          </defs>
          {areas.map((a) => {
            const name = `${a.name}: ${a.text}`;
            const className = `chart-map-area ${a.cls ? `chart-map-c${a.cls}` : "chart-map-sem-dados"}`;
            const fill = a.cls ? MAP_CLASS_FILLS[a.cls - 1] : `url(#${hatch})`;
            if (a.href) {
              return (
                <a key={a.id} href={a.href} aria-label={name} className="chart-map-link">
                  <title>{name}</title>
                  <path d={a.path} className={className} fill={fill} data-area={a.id} />
                </a>
              );
            }
            return linked ? (
              <path key={a.id} d={a.path} className={className} fill={fill} data-area={a.id} role="img" aria-label={name}>
                <title>{name}</title>
              </path>
            ) : (
              <path key={a.id} d={a.path} className={className} fill={fill} data-area={a.id}>
                <title>{name}</title>
              </path>
            );
          })}
        </svg>
        <div className="chart-legend">
          <p className="chart-legend-title" id={`${prefix}-legenda`}>
            {legendTitle}
          </p>
          <ul className="chart-legend-list" aria-labelledby={`${prefix}-legenda`}>
            {MAP_CLASS_FILLS.map((fill, i) => (
              <li key={fill}>
                <svg className="chart-swatch" viewBox="0 0 20 14" aria-hidden="true">
                  <rect x="0.5" y="0.5" width="19" height="13" fill={fill} stroke="#4d4d4d" />
                </svg>
                {classLabel(i, max, fmt, openTop, integers)}
              </li>
            ))}
            <li>
              <svg className="chart-swatch" viewBox="0 0 20 14" aria-hidden="true">
                <rect x="0.5" y="0.5" width="19" height="13" fill={`url(#${hatch})`} stroke="#4d4d4d" />
              </svg>
              {noDataLabel}
            </li>
          </ul>
        </div>
      </div>
      <p className="chart-attribution">{attribution}</p>
      {table ? (
        <ChartTable visible={tableVisible}>
          <DataTable
            caption={title}
            columns={[areaLabel, legendTitle]}
            rows={areas.map((a) => ({
              key: a.id,
              header: a.href ? <a href={a.href}>{areaName(a)}</a> : areaName(a),
              cells: [a.text],
            }))}
          />
        </ChartTable>
      ) : null}
    </ChartFigure>
  );
}
