import { describe, expect, it } from "vitest";
import { z } from "zod";

import { paragraph } from "./blocks";
import { assertNoLeaks, defineTemplate, EmailTemplateError, subjectLine } from "./define";

const probe = (leak: { subject?: string; body?: string; reason?: string }) =>
  defineTemplate("probe", z.object({ name: z.string() }), ({ name }) => ({
    subject: leak.subject ?? `Assunto para ${name}`,
    preheader: "Prévia",
    headline: "Título",
    blocks: [paragraph(leak.body ?? `Olá, ${name},`)],
    reason: leak.reason ?? "Você recebe esta mensagem porque é um teste.",
  }));

describe("defineTemplate", () => {
  it("renders subject, HTML and text from one content", () => {
    const email = probe({})({ name: "Conceição" });
    expect(email.subject).toBe("Assunto para Conceição");
    expect(email.html).toContain("<p style=");
    expect(email.html).toContain("Olá, Conceição,");
    expect(email.text).toContain("Título\n======\n\nOlá, Conceição,\n");
  });

  it.each(["undefined", "null", "NaN", "[object Object]"])("refuses to return a message whose text shows %s", (word) => {
    expect(() => probe({ subject: `Inscrição: ${word}` })({ name: "Ana" })).toThrow(/no assunto: falta um valor/);
    expect(() => probe({ body: `Olá, ${word},` })({ name: "Ana" })).toThrow(EmailTemplateError);
    expect(() => probe({ reason: `porque ${word}` })({ name: "Ana" })).toThrow(EmailTemplateError);
  });

  it("catches a value interpolated without being filled in", () => {
    const props = {} as { missing?: { deep?: string } };
    expect(() => probe({ body: `Olá, ${props.missing?.deep},` })({ name: "Ana" })).toThrow(/"undefined"/);
    expect(() => probe({ body: `Vagas: ${Number("x")}` })({ name: "Ana" })).toThrow(/"NaN"/);
    expect(() => probe({ body: `Evento: ${String({})}` })({ name: "Ana" })).toThrow(/\[object Object\]/);
  });

  it("names the template and the invalid prop when the props do not validate", () => {
    expect(() => probe({})({} as never)).toThrow(/Modelo de e-mail "probe": dados inválidos[\s\S]*name/);
  });

  it("refuses a subject that is empty once cleaned", () => {
    expect(() => probe({ subject: "\r\n" })({ name: "Ana" })).toThrow(/assunto vazio/);
  });
});

describe("assertNoLeaks", () => {
  it("looks at the HTML and the text parts too", () => {
    expect(() => assertNoLeaks("x", { subject: "ok", html: "<p>null</p>", text: "ok" })).toThrow(/no HTML/);
    expect(() => assertNoLeaks("x", { subject: "ok", html: "<p>ok</p>", text: "undefined" })).toThrow(/no texto/);
    expect(assertNoLeaks("x", { subject: "ok", html: "<p>ok</p>", text: "ok" }).subject).toBe("ok");
  });
});

describe("subjectLine", () => {
  it("turns line breaks and control characters into single spaces", () => {
    expect(subjectLine("Inscrição confirmada: Oficina\r\nBcc: x@y")).toBe("Inscrição confirmada: Oficina Bcc: x@y");
    expect(subjectLine("a\rb\nc\td\u0000e\u0085f\u2028g\u2029h")).toBe("a b c d e f g h");
  });

  it("collapses runs of spaces and trims the ends", () => {
    expect(subjectLine("  Evento   cancelado:\n\n  Seminário  ")).toBe("Evento cancelado: Seminário");
  });

  it("keeps accents and typographic characters", () => {
    expect(subjectLine("Começa em 1 hora: Oficina — Conceição “SUAS”")).toBe("Começa em 1 hora: Oficina — Conceição “SUAS”");
  });
});

describe("the missing-value guard and random tokens", () => {
  it("does not mistake a link whose random token contains NaN or null for a missing value", () => {
    const email = { subject: "Convite", html: '<a href="https://x.gov.br/convites/abcNaNdef.nullXY-NaN_q">x</a>', text: "https://x.gov.br/convites/abcNaNdef.nullXY-NaN_q" };
    expect(assertNoLeaks("convite", email)).toBe(email);
  });

  it("still catches NaN and null standing as words", () => {
    expect(() => assertNoLeaks("convite", { subject: "x", html: "<p>NaN vagas</p>", text: "x" })).toThrow(/NaN/);
    expect(() => assertNoLeaks("convite", { subject: "x", html: "<p>x</p>", text: "Olá, null" })).toThrow(/null/);
  });
});
