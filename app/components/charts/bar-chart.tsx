// Horizontal bars: each item's label above its bar and its value written after it, so nothing is
// told by colour or length alone; the same values in the table.
import { DataTable } from "./data-table";
import { formatNumber } from "./format";
import { ChartEmpty, ChartFigure, ChartTable, EMPTY_TEXT, svgLabelIds, useChartId } from "./frame";

export type BarChartItem = {
  label: string;
  value: number;
  /** the value as written (default: the number in pt-BR, followed by `unit`) */
  display?: string;
};

export type BarChartProps = {
  title: string;
  items: readonly BarChartItem[];
  /** written after default-formatted values: "12 pessoas" */
  unit?: string;
  /** length of a full bar (default: the largest value); 1 for shares */
  max?: number;
  /** the SVG's description (default: how many bars and which is the largest) */
  description?: string;
  /** table column headers (default "Item" and "Valor") */
  labelHeader?: string;
  valueHeader?: string;
  /** prefix of every id inside (default: one unique on the page) */
  id?: string;
  /** show the data table instead of keeping it behind "Ver os dados em tabela" */
  tableVisible?: boolean;
  emptyText?: string;
};

const WIDTH = 420;
const ROW = 46;
const BAR = 18;
const FONT = 15;
const CHAR = 8.4; // average advance of a character at FONT, to leave room for the value text
const MAX_LABEL = Math.floor(WIDTH / CHAR);

function truncate(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars - 1).trimEnd()}…` : text;
}

export function BarChart({
  title,
  items,
  unit,
  max,
  description,
  labelHeader = "Item",
  valueHeader = "Valor",
  id,
  tableVisible = false,
  emptyText = EMPTY_TEXT,
}: BarChartProps) {
  const prefix = useChartId(id);
  if (!items.length) {
    return (
      <ChartFigure id={prefix} kind="bars" title={title}>
        <ChartEmpty text={emptyText} />
      </ChartFigure>
    );
  }

  const rows = items.map((item) => {
    const value = Number.isFinite(item.value) ? Math.max(0, item.value) : 0;
    return { ...item, value, text: item.display ?? `${formatNumber(item.value)}${unit ? ` ${unit}` : ""}` };
  });
  const top = max && max > 0 ? max : Math.max(...rows.map((r) => r.value)) || 1;
  const valueSpace = Math.min(WIDTH / 2, Math.max(...rows.map((r) => r.text.length)) * CHAR + 10);
  const barSpace = WIDTH - valueSpace;
  const height = rows.length * ROW + 4;
  const ids = svgLabelIds(prefix);
  const largest = rows.reduce((a, b) => (b.value > a.value ? b : a));
  const summary =
    description ??
    `Barras horizontais, ${rows.length === 1 ? "1 item" : `${rows.length} itens`}` +
      (rows.length > 1 ? `; o maior é ${largest.label} (${largest.text})` : `: ${largest.label} (${largest.text})`) +
      ". Os valores estão escritos ao lado das barras e na tabela.";

  return (
    <ChartFigure id={prefix} kind="bars" title={title}>
      <svg
        className="chart-svg chart-bars-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={ids.title}
        aria-describedby={ids.desc}
      >
        <title id={ids.title}>{title}</title>
        <desc id={ids.desc}>{summary}</desc>
        {rows.map((r, i) => {
          const y = i * ROW + 2;
          const w = (Math.min(r.value, top) / top) * barSpace;
          return (
            <g key={i} className="chart-bar">
              <title>{`${r.label}: ${r.text}`}</title>
              <text x="0" y={y + FONT} className="chart-bar-label" fontSize={FONT}>
                {truncate(r.label, MAX_LABEL)}
              </text>
              <rect x="0" y={y + 21} width={Math.max(0, w)} height={BAR} className="chart-bar-rect" fill="#1351b4" />
              <line x1="0.75" x2="0.75" y1={y + 19} y2={y + 21 + BAR + 2} className="chart-axis" stroke="#454545" strokeWidth="1.5" />
              <text x={w + 7} y={y + 21 + BAR - 4} className="chart-bar-value" fontSize={FONT}>
                {r.text}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable visible={tableVisible}>
        <DataTable
          caption={title}
          columns={[labelHeader, valueHeader]}
          rows={rows.map((r, i) => ({ key: String(i), header: r.label, cells: [r.text] }))}
        />
      </ChartTable>
    </ChartFigure>
  );
}
