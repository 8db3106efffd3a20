import type { ReactNode } from "react";

export type DataTableRow = {
  /** React key; defaults to the row's position */
  key?: string;
  /** the row header (first column, `<th scope="row">`) */
  header: ReactNode;
  /** one cell per value column */
  cells: readonly ReactNode[];
};

export type DataTableProps = {
  caption: ReactNode;
  /** column headers (`<th scope="col">`): the first names the row-header column, then one per value column */
  columns: readonly string[];
  rows: readonly DataTableRow[];
  /** the value columns hold numbers: right-aligned with tabular figures (default true) */
  numeric?: boolean;
  id?: string;
  className?: string;
};

/** A plain data table with caption and scoped headers — every chart's readable alternative. */
export function DataTable({ caption, columns, rows, numeric = true, id, className }: DataTableProps) {
  const [rowHeader, ...valueColumns] = columns;
  return (
    <div className="table-wrap">
      <table id={id} className={["chart-table", className].filter(Boolean).join(" ")}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {valueColumns.map((c, i) => (
              <th scope="col" key={i} className={numeric ? "chart-num" : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key ?? i}>
              <th scope="row">{r.header}</th>
              {r.cells.map((c, j) => (
                <td key={j} className={numeric ? "chart-num" : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
