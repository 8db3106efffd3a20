// Reads the IBGE reference files shipped in prisma/data/ibge into ente rows.
import fs from "node:fs";
import path from "node:path";

import { porteForPopulation, searchKey, UNIAO_ID } from "./federation";

export type EnteSeedRow = {
  id: string;
  kind: "UNIAO" | "UF" | "MUNICIPIO";
  name: string;
  searchName: string;
  uf: string | null;
  region: string | null;
  timeZone: string;
  population: number | null;
  porte: string | null;
  capital: boolean;
  parentId: string | null;
};

export const IBGE_DATA_DIR = path.resolve(process.cwd(), "prisma", "data", "ibge");

function readCsv(file: string, expectedColumns: string[]): Record<string, string>[] {
  const text = fs.readFileSync(path.join(IBGE_DATA_DIR, file), "utf8").replace(/^\uFEFF/, "");
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const columns = (header ?? "").split(",");
  if (columns.join(",") !== expectedColumns.join(",")) {
    throw new Error(`${file}: colunas inesperadas (${columns.join(",")})`);
  }
  return lines.map((line, i) => {
    const values = line.split(",");
    if (values.length !== columns.length) throw new Error(`${file}, linha ${i + 2}: ${values.length} colunas`);
    return Object.fromEntries(columns.map((c, j) => [c, values[j] ?? ""]));
  });
}

/** The Union, the 27 UFs and the 5,571 municipalities, parents first. */
export function loadEntesFromIbge(): EnteSeedRow[] {
  const estados = readCsv("estados.csv", ["codigo_uf", "uf", "nome", "latitude", "longitude", "regiao"]);
  const municipios = readCsv("municipios.csv", [
    "codigo_ibge", "nome", "latitude", "longitude", "capital", "codigo_uf", "siafi_id", "ddd", "fuso_horario",
  ]);
  const populacao = new Map(
    readCsv("populacao.csv", ["codigo_ibge", "populacao"]).map((r) => [r.codigo_ibge, Number(r.populacao)]),
  );

  const ufByCode = new Map(estados.map((e) => [e.codigo_uf, e]));
  const capitalZone = new Map<string, string>();
  const ufPopulation = new Map<string, number>();
  for (const m of municipios) {
    if (m.capital === "1") capitalZone.set(m.codigo_uf!, m.fuso_horario!);
    const pop = populacao.get(m.codigo_ibge!);
    if (pop != null) ufPopulation.set(m.codigo_uf!, (ufPopulation.get(m.codigo_uf!) ?? 0) + pop);
  }

  const rows: EnteSeedRow[] = [
    {
      id: UNIAO_ID,
      kind: "UNIAO",
      name: "União (Governo Federal)",
      searchName: searchKey("União Governo Federal Brasil"),
      uf: null,
      region: null,
      timeZone: "America/Sao_Paulo",
      population: [...ufPopulation.values()].reduce((a, b) => a + b, 0),
      porte: null,
      capital: false,
      parentId: null,
    },
  ];
  for (const e of estados) {
    rows.push({
      id: e.codigo_uf!,
      kind: "UF",
      name: e.nome!,
      searchName: searchKey(`${e.nome} ${e.uf}`),
      uf: e.uf!,
      region: e.regiao!,
      timeZone: capitalZone.get(e.codigo_uf!) ?? "America/Sao_Paulo",
      population: ufPopulation.get(e.codigo_uf!) ?? null,
      porte: null,
      capital: false,
      parentId: UNIAO_ID,
    });
  }
  for (const m of municipios) {
    const uf = ufByCode.get(m.codigo_uf!);
    if (!uf) throw new Error(`municipios.csv: UF ${m.codigo_uf} desconhecida para ${m.codigo_ibge}`);
    const population = populacao.get(m.codigo_ibge!) ?? null;
    rows.push({
      id: m.codigo_ibge!,
      kind: "MUNICIPIO",
      name: m.nome!,
      searchName: searchKey(m.nome!),
      uf: uf.uf!,
      region: uf.regiao!,
      timeZone: m.fuso_horario!,
      population,
      porte: porteForPopulation(population),
      capital: m.capital === "1",
      parentId: m.codigo_uf!,
    });
  }
  return rows;
}
