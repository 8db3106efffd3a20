// Parts shared by the charts: the figure with its visible title, the empty state, the table toggle
// and the id prefix that keeps two charts on one page from sharing ids.
import { useId, type ReactNode } from "react";

export const EMPTY_TEXT = "Sem dados no período.";
export const TABLE_SUMMARY = "Ver os dados em tabela";

/** The given id, or one React makes unique per page (same on the server and in the browser). */
export function useChartId(id: string | undefined): string {
  const reactId = useId();
  return id ?? `grafico-${reactId.replace(/[^A-Za-z0-9_-]/g, "")}`;
}

export function ChartFigure({ id, kind, title, children }: { id: string; kind: string; title: string; children: ReactNode }) {
  return (
    <figure id={id} className={`chart chart-${kind}`}>
      <figcaption className="chart-title">{title}</figcaption>
      {children}
    </figure>
  );
}

export function ChartEmpty({ text }: { text: string }) {
  return <p className="chart-empty">{text}</p>;
}

/** The chart's data as a table: behind "Ver os dados em tabela", or always shown. */
export function ChartTable({ visible, children }: { visible: boolean; children: ReactNode }) {
  if (visible) return <div className="chart-data">{children}</div>;
  return (
    <details className="chart-data">
      <summary>{TABLE_SUMMARY}</summary>
      {children}
    </details>
  );
}

/** Ids of the SVG's <title> (its name, aria-labelledby) and <desc> (its description, aria-describedby). */
export function svgLabelIds(prefix: string) {
  return { title: `${prefix}-titulo`, desc: `${prefix}-descricao` };
}
