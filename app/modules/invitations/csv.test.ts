// The fixtures are real files as Excel in Brazil writes them (see fixtures/):
// - entes-windows-1252.csv: "CSV (separado por vírgulas)" in ANSI, ";" and CRLF, with í ç ã é ê and an en dash (0x96);
// - entes-utf8.csv: the same text in UTF-8, no BOM;
// - entes-utf8-bom-comma.csv: the same table as "CSV UTF-8": BOM, "," and LF, a quoted cell with a comma;
// - entes-tab.txt: "Texto (separado por tabulações)", no header, UFs, a 6-digit code, several addresses in a cell;
// - people-quoted.csv: every field quoted, a header, a ";" and a line break inside quotes;
// - entes-problems.csv: a header and problems on several lines, blank and separator-only lines.
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import {
  ABAIRA,
  BAHIA,
  FEIRA_DE_SANTANA,
  PERNAMBUCO,
  PETROLINA,
  RECIFE,
  SALVADOR,
  UNIAO,
} from "~/modules/test-fixtures";

import {
  MAX_DATA_LINES,
  decodeUpload,
  parseEnteRows,
  parsePersonRows,
  pastedLines,
  splitCsv,
  type CodeLookups,
  type EnteLookup,
} from "./csv";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const fixtureLines = (name: string) => splitCsv(decodeUpload(fixture(name)).text).lines;

const JUAZEIRO: EnteLookup = { id: "2918407", kind: "MUNICIPIO", name: "Juazeiro", uf: "BA" };
const ENTES: EnteLookup[] = [
  ...[UNIAO, BAHIA, PERNAMBUCO, SALVADOR, FEIRA_DE_SANTANA, ABAIRA, RECIFE, PETROLINA].map(({ id, kind, name, uf }) => ({
    id,
    kind,
    name,
    uf,
  })),
  JUAZEIRO,
];
const lookups: CodeLookups = {
  findByCode: (code) => ENTES.find((e) => e.id === code),
  municipioByPrefix6: (prefix) => ENTES.find((e) => e.kind === "MUNICIPIO" && e.id.slice(0, 6) === prefix),
  ufByAbbr: (abbr) => ENTES.find((e) => e.kind === "UF" && e.uf === abbr),
};
const municipios = { ...lookups, kinds: ["MUNICIPIO" as const] };
const entes = { ...lookups, kinds: ["UF" as const, "MUNICIPIO" as const] };

const summary = (rows: { line: number; ente: EnteLookup; emails: string[] }[]) => rows.map((r) => [r.line, r.ente.name, r.emails]);
const messages = (problems: { message: string }[]) => problems.map((p) => p.message);
const EMAIL_HINT = "(confira se está no formato nome@dominio.gov.br)";
const CODE_HINT = "(use os 7 dígitos do município, ou os 2 dígitos ou a sigla da UF)";

describe("decodeUpload", () => {
  it("reads the Windows-1252 file Excel saves as ANSI, accents and the en dash included", () => {
    const bytes = fixture("entes-windows-1252.csv");
    expect(bytes).toContain(0xed); // í
    expect(bytes).toContain(0xe7); // ç
    expect(bytes).toContain(0xe3); // ã
    expect(bytes).toContain(0xe9); // é
    expect(bytes).toContain(0x96); // – (a C1 control character in Latin-1)
    expect(bytes).not.toContain(0xc3); // no UTF-8 lead byte

    const { text, encoding } = decodeUpload(bytes);
    expect(encoding).toBe("Windows-1252");
    expect(text.split("\r\n")).toEqual([
      "Município;E-mail;Observação",
      "2927408;gestao@salvador.ba.gov.br;Gestão municipal – SEMPS, Salvador",
      "2910800;cras@feiradesantana.ba.gov.br;Atenção: técnica de referência",
      "",
    ]);
  });

  it("decodes the Windows-1252 punctuation that Latin-1 lacks (Word's smart quotes and dashes, the euro)", () => {
    // “Oficina” – — ’ € … ã
    const bytes = Uint8Array.of(0x93, 0x4f, 0x66, 0x69, 0x63, 0x69, 0x6e, 0x61, 0x94, 0x20, 0x96, 0x20, 0x97, 0x20, 0x92, 0x20, 0x80, 0x20, 0x85);
    const withAccent = Uint8Array.of(...bytes, 0x20, 0xe3);
    expect(decodeUpload(withAccent)).toEqual({ text: "“Oficina” – — ’ € … ã", encoding: "Windows-1252" });
  });

  it("gives the same text for the same table saved as Windows-1252 and as UTF-8", () => {
    const ansi = decodeUpload(fixture("entes-windows-1252.csv"));
    const utf8 = decodeUpload(fixture("entes-utf8.csv"));
    expect(utf8.encoding).toBe("UTF-8");
    expect(utf8.text).toBe(ansi.text);
  });

  it("reads UTF-8 with a byte-order mark and strips the mark", () => {
    const bytes = fixture("entes-utf8-bom-comma.csv");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { text, encoding } = decodeUpload(bytes);
    expect(encoding).toBe("UTF-8");
    expect(text.startsWith("Município,E-mail,Observação\n")).toBe(true);
  });

  it("takes plain ASCII and an empty upload as UTF-8", () => {
    expect(decodeUpload(new TextEncoder().encode("2927408\r\n"))).toEqual({ text: "2927408\r\n", encoding: "UTF-8" });
    expect(decodeUpload(new Uint8Array())).toEqual({ text: "", encoding: "UTF-8" });
  });
});

describe("splitCsv", () => {
  it("detects the semicolon of Excel pt-BR and numbers the lines of a CRLF file", () => {
    const { delimiter, lines } = splitCsv(decodeUpload(fixture("entes-windows-1252.csv")).text);
    expect(delimiter).toBe(";");
    expect(lines).toEqual([
      { line: 1, cells: ["Município", "E-mail", "Observação"] },
      { line: 2, cells: ["2927408", "gestao@salvador.ba.gov.br", "Gestão municipal – SEMPS, Salvador"] },
      { line: 3, cells: ["2910800", "cras@feiradesantana.ba.gov.br", "Atenção: técnica de referência"] },
    ]);
  });

  it("detects commas and reads the quoted cell with a comma inside, giving the same lines as the semicolon file", () => {
    const comma = splitCsv(decodeUpload(fixture("entes-utf8-bom-comma.csv")).text);
    expect(comma.delimiter).toBe(",");
    expect(comma.lines).toEqual(fixtureLines("entes-windows-1252.csv"));
  });

  it("detects tabs, trims cells and drops trailing empty cells", () => {
    const { delimiter, lines } = splitCsv(decodeUpload(fixture("entes-tab.txt")).text);
    expect(delimiter).toBe("\t");
    expect(lines).toEqual([
      { line: 1, cells: ["29", "suas@sjdhds.ba.gov.br"] },
      { line: 2, cells: ["PE", "gestao.suas@sdscj.pe.gov.br"] },
      { line: 3, cells: ["291840", "gestao@juazeiro.ba.gov.br, cras@juazeiro.ba.gov.br", "creas@juazeiro.ba.gov.br"] },
      { line: 4, cells: ["2611606"] },
    ]);
  });

  it("reads quoted fields with separators, doubled quotes and line breaks, numbering a row by its first line", () => {
    const { delimiter, lines } = splitCsv(decodeUpload(fixture("people-quoted.csv")).text);
    expect(delimiter).toBe(";");
    expect(lines).toEqual([
      { line: 1, cells: ["Nome", "E-mail", "Código IBGE"] },
      { line: 2, cells: ["Silva; Maria da", "Maria.Silva@Salvador.BA.gov.br", "2927408"] },
      { line: 3, cells: ['João "Jota" Souza', "joao@feiradesantana.ba.gov.br", "2910800"] },
      { line: 4, cells: ["Ana\nPaula", "ana@exemplo.gov.br"] },
      { line: 6, cells: ["Carlos Lima", "carlos@recife.pe.gov.br", "2611606"] },
    ]);
  });

  it("skips blank lines and lines of only spaces or separators, keeping the others' numbers", () => {
    expect(fixtureLines("entes-problems.csv").map((l) => l.line)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17]);
  });

  it("prefers the semicolon when a line could be split by commas too", () => {
    const { delimiter, lines } = splitCsv("2927408;a@salvador.ba.gov.br, b@salvador.ba.gov.br\n2910800;c@feiradesantana.ba.gov.br\n");
    expect(delimiter).toBe(";");
    expect(lines[0]?.cells).toEqual(["2927408", "a@salvador.ba.gov.br, b@salvador.ba.gov.br"]);
  });

  it("prefers the tab over commas inside cells", () => {
    expect(splitCsv("2927408\ta@salvador.ba.gov.br, b@salvador.ba.gov.br\n").delimiter).toBe("\t");
  });

  it("takes a single column as one cell per line", () => {
    expect(splitCsv("2927408\r\n2910800")).toEqual({
      delimiter: ";",
      lines: [
        { line: 1, cells: ["2927408"] },
        { line: 2, cells: ["2910800"] },
      ],
    });
  });

  it("honours the sep= line Excel understands and leaves it out", () => {
    const { delimiter, lines } = splitCsv("sep=,\r\nMunicípio,E-mail\r\n2927408,gestao@salvador.ba.gov.br\r\n");
    expect(delimiter).toBe(",");
    expect(lines.map((l) => l.line)).toEqual([2, 3]);
  });

  it("reads each line on its own instead of failing when a quote is left open", () => {
    const { lines } = splitCsv('2927408;"gestao@salvador.ba.gov.br\n2910800;cras@feiradesantana.ba.gov.br\n');
    expect(lines).toEqual([
      { line: 1, cells: ["2927408", "gestao@salvador.ba.gov.br"] },
      { line: 2, cells: ["2910800", "cras@feiradesantana.ba.gov.br"] },
    ]);
  });

  it("reads old Mac line endings (CR only)", () => {
    expect(splitCsv("2927408\r2910800\r").lines.map((l) => l.line)).toEqual([1, 2]);
  });
});

describe("parseEnteRows", () => {
  it("reads the municipalities and addresses of the Windows-1252 file, skipping its header", () => {
    const { rows, problems } = parseEnteRows(fixtureLines("entes-windows-1252.csv"), municipios);
    expect(problems).toEqual([]);
    expect(summary(rows)).toEqual([
      [2, "Salvador", ["gestao@salvador.ba.gov.br"]],
      [3, "Feira de Santana", ["cras@feiradesantana.ba.gov.br"]],
    ]);
  });

  it("reads the same rows from the UTF-8 comma file", () => {
    const ansi = parseEnteRows(fixtureLines("entes-windows-1252.csv"), municipios);
    expect(parseEnteRows(fixtureLines("entes-utf8-bom-comma.csv"), municipios)).toEqual(ansi);
  });

  it("resolves a UF by its 2 digits and by its abbreviation, a 6-digit code, and several addresses in a cell", () => {
    const { rows, problems } = parseEnteRows(fixtureLines("entes-tab.txt"), entes);
    expect(problems).toEqual([]);
    expect(summary(rows)).toEqual([
      [1, "Bahia", ["suas@sjdhds.ba.gov.br"]],
      [2, "Pernambuco", ["gestao.suas@sdscj.pe.gov.br"]],
      [3, "Juazeiro", ["gestao@juazeiro.ba.gov.br", "cras@juazeiro.ba.gov.br", "creas@juazeiro.ba.gov.br"]],
      [4, "Recife", []],
    ]);
    expect(rows[0]?.ente).toEqual({ id: "29", kind: "UF", name: "Bahia", uf: "BA" });
  });

  it("reports each problem with its line number and keeps the valid rows with theirs", () => {
    const { rows, problems } = parseEnteRows(fixtureLines("entes-problems.csv"), { ...municipios, allowedUf: "BA" });
    expect(problems).toEqual([
      { line: 4, message: "Linha 4: Recife (PE) não é do seu estado (BA)." },
      { line: 5, message: "Linha 5: código IBGE 9999999 não existe." },
      { line: 7, message: "Linha 7: repete a linha 2 (Salvador (BA))." },
      { line: 8, message: `Linha 8: o e-mail “gestao.juazeiro.ba.gov.br” é inválido ${EMAIL_HINT}.` },
      { line: 9, message: "Linha 9: falta o código IBGE." },
      { line: 10, message: "Linha 10: Bahia (governo estadual) não entra neste convite: só é possível convidar municípios." },
      { line: 13, message: "Linha 13: repete a linha 6 (Feira de Santana (BA))." },
      { line: 14, message: "Linha 14: código IBGE 2927409 não existe. Seria 2927408, Salvador (BA)?" },
      { line: 15, message: `Linha 15: “Juazeiro” não é um código IBGE ${CODE_HINT}.` },
      { line: 16, message: "Linha 16: repete a linha 8 (Juazeiro (BA))." },
      { line: 16, message: `Linha 16: o e-mail “fulano@” é inválido ${EMAIL_HINT}.` },
    ]);
    expect(summary(rows)).toEqual([
      [2, "Salvador", ["gestao@salvador.ba.gov.br"]],
      [6, "Feira de Santana", ["cras@feiradesantana.ba.gov.br"]],
      [17, "Abaíra", []],
    ]);
  });

  it("lower-cases addresses and keeps an address repeated in a row once", () => {
    const text = "2927408;Gestao@Salvador.BA.gov.br gestao@salvador.ba.gov.br;<CRAS@salvador.ba.gov.br>";
    const { rows } = parseEnteRows(splitCsv(text).lines, municipios);
    expect(summary(rows)).toEqual([[1, "Salvador", ["gestao@salvador.ba.gov.br", "cras@salvador.ba.gov.br"]]]);
  });

  it("reads addresses written as in a mail program, leaving the names out", () => {
    const text = "2927408;Gestão SEMPS <Gestao@salvador.ba.gov.br>, CRAS Liberdade <cras@salvador.ba.gov.br>\n";
    const { rows, problems } = parseEnteRows(splitCsv(text).lines, municipios);
    expect(problems).toEqual([]);
    expect(summary(rows)).toEqual([[1, "Salvador", ["gestao@salvador.ba.gov.br", "cras@salvador.ba.gov.br"]]]);
  });

  it("takes a dash in an e-mail column for no address", () => {
    const { rows, problems } = parseEnteRows(splitCsv("Código IBGE;E-mail\n2927408;-\n2910800; — \n").lines, municipios);
    expect(problems).toEqual([]);
    expect(summary(rows)).toEqual([
      [2, "Salvador", []],
      [3, "Feira de Santana", []],
    ]);
  });

  it("reads codes that Excel formatted as numbers or text", () => {
    const { rows, problems } = parseEnteRows(splitCsv("2.927.408\n2910800,0\n'2918407\nba\n 26 \n").lines, entes);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.ente.name)).toEqual(["Salvador", "Feira de Santana", "Juazeiro", "Bahia", "Pernambuco"]);
  });

  it("refuses codes of the wrong length and unknown UF abbreviations", () => {
    const { rows, problems } = parseEnteRows(splitCsv("12345\nXX\n99\n").lines, entes);
    expect(rows).toEqual([]);
    expect(messages(problems)).toEqual([
      `Linha 1: código IBGE 12345 inválido ${CODE_HINT}.`,
      "Linha 2: XX não é a sigla de nenhuma UF.",
      "Linha 3: código IBGE 99 não existe.",
    ]);
  });

  it("reads the columns a header names, in any order", () => {
    const text = [
      "Nome do município;Código IBGE;E-mail do gestor",
      "Salvador;2927408;gestao@salvador.ba.gov.br",
      "Feira de Santana;2910800;gestao.feira",
    ].join("\n");
    const { rows, problems } = parseEnteRows(splitCsv(text).lines, municipios);
    expect(summary(rows)).toEqual([[2, "Salvador", ["gestao@salvador.ba.gov.br"]]]);
    expect(messages(problems)).toEqual([`Linha 3: o e-mail “gestao.feira” é inválido ${EMAIL_HINT}.`]);
  });

  it("finds the code after a name when there is no header, and ignores the name", () => {
    const { rows, problems } = parseEnteRows(splitCsv("Salvador;2927408;gestao@salvador.ba.gov.br\n").lines, municipios);
    expect(problems).toEqual([]);
    expect(summary(rows)).toEqual([[1, "Salvador", ["gestao@salvador.ba.gov.br"]]]);
  });

  it("skips a header of a single column named UF and reads the abbreviations below it", () => {
    const { rows, problems } = parseEnteRows(splitCsv("UF\nBA\nPE\n").lines, { ...lookups, kinds: ["UF"] });
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.ente.name])).toEqual([
      [2, "Bahia"],
      [3, "Pernambuco"],
    ]);
  });

  it("does not take a first line of names without header words for a header", () => {
    const { problems } = parseEnteRows(splitCsv("Salvador\nFeira de Santana\n").lines, municipios);
    expect(messages(problems)).toEqual([
      `Linha 1: “Salvador” não é um código IBGE ${CODE_HINT}.`,
      `Linha 2: “Feira de Santana” não é um código IBGE ${CODE_HINT}.`,
    ]);
  });

  it("refuses the kinds of ente the invitation does not take, the Union included", () => {
    const onlyStates = parseEnteRows(splitCsv("29\n2927408\nBR\n").lines, { ...lookups, kinds: ["UF"] });
    expect(onlyStates.rows.map((r) => r.ente.name)).toEqual(["Bahia"]);
    expect(messages(onlyStates.problems)).toEqual([
      "Linha 2: Salvador (BA) não entra neste convite: só é possível convidar estados.",
      "Linha 3: União não entra neste convite: só é possível convidar estados.",
    ]);
    expect(messages(parseEnteRows(splitCsv("BR\n").lines, entes).problems)).toEqual([
      "Linha 1: União não entra neste convite: só é possível convidar estados e municípios.",
    ]);
  });

  it("refuses another state when only the organizer's state may be invited", () => {
    const { rows, problems } = parseEnteRows(splitCsv("29\n26\n").lines, { ...entes, allowedUf: "BA" });
    expect(rows.map((r) => r.ente.name)).toEqual(["Bahia"]);
    expect(messages(problems)).toEqual(["Linha 2: Pernambuco (governo estadual) não é do seu estado (BA)."]);
  });

  it("refuses a file over 5,000 data lines with a single problem", () => {
    const codes = Array.from({ length: MAX_DATA_LINES + 1 }, (_, i) => `${2900001 + i}`);
    const { rows, problems } = parseEnteRows(splitCsv(["codigo_ibge", ...codes].join("\r\n")).lines, anyMunicipioOfBahia);
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ line: 5002, message: "O arquivo tem mais de 5.000 linhas; divida-o em partes." }]);
  });

  it("accepts exactly 5,000 data lines", () => {
    const codes = Array.from({ length: MAX_DATA_LINES }, (_, i) => `${2900001 + i}`);
    const { rows, problems } = parseEnteRows(splitCsv(["codigo_ibge", ...codes].join("\r\n")).lines, anyMunicipioOfBahia);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(5000);
    expect(rows.at(-1)?.line).toBe(5001);
  });
});

/** Every 7-digit code starting with 29 is a municipality of Bahia: enough entes for the size limit. */
const anyMunicipioOfBahia = {
  ...lookups,
  kinds: ["MUNICIPIO" as const],
  findByCode: (code: string): EnteLookup | undefined =>
    /^29\d{5}$/.test(code) ? { id: code, kind: "MUNICIPIO", name: `Município ${code}`, uf: "BA" } : undefined,
};

describe("parsePersonRows", () => {
  it("reads people from the quoted file by its header: address lower-cased, name, ente", () => {
    const { rows, problems } = parsePersonRows(fixtureLines("people-quoted.csv"), lookups);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.email, r.name, r.ente?.name ?? null])).toEqual([
      [2, "maria.silva@salvador.ba.gov.br", "Silva; Maria da", "Salvador"],
      [3, "joao@feiradesantana.ba.gov.br", 'João "Jota" Souza', "Feira de Santana"],
      [4, "ana@exemplo.gov.br", "Ana Paula", null],
      [6, "carlos@recife.pe.gov.br", "Carlos Lima", "Recife"],
    ]);
  });

  it("refuses a person whose ente is outside the organizer's state", () => {
    const { rows, problems } = parsePersonRows(fixtureLines("people-quoted.csv"), { ...lookups, allowedUf: "BA" });
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(problems).toEqual([{ line: 6, message: "Linha 6: Recife (PE) não é do seu estado (BA)." }]);
  });

  it("finds the address, the name and the code in any order without a header", () => {
    const text = [
      "2927408;Maria da Silva;maria@salvador.ba.gov.br",
      "joao@feiradesantana.ba.gov.br;2910800",
      "Pedro Alves <Pedro@SJDHDS.ba.gov.br>;BA",
    ].join("\n");
    const { rows, problems } = parsePersonRows(splitCsv(text).lines, lookups);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 1, email: "maria@salvador.ba.gov.br", name: "Maria da Silva", ente: expect.objectContaining({ name: "Salvador" }) },
      { line: 2, email: "joao@feiradesantana.ba.gov.br", name: null, ente: expect.objectContaining({ name: "Feira de Santana" }) },
      { line: 3, email: "pedro@sjdhds.ba.gov.br", name: "Pedro Alves", ente: expect.objectContaining({ name: "Bahia" }) },
    ]);
  });

  it("reports missing, several, invalid and repeated addresses and unknown codes by line", () => {
    const text = [
      "Nome;E-mail;Código IBGE", // 1
      "Maria;maria@salvador.ba.gov.br;2927408", // 2
      "Sem E-mail;;2927408", // 3
      "Dois;a@salvador.ba.gov.br b@salvador.ba.gov.br;", // 4
      "Errado;joao@@feira.ba.gov.br;2910800", // 5
      "Repetida;MARIA@salvador.ba.gov.br;", // 6
      "Código;ana@exemplo.gov.br;9999999", // 7
      "Município;bia@exemplo.gov.br;Salvador", // 8
      "Ok;carla@exemplo.gov.br;", // 9
    ].join("\n");
    const { rows, problems } = parsePersonRows(splitCsv(text).lines, lookups);
    expect(rows.map((r) => [r.line, r.email])).toEqual([
      [2, "maria@salvador.ba.gov.br"],
      [9, "carla@exemplo.gov.br"],
    ]);
    expect(problems).toEqual([
      { line: 3, message: "Linha 3: falta o e-mail." },
      { line: 4, message: "Linha 4: há mais de um e-mail; coloque uma pessoa por linha." },
      { line: 5, message: `Linha 5: o e-mail “joao@@feira.ba.gov.br” é inválido ${EMAIL_HINT}.` },
      { line: 6, message: "Linha 6: repete a linha 2 (maria@salvador.ba.gov.br)." },
      { line: 7, message: "Linha 7: código IBGE 9999999 não existe." },
      { line: 8, message: `Linha 8: “Salvador” não é um código IBGE ${CODE_HINT}.` },
    ]);
  });

  it("takes the name from an address written as in a mail program when no column holds names", () => {
    const { rows, problems } = parsePersonRows(splitCsv("E-mail;IBGE\n\"Maria da Silva\" <maria@salvador.ba.gov.br>;2927408\n").lines, lookups);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 2, email: "maria@salvador.ba.gov.br", name: "Maria da Silva", ente: expect.objectContaining({ id: "2927408" }) }]);
  });

  it("ignores a municipality column holding names when the header does not call it a code", () => {
    const text = "E-mail,Município\nmaria@salvador.ba.gov.br,Salvador\njoao@x.gov.br,2910800\n";
    const { rows, problems } = parsePersonRows(splitCsv(text).lines, lookups);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.email, r.ente?.name ?? null])).toEqual([
      ["maria@salvador.ba.gov.br", null],
      ["joao@x.gov.br", "Feira de Santana"],
    ]);
  });

  it("refuses a list of more than 5,000 people with a single problem", () => {
    const emails = Array.from({ length: MAX_DATA_LINES + 1 }, (_, i) => `pessoa${i}@exemplo.gov.br`);
    expect(parsePersonRows(splitCsv(emails.join("\n")).lines, lookups)).toEqual({
      rows: [],
      problems: [{ line: 5001, message: "O arquivo tem mais de 5.000 linhas; divida-o em partes." }],
    });
  });
});

describe("pastedLines", () => {
  it("takes one entry per line, skipping blank lines and keeping the textarea's line numbers", () => {
    expect(pastedLines("2927408\r\n\r\n 2910800 \n")).toEqual([
      { line: 1, cells: ["2927408"] },
      { line: 3, cells: ["2910800"] },
    ]);
  });

  it("splits codes separated by commas, semicolons and spaces, each keeping its line", () => {
    expect(pastedLines("2927408, 2910800;2918407 291080\nba pe")).toEqual([
      { line: 1, cells: ["2927408"] },
      { line: 1, cells: ["2910800"] },
      { line: 1, cells: ["2918407"] },
      { line: 1, cells: ["291080"] },
      { line: 2, cells: ["ba"] },
      { line: 2, cells: ["pe"] },
    ]);
  });

  it("keeps the addresses that follow a code with it", () => {
    expect(pastedLines("2927408 a@salvador.ba.gov.br, b@salvador.ba.gov.br 2910800 c@feiradesantana.ba.gov.br")).toEqual([
      { line: 1, cells: ["2927408", "a@salvador.ba.gov.br", "b@salvador.ba.gov.br"] },
      { line: 1, cells: ["2910800", "c@feiradesantana.ba.gov.br"] },
    ]);
  });

  it("starts a person at each address, with the code and name around it", () => {
    const text = "maria@salvador.ba.gov.br 2927408, joao@feiradesantana.ba.gov.br\nMaria de Souza <maria@x.gov.br>, João Lima <joao@y.gov.br>";
    expect(pastedLines(text)).toEqual([
      { line: 1, cells: ["maria@salvador.ba.gov.br", "2927408"] },
      { line: 1, cells: ["joao@feiradesantana.ba.gov.br"] },
      { line: 2, cells: ["Maria de Souza", "maria@x.gov.br"] },
      { line: 2, cells: ["João Lima", "joao@y.gov.br"] },
    ]);
  });

  it("keeps short words of a name in the name, taking only UF abbreviations for codes", () => {
    expect(pastedLines("Maria DA Silva maria@x.gov.br BA\nde pe")).toEqual([
      { line: 1, cells: ["Maria DA Silva", "maria@x.gov.br", "BA"] },
      { line: 2, cells: ["de pe"] },
    ]);
  });

  it("feeds parseEnteRows: codes, 6-digit codes and UFs with their addresses", () => {
    const { rows, problems } = parseEnteRows(pastedLines("2927408 gestao@salvador.ba.gov.br\n291080; ba\n\n2927408"), entes);
    expect(summary(rows)).toEqual([
      [1, "Salvador", ["gestao@salvador.ba.gov.br"]],
      [2, "Feira de Santana", []],
      [2, "Bahia", []],
    ]);
    expect(messages(problems)).toEqual(["Linha 4: repete a linha 1 (Salvador (BA))."]);
  });

  it("says so when the same ente appears twice on one pasted line", () => {
    expect(messages(parseEnteRows(pastedLines("2927408 2927408"), municipios).problems)).toEqual([
      "Linha 1: Salvador (BA) aparece mais de uma vez nesta linha.",
    ]);
  });

  it("feeds parsePersonRows: addresses with names and codes", () => {
    const text = "Maria da Silva <Maria@Salvador.ba.gov.br> 2927408\njoao@x.gov.br; ana@y.gov.br\nfulano@";
    const { rows, problems } = parsePersonRows(pastedLines(text), lookups);
    expect(rows.map((r) => [r.line, r.email, r.name, r.ente?.name ?? null])).toEqual([
      [1, "maria@salvador.ba.gov.br", "Maria da Silva", "Salvador"],
      [2, "joao@x.gov.br", null, null],
      [2, "ana@y.gov.br", null, null],
    ]);
    expect(messages(problems)).toEqual([`Linha 3: o e-mail “fulano@” é inválido ${EMAIL_HINT}.`]);
  });
});
