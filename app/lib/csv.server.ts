// Spreadsheets for Excel in Portuguese: UTF-8 with BOM (accents), ";" separators, CRLF, and cells
// that a spreadsheet would run as a formula neutralized with a leading apostrophe.
import { stringify } from "csv-stringify/sync";

export type Cell = string | number | null | undefined;

export function neutralize(value: Cell): string {
  const s = value == null ? "" : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function excelCsv(header: string[], rows: Cell[][]): string {
  return "\uFEFF" + stringify([header, ...rows.map((r) => r.map(neutralize))], { delimiter: ";", record_delimiter: "\r\n" });
}

/** 12.5 → "12,5" (decimal comma, as the spreadsheet expects in pt-BR). */
export const decimal = (n: number) => `${Math.round(n * 10) / 10}`.replace(".", ",");
