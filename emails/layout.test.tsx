import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { action, type Block, BlockView, blockText, details, eventCard, list, note, paragraph, quote, sessionList, textLink } from "./blocks";
import { AUTOMATIC_NOTICE, type MessageContent, PLATFORM, renderHtml, renderText } from "./layout";
import { ACRE_EVENT, HTML_TAG } from "./test-fixtures";

const content: MessageContent = {
  subject: "Inscrição confirmada: Oficina",
  preheader: "Sua vaga está garantida.",
  headline: "Inscrição confirmada",
  blocks: [paragraph("Olá, Conceição,")],
  reason: "Você recebe esta mensagem porque se inscreveu em “Oficina” no Apoia SUAS.",
};

describe("the layout", () => {
  const html = renderHtml(content);

  it("is an HTML5 document in Brazilian Portuguese, UTF-8, titled with the subject", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain('<meta charSet="utf-8"/>');
    expect(html).toContain("<title>Inscrição confirmada: Oficina</title>");
  });

  it("shows the platform header on gov.br blue", () => {
    expect(PLATFORM).toBe("Apoia SUAS — Apoio técnico do SUAS");
    expect(html).toMatch(/background-color:#071D41[^>]*><p[^>]*>Apoia SUAS — Apoio técnico do SUAS<\/p>/);
    expect(html).toContain("background-color:#1351B4");
  });

  it("has a footer with the reason and the automatic-message notice", () => {
    expect(AUTOMATIC_NOTICE).toBe("Mensagem automática do Apoia SUAS; não responda a este e-mail.");
    const footer = html.slice(html.indexOf("background-color:#F0F0F0"));
    expect(footer).toContain(content.reason);
    expect(footer).toContain(AUTOMATIC_NOTICE);
  });

  it("hides the preheader right at the start of the body", () => {
    expect(html).toMatch(/<body[^>]*><div style="display:none;[^"]*mso-hide:all">Sua vaga está garantida\./);
  });

  it("lays out with presentation tables and inline styles only", () => {
    expect(html).toContain('<table role="presentation" width="100%" cellPadding="0" cellSpacing="0" border="0"');
    expect(html).not.toMatch(/<style|<script|<link|class=/);
    const tables = html.match(/<table /g) ?? [];
    expect((html.match(/<table role="presentation"/g) ?? []).length).toBe(tables.length);
  });

  it("escapes every value it is given, the title included", () => {
    const hostile = renderHtml({ ...content, subject: "</title><script>x</script>", preheader: "<b>", headline: "<h1>", reason: "<i>" });
    expect(hostile).not.toMatch(/<script|<b>|<i>|<h1><h1>/);
    expect(hostile).toContain("<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>");
  });

  it("reads as plain text with the same header, headline and footer", () => {
    expect(renderText(content)).toBe(
      [
        "Apoia SUAS — Apoio técnico do SUAS",
        "",
        "Inscrição confirmada",
        "====================",
        "",
        "Olá, Conceição,",
        "",
        "-- ",
        content.reason,
        AUTOMATIC_NOTICE,
        "",
      ].join("\n"),
    );
  });
});

describe("the blocks", () => {
  const all: Block[] = [
    paragraph("Parágrafo."),
    note("O convite para a sua agenda segue anexo."),
    list(["Primeira mudança", "Segunda mudança"]),
    quote("Motivo:", "Linha 1\nLinha 2"),
    action("Entrar na sala", "https://sala.example/1", { showUrl: true }),
    textLink("Não vai participar?", "Recusar o convite", "https://convite.example/recusar"),
    details([{ label: "Quando", value: "amanhã" }]),
    sessionList("Sessões canceladas", ACRE_EVENT.sessions, ACRE_EVENT.zoneLabel),
    eventCard(ACRE_EVENT),
  ];

  it("read as plain text without tags, with every address written out", () => {
    const text = all.map(blockText).join("\n\n");
    expect(text).not.toMatch(HTML_TAG);
    expect(text).toContain("- Primeira mudança\n- Segunda mudança");
    expect(text).toContain("Motivo:\n  Linha 1\n  Linha 2");
    expect(text).toContain("Entrar na sala: https://sala.example/1");
    expect(text).toContain("Não vai participar? Recusar o convite: https://convite.example/recusar");
    expect(text).toContain("Quando: amanhã");
    expect(text).toContain(`Ver a página do evento: ${ACRE_EVENT.url}`);
    for (const s of ACRE_EVENT.sessions) expect(text).toContain(`- ${s.title}: ${s.range}`);
  });

  it("draw every kind in HTML", () => {
    const html = renderToStaticMarkup(
      <>
        {all.map((block, i) => (
          <BlockView key={i} block={block} />
        ))}
      </>,
    );
    expect(html).toContain(">Parágrafo.</p>");
    expect(html).toContain("border-left:4px solid #1351B4");
    expect(html).toContain("<li style=\"margin:0 0 8px\">Primeira mudança</li>");
    expect(html).toContain("Linha 1</span><span><br/>Linha 2");
    expect(html).toContain('<a href="https://sala.example/1" style="display:inline-block');
    expect(html).toContain('Não vai participar? <a href="https://convite.example/recusar" style="color:#1351B4;text-decoration:underline">Recusar o convite</a></p>');
    expect(html).toContain("Se o botão não funcionar, copie e cole este endereço no navegador: <a");
    expect(html).toContain(`<a href="${ACRE_EVENT.url}"`);
    expect(html).toContain("Horários: horário do Acre (UTC−5).");
  });
});

describe("the template sources", () => {
  it("never inject raw HTML", () => {
    const dir = import.meta.dirname;
    const sources = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) expect(readFileSync(path.join(dir, file), "utf8"), file).not.toContain("dangerouslySetInnerHTML");
  });
});
