import { describe, expect, it } from "vitest";

import { filterValue, parseCatalogParams } from "./catalog";

const parse = (query: string) => parseCatalogParams(new URLSearchParams(query));

describe("parseCatalogParams", () => {
  it("shows the first page of upcoming events when there are no filters", () => {
    expect(parse("")).toEqual({ ok: true, filters: { quando: "proximos", pagina: 1 } });
  });

  it.each([
    ["tipo=visita-tecnica", { tipo: "VISITA_TECNICA" }],
    ["tipo=seminario", { tipo: "SEMINARIO" }],
    ["tipo=Visita-Tecnica", { tipo: "VISITA_TECNICA" }],
    ["formato=hibrido", { formato: "HIBRIDO" }],
    ["formato=ONLINE", { formato: "ONLINE" }],
    ["abrangencia=municipal", { abrangencia: "MUNICIPAL" }],
  ])("maps the URL value %s to the stored value, ignoring case", (query, expected) => {
    const result = parse(query);
    expect(result).toEqual({ ok: true, filters: { quando: "proximos", pagina: 1, ...expected } });
  });

  it("writes URL values as lower-case slugs, so that they parse back", () => {
    expect(filterValue("VISITA_TECNICA")).toBe("visita-tecnica");
    expect(parse(`tipo=${filterValue("VIDEOCONFERENCIA")}`)).toMatchObject({ ok: true, filters: { tipo: "VIDEOCONFERENCIA" } });
  });

  it("takes a lower-case UF and keeps it upper case", () => {
    expect(parse("uf=ba")).toEqual({ ok: true, filters: { uf: "BA", quando: "proximos", pagina: 1 } });
  });

  it.each(["passados", "todos", "proximos"])("accepts the period quando=%s", (quando) => {
    expect(parse(`quando=${quando}`)).toMatchObject({ ok: true, filters: { quando } });
  });

  it("reads the page number and the trimmed search text", () => {
    expect(parse("pagina=3&q=%20%20vigil%C3%A2ncia%20")).toEqual({
      ok: true,
      filters: { quando: "proximos", pagina: 3, q: "vigilância" },
    });
  });

  it("combines every filter", () => {
    expect(parse("tipo=oficina&formato=presencial&abrangencia=estadual&uf=pe&quando=todos&q=cras&pagina=2")).toEqual({
      ok: true,
      filters: { tipo: "OFICINA", formato: "PRESENCIAL", abrangencia: "ESTADUAL", uf: "PE", quando: "todos", q: "cras", pagina: 2 },
    });
  });

  it("ignores filters left empty by the form", () => {
    expect(parse("tipo=&formato=&abrangencia=&uf=&quando=&q=&pagina=")).toEqual({
      ok: true,
      filters: { quando: "proximos", pagina: 1 },
    });
  });

  it.each([
    ["tipo=palestra", "Tipo de evento desconhecido."],
    ["tipo=visita_tecnica", "Tipo de evento desconhecido."],
    ["formato=remoto", "Formato desconhecido."],
    ["abrangencia=global", "Abrangência desconhecida."],
    ["uf=bah", "UF inválida: use a sigla, como BA."],
    ["uf=2", "UF inválida: use a sigla, como BA."],
    ["quando=amanha", "Período inválido."],
    ["pagina=abc", "Página inválida."],
    ["pagina=0", "Página inválida."],
    ["pagina=-1", "Página inválida."],
    ["pagina=1.5", "Página inválida."],
    ["pagina=10001", "Página inválida."],
    [`q=${"a".repeat(101)}`, "Busca longa demais."],
  ])("rejects %s with the message %j", (query, message) => {
    expect(parse(query)).toEqual({ ok: false, message });
  });
});
