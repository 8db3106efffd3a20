import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import {
  BarChart,
  BRAZIL_UFS,
  BrazilMap,
  ChoroplethMap,
  countClassOf,
  chartsStylesheet,
  DataTable,
  formatMonthLong,
  formatMonthShort,
  formatNumber,
  formatPercent,
  mapClassOf,
  MonthlySeries,
  niceScale,
} from "./index";

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

/** Every id in the markup, and those used more than once. */
function duplicateIds(html: string): string[] {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** aria-labelledby/aria-describedby point at ids that exist. */
function danglingReferences(html: string): string[] {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  return [...html.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)].flatMap((m) => m[1]!.split(" ")).filter((id) => !ids.has(id));
}

/** The <path> of one UF on the map. */
function ufPath(html: string, uf: string): string {
  const m = new RegExp(`<path[^>]*data-area="${uf}"[^>]*>`).exec(html);
  if (!m) throw new Error(`no path for ${uf}`);
  return m[0];
}

describe("number and month formats", () => {
  it("writes numbers, shares and months the Brazilian way", () => {
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(12.34)).toBe("12,3");
    expect(formatPercent(0.425)).toBe("42,5 %");
    expect(formatPercent(1)).toBe("100 %");
    expect(formatMonthShort("2026-01")).toBe("jan/26");
    expect(formatMonthShort("2025-12")).toBe("dez/25");
    expect(formatMonthLong("2026-03")).toBe("março de 2026");
  });
});

describe("BrazilMap", () => {
  const values = [
    { uf: "BA", value: 0.425, label: "42,5 %", href: "/painel?uf=BA" },
    { uf: "pe", value: 0.05, label: "5 %", href: "/painel?uf=PE" },
    { uf: "SP", value: 1, label: "100 %", href: "/painel?uf=SP" },
    { uf: "AM", value: 0.2, label: "20 %" },
    { uf: "RS", value: null, label: "" },
  ];
  const html = renderToStaticMarkup(<BrazilMap id="mapa" values={values} title="Participação por UF" legendTitle="Participação" />);

  it("draws the 27 UFs from @svg-maps/brazil, each with a class of the five-step scale or 'sem dados'", () => {
    expect(BRAZIL_UFS).toHaveLength(27);
    expect(BRAZIL_UFS).toContainEqual({ uf: "BA", name: "Bahia" });
    expect(BRAZIL_UFS).toContainEqual({ uf: "DF", name: "Distrito Federal" });
    expect(html.match(/<path[^>]*class="chart-map-area /g)).toHaveLength(27);
    expect(ufPath(html, "BA")).toContain("chart-map-c3");
    expect(ufPath(html, "PE")).toContain("chart-map-c1");
    expect(ufPath(html, "AM")).toContain("chart-map-c2");
    expect(ufPath(html, "SP")).toContain("chart-map-c5");
    expect(ufPath(html, "RS")).toContain("chart-map-sem-dados");
    expect(ufPath(html, "RS")).toContain('fill="url(#mapa-sem-dados)"');
    expect(ufPath(html, "AC")).toContain("chart-map-sem-dados");
    expect(html).toContain('<pattern id="mapa-sem-dados"');
  });

  it("puts a value in a class by its share of the maximum, the upper limit in the class above", () => {
    expect([0, 0.199, 0.2, 0.4, 0.6, 0.8, 0.999, 1, 1.5, -1].map((v) => mapClassOf(v, 1))).toEqual([1, 1, 2, 3, 4, 5, 5, 5, 5, 1]);
    expect(mapClassOf(50, 250)).toBe(2);
    expect(mapClassOf(0, 0)).toBe(1);
  });

  it("makes each state with an address a link named by the state and its value, and the map a group of links", () => {
    expect(html).toMatch(/<a href="\/painel\?uf=BA" aria-label="Bahia: 42,5 %" class="chart-map-link"><title>Bahia: 42,5 %<\/title><path/);
    expect(html).toContain('aria-label="Pernambuco: 5 %"');
    expect(html.match(/<a href="\/painel\?uf=/g)).toHaveLength(3 + 3); // map and table
    expect(html).toMatch(/<svg[^>]*role="group"[^>]*aria-labelledby="mapa-titulo"[^>]*aria-describedby="mapa-descricao"/);
    // states without a link still have a name and a tooltip
    expect(html).toMatch(/<path[^>]*data-area="AM"[^>]*role="img" aria-label="Amazonas: 20 %"><title>Amazonas: 20 %<\/title>/);
    expect(html).toContain('aria-label="Rio Grande do Sul: sem dados"');
  });

  it("is an image titled and described when no state is a link", () => {
    const plain = renderToStaticMarkup(<BrazilMap id="m2" values={[{ uf: "BA", value: 0.5, label: "50 %" }]} title="Cobertura" legendTitle="Cobertura" />);
    expect(plain).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="m2-titulo"[^>]*aria-describedby="m2-descricao"/);
    expect(plain).toContain('<title id="m2-titulo">Cobertura</title>');
    expect(plain).toContain('<desc id="m2-descricao">Cobertura por UF, em 5 faixas de cor. 1 de 27 UFs com dados.');
    expect(plain).not.toContain("<a ");
    expect(plain).toContain("<title>Bahia: 50 %</title>");
  });

  it("has a legend of five classes and 'sem dados', the attribution and the table of the 27 UFs", () => {
    const t = text(html);
    expect(t).toContain("Participação 0 % a 20 % 20 % a 40 % 40 % a 60 % 60 % a 80 % 80 % a 100 % Sem dados");
    expect(t).toContain("Mapa: @svg-maps/brazil (CC BY 4.0)");
    expect(html).toContain('<details class="chart-data"><summary>Ver os dados em tabela</summary>');
    expect(html).toContain("<caption>Participação por UF</caption>");
    expect(html).toContain('<th scope="col">UF</th><th scope="col" class="chart-num">Participação</th>');
    expect(html.match(/<th scope="row">/g)).toHaveLength(27);
    expect(html).toContain('<th scope="row"><a href="/painel?uf=BA">Bahia (BA)</a></th><td class="chart-num">42,5 %</td>');
    expect(html).toContain('<th scope="row">Acre (AC)</th><td class="chart-num">sem dados</td>');
    expect(t).toContain("maior: São Paulo (100 %); menor: Pernambuco (5 %)");
  });

  it("writes legend limits as numbers on a scale other than shares", () => {
    const counts = renderToStaticMarkup(
      <BrazilMap id="m3" values={[{ uf: "BA", value: 1200, label: "1.200" }]} max={2500} title="Inscrições" legendTitle="Inscrições" />,
    );
    expect(text(counts)).toContain("0 a 500 500 a 1.000 1.000 a 1.500 1.500 a 2.000 2.000 a 2.500");
    expect(ufPath(counts, "BA")).toContain("chart-map-c3");
  });

  it("uses its id as the prefix of every id inside, so two maps on a page share none", () => {
    const two = renderToStaticMarkup(
      <>
        <BrazilMap values={values} title="A" legendTitle="A" />
        <BrazilMap values={values} title="B" legendTitle="B" />
      </>,
    );
    expect(duplicateIds(html + renderToStaticMarkup(<BrazilMap id="outro" values={values} title="B" legendTitle="B" />))).toEqual([]);
    expect(duplicateIds(two)).toEqual([]);
    expect(danglingReferences(two)).toEqual([]);
    expect(danglingReferences(html)).toEqual([]);
  });

  it("says 'Sem dados no período' instead of drawing an empty map", () => {
    for (const v of [[], [{ uf: "BA", value: null, label: "" }]]) {
      const empty = renderToStaticMarkup(<BrazilMap id="m" values={v} title="Participação por UF" legendTitle="Participação" />);
      expect(empty).toContain("Sem dados no período.");
      expect(empty).toContain("Participação por UF");
      expect(empty).not.toContain("<svg");
      expect(empty).not.toContain("<table");
    }
  });
});

describe("BarChart", () => {
  const items = [
    { label: "Seminário", value: 1234 },
    { label: "Oficina", value: 300, display: "300 pessoas" },
    { label: "Visita técnica", value: 0 },
  ];
  const html = renderToStaticMarkup(<BarChart id="barras" title="Participantes por tipo" items={items} unit="pessoas" />);

  it("draws one bar per item, proportional to the largest, with the label and the value written", () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="barras-titulo"[^>]*aria-describedby="barras-descricao"/);
    const widths = [...html.matchAll(/<rect[^>]*width="([\d.]+)"[^>]*class="chart-bar-rect"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    expect(widths[1]! / widths[0]!).toBeCloseTo(300 / 1234, 3);
    expect(widths[2]).toBe(0);
    const t = text(html);
    expect(t).toContain("Seminário 1.234 pessoas");
    expect(t).toContain("Oficina 300 pessoas");
    expect(t).toContain("Visita técnica 0 pessoas");
    expect(html).toContain("<title>Seminário: 1.234 pessoas</title>");
    expect(t).toContain("o maior é Seminário (1.234 pessoas)");
  });

  it("has its values in a table with caption and scoped headers", () => {
    expect(html).toContain("<caption>Participantes por tipo</caption>");
    expect(html).toContain('<th scope="col">Item</th><th scope="col" class="chart-num">Valor</th>');
    expect(html).toContain('<th scope="row">Oficina</th><td class="chart-num">300 pessoas</td>');
    expect(duplicateIds(html)).toEqual([]);
    expect(danglingReferences(html)).toEqual([]);
  });

  it("can show the table without the disclosure and name its columns", () => {
    const visible = renderToStaticMarkup(
      <BarChart title="Presença" items={[{ label: "BA", value: 0.5, display: "50 %" }]} max={1} tableVisible labelHeader="UF" valueHeader="Presença" />,
    );
    expect(visible).not.toContain("<details");
    expect(visible).toContain('<th scope="col">UF</th><th scope="col" class="chart-num">Presença</th>');
    const width = Number(/<rect[^>]*width="([\d.]+)"/.exec(visible)![1]);
    const full = Number(/viewBox="0 0 (\d+)/.exec(visible)![1]) - ("50 %".length * 8.4 + 10);
    expect(width).toBeCloseTo(full / 2, 5);
  });

  it("says 'Sem dados no período' when there are no items", () => {
    const empty = renderToStaticMarkup(<BarChart title="Participantes por tipo" items={[]} />);
    expect(empty).toContain("Sem dados no período.");
    expect(empty).not.toContain("<svg");
  });
});

describe("MonthlySeries", () => {
  const months = ["2025-11", "2025-12", "2026-01"];
  const series = [
    { name: "Inscrições", values: [120, 80, 1500] },
    { name: "Presenças", values: [100, Number.NaN, 1200] },
    { name: "Certificados", values: [90, 60] },
  ];
  const html = renderToStaticMarkup(<MonthlySeries id="serie" title="Participação por mês" months={months} series={series} />);

  it("labels the months in Portuguese and gives every point its value", () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="serie-titulo"[^>]*aria-describedby="serie-descricao"/);
    const t = text(html);
    expect(t).toContain("nov/25 dez/25 jan/26");
    expect(html).toContain("<title>Inscrições, janeiro de 2026: 1.500</title>");
    expect(html).toContain("<title>Presenças, novembro de 2025: 100</title>");
    expect(html).not.toContain("Presenças, dezembro de 2025");
    expect(t).toContain("Inscrições, Presenças, Certificados por mês, de novembro de 2025 a janeiro de 2026.");
    // a round axis: 0, 500, 1.000, 1.500
    expect(t).toMatch(/0 500 1\.000 1\.500/);
  });

  it("tells the series apart by dash pattern and marker as well as colour", () => {
    const lines = [...html.matchAll(/<g class="chart-line chart-line-\d">(<path [^>]*>)/g)].map((m) => ({
      d: /\sd="([^"]*)"/.exec(m[1]!)?.[1],
      stroke: /\sstroke="([^"]+)"/.exec(m[1]!)?.[1],
      dash: /\sstroke-dasharray="([^"]+)"/.exec(m[1]!)?.[1],
    }));
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => l.stroke)).size).toBe(3);
    expect(lines.map((l) => l.dash)).toEqual([undefined, "8 4", "2 3"]);
    // a gap where a value is missing: the second series starts again after it
    expect(lines[1]!.d!.match(/M/g)).toHaveLength(2);
    expect(html).toContain("<circle");
    expect(html).toContain("<rect");
    expect(text(html)).toContain("Inscrições Presenças Certificados");
  });

  it("has a table of months by series", () => {
    expect(html).toContain("<caption>Participação por mês</caption>");
    expect(html).toContain('<th scope="col">Mês</th><th scope="col" class="chart-num">Inscrições</th>');
    expect(html).toContain(
      '<th scope="row">dezembro de 2025</th><td class="chart-num">80</td><td class="chart-num">sem dados</td><td class="chart-num">60</td>',
    );
    expect(html).toContain('<th scope="row">janeiro de 2026</th><td class="chart-num">1.500</td><td class="chart-num">1.200</td><td class="chart-num">sem dados</td>');
    expect(duplicateIds(html)).toEqual([]);
    expect(danglingReferences(html)).toEqual([]);
  });

  it("formats values with the given function, shares for instance", () => {
    const shares = renderToStaticMarkup(
      <MonthlySeries title="Presença" months={["2026-02"]} series={[{ name: "Presença", values: [0.425] }]} format={(v) => formatPercent(v)} />,
    );
    expect(shares).toContain("<title>Presença, fevereiro de 2026: 42,5 %</title>");
    expect(shares).toContain('<td class="chart-num">42,5 %</td>');
  });

  it("says 'Sem dados no período' without months, series or values", () => {
    for (const props of [
      { months: [], series },
      { months, series: [] },
      { months, series: [{ name: "Inscrições", values: [] }] },
    ]) {
      const empty = renderToStaticMarkup(<MonthlySeries title="Participação por mês" {...props} />);
      expect(empty).toContain("Sem dados no período.");
      expect(empty).not.toContain("<svg");
    }
  });

  it("refuses more than three series (they could no longer be told apart)", () => {
    const four = [...series, { name: "Outra", values: [1, 2, 3] }];
    expect(() => renderToStaticMarkup(<MonthlySeries title="x" months={months} series={four} />)).toThrow(RangeError);
  });

  it("rounds the axis to 1, 2, 2,5 or 5 × 10ⁿ steps, whole steps for whole numbers", () => {
    expect(niceScale(1500, true)).toEqual({ top: 1500, step: 500 });
    expect(niceScale(7, true)).toEqual({ top: 8, step: 2 });
    expect(niceScale(3, true)).toEqual({ top: 3, step: 1 });
    expect(niceScale(0.425, false)).toEqual({ top: 0.6, step: 0.2 });
    expect(niceScale(0.9, false)).toEqual({ top: 1, step: 0.25 });
    expect(niceScale(0, true)).toEqual({ top: 4, step: 1 });
  });
});

describe("DataTable", () => {
  it("is a captioned table with column and row headers", () => {
    const html = renderToStaticMarkup(
      <DataTable caption="Inscrições" columns={["UF", "Inscritos", "Presentes"]} rows={[{ header: "BA", cells: ["10", "8"] }]} numeric={false} />,
    );
    expect(html).toBe(
      '<div class="table-wrap"><table class="chart-table"><caption>Inscrições</caption><thead><tr><th scope="col">UF</th><th scope="col">Inscritos</th><th scope="col">Presentes</th></tr></thead>' +
        '<tbody><tr><th scope="row">BA</th><td>10</td><td>8</td></tr></tbody></table></div>',
    );
  });
});

describe("the charts stylesheet", () => {
  it("is exported for a route's links", () => {
    expect(typeof chartsStylesheet).toBe("string");
  });
});

describe("ChoroplethMap with outlines of the caller", () => {
  const shapes = [
    { id: "2927408", name: "Salvador", path: "M0 0 10 0 10 10Z" },
    { id: "2910800", name: "Feira de Santana", path: "M10 0 20 0 20 10Z" },
    { id: "2900108", name: "Abaíra", path: "M20 0 30 0 30 10Z" },
  ];

  it("colours each area by its value, hatches the ones without, and says what the hatch means", () => {
    const html = renderToStaticMarkup(
      <ChoroplethMap
        id="mun"
        shapes={shapes}
        viewBox="0 0 30 10"
        values={[
          { id: "2927408", value: 90, label: "90 presente(s)" },
          { id: "2910800", value: 3, label: "3 presente(s)" },
          { id: "2900108", value: null, label: "" },
        ]}
        max={20}
        openTop
        integers
        formatLegend={(n) => String(n)}
        title="Pessoas presentes por município"
        legendTitle="Pessoas presentes"
        areaLabel="Município"
        byArea="por município"
        areaPlural="municípios"
        attribution="Malha municipal: IBGE"
        noDataLabel="Ninguém presente"
        table={false}
      />,
    );
    expect(html).toContain("<title>Salvador: 90 presente(s)</title>");
    expect(html).toMatch(/<path d="M0 0 10 0 10 10Z" class="chart-map-area chart-map-c5"/);
    expect(html).toMatch(/<path d="M10 0 20 0 20 10Z" class="chart-map-area chart-map-c1"/);
    expect(html).toMatch(/<path d="M20 0 30 0 30 10Z" class="chart-map-area chart-map-sem-dados"/);
    expect(html).toContain("<title>Abaíra: ninguém presente</title>");
    expect(html.match(/<li>.*?<\/li>/g)!.map((li) => li.replace(/<svg.*?<\/svg>/, "").replace(/<\/?li>/g, ""))).toEqual([
      "1 a 4",
      "5 a 8",
      "9 a 12",
      "13 a 16",
      "17 ou mais",
      "Ninguém presente",
    ]);
    expect(html).toContain("Ninguém presente</li>");
    expect(html).toContain(
      "Pessoas presentes por município, em 5 faixas de cor. 2 de 3 municípios com dados (1: ninguém presente); maior: Salvador (90 presente(s)); menor: Feira de Santana (3 presente(s)).",
    );
    expect(html).toContain("Malha municipal: IBGE");
    expect(countClassOf(1, 5)).toBe(1);
    expect(countClassOf(4, 5)).toBe(4);
    expect(countClassOf(90, 5)).toBe(5);
    expect(countClassOf(4, 20)).toBe(1);
    expect(countClassOf(5, 20)).toBe(2);
    expect(html).not.toContain("<table");
  });
});

describe("count classes on a small scale", () => {
  it("gives each of 1, 2, 3 and 4 its own class and 5 or more the darkest, with no empty or repeated class", () => {
    const html = renderToStaticMarkup(
      <ChoroplethMap
        id="pequeno"
        shapes={[{ id: "a", name: "A", path: "M0 0 1 0 1 1Z" }]}
        viewBox="0 0 1 1"
        values={[{ id: "a", value: 1, label: "1" }]}
        max={5}
        openTop
        integers
        formatLegend={(n) => String(n)}
        title="T"
        legendTitle="Pessoas presentes"
        areaLabel="Município"
        byArea="por município"
        areaPlural="municípios"
        attribution="IBGE"
        table={false}
      />,
    );
    expect(html.match(/<li>.*?<\/li>/g)!.map((li) => li.replace(/<svg.*?<\/svg>/, "").replace(/<\/?li>/g, ""))).toEqual(["1", "2", "3", "4", "5 ou mais", "Sem dados"]);
    expect(html).toMatch(/class="chart-map-area chart-map-c1"/);
  });
});
