import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { exportResponse, type TableExport } from "./export.server";

const table = (rows: TableExport["rows"]): TableExport => ({
  filename: "participação por UF",
  sheet: "Por UF",
  notes: ["Período: jan/2026 a dez/2026"],
  columns: [{ header: "UF" }, { header: "Inscrições", numeric: true }, { header: "Taxa de presença (%)", numeric: true }],
  rows,
});

describe("table exports", () => {
  it("streams a CSV for Excel in Portuguese: BOM, semicolons, decimal comma, formulas neutralized", async () => {
    const response = exportResponse(table([["Bahia", 6, 83.3], ["=HYPERLINK(\"x\")", 0, null]]), "csv");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="participacao-por-UF.csv"');
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split("\r\n")).toEqual(["Período: jan/2026 a dez/2026", "", "UF;Inscrições;Taxa de presença (%)", "Bahia;6;83,3", `"'=HYPERLINK(""x"")";0;`, ""]);
  });

  it("streams an XLSX whose numbers stay numbers, readable back by a spreadsheet library", async () => {
    async function* rows() {
      for (let i = 0; i < 3000; i++) yield [`Município ${i}`, i, i / 10];
    }
    const response = exportResponse(table(rows()), "xlsx");
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Por UF")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Período: jan/2026 a dez/2026");
    expect(sheet.getRow(3).values).toEqual([undefined, "UF", "Inscrições", "Taxa de presença (%)"]);
    expect(sheet.getRow(4).values).toEqual([undefined, "Município 0", 0, 0]);
    expect(sheet.getRow(3003).values).toEqual([undefined, "Município 2999", 2999, 299.9]);
    expect(sheet.rowCount).toBe(3003);
  });
});
