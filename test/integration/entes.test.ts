import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { getEnte, resolveEnte, searchEntes } from "~/modules/entes/entes.server";

describe("the seeded federation", () => {
  it("has exactly one Union, 27 UFs and 5,571 municipalities", async () => {
    const byKind = await db.ente.groupBy({ by: ["kind"], _count: { _all: true } });
    const counts = Object.fromEntries(byKind.map((r) => [r.kind, r._count._all]));
    expect(counts).toEqual({ UNIAO: 1, UF: 27, MUNICIPIO: 5571 });
  });

  it("classifies the municipalities by porte, with only Boa Esperança do Norte (no Censo population) left without one", async () => {
    const byPorte = await db.ente.groupBy({ by: ["porte"], where: { kind: "MUNICIPIO" }, _count: { _all: true } });
    const counts = Object.fromEntries(byPorte.map((r) => [r.porte ?? "none", r._count._all]));
    expect(counts).toEqual({ PP1: 3861, PP2: 1053, MEDIO: 337, GRANDE: 303, METROPOLE: 16, none: 1 });
    const withoutPorte = await db.ente.findMany({ where: { kind: "MUNICIPIO", porte: null }, select: { id: true, name: true } });
    expect(withoutPorte).toEqual([{ id: "5101837", name: "Boa Esperança do Norte" }]);
  });

  it("places Bahia in the Nordeste region with 417 municipalities under it", async () => {
    const bahia = await db.ente.findUniqueOrThrow({ where: { id: "29" } });
    expect(bahia).toMatchObject({ kind: "UF", name: "Bahia", uf: "BA", region: "Nordeste", parentId: "BR" });
    expect(await db.ente.count({ where: { kind: "MUNICIPIO", uf: "BA" } })).toBe(417);
    expect(await db.ente.count({ where: { parentId: "29" } })).toBe(417);
  });

  it.each([
    ["1302603", "Manaus", "America/Porto_Velho"],
    ["1200401", "Rio Branco", "America/Rio_Branco"],
    ["2605459", "Fernando de Noronha", "America/Noronha"],
    ["2927408", "Salvador", "America/Sao_Paulo"],
  ])("gives %s (%s) the time zone %s", async (id, name, timeZone) => {
    expect(await getEnte(id)).toMatchObject({ name, timeZone });
  });
});

describe("searchEntes", () => {
  it("finds São Paulo without accents, the municipality (exact name) before the state and the longer names", async () => {
    const results = await searchEntes({ q: "sao paulo" });
    expect(results[0]).toMatchObject({ id: "3550308", kind: "MUNICIPIO", label: "São Paulo (SP)" });
    expect(results.map((e) => e.id)).toContain("35");
    expect(results.findIndex((e) => e.id === "35")).toBeLessThan(results.findIndex((e) => e.name === "São Paulo das Missões"));
  });

  it("finds entes by the beginning of their IBGE code", async () => {
    const results = await searchEntes({ q: "292740", limit: 50 });
    expect(results.map((e) => e.id)).toContain("2927408");
    expect(results.every((e) => e.id.startsWith("292740"))).toBe(true);
  });

  it("restricts the results to the kinds and the UF asked for", async () => {
    const results = await searchEntes({ q: "bom jesus", kinds: ["MUNICIPIO"], uf: "PI", limit: 50 });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((e) => e.kind === "MUNICIPIO" && e.uf === "PI")).toBe(true);
    expect(results[0]).toMatchObject({ id: "2201903", name: "Bom Jesus" });
  });

  it("returns nothing for a query without letters or digits", async () => {
    expect(await searchEntes({ q: " -- " })).toEqual([]);
  });
});

describe("resolveEnte", () => {
  it("refuses the ambiguous “Bom Jesus”, asking for the UF and suggesting every municipality of that name", async () => {
    const r = await resolveEnte({ text: "Bom Jesus" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^Há 5 entes com esse nome\. Escreva também a UF/);
    expect(r.suggestions.map((e) => e.uf).sort()).toEqual(["PB", "PI", "RN", "RS", "SC"]);
    expect(r.suggestions.every((e) => e.name === "Bom Jesus")).toBe(true);
  });

  it("resolves “Bom Jesus (PI)” to the municipality of Piauí", async () => {
    const r = await resolveEnte({ text: "Bom Jesus (PI)" });
    expect(r).toMatchObject({ ok: true, ente: { id: "2201903", uf: "PI" } });
  });

  it.each(["2927408", "2927408 Salvador (BA)"])("resolves %j to Salvador by its IBGE code", async (text) => {
    const r = await resolveEnte({ text });
    expect(r).toMatchObject({ ok: true, ente: { id: "2927408", name: "Salvador", kind: "MUNICIPIO" } });
  });

  it("resolves “Bahia” to the state, not to Itaguaçu da Bahia", async () => {
    const r = await resolveEnte({ text: "Bahia" });
    expect(r).toMatchObject({ ok: true, ente: { id: "29", kind: "UF" } });
  });

  it("does not take a lone partial match for an answer: “Bahia” in a municipality field asks instead", async () => {
    const r = await resolveEnte({ text: "Bahia" }, { kinds: ["MUNICIPIO"] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe("Não encontramos exatamente “Bahia”. Você quis dizer um destes?");
      expect(r.suggestions.map((e) => e.name)).toContain("Itaguaçu da Bahia");
    }
  });

  it("prefers the picker's hidden id over the typed text", async () => {
    const r = await resolveEnte({ id: "2611606", text: "Salvador" });
    expect(r).toMatchObject({ ok: true, ente: { id: "2611606", name: "Recife" } });
  });

  it("answers unknown text with a Portuguese message and no suggestions", async () => {
    const r = await resolveEnte({ text: "Cidade Que Não Existe" });
    expect(r).toEqual({
      ok: false,
      message: "Não encontramos “Cidade Que Não Existe”. Digite o nome do município ou estado, ou o código IBGE.",
      suggestions: [],
    });
  });

  it("asks to choose when nothing was typed", async () => {
    expect(await resolveEnte({ text: "  " }, { what: "o município do local" })).toEqual({
      ok: false,
      message: "Escolha o município do local.",
      suggestions: [],
    });
  });

  it("refuses a state where only municipalities are allowed, by code and by name", async () => {
    const byCode = await resolveEnte({ text: "29" }, { kinds: ["MUNICIPIO"] });
    expect(byCode).toEqual({ ok: false, message: "Nenhum ente permitido aqui tem o código IBGE 29.", suggestions: [] });
    const byName = await resolveEnte({ text: "Pernambuco" }, { kinds: ["MUNICIPIO"] });
    expect(byName).toEqual({
      ok: false,
      message: "Não encontramos “Pernambuco”. Digite o nome do município ou estado, ou o código IBGE.",
      suggestions: [],
    });
  });

  it("resolves only states when only states are allowed", async () => {
    expect(await resolveEnte({ text: "Bahia" }, { kinds: ["UF"] })).toMatchObject({ ok: true, ente: { id: "29" } });
    const salvador = await resolveEnte({ text: "Salvador" }, { kinds: ["UF"] });
    expect(salvador.ok).toBe(false);
  });

  it("ignores a hidden id outside the allowed UF and falls back to the typed text", async () => {
    const r = await resolveEnte({ id: "2611606", text: "Salvador" }, { uf: "BA" });
    expect(r).toMatchObject({ ok: true, ente: { id: "2927408" } });
  });

  it("does not resolve a municipality of another UF when the UF is restricted", async () => {
    const r = await resolveEnte({ text: "2611606 Recife (PE)" }, { uf: "BA" });
    expect(r).toEqual({ ok: false, message: "Nenhum ente permitido aqui tem o código IBGE 2611606.", suggestions: [] });
    const byName = await resolveEnte({ text: "Recife" }, { uf: "BA" });
    expect(byName).toMatchObject({ ok: false, suggestions: [] });
  });
});
