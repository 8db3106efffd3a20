import { describe, expect, it } from "vitest";

import { SLUG_RE, slugify, uniqueSlug } from "./slug";

describe("slugify", () => {
  it("turns a Portuguese title into lower-case ASCII words separated by dashes", () => {
    expect(slugify("Seminário Estadual de Vigilância Socioassistencial")).toBe("seminario-estadual-de-vigilancia-socioassistencial");
  });

  it("removes accents and the cedilla", () => {
    expect(slugify("Ação, Atenção e Proteção Básica")).toBe("acao-atencao-e-protecao-basica");
  });

  it("collapses punctuation and spaces and trims the ends", () => {
    expect(slugify("  Oficina: CRAS & CREAS — 2026!!  ")).toBe("oficina-cras-creas-2026");
  });

  it("cuts a long title at 80 characters", () => {
    const title = "Encontro Nacional de Gestores e Trabalhadores do Sistema Único de Assistência Social em Brasília";
    expect(slugify(title)).toBe("encontro-nacional-de-gestores-e-trabalhadores-do-sistema-unico-de-assistencia-so");
  });

  it("drops the dash left at the end when the 80th character is a word break", () => {
    // 6 × "capacitacao-" (72) + "oficina" (7) = 79 characters; the 80th is the dash before "vigilancia"
    const slug = slugify(`${"Capacitação ".repeat(6)}Oficina Vigilância`);
    expect(slug).toBe(`${"capacitacao-".repeat(6)}oficina`);
    expect(slug).toHaveLength(79);
  });

  it("cuts a title of one very long word at exactly 80 characters", () => {
    expect(slugify("a".repeat(120))).toBe("a".repeat(80));
  });

  it.each(["", "   ", "!!!", "— ¿? —"])("falls back to 'evento' when the title %j has no letters or digits", (title) => {
    expect(slugify(title)).toBe("evento");
  });

  it("always produces a slug that matches SLUG_RE", () => {
    for (const title of ["Olá, mundo", "--x--", "2026", "São João  —  Festa", "a".repeat(200)]) {
      expect(slugify(title)).toMatch(SLUG_RE);
    }
  });
});

describe("uniqueSlug", () => {
  const takenFrom = (taken: string[]) => {
    const asked: string[] = [];
    const isTaken = async (slug: string) => {
      asked.push(slug);
      return taken.includes(slug);
    };
    return { isTaken, asked };
  };

  it("uses the plain slug when it is free", async () => {
    const { isTaken, asked } = takenFrom([]);
    expect(await uniqueSlug("Oficina de PAIF", isTaken)).toBe("oficina-de-paif");
    expect(asked).toEqual(["oficina-de-paif"]);
  });

  it("adds -2 when the plain slug is taken", async () => {
    const { isTaken } = takenFrom(["oficina-de-paif"]);
    expect(await uniqueSlug("Oficina de PAIF", isTaken)).toBe("oficina-de-paif-2");
  });

  it("tries -2, -3… in order and takes the first free one", async () => {
    const { isTaken, asked } = takenFrom(["oficina-de-paif", "oficina-de-paif-2", "oficina-de-paif-3"]);
    expect(await uniqueSlug("Oficina de PAIF", isTaken)).toBe("oficina-de-paif-4");
    expect(asked).toEqual(["oficina-de-paif", "oficina-de-paif-2", "oficina-de-paif-3", "oficina-de-paif-4"]);
  });

  it("gives up with an error when no candidate is free", async () => {
    await expect(uniqueSlug("Oficina", async () => true)).rejects.toThrow("não foi possível gerar um endereço único para o evento");
  });
});
