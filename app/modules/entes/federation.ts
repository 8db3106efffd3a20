// The SUAS federation's vocabulary: kinds of ente, regions, portes and Brazil's time zones.
// Pure constants and functions, shared by server and browser.

export const UNIAO_ID = "BR";

export const ENTE_KINDS = ["UNIAO", "UF", "MUNICIPIO"] as const;
export type EnteKind = (typeof ENTE_KINDS)[number];

export const REGIONS = ["Norte", "Nordeste", "Centro-Oeste", "Sudeste", "Sul"] as const;
export type Region = (typeof REGIONS)[number];

/** SUAS municipal size classes (PNAS 2004 / NOB-SUAS), by Censo population. */
export const PORTES = ["PP1", "PP2", "MEDIO", "GRANDE", "METROPOLE"] as const;
export type Porte = (typeof PORTES)[number];

export const PORTE_LABELS: Record<Porte, string> = {
  PP1: "Pequeno Porte I (até 20.000 hab.)",
  PP2: "Pequeno Porte II (20.001 a 50.000 hab.)",
  MEDIO: "Médio Porte (50.001 a 100.000 hab.)",
  GRANDE: "Grande Porte (100.001 a 900.000 hab.)",
  METROPOLE: "Metrópole (mais de 900.000 hab.)",
};

export const PORTE_SHORT_LABELS: Record<Porte, string> = {
  PP1: "Pequeno Porte I",
  PP2: "Pequeno Porte II",
  MEDIO: "Médio Porte",
  GRANDE: "Grande Porte",
  METROPOLE: "Metrópole",
};

/** The article each state's name takes in Portuguese: "da Bahia", "do Pará", "de Pernambuco". */
const UF_ARTICLES: Record<string, "o" | "a" | ""> = {
  AC: "o", AL: "", AP: "o", AM: "o", BA: "a", CE: "o", DF: "o", ES: "o", GO: "", MA: "o", MT: "o", MS: "o", MG: "",
  PA: "o", PB: "a", PR: "o", PE: "", PI: "o", RJ: "o", RN: "o", RS: "o", RO: "", RR: "", SC: "", SP: "", SE: "", TO: "o",
};

/**
 * A state's name after "de" or "em", contracted as Portuguese asks: ufWith("de", "BA", "Bahia") is
 * "da Bahia", ufWith("em", "SP", "São Paulo") is "em São Paulo", ufWith("em", "PA", "Pará") "no Pará".
 */
export function ufWith(preposition: "de" | "em", uf: string, name: string): string {
  const article = UF_ARTICLES[uf.toUpperCase()] ?? "";
  if (!article) return `${preposition} ${name}`;
  return `${preposition === "de" ? "d" : "n"}${article} ${name}`;
}

export function porteForPopulation(population: number | null | undefined): Porte | null {
  if (population == null || !Number.isFinite(population) || population < 0) return null;
  if (population <= 20_000) return "PP1";
  if (population <= 50_000) return "PP2";
  if (population <= 100_000) return "MEDIO";
  if (population <= 900_000) return "GRANDE";
  return "METROPOLE";
}

/** Brazil's zones as the IBGE data names them. No daylight saving time since 2019. */
export const TIME_ZONES = ["America/Sao_Paulo", "America/Porto_Velho", "America/Rio_Branco", "America/Noronha"] as const;
export type BrazilTimeZone = (typeof TIME_ZONES)[number];

export const TIME_ZONE_LABELS: Record<BrazilTimeZone, string> = {
  "America/Sao_Paulo": "horário de Brasília (UTC−3)",
  "America/Porto_Velho": "horário do Amazonas (UTC−4)",
  "America/Rio_Branco": "horário do Acre (UTC−5)",
  "America/Noronha": "horário de Fernando de Noronha (UTC−2)",
};

/** Other IANA names for the same Brazilian offsets, mapped to the label of the zone above. */
const ZONE_ALIASES: Record<string, BrazilTimeZone> = {
  "America/Manaus": "America/Porto_Velho",
  "America/Cuiaba": "America/Porto_Velho",
  "America/Campo_Grande": "America/Porto_Velho",
  "America/Boa_Vista": "America/Porto_Velho",
  "America/Eirunepe": "America/Rio_Branco",
  "America/Bahia": "America/Sao_Paulo",
  "America/Fortaleza": "America/Sao_Paulo",
  "America/Recife": "America/Sao_Paulo",
  "America/Belem": "America/Sao_Paulo",
  "America/Maceio": "America/Sao_Paulo",
  "America/Araguaina": "America/Sao_Paulo",
  "America/Santarem": "America/Sao_Paulo",
};

export function isBrazilTimeZone(zone: string): zone is BrazilTimeZone {
  return (TIME_ZONES as readonly string[]).includes(zone);
}

/** "horário de Brasília (UTC−3)" for a Brazilian zone; otherwise the IANA name with its offset. */
export function timeZoneLabel(zone: string, at: Date = new Date()): string {
  const canonical = isBrazilTimeZone(zone) ? zone : ZONE_ALIASES[zone];
  if (canonical) return TIME_ZONE_LABELS[canonical];
  const offset = new Intl.DateTimeFormat("pt-BR", { timeZone: zone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  return `fuso ${zone.replace(/_/g, " ")}${offset ? ` (${offset.replace("GMT", "UTC")})` : ""}`;
}

export const ROLE_IN_ENTE = ["GESTOR", "TECNICO", "CONSELHEIRO", "OUTRO"] as const;
export type RoleInEnte = (typeof ROLE_IN_ENTE)[number];
export const ROLE_IN_ENTE_LABELS: Record<RoleInEnte, string> = {
  GESTOR: "Gestor(a)",
  TECNICO: "Técnico(a)",
  CONSELHEIRO: "Conselheiro(a)",
  OUTRO: "Outra função",
};

/** What a person needs to know about an ente to decide audiences and permissions. */
export type EnteRef = {
  id: string;
  kind: EnteKind;
  name: string;
  uf: string | null;
  region: string | null;
  porte: string | null;
};

export function enteDisplayName(ente: Pick<EnteRef, "kind" | "name" | "uf">): string {
  if (ente.kind === "MUNICIPIO" && ente.uf) return `${ente.name} (${ente.uf})`;
  if (ente.kind === "UF") return `${ente.name} (governo estadual)`;
  return ente.name;
}

/** Lower case, accents removed, spaces collapsed: how entes are searched. */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
