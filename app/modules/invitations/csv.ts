// Reading the lists organizers upload (or paste) to invite entes or people: bytes → text → cells →
// validated rows, with problems in Portuguese by line of the file. Pure: no database, no I/O — the
// caller passes the ente lookups. Spreadsheets come from Excel in Brazil: Windows-1252 or UTF-8 (BOM
// or not), ";" "," or tab, CRLF or LF, a header row or not, codes typed as numbers.
import { CsvError, parse } from "csv-parse/sync";

import { emailField } from "~/lib/zod";
import { UNIAO_ID, enteDisplayName, searchKey } from "~/modules/entes/federation";

/** More data lines than this and the whole file is refused. */
export const MAX_DATA_LINES = 5000;
const TOO_MANY_LINES = "O arquivo tem mais de 5.000 linhas; divida-o em partes.";
const CODE_HINT = "use os 7 dígitos do município, ou os 2 dígitos ou a sigla da UF";

// ---------------------------------------------------------------------------------------------
// Bytes and cells

/** Decodes uploaded bytes: UTF-8 when valid (BOM stripped), else Windows-1252. */
export function decodeUpload(bytes: Uint8Array): { text: string; encoding: "UTF-8" | "Windows-1252" } {
  try {
    // fatal: any byte sequence that is not UTF-8 throws; the BOM is consumed by default.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // Excel's "CSV (separado por vírgulas)" in Brazil: ANSI, that is Windows-1252 (a superset of Latin-1).
    const text = new TextDecoder("windows-1252").decode(bytes);
    return { text: text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!), encoding: "Windows-1252" };
  }
}

/**
 * Bytes 0x80–0x9F in Windows-1252 (WHATWG index): “ ” ‘ ’ – — € … Node 20.18.3+ and 22.13+ decode
 * "windows-1252" as Latin-1 and leave them as C1 controls (nodejs/node#60888), so they are mapped here;
 * where the decoder is right there is nothing left to map.
 */
const WINDOWS_1252_C1 =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

export type CsvLine = { line: number; cells: string[] }; // 1-based line numbers of the file

type Delimiter = ";" | "," | "\t";
/** In order of preference when the sample does not decide: Excel pt-BR writes ";". */
const DELIMITERS: readonly Delimiter[] = [";", "\t", ","];
const SAMPLE_LINES = 20;

/**
 * Splits CSV text: detects the delimiter (; , or tab) from the first non-empty lines, handles quotes
 * ("a;b", doubled quotes), CRLF/LF, skips blank lines. Cells are trimmed and trailing empty cells
 * (trailing separators) dropped. Excel's "sep=;" first line is honoured. A quote left open does not
 * throw: the file is then read without quoting, so each line is still checked on its own.
 */
export function splitCsv(text: string): { delimiter: ";" | "," | "\t"; lines: CsvLine[] } {
  const physical = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  const firstIndex = physical.findIndex((l) => l.trim() !== "");
  const sep = firstIndex >= 0 ? /^ *"?sep=([;,\t])"? *$/i.exec(physical[firstIndex]!) : null;
  if (sep) physical[firstIndex] = ""; // keeps the line numbers of the rest
  const delimiter = (sep?.[1] as Delimiter | undefined) ?? detectDelimiter(physical.filter((l) => l.trim() !== "").slice(0, SAMPLE_LINES));

  const normalized = physical.join("\n");
  let quoted = true;
  let records: ParsedRecord[];
  try {
    records = parseRecords(normalized, delimiter, true);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    quoted = false;
    records = parseRecords(normalized, delimiter, false);
  }

  const lines: CsvLine[] = [];
  for (const { record, info } of records) {
    const cells = record.map((c) => (quoted ? c : unquote(c)).trim());
    while (cells.length && cells.at(-1) === "") cells.pop();
    if (!cells.length) continue;
    // info.lines is the line where the record ends; quoted line breaks inside it move the start up.
    const inner = record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    lines.push({ line: info.lines - inner, cells });
  }
  return { delimiter, lines };
}

type ParsedRecord = { record: string[]; info: { lines: number } };

function parseRecords(text: string, delimiter: Delimiter, quoted: boolean): ParsedRecord[] {
  return parse(text, {
    delimiter,
    quote: quoted ? '"' : false,
    info: true,
    trim: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown as ParsedRecord[];
}

function unquote(cell: string): string {
  const c = cell.trim();
  return c.length >= 2 && c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c.replace(/^"/, "");
}

/** The delimiter that splits the most sample lines into several cells (quotes respected); ties go to ";". */
function detectDelimiter(sample: string[]): Delimiter {
  const text = sample.join("\n");
  let best: Delimiter = ";";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    let records: ParsedRecord[];
    try {
      records = parseRecords(text, d, true);
    } catch {
      records = parseRecords(text, d, false); // the sample may cut a quoted field in two
    }
    const score = records.filter((r) => r.record.length > 1).length;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Codes, e-mails, headers

export type EnteLookup = { id: string; kind: "UNIAO" | "UF" | "MUNICIPIO"; name: string; uf: string | null };
export type Problem = { line: number; message: string }; // message in pt-BR, e.g. "Linha 7: código IBGE 9999999 não existe."

/** How codes become entes; the caller answers from the database (or, in tests, a list). */
export type CodeLookups = {
  findByCode(code: string): EnteLookup | undefined;
  municipioByPrefix6(prefix: string): EnteLookup | undefined;
  ufByAbbr(abbr: string): EnteLookup | undefined;
};

type CodeCell =
  | { kind: "empty" }
  | { kind: "digits"; digits: string }
  | { kind: "letters"; letters: string }
  | { kind: "text"; text: string };

/** What a spreadsheet cell holds as a code: " 2927408 ", "2.927.408", "2927408,0", "'29", "ba". */
function readCode(cell: string): CodeCell {
  const s = cell.replace(/\s+/g, "").replace(/^'+/, "");
  if (!s) return { kind: "empty" };
  if (/^\d+$/.test(s)) return { kind: "digits", digits: s };
  if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(s)) return { kind: "digits", digits: s.replace(/[.,]/g, "") };
  const decimal = /^(\d+)[.,]0+$/.exec(s);
  if (decimal) return { kind: "digits", digits: decimal[1]! };
  if (/^[a-z]{2}$/i.test(s)) return { kind: "letters", letters: s.toUpperCase() };
  return { kind: "text", text: cell.trim() };
}

/** The ente a code names, or what is wrong with it (a sentence without the "Linha N:"). */
function resolveCode(code: CodeCell, ctx: CodeLookups): { ente: EnteLookup } | { error: string } {
  switch (code.kind) {
    case "empty":
      return { error: "falta o código IBGE." };
    case "text":
      return { error: `“${clip(code.text)}” não é um código IBGE (${CODE_HINT}).` };
    case "letters": {
      const ente = code.letters === UNIAO_ID ? ctx.findByCode(UNIAO_ID) : ctx.ufByAbbr(code.letters);
      return ente ? { ente } : { error: `${code.letters} não é a sigla de nenhuma UF.` };
    }
    case "digits": {
      const d = code.digits;
      if (d.length !== 2 && d.length !== 6 && d.length !== 7) return { error: `código IBGE ${clip(d)} inválido (${CODE_HINT}).` };
      // 6 digits: IBGE's municipality code without the check digit, common in spreadsheets.
      const ente = d.length === 6 ? ctx.municipioByPrefix6(d) : ctx.findByCode(d);
      if (ente) return { ente };
      const guess = d.length === 7 ? ctx.municipioByPrefix6(d.slice(0, 6)) : undefined;
      return { error: `código IBGE ${d} não existe.${guess ? ` Seria ${guess.id}, ${enteDisplayName(guess)}?` : ""}` };
    }
  }
}

/**
 * The addresses in a cell: one, or several separated by spaces, commas or semicolons; or written as
 * in a mail program, "Maria da Silva <maria@…>" (the text around them is then a name, not an address).
 */
function addressesIn(cell: string): { emails: string[]; name?: string } {
  const bracketed = [...cell.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)].map((m) => cleanToken(m[1]!));
  if (bracketed.length) {
    const name = cell.replace(/<[^<>]*>/g, " ").replace(/["',;]/g, " ").replace(/\s+/g, " ").trim();
    return { emails: bracketed, name: bracketed.length === 1 && name ? name : undefined };
  }
  return {
    emails: cell
      .split(/[\s,;]+/)
      .map(cleanToken)
      .filter((t) => /[\p{L}\p{N}]/u.test(t)), // "-" or "—" in an empty e-mail cell is no address
  };
}

/** Strips what surrounds an address or a code when copied from a message: <…>, (…), quotes, "mailto:", a final period. */
function cleanToken(token: string): string {
  return token
    .replace(/^[<("'[]+/, "")
    .replace(/[>)"'\].]+$/, "")
    .replace(/^mailto:/i, "");
}

function checkEmail(raw: string): { email: string } | { error: string } {
  const result = emailField.safeParse(raw);
  if (result.success) return { email: result.data };
  const tooLong = result.error.issues.some((i) => i.code === "too_big");
  const shown = `o e-mail “${clip(raw)}”`;
  return { error: tooLong ? `${shown} é longo demais.` : `${shown} é inválido (confira se está no formato nome@dominio.gov.br).` };
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function problem(line: number, message: string): Problem {
  return { line, message: `Linha ${line}: ${message}` };
}

const HEADER_WORDS = new RegExp(
  `\\b(${[
    "cod", "codigo", "codigos", "geocodigo", "ibge", "id", "sigla",
    "municipio", "municipios", "uf", "ufs", "ente", "entes", "estado", "estados", "cidade", "cidades",
    "mail", "mails", "email", "emails", "contato", "nome", "nomes", "participante", "pessoa", "responsavel",
  ].join("|")})\\b`,
);

/** A first line of column names: no address, no code, and words a header uses ("Código IBGE", "E-mail"). */
function isHeader(cells: string[], ctx: CodeLookups): boolean {
  if (cells.some((c) => c.includes("@"))) return false;
  const codes = cells.map(readCode);
  if (codes.some((c) => c.kind === "digits")) return false;
  if (codes.some((c) => c.kind === "letters" && "ente" in resolveCode(c, ctx))) return false;
  return cells.some((c) => HEADER_WORDS.test(searchKey(c)));
}

type Columns = { code?: number; strictCode: boolean; email: number[]; name?: number };

/**
 * Roles of the columns a header names. A "strict" code column (Código IBGE, cod_ibge) must hold codes;
 * a loose one (Município, UF) counts only when it holds a code (it may hold names).
 */
function headerColumns(cells: string[], forPeople: boolean): Columns {
  const keys = cells.map(searchKey);
  const isName = (k: string) =>
    (/^nome\b/.test(k) && !/\b(municipio|ente|cidade|estado|orgao|secretaria|instituicao|uf)\b/.test(k)) ||
    /^(participante|pessoa|responsavel|servidor|servidora)\b/.test(k);
  const strict = keys.findIndex((k) => !k.startsWith("nome") && /\b(ibge|codigo|cod|geocodigo|id)\b/.test(k));
  const looseWords = forPeople ? /\b(municipio|ente|cidade)\b/ : /\b(municipio|municipios|ente|entes|cidade|uf|estado|sigla)\b/;
  const loose = keys.findIndex((k) => !k.startsWith("nome") && looseWords.test(k));
  const name = keys.findIndex(isName);
  return {
    code: strict >= 0 ? strict : loose >= 0 ? loose : undefined,
    strictCode: strict >= 0 || !forPeople,
    email: keys.flatMap((k, i) => (/\b(e ?mails?|correio)\b/.test(k) ? [i] : [])),
    name: name >= 0 ? name : undefined,
  };
}

/** The header (when the first line is one) and the data lines, or the single problem of a too long file. */
function dataOf(lines: CsvLine[], ctx: CodeLookups): { header?: CsvLine; data: CsvLine[]; tooMany?: Problem } {
  const first = lines[0];
  const header = first && isHeader(first.cells, ctx) ? first : undefined;
  const data = header ? lines.slice(1) : lines;
  const beyond = data[MAX_DATA_LINES];
  return { header, data, tooMany: beyond ? { line: beyond.line, message: TOO_MANY_LINES } : undefined };
}

function sameLine(line: number, earlier: number, what: string): string {
  return earlier === line ? `${what} aparece mais de uma vez nesta linha.` : `repete a linha ${earlier} (${what}).`;
}

// ---------------------------------------------------------------------------------------------
// Entes

export type EnteRow = { line: number; ente: EnteLookup; emails: string[] };

/**
 * Rows of entes to invite: first cell an IBGE code (7-digit municipality, 6-digit municipality without
 * check digit — resolved by matching the first 6 digits, UF as 2 digits or 2 letters), further cells
 * optional e-mail addresses (one per cell, or several separated by spaces/commas inside a cell).
 * A header row (first cell not a code, e.g. "codigo_ibge", "Código IBGE", "municipio") is recognised
 * and skipped; when it names the columns ("Município;Código IBGE;E-mail") they are read by name.
 * Without a header, a first cell that is a name ("Salvador;2927408") gives way to the first numeric
 * cell. Addresses are the cells with an "@" and those of columns headed "E-mail"; other text (names,
 * notes) is ignored.
 * A row with any problem (unknown code, kind not allowed, outside `allowedUf`, invalid e-mail,
 * duplicate of an earlier line, empty code) is reported and left out whole.
 */
export function parseEnteRows(
  lines: CsvLine[],
  ctx: CodeLookups & { kinds: ("UF" | "MUNICIPIO")[]; allowedUf?: string },
): { rows: EnteRow[]; problems: Problem[] } {
  const { header, data, tooMany } = dataOf(lines, ctx);
  if (tooMany) return { rows: [], problems: [tooMany] };
  const columns = header ? headerColumns(header.cells, false) : undefined;
  const rows: EnteRow[] = [];
  const problems: Problem[] = [];
  const firstLineOf = new Map<string, number>();

  for (const { line, cells } of data) {
    const errors: string[] = [];
    const codeIndex = columns?.code ?? codeCellIndex(cells);
    const resolved = resolveCode(readCode(cells[codeIndex] ?? ""), ctx);
    const ente = "ente" in resolved ? resolved.ente : undefined;
    if ("error" in resolved) errors.push(resolved.error);
    if (ente) {
      const display = enteDisplayName(ente);
      const earlier = firstLineOf.get(ente.id);
      if (!(ctx.kinds as readonly string[]).includes(ente.kind)) errors.push(`${display} não entra neste convite${kindsText(ctx.kinds)}.`);
      else if (ctx.allowedUf && ente.uf !== ctx.allowedUf) errors.push(`${display} não é do seu estado (${ctx.allowedUf}).`);
      else if (earlier !== undefined) errors.push(sameLine(line, earlier, display));
      if (earlier === undefined) firstLineOf.set(ente.id, line);
    }

    // The columns a header names as e-mail (where even a text without "@" is a wrong address),
    // and any other cell with an "@".
    const emailColumns = columns?.email ?? [];
    const emailCells = cells.filter((c, i) => i !== codeIndex && (emailColumns.includes(i) || c.includes("@")));
    const emails = new Set<string>();
    for (const token of emailCells.flatMap((c) => addressesIn(c).emails)) {
      const checked = checkEmail(token);
      if ("error" in checked) errors.push(checked.error);
      else emails.add(checked.email);
    }

    if (errors.length || !ente) problems.push(...errors.map((e) => problem(line, e)));
    else rows.push({ line, ente, emails: [...emails] });
  }
  return { rows, problems };
}

/** Without a header: the first cell, unless it is text and another cell is a number. */
function codeCellIndex(cells: string[]): number {
  const first = readCode(cells[0] ?? "");
  if (first.kind === "digits" || first.kind === "letters") return 0;
  const numeric = cells.findIndex((c) => readCode(c).kind === "digits");
  return numeric >= 0 ? numeric : 0;
}

function kindsText(kinds: readonly ("UF" | "MUNICIPIO")[]): string {
  const uf = kinds.includes("UF");
  const municipio = kinds.includes("MUNICIPIO");
  if (uf && municipio) return ": só é possível convidar estados e municípios";
  if (uf) return ": só é possível convidar estados";
  if (municipio) return ": só é possível convidar municípios";
  return "";
}

// ---------------------------------------------------------------------------------------------
// People

export type PersonRow = { line: number; email: string; ente: EnteLookup | null; name: string | null };

/**
 * Rows of people: an e-mail in some cell, optionally a name and an IBGE code in other cells (any
 * order; header optional — when present, columns are read by their names). "Maria <maria@…>" is
 * understood. Same problem rules (invalid, missing, several or duplicate e-mail, unknown code, ente
 * outside allowedUf); a row with a problem is left out whole.
 */
export function parsePersonRows(lines: CsvLine[], ctx: CodeLookups & { allowedUf?: string }): { rows: PersonRow[]; problems: Problem[] } {
  const { header, data, tooMany } = dataOf(lines, ctx);
  if (tooMany) return { rows: [], problems: [tooMany] };
  const headed = header ? headerColumns(header.cells, true) : undefined;
  const columns = headed?.email.length ? headed : undefined;
  const rows: PersonRow[] = [];
  const problems: Problem[] = [];
  const firstLineOf = new Map<string, number>();

  for (const { line, cells } of data) {
    const errors: string[] = [];
    const found = columns ? personByColumns(cells, columns) : personByContent(cells, ctx);

    let email: string | undefined;
    if (found.emails.length === 0) errors.push("falta o e-mail.");
    else if (found.emails.length > 1) errors.push("há mais de um e-mail; coloque uma pessoa por linha.");
    else {
      const checked = checkEmail(found.emails[0]!);
      if ("error" in checked) errors.push(checked.error);
      else {
        email = checked.email;
        const earlier = firstLineOf.get(email);
        if (earlier !== undefined) errors.push(sameLine(line, earlier, email));
        else firstLineOf.set(email, line);
      }
    }

    let ente: EnteLookup | null = null;
    if (found.code) {
      const resolved = resolveCode(found.code, ctx);
      if ("error" in resolved) errors.push(resolved.error);
      else if (ctx.allowedUf && resolved.ente.uf !== ctx.allowedUf) {
        errors.push(`${enteDisplayName(resolved.ente)} não é do seu estado (${ctx.allowedUf}).`);
      } else ente = resolved.ente;
    }

    const name = found.name?.replace(/\s+/g, " ").trim() || null;
    if (errors.length || !email) problems.push(...errors.map((e) => problem(line, e)));
    else rows.push({ line, email, ente, name });
  }
  return { rows, problems };
}

type FoundPerson = { emails: string[]; name?: string; code?: CodeCell };

function personByColumns(cells: string[], columns: Columns): FoundPerson {
  const code = columns.code === undefined ? undefined : readCode(cells[columns.code] ?? "");
  const usable = code && code.kind !== "empty" && (columns.strictCode || code.kind !== "text");
  const { emails, name } = addressesIn(cells[columns.email[0]!] ?? "");
  return {
    emails,
    name: columns.name === undefined ? name : cells[columns.name] || name,
    code: usable ? code : undefined,
  };
}

function personByContent(cells: string[], ctx: CodeLookups): FoundPerson {
  const emails: string[] = [];
  let name: string | undefined;
  let code: CodeCell | undefined;
  const rest: string[] = [];
  for (const cell of cells) {
    if (cell.includes("@")) {
      const found = addressesIn(cell);
      emails.push(...found.emails);
      name ??= found.name;
      continue;
    }
    const c = readCode(cell);
    const isCode = c.kind === "digits" || (c.kind === "letters" && "ente" in resolveCode(c, ctx));
    if (isCode && !code) code = c;
    else rest.push(cell);
  }
  name ??= rest.find((c) => /\p{L}/u.test(c));
  return { emails, name, code };
}

// ---------------------------------------------------------------------------------------------
// Pasted text

type TokenType = "email" | "code" | "name";

/** The 26 states and the Federal District, and the Union: the two-letter words that can be codes. */
const UF_ABBRS: readonly string[] = [
  "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA",
  "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO", UNIAO_ID,
];

/**
 * Same for text pasted into a textarea (one entry per line, or separated by ; , or spaces). An entry
 * starts at each code ("2927408 a@x.gov.br b@x.gov.br 2910800 c@y.gov.br": two entes with their
 * addresses) or, when entries start with an address, at each address ("maria@x.gov.br 2927408,
 * joao@y.gov.br": two people). Consecutive words make one name cell. Entries keep the textarea line.
 */
export function pastedLines(text: string): CsvLine[] {
  const out: CsvLine[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r\n?|\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const words = raw
        .split(/[\s,;]+/)
        .map(cleanToken)
        .filter((t) => t !== "");
      if (!words.length) return;
      // Two letters are a UF ("BA", or "ba" in a list of codes), not a word of a name ("de", "DA").
      const isAbbr = (w: string) => /^[a-z]{2}$/i.test(w) && UF_ABBRS.includes(w.toUpperCase());
      const onlyCodes = words.every((w) => w.includes("@") || readCode(w).kind === "digits" || isAbbr(w));
      const typeOf = (w: string): TokenType => {
        if (w.includes("@")) return "email";
        if (readCode(w).kind === "digits" || (isAbbr(w) && (onlyCodes || w === w.toUpperCase()))) return "code";
        return "name";
      };

      type Group = { cells: string[]; leader?: TokenType; nameFirst: boolean; trailingName?: number };
      let group: Group | undefined;
      let previous: TokenType | undefined;
      const flush = () => {
        if (group?.cells.length) out.push({ line, cells: group.cells });
      };
      for (const word of words) {
        const type = typeOf(word);
        if (type !== "name" && group?.leader === type) {
          // "Maria Silva maria@…, João Souza joao@…": names before the address go with the next one.
          const moved = group.nameFirst && group.trailingName !== undefined ? group.cells.splice(group.trailingName) : [];
          flush();
          group = { cells: moved, nameFirst: moved.length > 0 };
          previous = moved.length ? "name" : undefined;
        }
        group ??= { cells: [], nameFirst: type === "name" };
        if (type === "name" && previous === "name") group.cells[group.cells.length - 1] += ` ${word}`;
        else {
          if (type === "name" && group.leader) group.trailingName = group.cells.length;
          group.cells.push(word);
        }
        if (type !== "name") {
          group.leader ??= type;
          group.trailingName = undefined;
        }
        previous = type;
      }
      flush();
    });
  return out;
}
