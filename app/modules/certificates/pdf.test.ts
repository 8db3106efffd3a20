import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import jsQR from "jsqr";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PAGE_MARGIN, renderCertificatePdf, type CertificateData } from "./pdf.server";

// Every accented capital and small letter Portuguese uses.
const ACCENTED_NAME = "Maria da Conceição Ãvila Ürü Gonçalves ÇÃÕÂÊÔÁÉÍÓÚÀÜ çãõâêôáéíóúàü";

const base: CertificateData = {
  code: "K7QX-M2PA-9HTD",
  verifyUrl: "https://apoiasuas.example.gov.br/certificados/verificar/K7QX-M2PA-9HTD",
  personName: ACCENTED_NAME,
  cpfMasked: "***.982.247-**",
  eventTitle: "Vigilância Socioassistencial na Proteção Social Básica",
  eventType: "Oficina",
  dates: "3 a 5 de dezembro de 2026",
  place: "Feira de Santana (BA)",
  hoursText: "8 horas",
  hoursMode: "INTEGRAL",
  organizer: "Bahia (governo estadual)",
  responsibleName: "João Carlos Ribeiro dos Santos",
  responsibleRole: "Superintendente de Assistência Social",
  issuedAt: "10/12/2026",
};

let dir: string;
let fileCount = 0;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "apoia-certificate-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function renderToFile(data: CertificateData): Promise<{ file: string; bytes: Uint8Array }> {
  const bytes = await renderCertificatePdf(data);
  const file = path.join(dir, `certificate-${++fileCount}.pdf`);
  writeFileSync(file, bytes);
  return { file, bytes };
}

/** Text as laid out on the page (`pdftotext -layout`). */
function layoutText(file: string): string {
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

/** The same text with all whitespace (line breaks included) collapsed, for phrases that may wrap. */
function flatText(file: string): string {
  return layoutText(file).replace(/\s+/g, " ");
}

type WordBox = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

const decodeEntities = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Page size and word boxes from `pdftotext -bbox` (origin at the top left, in points). */
function wordBoxes(file: string): { width: number; height: number; words: WordBox[] } {
  const html = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html);
  if (!page) throw new Error("pdftotext -bbox printed no page");
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    (m) => ({ text: decodeEntities(m[5] ?? ""), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) }),
  );
  return { width: Number(page[1]), height: Number(page[2]), words };
}

/** Asserts every word lies within the horizontal margins and on the page, and no two words overlap. */
function expectWordsInsideAndApart(file: string) {
  const { width, height, words } = wordBoxes(file);
  expect(words.length).toBeGreaterThan(20);
  for (const word of words) {
    expect(word.xMin, `"${word.text}" starts left of the margin`).toBeGreaterThanOrEqual(PAGE_MARGIN - 0.5);
    expect(word.xMax, `"${word.text}" runs past the right margin`).toBeLessThanOrEqual(width - PAGE_MARGIN + 0.5);
    expect(word.yMin).toBeGreaterThanOrEqual(0);
    expect(word.yMax).toBeLessThanOrEqual(height);
  }
  const overlaps: string[] = [];
  words.forEach((a, i) => {
    for (const b of words.slice(i + 1)) {
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > 0.5 && y > 0.5) overlaps.push(`"${a.text}" × "${b.text}"`);
    }
  });
  expect(overlaps).toEqual([]);
  return words;
}

/** Words of a phrase as pdftotext separates them, without the quotes and punctuation around them. */
const bareWords = (text: string) => text.split(/\s+/).map((w) => w.replace(/^[“"(]+|[”",.;:)]+$/g, "")).filter(Boolean);

describe("certificate PDF", () => {
  it("prints the accented name, event, hours, CPF, code, organizer and responsible as extractable text", async () => {
    const { file } = await renderToFile(base);
    const text = layoutText(file);
    const flat = flatText(file);

    expect(text).toContain("CERTIFICADO");
    expect(flat).toContain(ACCENTED_NAME);
    expect(flat).toContain("“Vigilância Socioassistencial na Proteção Social Básica”");
    expect(flat).toContain("CPF ***.982.247-**, participou da oficina");
    expect(flat).toContain("3 a 5 de dezembro de 2026");
    expect(flat).toContain("em Feira de Santana (BA)");
    expect(flat).toContain("promovida por Bahia (governo estadual)");
    expect(flat).toContain("com carga horária de 8 horas (carga horária integral do evento).");
    expect(flat).not.toContain("horas de presença registradas");
    expect(flat).toContain("Código de verificação: K7QX-M2PA-9HTD");
    expect(flat).toContain("https://apoiasuas.example.gov.br/certificados/verificar/K7QX-M2PA-9HTD");
    expect(flat).toContain("João Carlos Ribeiro dos Santos");
    expect(flat).toContain("Superintendente de Assistência Social");
    expect(flat).toContain("Emitido em 10/12/2026");
  });

  it("encodes the verification URL in a QR code that decodes from a 150 dpi render", async () => {
    const { file } = await renderToFile(base);
    const prefix = path.join(dir, "qr-page");
    execFileSync("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", file, prefix]);
    const png = PNG.sync.read(readFileSync(`${prefix}.png`));
    const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
    expect(decoded?.data).toBe(base.verifyUrl);
  });

  it("is exactly one A4 landscape page", async () => {
    const { bytes } = await renderToFile(base);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(Math.abs(width - 842)).toBeLessThanOrEqual(1);
    expect(Math.abs(height - 595)).toBeLessThanOrEqual(1);
  });

  it("embeds DejaVu Sans and DejaVu Sans Bold as named subsets with Unicode maps", async () => {
    const { file } = await renderToFile(base);
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .filter(Boolean)
      .map((line) => line.split(/\s+/));
    expect(fonts.map((f) => f[0]).sort()).toEqual(["SUASBD+DejaVuSans-Bold", "SUASRG+DejaVuSans"]);
    // columns: name, type (2 words), encoding, emb, sub, uni, object, generation
    for (const font of fonts) expect(font.slice(4, 7)).toEqual(["yes", "yes", "yes"]);
  });

  it("sets the title, author, producer and pt-BR language of the document", async () => {
    const { bytes } = await renderToFile(base);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe("Certificado — Vigilância Socioassistencial na Proteção Social Básica");
    expect(doc.getAuthor()).toBe("Bahia (governo estadual)");
    expect(doc.getProducer()).toBe("Apoia SUAS");
    const lang = doc.catalog.lookup(PDFName.of("Lang"));
    expect(lang instanceof PDFString ? lang.decodeText() : String(lang)).toBe("pt-BR");
  });

  it("keeps a 200-character title and a 120-character name inside the margins, every word present and none overlapping", async () => {
    const personName =
      "Maria Aparecida Conceição Ãvila Ürü Gonçalves de Albuquerque Cavalcanti Wanderley Figueiredo Bittencourt Guimarães Souza";
    const eventTitle =
      "Encontro Estadual de Gestores e Trabalhadores do Sistema Único de Assistência Social sobre Vigilância Socioassistencial, Proteção Social Básica e Especial e Integração entre Serviços e Benefícios Hoje";
    expect(personName).toHaveLength(120);
    expect(eventTitle).toHaveLength(200);

    const { file } = await renderToFile({ ...base, personName, eventTitle, responsibleRole: "Coordenadora de Gestão do SUAS e Vigilância Socioassistencial da Secretaria Estadual" });
    const words = expectWordsInsideAndApart(file);
    const printed = new Set(words.flatMap((w) => bareWords(w.text)));
    for (const word of [...bareWords(personName), ...bareWords(eventTitle)]) expect(printed, word).toContain(word);
    expect(flatText(file)).not.toContain("…");
  });

  it("keeps the default certificate inside the margins with no overlapping words", async () => {
    const { file } = await renderToFile(base);
    expectWordsInsideAndApart(file);
  });

  it("shortens an absurdly long title rather than running into the signature and QR code", async () => {
    const eventTitle = Array.from({ length: 400 }, (_, i) => `Tema${i}`).join(" ");
    const { file } = await renderToFile({ ...base, eventTitle });
    expectWordsInsideAndApart(file);
    const flat = flatText(file);
    expect(flat).toContain("“Tema0 Tema1");
    expect(flat).toContain("…”");
    expect(flat).toContain("Código de verificação: K7QX-M2PA-9HTD");
  });

  it("breaks a word longer than a line instead of letting it overflow", async () => {
    const { file } = await renderToFile({ ...base, eventTitle: "X".repeat(150), verifyUrl: `https://apoiasuas.example.gov.br/v/${"a".repeat(120)}` });
    expectWordsInsideAndApart(file);
  });

  it("omits the CPF clause when the CPF is not given", async () => {
    const { file } = await renderToFile({ ...base, cpfMasked: null });
    const flat = flatText(file);
    expect(flat).not.toContain("CPF");
    expect(flat).toContain(`${ACCENTED_NAME} participou da oficina “Vigilância`);
  });

  it("states the attended hours when the mode is PRESENCA", async () => {
    const { file } = await renderToFile({ ...base, hoursMode: "PRESENCA", hoursText: "6 horas e 30 minutos" });
    const flat = flatText(file);
    expect(flat).toContain("com carga horária de 6 horas e 30 minutos (horas de presença registradas).");
    expect(flat).not.toContain("carga horária integral do evento");
  });

  it("agrees article and participles with the event type and reads Online as the online modality", async () => {
    const encontro = flatText((await renderToFile({ ...base, eventType: "Encontro", place: "Online", dates: "3 de dezembro de 2026" })).file);
    expect(encontro).toContain("participou do encontro “");
    expect(encontro).toContain("realizado em 3 de dezembro de 2026, na modalidade online, promovido por Bahia");

    const live = flatText((await renderToFile({ ...base, eventType: "Transmissão ao vivo", place: "Salvador (BA) e online" })).file);
    expect(live).toContain("participou da transmissão ao vivo “");
    expect(live).toContain("realizada de 3 a 5 de dezembro de 2026, em Salvador (BA) e na modalidade online, promovida por");
  });

  it("keeps every letter extractable when one process renders certificates with different letters", async () => {
    // The parsed font is shared between documents; "ü" is built from "u", and must not leave "u" unmapped later.
    await renderToFile({ ...base, personName: "Ürü Ümü", eventTitle: "Ü", responsibleName: "Ü", organizer: "Ü" });
    const { file } = await renderToFile({ ...base, personName: "Luiz Eduardo Sousa", eventTitle: "Política estadual", responsibleName: "Lucas" });
    const flat = flatText(file);
    expect(flat).toContain("Luiz Eduardo Sousa");
    expect(flat).toContain("“Política estadual”");
  });

  it("stays small: under 60 KB each, whatever the name", async () => {
    const { bytes } = await renderToFile(base);
    expect(bytes.byteLength).toBeLessThan(60 * 1024);
    let largest = 0;
    for (let i = 0; i < 20; i++) {
      const pdf = await renderCertificatePdf({ ...base, code: `K7QX-M2PA-${String(i).padStart(4, "0")}`, personName: `${ACCENTED_NAME} ${i}` });
      largest = Math.max(largest, pdf.byteLength);
    }
    expect(largest).toBeLessThan(60 * 1024);
  });
});
