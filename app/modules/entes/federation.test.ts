import { describe, expect, it } from "vitest";

import { enteDisplayName, isBrazilTimeZone, porteForPopulation, searchKey, TIME_ZONES, timeZoneLabel, ufWith } from "./federation";

describe("porteForPopulation", () => {
  it.each([
    [0, "PP1"],
    [1, "PP1"],
    [20_000, "PP1"],
    [20_001, "PP2"],
    [50_000, "PP2"],
    [50_001, "MEDIO"],
    [100_000, "MEDIO"],
    [100_001, "GRANDE"],
    [900_000, "GRANDE"],
    [900_001, "METROPOLE"],
    [12_325_232, "METROPOLE"],
  ])("classifies a municipality of %i inhabitants as %s", (population, porte) => {
    expect(porteForPopulation(population)).toBe(porte);
  });

  it.each([null, undefined, -1, Number.NaN, Number.POSITIVE_INFINITY])("has no porte when the population is %s", (population) => {
    expect(porteForPopulation(population)).toBeNull();
  });
});

describe("searchKey", () => {
  it("removes accents and the cedilla", () => {
    expect(searchKey("São João do Piauí")).toBe("sao joao do piaui");
    expect(searchKey("Açailândia")).toBe("acailandia");
  });

  it("ignores letter case", () => {
    expect(searchKey("FEIRA DE SANTANA")).toBe(searchKey("feira de santana"));
  });

  it("turns punctuation into single spaces and trims the ends", () => {
    expect(searchKey("  Mãe d'Água  ")).toBe("mae d agua");
    expect(searchKey("Embu-Guaçu")).toBe("embu guacu");
    expect(searchKey("Santa   Maria,  RS")).toBe("santa maria rs");
  });

  it("keeps digits", () => {
    expect(searchKey("Região 2")).toBe("regiao 2");
  });
});

describe("timeZoneLabel", () => {
  it.each([
    ["America/Sao_Paulo", "horário de Brasília (UTC−3)"],
    ["America/Porto_Velho", "horário do Amazonas (UTC−4)"],
    ["America/Rio_Branco", "horário do Acre (UTC−5)"],
    ["America/Noronha", "horário de Fernando de Noronha (UTC−2)"],
  ])("names the Brazilian zone %s as %j", (zone, label) => {
    expect(timeZoneLabel(zone)).toBe(label);
  });

  it("labels an alias of a Brazilian offset (America/Manaus) like its canonical zone", () => {
    expect(timeZoneLabel("America/Manaus")).toBe("horário do Amazonas (UTC−4)");
    expect(timeZoneLabel("America/Bahia")).toBe("horário de Brasília (UTC−3)");
  });

  it("names a foreign zone by its IANA name and its offset at the given instant", () => {
    const january = new Date("2026-01-15T12:00:00Z");
    const july = new Date("2026-07-15T12:00:00Z");
    expect(timeZoneLabel("America/New_York", january)).toBe("fuso America/New York (UTC-5)");
    expect(timeZoneLabel("America/New_York", july)).toBe("fuso America/New York (UTC-4)");
    expect(timeZoneLabel("Asia/Kolkata", january)).toBe("fuso Asia/Kolkata (UTC+5:30)");
  });
});

describe("isBrazilTimeZone", () => {
  it("recognizes exactly the four canonical zones", () => {
    for (const zone of TIME_ZONES) expect(isBrazilTimeZone(zone)).toBe(true);
    expect(isBrazilTimeZone("America/Manaus")).toBe(false);
    expect(isBrazilTimeZone("Europe/Lisbon")).toBe(false);
  });
});

describe("enteDisplayName", () => {
  it("adds the UF to a municipality's name", () => {
    expect(enteDisplayName({ kind: "MUNICIPIO", name: "Salvador", uf: "BA" })).toBe("Salvador (BA)");
  });

  it("says that a UF is the state government", () => {
    expect(enteDisplayName({ kind: "UF", name: "Bahia", uf: "BA" })).toBe("Bahia (governo estadual)");
  });

  it("shows the Union by its name only", () => {
    expect(enteDisplayName({ kind: "UNIAO", name: "União", uf: null })).toBe("União");
  });

  it("shows a municipality without a known UF by its name only", () => {
    expect(enteDisplayName({ kind: "MUNICIPIO", name: "Salvador", uf: null })).toBe("Salvador");
  });
});

describe("ufWith", () => {
  it.each([
    ["de", "BA", "Bahia", "da Bahia"],
    ["de", "PA", "Pará", "do Pará"],
    ["de", "PE", "Pernambuco", "de Pernambuco"],
    ["de", "DF", "Distrito Federal", "do Distrito Federal"],
    ["em", "PB", "Paraíba", "na Paraíba"],
    ["em", "RJ", "Rio de Janeiro", "no Rio de Janeiro"],
    ["em", "SP", "São Paulo", "em São Paulo"],
  ] as const)("writes %s + %s as Portuguese does", (preposition, uf, name, expected) => {
    expect(ufWith(preposition, uf, name)).toBe(expected);
  });
});
