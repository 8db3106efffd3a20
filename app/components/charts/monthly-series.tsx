// Up to three series by month as lines with markers. Each series differs in colour, dash pattern
// and marker shape (so it reads in greyscale and for colour-blind people); every point has a
// tooltip with its value, and the values are in the table (months × series).
import type { ReactNode } from "react";

import { DataTable } from "./data-table";
import { formatMonthLong, formatMonthShort, formatNumber } from "./format";
import { ChartEmpty, ChartFigure, ChartTable, EMPTY_TEXT, svgLabelIds, useChartId } from "./frame";

export type MonthlySeriesSeries = {
  name: string;
  /** one value per month, in the order of `months`; missing or non-finite values leave a gap */
  values: readonly number[];
};

export type MonthlySeriesProps = {
  title: string;
  /** "2026-01", in order */
  months: readonly string[];
  /** at most 3 */
  series: readonly MonthlySeriesSeries[];
  /** how values are written on the axis, tooltips and table (default: pt-BR number) */
  format?: (value: number) => string;
  /** the SVG's description (default: the series and the period) */
  description?: string;
  /** prefix of every id inside (default: one unique on the page) */
  id?: string;
  /** show the data table instead of keeping it behind "Ver os dados em tabela" */
  tableVisible?: boolean;
  emptyText?: string;
};

/** Colour (≥ 3:1 on white), dash pattern and marker of each series. */
export const SERIES_STYLES = [
  { color: "#1351b4", dash: undefined, marker: "circle" },
  { color: "#b34700", dash: "8 4", marker: "square" },
  { color: "#454545", dash: "2 3", marker: "triangle" },
] as const;
export const MAX_SERIES = SERIES_STYLES.length;

type Marker = (typeof SERIES_STYLES)[number]["marker"];

const W = 480;
const H = 240;
const M = { top: 14, right: 12, bottom: 30, left: 52 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const FONT = 14;

/** A round top for the axis and its step: 4 or 5 ticks of 1, 2, 2.5 or 5 × 10ⁿ (whole numbers for whole data). */
export function niceScale(maxValue: number, integers: boolean): { top: number; step: number } {
  if (!(maxValue > 0)) return { top: integers ? 4 : 1, step: integers ? 1 : 0.25 };
  const raw = maxValue / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  if (integers) step = Math.max(1, Math.ceil(step));
  const round = (n: number) => Number(n.toPrecision(12)); // 3 × 0.2 is 0.6, not 0.6000000000000001
  return { top: round(Math.ceil(maxValue / step - 1e-9) * step), step: round(step) };
}

function markerShape(marker: Marker, x: number, y: number, color: string, children: ReactNode, key: number) {
  const common = { fill: color, stroke: "#fff", strokeWidth: 1, className: "chart-point" };
  if (marker === "circle")
    return (
      <circle key={key} {...common} cx={x} cy={y} r={4.5}>
        {children}
      </circle>
    );
  if (marker === "square")
    return (
      <rect key={key} {...common} x={x - 4.5} y={y - 4.5} width={9} height={9}>
        {children}
      </rect>
    );
  return (
    <path key={key} {...common} d={`M${x} ${y - 6}L${x + 5.5} ${y + 4}L${x - 5.5} ${y + 4}Z`}>
      {children}
    </path>
  );
}

export function MonthlySeries({
  title,
  months,
  series,
  format = formatNumber,
  description,
  id,
  tableVisible = false,
  emptyText = EMPTY_TEXT,
}: MonthlySeriesProps) {
  const prefix = useChartId(id);
  if (series.length > MAX_SERIES) throw new RangeError(`MonthlySeries draws at most ${MAX_SERIES} series (got ${series.length})`);
  const finite = series.flatMap((s) => s.values.slice(0, months.length).filter((v) => Number.isFinite(v)));
  if (!months.length || !finite.length) {
    return (
      <ChartFigure id={prefix} kind="series" title={title}>
        <ChartEmpty text={emptyText} />
      </ChartFigure>
    );
  }

  const { top, step } = niceScale(Math.max(...finite), finite.every((v) => Number.isInteger(v)));
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  const band = PLOT_W / months.length;
  const x = (i: number) => M.left + (i + 0.5) * band;
  const y = (v: number) => M.top + PLOT_H - (Math.max(0, Math.min(v, top)) / top) * PLOT_H;
  const labelEvery = Math.ceil(months.length / 7); // "set/25" is about 48 units wide
  const ids = svgLabelIds(prefix);
  const first = formatMonthLong(months[0]!);
  const last = formatMonthLong(months.at(-1)!);
  const summary =
    description ??
    `${series.map((s) => s.name).join(", ")} por mês, ${months.length === 1 ? `em ${first}` : `de ${first} a ${last}`}. ` +
      "Cada ponto tem o seu valor; os valores estão também na tabela.";
  const valueAt = (s: MonthlySeriesSeries, i: number): number | null => {
    const v = s.values[i];
    return v !== undefined && Number.isFinite(v) ? v : null;
  };

  return (
    <ChartFigure id={prefix} kind="series" title={title}>
      <ul className="chart-legend-list chart-legend-inline" aria-label="Legenda">
        {series.map((s, k) => {
          const style = SERIES_STYLES[k]!;
          return (
            <li key={k}>
              <svg className="chart-swatch chart-swatch-line" viewBox="0 0 36 14" aria-hidden="true">
                <line x1="1" x2="35" y1="7" y2="7" stroke={style.color} strokeWidth={2.5} strokeDasharray={style.dash} />
                {markerShape(style.marker, 18, 7, style.color, null, 0)}
              </svg>
              {s.name}
            </li>
          );
        })}
      </ul>
      <svg
        className="chart-svg chart-series-svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={ids.title}
        aria-describedby={ids.desc}
      >
        <title id={ids.title}>{title}</title>
        <desc id={ids.desc}>{summary}</desc>
        <g className="chart-grid">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke={t === 0 ? "#454545" : "#d9d9d9"} />
              <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize={FONT} className="chart-tick">
                {format(t)}
              </text>
            </g>
          ))}
        </g>
        <g className="chart-months">
          {months.map((m, i) =>
            i % labelEvery === 0 ? (
              <text key={m} x={x(i)} y={H - 10} textAnchor="middle" fontSize={FONT} className="chart-tick">
                {formatMonthShort(m)}
              </text>
            ) : null,
          )}
        </g>
        {series.map((s, k) => {
          const style = SERIES_STYLES[k]!;
          let d = "";
          let pen = false;
          months.forEach((_, i) => {
            const v = valueAt(s, i);
            if (v === null) {
              pen = false;
              return;
            }
            d += `${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
            pen = true;
          });
          return (
            <g key={k} className={`chart-line chart-line-${k + 1}`}>
              <path d={d} fill="none" stroke={style.color} strokeWidth={2.5} strokeDasharray={style.dash} strokeLinejoin="round" />
              {months.map((m, i) => {
                const v = valueAt(s, i);
                return v === null
                  ? null
                  : markerShape(style.marker, x(i), y(v), style.color, <title>{`${s.name}, ${formatMonthLong(m)}: ${format(v)}`}</title>, i);
              })}
            </g>
          );
        })}
      </svg>
      <ChartTable visible={tableVisible}>
        <DataTable
          caption={title}
          columns={["Mês", ...series.map((s) => s.name)]}
          rows={months.map((m, i) => ({
            key: m,
            header: formatMonthLong(m),
            cells: series.map((s) => {
              const v = valueAt(s, i);
              return v === null ? "sem dados" : format(v);
            }),
          }))}
        />
      </ChartTable>
    </ChartFigure>
  );
}
