// Tables as downloads, streamed: CSV for Excel in Portuguese (see csv.server.ts) or XLSX (exceljs's
// streaming writer), row by row, so a table of any size leaves without being held in memory.
import { PassThrough, Readable } from "node:stream";

import { createReadableStreamFromReadable } from "@remix-run/node";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";

import { neutralize } from "./csv.server";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A column: its heading, and whether its values are numbers (kept as numbers in XLSX). */
export type Column = { header: string; numeric?: boolean; width?: number };
export type ExportCell = string | number | null | undefined;

export type TableExport = {
  /** file name without extension, e.g. "participacao-por-uf-2026-01-a-2026-12" */
  filename: string;
  /** the worksheet's name (XLSX) */
  sheet: string;
  columns: Column[];
  rows: Iterable<ExportCell[]> | AsyncIterable<ExportCell[]>;
  /** lines above the table (the filters applied), kept in both formats */
  notes?: string[];
};

const safeName = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .slice(0, 120);

function csvStream(t: TableExport): Readable {
  const out = stringify({ delimiter: ";", record_delimiter: "\r\n", bom: true });
  void (async () => {
    try {
      for (const note of t.notes ?? []) if (!out.write([neutralize(note)])) await once(out);
      if (t.notes?.length && !out.write([])) await once(out);
      out.write(t.columns.map((c) => neutralize(c.header)));
      for await (const row of t.rows) {
        if (!out.write(row.map((v, i) => (t.columns[i]?.numeric && typeof v === "number" ? String(v).replace(".", ",") : neutralize(v))))) await once(out);
      }
      out.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

function xlsxStream(t: TableExport): Readable {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Apoia SUAS";
  const sheet = workbook.addWorksheet(t.sheet.slice(0, 31).replace(/[\\/?*[\]:]/g, "-"));
  void (async () => {
    try {
      for (const note of t.notes ?? []) sheet.addRow([note]).commit();
      if (t.notes?.length) sheet.addRow([]).commit();
      const header = sheet.addRow(t.columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
      for await (const row of t.rows) {
        sheet.addRow(row.map((v, i) => (t.columns[i]?.numeric ? (typeof v === "number" ? v : v == null || v === "" ? null : Number(v)) : v == null ? "" : String(v)))).commit();
      }
      sheet.columns.forEach((col, i) => {
        col.width = t.columns[i]?.width ?? Math.min(40, Math.max(10, (t.columns[i]?.header.length ?? 10) + 2));
      });
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  return stream;
}

function once(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.once("drain", () => resolve()));
}

/** The download as a streamed Response. */
export function exportResponse(t: TableExport, format: ExportFormat): Response {
  const node = format === "csv" ? csvStream(t) : xlsxStream(t);
  const type = format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return new Response(createReadableStreamFromReadable(node), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${safeName(t.filename)}.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
