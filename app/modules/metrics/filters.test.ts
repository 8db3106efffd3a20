import { describe, expect, it } from "vitest";

import { defaultFilters, filtersToSearch, monthList, monthOf, parseMetricsFilters, parseMunicipioSort, parsePriorityOptions, periodLabel, periodRange, priorityOptionsToSearch, sortMunicipios } from "./filters";

const NOW = new Date("2026-11-25T15:00:00Z");
const parse = (query: string) => parseMetricsFilters(new URLSearchParams(query), NOW);

describe("metrics filters", () => {
  it("defaults to the last twelve months, this one included", () => {
    expect(parse("")).toEqual({ ok: true, filters: { from: "2025-12", to: "2026-11" } });
    expect(defaultFilters(NOW)).toEqual({ from: "2025-12", to: "2026-11" });
  });

  it("reads the period and every filter from the URL, in the catalog's lower-case values", () => {
    expect(parse("de=2025-01&ate=2025-06&tipo=visita-tecnica&formato=hibrido&abrangencia=estadual&organizador=uf&regiao=centro-oeste")).toEqual({
      ok: true,
      filters: { from: "2025-01", to: "2025-06", type: "VISITA_TECNICA", format: "HIBRIDO", scope: "ESTADUAL", organizer: "UF", region: "Centro-Oeste" },
    });
    expect(parse("tipo=OFICINA&regiao=Nordeste")).toMatchObject({ ok: true, filters: { type: "OFICINA", region: "Nordeste" } });
  });

  it("refuses a reversed period with a message in Portuguese", () => {
    expect(parse("de=2026-05&ate=2026-01")).toEqual({ ok: false, message: "O período está invertido: o início vem depois do fim." });
  });

  it.each([
    ["de=2026-13", "Início do período inválido: use mês e ano (aaaa-mm)."],
    ["ate=26-01", "Fim do período inválido: use mês e ano (aaaa-mm)."],
    ["de=1990-01&ate=2026-01", "O período pode ter no máximo 10 anos."],
    ["de=1999-01&ate=1999-12", "O período começa antes de 2000: confira o ano."],
    ["de=2099-01&ate=2099-02", "O período termina mais de 5 anos no futuro: confira o ano."],
    ["tipo=PALESTRA", "Tipo de evento desconhecido."],
    ["organizador=municipio", "Organizador desconhecido: use uniao ou uf."],
    ["regiao=Atlantida", "Região desconhecida."],
  ])("refuses %s with a clear message", (query, message) => {
    expect(parse(query)).toEqual({ ok: false, message });
  });

  it("completes a period given by one end only", () => {
    expect(parse("de=2026-03")).toEqual({ ok: true, filters: { from: "2026-03", to: "2026-11" } });
    expect(parse("ate=2024-06")).toEqual({ ok: true, filters: { from: "2023-07", to: "2024-06" } });
  });

  it("counts months in Brasília time: 23:30 on the last day of a month belongs to that month", () => {
    expect(monthOf(new Date("2026-02-01T02:30:00Z"))).toBe("2026-01");
    expect(periodRange({ from: "2026-01", to: "2026-01" })).toEqual({ start: new Date("2026-01-01T03:00:00Z"), end: new Date("2026-02-01T03:00:00Z") });
  });

  it("lists the months of a period across a year's end", () => {
    expect(monthList({ from: "2025-11", to: "2026-02" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("writes the filters back to the URL and labels the period in Portuguese", () => {
    expect(filtersToSearch({ from: "2026-01", to: "2026-06", type: "VISITA_TECNICA", region: "Centro-Oeste" }).toString()).toBe(
      "de=2026-01&ate=2026-06&tipo=visita-tecnica&regiao=centro-oeste",
    );
    expect(periodLabel({ from: "2026-01", to: "2026-06" })).toBe("jan/2026 a jun/2026");
  });
});

describe("priority list options", () => {
  const parseP = (query: string) => parsePriorityOptions(new URLSearchParams(query));

  it("defaults to twelve months sorted by porte", () => {
    expect(parseP("")).toEqual({ ok: true, options: { months: 12, sort: "porte" } });
  });

  it("reads every option and writes them back to the URL", () => {
    const parsed = parseP("uf=ba&meses=6&minHoras=8&regiao=nordeste&porte=pp1&ordem=ultima");
    expect(parsed).toEqual({ ok: true, options: { uf: "BA", months: 6, minHours: 8, region: "Nordeste", porte: "PP1", sort: "ultima" } });
    if (parsed.ok) expect(priorityOptionsToSearch(parsed.options).toString()).toBe("meses=6&uf=BA&minHoras=8&regiao=nordeste&porte=pp1&ordem=ultima");
  });

  it.each([
    ["uf=Bahia", "UF inválida: use a sigla, como BA."],
    ["meses=0", "Meses: de 1 a 60."],
    ["meses=61", "Meses: de 1 a 60."],
    ["meses=doze", "Meses: um número."],
    ["meses=1.5", "Meses: um número inteiro."],
    ["minHoras=-1", "Horas: de 0 a 1.000."],
    ["porte=gigante", "Porte desconhecido."],
    ["ordem=nome", "Ordem desconhecida."],
  ])("refuses %s with a clear message", (query, message) => {
    expect(parseP(query)).toEqual({ ok: false, message });
  });
});

describe("a state's municipalities in order", () => {
  const rows = [
    { name: "Salvador", registrations: 5, present: 4, hours: 10, population: 2_400_000 },
    { name: "Abaíra", registrations: 5, present: 1, hours: 0, population: 8_000 },
    { name: "Feira de Santana", registrations: 2, present: 2, hours: 12, population: 600_000 },
  ];
  const names = (sort: string | null) => sortMunicipios(rows, parseMunicipioSort(sort)).map((r) => r.name);

  it("lists by name in Portuguese order unless asked otherwise, or asked for an unknown order", () => {
    expect(names(null)).toEqual(["Abaíra", "Feira de Santana", "Salvador"]);
    expect(names("tamanho")).toEqual(["Abaíra", "Feira de Santana", "Salvador"]);
  });

  it("puts the largest figure first, ties by name", () => {
    expect(names("inscricoes")).toEqual(["Abaíra", "Salvador", "Feira de Santana"]);
    expect(names("presentes")).toEqual(["Salvador", "Feira de Santana", "Abaíra"]);
    expect(names("horas")).toEqual(["Feira de Santana", "Salvador", "Abaíra"]);
    expect(names("populacao")).toEqual(["Salvador", "Feira de Santana", "Abaíra"]);
  });
});
