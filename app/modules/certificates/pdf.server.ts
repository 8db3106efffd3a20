// Certificate PDF: one A4 landscape page in Brazilian Portuguese, DejaVu Sans (subset) embedded,
// a vector QR code pointing to the public verification page.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import fontkit from "@pdf-lib/fontkit";
import {
  fill,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  type RGB,
} from "pdf-lib";
import QRCode from "qrcode";

export type CertificateData = {
  code: string; // e.g. "K7QX-M2PA-9HTD"
  verifyUrl: string; // absolute URL of the public verification page for this code
  personName: string;
  cpfMasked: string | null; // "***.982.247-**" or null (then omitted)
  eventTitle: string;
  eventType: string; // "Oficina", "Encontro", "Transmissão ao vivo"…
  dates: string; // "3 a 5 de dezembro de 2026"
  place: string; // "Feira de Santana (BA)", "Online", "Salvador (BA) e online"
  hoursText: string; // "8 horas", "6 horas e 30 minutos"
  hoursMode: "INTEGRAL" | "PRESENCA"; // full workload of the event, or hours actually attended
  organizer: string; // "Bahia (governo estadual)" / "União (Governo Federal)"
  responsibleName: string;
  responsibleRole: string;
  issuedAt: string; // "10/12/2026"
};

export const HOURS_MODE_PHRASES: Record<CertificateData["hoursMode"], string> = {
  INTEGRAL: "carga horária integral do evento",
  PRESENCA: "horas de presença registradas",
};

// ---------------------------------------------------------------------------------------------
// Page geometry and palette (app/styles/app.css: gov.br-like blues).

/** A4 landscape, in points. */
export const PAGE_WIDTH = 841.89;
export const PAGE_HEIGHT = 595.28;
/** Horizontal margin: no text is drawn closer than this to the left or right edge. */
export const PAGE_MARGIN = 56;

const CONTENT_WIDTH = PAGE_WIDTH - 2 * PAGE_MARGIN;
const QR_SIZE = 90;

const hex = (value: string): RGB => {
  const n = Number.parseInt(value.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
};
const BLUE = hex("#1351b4");
const BLUE_DARKEST = hex("#071d41");
const BLUE_LIGHT = hex("#dbe8fb");
const GRAY_90 = hex("#1b1b1b");
const GRAY_70 = hex("#454545");
const GRAY_60 = hex("#555555");
const GRAY_20 = hex("#cccccc");

// ---------------------------------------------------------------------------------------------
// Fonts: read and parsed once per process.

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];
type FontFiles = { regular: Uint8Array; bold: Uint8Array };

function fontDirectory(): string {
  try {
    const require = createRequire(import.meta.url);
    return path.dirname(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
  } catch {
    return path.resolve(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
  }
}

let fontFiles: Promise<FontFiles> | undefined;
function loadFontFiles(): Promise<FontFiles> {
  if (!fontFiles) {
    const dir = fontDirectory();
    fontFiles = Promise.all([
      readFile(path.join(dir, "DejaVuSans.ttf")),
      readFile(path.join(dir, "DejaVuSans-Bold.ttf")),
    ]).then(([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }));
    fontFiles.catch(() => {
      fontFiles = undefined; // let a later call retry
    });
  }
  return fontFiles;
}

// pdf-lib parses the font file on every embedFont call; the parse is shared across documents
// (each document still gets its own subset). One catch: fontkit caches Glyph objects by id with
// the code points of their first lookup, and writing a subset loads the components of composite
// glyphs ("ü" = "u" + "¨") with no code points; a later document would then get a ToUnicode map
// without "u" (text extraction reads "estad al"). Creating every mapped glyph up front from its
// code point keeps the cache right.
const parsedFonts = new WeakMap<Uint8Array, ReturnType<Fontkit["create"]>>();
const cachingFontkit: Fontkit = {
  create(buffer, postscriptName) {
    let font = parsedFonts.get(buffer);
    if (!font) {
      font = (fontkit as Fontkit).create(buffer, postscriptName);
      for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
      parsedFonts.set(buffer, font);
    }
    return font;
  },
};

// Latin text needs no OpenType shaping (accents are precomposed after NFC normalization, and
// pdf-lib ignores kerning when drawing). Turning the default features off makes fontkit's layout,
// run on every measurement and drawText, several times cheaper, and keeps "fi" as two glyphs.
const PLAIN_SHAPING = Object.fromEntries(
  ["ccmp", "locl", "rlig", "mark", "mkmk", "calt", "clig", "liga", "rclt", "curs", "kern", "frac", "numr", "dnom"].map((tag) => [tag, false]),
);

// ---------------------------------------------------------------------------------------------
// Portuguese wording.

/** Collapse whitespace (including newlines and control characters) and compose accents. */
function clean(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\p{Cf}/gu, "")
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim();
}

const FEMININE_TYPES = new Set(["oficina", "videoconferência", "transmissão", "visita", "palestra", "reunião", "live", "capacitação", "roda", "conferência", "mesa", "jornada", "aula", "formação", "mostra", "semana"]);
const MASCULINE_TYPES = new Set(["encontro", "seminário", "curso", "fórum", "webinário", "webinar", "colóquio", "congresso", "simpósio", "treinamento", "ciclo", "painel", "debate", "dia"]);

/** Grammatical gender of the event-type noun ("oficina" → feminine), for the article and participles. */
export function eventTypeIsFeminine(eventType: string): boolean {
  const head = clean(eventType).split(" ")[0]?.toLocaleLowerCase("pt-BR") ?? "";
  if (FEMININE_TYPES.has(head)) return true;
  if (MASCULINE_TYPES.has(head)) return false;
  return /(a|ção|são|gem|dade|ência|ância)$/.test(head);
}

/** "Transmissão ao vivo" → "transmissão ao vivo"; acronyms ("EAD") keep their case. */
function lowerTypeLabel(eventType: string): string {
  const label = clean(eventType);
  if (/^\p{Lu}{2}/u.test(label)) return label;
  return label.charAt(0).toLocaleLowerCase("pt-BR") + label.slice(1);
}

/** "3 a 5 de dezembro de 2026" → "de 3 a 5 de dezembro de 2026"; "3 de dezembro de 2026" → "em 3 de …". */
function datesPhrase(dates: string): string {
  const text = clean(dates);
  if (!text) return "";
  if (/^(em|de|entre|no|nos|na|nas)\s/i.test(text)) return text;
  if (/^\d{1,2}(º)?(\s+de\s+\p{L}+(\s+de\s+\d{4})?)?\s+(a|até)\s+\d/u.test(text)) return `de ${text}`;
  return `em ${text}`;
}

/** "Online" → "na modalidade online"; "Salvador (BA) e online" → "em Salvador (BA) e na modalidade online". */
function placePhrase(place: string): string {
  const text = clean(place);
  if (!text) return "";
  if (/^(on-?line|virtual|remot[oa]|a distância)$/i.test(text)) return "na modalidade online";
  const hybrid = /^(.*\S)\s+e\s+on-?line$/i.exec(text);
  if (hybrid) return `em ${hybrid[1]} e na modalidade online`;
  if (/^(em|no|na|nos|nas)\s/i.test(text)) return text;
  return `em ${text}`;
}

type Piece = { text: string; bold: boolean };

/** The certificate statement after the name line: plain text with the event title in bold. */
export function certificateStatement(data: CertificateData): Piece[] {
  return statementPieces(data, clean(data.eventTitle));
}

function statementPieces(data: CertificateData, eventTitle: string): Piece[] {
  const feminine = eventTypeIsFeminine(data.eventType);
  const suffix = feminine ? "a" : "o";
  const type = lowerTypeLabel(data.eventType);
  const parts: Piece[] = [];
  const plain = (text: string) => parts.push({ text, bold: false });
  const cpf = data.cpfMasked ? clean(data.cpfMasked) : "";
  plain(`${cpf ? `CPF ${cpf}, ` : ""}participou d${suffix} ${type} `);
  parts.push({ text: `“${eventTitle}”`, bold: true });
  const clauses: string[] = [];
  const when = datesPhrase(data.dates);
  if (when) clauses.push(`realizad${suffix} ${when}`);
  const where = placePhrase(data.place);
  if (where) clauses.push(where);
  const organizer = clean(data.organizer);
  if (organizer) clauses.push(`promovid${suffix} por ${organizer}`);
  clauses.push(`com carga horária de ${clean(data.hoursText)} (${HOURS_MODE_PHRASES[data.hoursMode]}).`);
  plain(`, ${clauses.join(", ")}`);
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Line layout: greedy wrapping of styled text, measured with the embedded fonts.

type Fonts = { regular: PDFFont; bold: PDFFont };
type Style = keyof Fonts;

// Text widths at 1 pt, per style. pdf-lib measures by running fontkit's full OpenType layout,
// which dominated rendering time; the font files never change, so widths are shared by documents.
const unitWidths: Record<Style, Map<string, number>> = { regular: new Map(), bold: new Map() };
function textWidth(fonts: Fonts, style: Style, text: string, size: number): number {
  const cache = unitWidths[style];
  let width = cache.get(text);
  if (width === undefined) {
    width = fonts[style].widthOfTextAtSize(text, 1);
    if (cache.size >= 20_000) cache.clear();
    cache.set(text, width);
  }
  return width * size;
}
const styleOf = (bold: boolean): Style => (bold ? "bold" : "regular");

type Segment = { text: string; bold: boolean; width: number };
type Line = { segments: Segment[]; width: number };

/** Split a word wider than maxWidth into chunks that fit (long URLs, titles without spaces). */
function splitLongWord(word: string, fonts: Fonts, style: Style, size: number, maxWidth: number): string[] {
  const chunks: string[] = [];
  let current = "";
  let currentWidth = 0;
  for (const char of Array.from(word)) {
    const charWidth = textWidth(fonts, style, char, size);
    if (current && currentWidth + charWidth > maxWidth) {
      chunks.push(current);
      current = char;
      currentWidth = charWidth;
    } else {
      current += char;
      currentWidth += charWidth;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * Wrap styled pieces into lines no wider than maxWidth. A "word" may mix styles (“Título”,) and
 * breaks only at spaces; a single word wider than a line is split by characters.
 */
function wrapPieces(pieces: Piece[], fonts: Fonts, size: number, maxWidth: number): Line[] {
  type Word = Segment[];
  const words: Word[] = [];
  let word: Word = [];
  for (const piece of pieces) {
    const tokens = piece.text.split(" ");
    tokens.forEach((token, i) => {
      if (i > 0) {
        if (word.length) words.push(word);
        word = [];
      }
      if (token) word.push({ text: token, bold: piece.bold, width: 0 });
    });
  }
  if (word.length) words.push(word);

  const measure = (segment: Segment) => textWidth(fonts, styleOf(segment.bold), segment.text, size);
  const expanded: Word[] = [];
  for (const w of words) {
    for (const segment of w) segment.width = measure(segment);
    const width = w.reduce((sum, s) => sum + s.width, 0);
    if (width <= maxWidth || w.length !== 1) {
      expanded.push(w);
      continue;
    }
    const [only] = w as [Segment];
    const style = styleOf(only.bold);
    for (const chunk of splitLongWord(only.text, fonts, style, size, maxWidth)) {
      expanded.push([{ text: chunk, bold: only.bold, width: textWidth(fonts, style, chunk, size) }]);
    }
  }

  const lines: Line[] = [];
  let line: Line = { segments: [], width: 0 };
  for (const w of expanded) {
    const wordWidth = w.reduce((sum, s) => sum + s.width, 0);
    const first = w[0] as Segment;
    const space = line.segments.length ? textWidth(fonts, styleOf(first.bold), " ", size) : 0;
    if (line.segments.length && line.width + space + wordWidth > maxWidth) {
      lines.push(line);
      line = { segments: [], width: 0 };
    }
    const leading = line.segments.length ? " " : "";
    const leadingWidth = leading ? space : 0;
    w.forEach((segment, i) => {
      const last = line.segments[line.segments.length - 1];
      const text = (i === 0 ? leading : "") + segment.text;
      const width = (i === 0 ? leadingWidth : 0) + segment.width;
      if (last && last.bold === segment.bold) {
        last.text += text;
        last.width += width;
      } else {
        line.segments.push({ text, bold: segment.bold, width });
      }
    });
    line.width += leadingWidth + wordWidth;
  }
  if (line.segments.length) lines.push(line);
  return lines;
}

function drawLines(
  page: PDFPage,
  lines: Line[],
  fonts: Fonts,
  opts: { size: number; firstBaseline: number; lineHeight: number; color: RGB; center: number; boldColor?: RGB },
) {
  lines.forEach((line, index) => {
    let x = opts.center - line.width / 2;
    const y = opts.firstBaseline - index * opts.lineHeight;
    for (const segment of line.segments) {
      page.drawText(segment.text, {
        x,
        y,
        size: opts.size,
        font: fonts[styleOf(segment.bold)],
        color: segment.bold && opts.boldColor ? opts.boldColor : opts.color,
      });
      x += segment.width;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// QR code as vector rectangles (one path, one fill): crisp at any zoom and only a few KB.

function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  const cell = size / count;
  const ops = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.modules.get(row, col)) col++;
      // Rows go top-down in the QR, bottom-up in PDF; a hair of overlap avoids seams between rows.
      const top = y + size - row * cell;
      ops.push(rectangle(x + start * cell, top - cell - 0.05, (col - start) * cell, cell + 0.05));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

// ---------------------------------------------------------------------------------------------

/**
 * "Verifique em {url}": one line if it fits; else the URL on its own line, a little smaller if
 * needed; else the URL broken after its slashes (characters as a last resort), at most 3 lines.
 */
function verifyLines(url: string, fonts: Fonts, maxWidth: number): { text: string; size: number }[] {
  const lead = "Verifique em";
  const size = 8.5;
  if (textWidth(fonts, "regular", `${lead} ${url}`, size) <= maxWidth) return [{ text: `${lead} ${url}`, size }];
  const urlSize = fitOneLine(url, fonts, "regular", size, 7, maxWidth);
  if (urlSize) return [{ text: lead, size }, { text: url, size: urlSize }];
  const small = 7;
  const parts = url.split(/(?<=\/)/).flatMap((part) => splitLongWord(part, fonts, "regular", small, maxWidth));
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(fonts, "regular", last + part, small) <= maxWidth) lines[lines.length - 1] = last + part;
    else lines.push(part);
  }
  return [{ text: lead, size }, ...lines.slice(0, 3).map((text) => ({ text, size: small }))];
}

/** Statement size, and the largest and smallest name sizes, tried in order until the body fits. */
const BODY_SIZES = [
  [14, 26, 18],
  [13.5, 24, 17],
  [13, 22, 16],
  [12.5, 20, 15],
  [12, 18, 14],
  [11.5, 17, 13],
  [11, 16, 12],
  [10.5, 15, 11],
  [10, 14, 10],
  [9, 12, 9],
] as const;

/** Largest size (stepping down by 0.5 pt) at which the text fits maxWidth in one line, or null. */
function fitOneLine(text: string, fonts: Fonts, style: Style, maxSize: number, minSize: number, maxWidth: number): number | null {
  const unit = textWidth(fonts, style, text, 1);
  for (let size = maxSize; size >= minSize; size -= 0.5) {
    if (unit * size <= maxWidth) return size;
  }
  return null;
}

/** A4 landscape certificate (one page), fonts embedded (DejaVu Sans + Bold, subset), QR code of verifyUrl. */
export async function renderCertificatePdf(data: CertificateData): Promise<Uint8Array> {
  const files = await loadFontFiles();
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  const fonts: Fonts = {
    // Subset fonts are named "TAG+PostScriptName" (ISO 32000-1, 9.6.4), so readers and
    // validators know the font is partial.
    regular: await doc.embedFont(files.regular, { subset: true, features: PLAIN_SHAPING, customName: "SUASRG+DejaVuSans" }),
    bold: await doc.embedFont(files.bold, { subset: true, features: PLAIN_SHAPING, customName: "SUASBD+DejaVuSans-Bold" }),
  };

  const eventTitle = clean(data.eventTitle);
  const organizer = clean(data.organizer);
  doc.setTitle(`Certificado — ${eventTitle}`, { showInWindowTitleBar: true });
  doc.setAuthor(organizer || "Apoia SUAS");
  doc.setSubject(`Certificado de participação de ${clean(data.personName)} — código ${clean(data.code)}`);
  doc.setKeywords(["certificado", "SUAS", clean(data.code)]);
  doc.setCreator("Apoia SUAS");
  doc.setProducer("Apoia SUAS");
  doc.setLanguage("pt-BR");

  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const center = PAGE_WIDTH / 2;

  // Frame: dark gov.br bar at the top, a blue rule under it, a thin dark bar at the bottom.
  page.drawRectangle({ x: 0, y: PAGE_HEIGHT - 14, width: PAGE_WIDTH, height: 14, color: BLUE_DARKEST });
  page.drawRectangle({ x: 0, y: PAGE_HEIGHT - 18, width: PAGE_WIDTH, height: 4, color: BLUE });
  page.drawRectangle({ x: 0, y: 0, width: PAGE_WIDTH, height: 6, color: BLUE_DARKEST });

  // Header: brand on the left.
  page.drawText("Apoia SUAS", { x: PAGE_MARGIN, y: PAGE_HEIGHT - 50, size: 15, font: fonts.bold, color: BLUE_DARKEST });
  page.drawText("Apoio técnico do Sistema Único de Assistência Social", {
    x: PAGE_MARGIN,
    y: PAGE_HEIGHT - 64,
    size: 8.5,
    font: fonts.regular,
    color: GRAY_60,
  });

  // Title.
  const title = "CERTIFICADO";
  const titleSize = 32;
  const titleY = PAGE_HEIGHT - 128;
  page.drawText(title, {
    x: center - textWidth(fonts, "bold", title, titleSize) / 2,
    y: titleY,
    size: titleSize,
    font: fonts.bold,
    color: BLUE_DARKEST,
  });
  page.drawRectangle({ x: center - 32, y: titleY - 16, width: 64, height: 3, color: BLUE });

  // Footer geometry (computed first: the body fills the space between title and footer).
  const footerBottom = 40;
  const footerTop = footerBottom + QR_SIZE; // 130
  const bodyTop = titleY - 40; // top of the area available to the statement
  const bodyBottom = footerTop + 46; // keeps clear of the issue date in the signature block

  // Body: "Certificamos que" / NAME / statement. Try the comfortable sizes first, then shrink.
  const personName = clean(data.personName);
  const introSize = 13;
  const available = bodyTop - bodyBottom;
  const layoutBody = (pieces: Piece[], textSize: number, maxName: number, minName: number) => {
    const nameSize = fitOneLine(personName, fonts, "bold", maxName, minName, CONTENT_WIDTH) ?? minName;
    const nameLines = wrapPieces([{ text: personName, bold: true }], fonts, nameSize, CONTENT_WIDTH);
    const textLines = wrapPieces(pieces, fonts, textSize, CONTENT_WIDTH);
    const height = introSize * 1.2 + 10 + nameLines.length * nameSize * 1.25 + 8 + textLines.length * textSize * 1.5;
    return { nameSize, nameLines, textSize, textLines, height };
  };
  const statement = certificateStatement(data);
  let layout = layoutBody(statement, 14, 26, 18);
  for (const [textSize, maxName, minName] of BODY_SIZES) {
    layout = layoutBody(statement, textSize, maxName, minName);
    if (layout.height <= available) break;
  }
  // Beyond any realistic input: shorten the event title rather than run into the footer.
  const titleWords = eventTitle.split(" ");
  const [smallest, nameMax, nameMin] = BODY_SIZES[BODY_SIZES.length - 1] as (typeof BODY_SIZES)[number];
  while (layout.height > available && titleWords.length > 1) {
    titleWords.splice(Math.max(1, Math.floor(titleWords.length * 0.9)));
    layout = layoutBody(statementPieces(data, `${titleWords.join(" ")}…`), smallest, nameMax, nameMin);
  }

  // Center the block vertically in its area, slightly above the middle.
  let cursor = bodyTop - Math.max(0, (available - layout.height) * 0.45);
  cursor -= introSize;
  const intro = "Certificamos que";
  page.drawText(intro, {
    x: center - textWidth(fonts, "regular", intro, introSize) / 2,
    y: cursor,
    size: introSize,
    font: fonts.regular,
    color: GRAY_70,
  });
  cursor -= introSize * 0.2 + 10 + layout.nameSize;
  drawLines(page, layout.nameLines, fonts, {
    size: layout.nameSize,
    firstBaseline: cursor,
    lineHeight: layout.nameSize * 1.25,
    color: BLUE_DARKEST,
    center,
  });
  cursor -= (layout.nameLines.length - 1) * layout.nameSize * 1.25 + layout.nameSize * 0.25 + 8 + layout.textSize * 1.1;
  drawLines(page, layout.textLines, fonts, {
    size: layout.textSize,
    firstBaseline: cursor,
    lineHeight: layout.textSize * 1.5,
    color: GRAY_90,
    boldColor: BLUE_DARKEST,
    center,
  });

  // Signature block on the right: issue date, a rule, responsible name and role.
  const sigWidth = 270;
  const sigCenter = PAGE_WIDTH - PAGE_MARGIN - sigWidth / 2;
  const issued = `Emitido em ${clean(data.issuedAt)}`;
  page.drawText(issued, {
    x: sigCenter - textWidth(fonts, "regular", issued, 10) / 2,
    y: footerTop + 20,
    size: 10,
    font: fonts.regular,
    color: GRAY_60,
  });
  page.drawLine({
    start: { x: sigCenter - 120, y: footerTop - 6 },
    end: { x: sigCenter + 120, y: footerTop - 6 },
    thickness: 0.75,
    color: GRAY_20,
  });
  const responsibleName = clean(data.responsibleName);
  const respSize = fitOneLine(responsibleName, fonts, "bold", 11.5, 8, sigWidth) ?? 8;
  const respLines = wrapPieces([{ text: responsibleName, bold: true }], fonts, respSize, sigWidth).slice(0, 2);
  let sigCursor = footerTop - 22;
  drawLines(page, respLines, fonts, { size: respSize, firstBaseline: sigCursor, lineHeight: respSize * 1.25, color: GRAY_90, center: sigCenter });
  sigCursor -= (respLines.length - 1) * respSize * 1.25 + 14;
  const role = clean(data.responsibleRole);
  if (role) {
    const roleSize = fitOneLine(role, fonts, "regular", 10, 8, sigWidth) ?? 8;
    const roleLines = wrapPieces([{ text: role, bold: false }], fonts, roleSize, sigWidth);
    const maxRoleLines = Math.max(1, Math.floor((sigCursor - footerBottom + roleSize) / (roleSize * 1.25)));
    drawLines(page, roleLines.slice(0, maxRoleLines), fonts, {
      size: roleSize,
      firstBaseline: sigCursor,
      lineHeight: roleSize * 1.25,
      color: GRAY_70,
      center: sigCenter,
    });
  }

  // Verification block on the left: QR code, the code and where to check it.
  drawQrCode(page, data.verifyUrl, PAGE_MARGIN, footerBottom, QR_SIZE);
  const textX = PAGE_MARGIN + QR_SIZE + 14;
  const verifyWidth = sigCenter - sigWidth / 2 - 24 - textX;
  page.drawRectangle({ x: textX - 7, y: footerBottom, width: 2, height: QR_SIZE, color: BLUE_LIGHT });
  const code = clean(data.code);
  const label = "Código de verificação: ";
  const labelSize = 10;
  const codeSize = fitOneLine(code, fonts, "bold", 13, 8, verifyWidth - textWidth(fonts, "regular", label, labelSize)) ?? 8;
  let vCursor = footerBottom + QR_SIZE - 16;
  page.drawText(label, { x: textX, y: vCursor, size: labelSize, font: fonts.regular, color: GRAY_70 });
  page.drawText(code, {
    x: textX + textWidth(fonts, "regular", label, labelSize),
    y: vCursor,
    size: codeSize,
    font: fonts.bold,
    color: BLUE_DARKEST,
  });
  vCursor -= 20;
  for (const line of verifyLines(clean(data.verifyUrl), fonts, verifyWidth)) {
    page.drawText(line.text, { x: textX, y: vCursor, size: line.size, font: fonts.regular, color: BLUE });
    vCursor -= line.size * 1.35;
  }
  vCursor -= 6;
  const note = "ou aponte a câmera para o código QR.";
  if (vCursor >= footerBottom) page.drawText(note, { x: textX, y: vCursor, size: 8, font: fonts.regular, color: GRAY_60 });

  // A single small page: write it in one go instead of yielding to the event loop every 50 objects.
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}
