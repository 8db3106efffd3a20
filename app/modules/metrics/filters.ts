// The dashboards' filters: a period in months (Brasília time) and the event's type, format, scope
// and organizer. Parsed from the URL with Portuguese messages for anything wrong. Pure.
import { fromUrlValue, ufAbbrValue, urlValue } from "~/lib/url-values";
import { z } from "~/lib/zod";
import { PORTES, REGIONS, type Porte, type Region } from "~/modules/entes/federation";
import { EVENT_TYPES, FORMATS, SCOPES } from "~/modules/events/vocabulary";

export const ORGANIZERS = ["UNIAO", "UF"] as const;
export type Organizer = (typeof ORGANIZERS)[number];

export type MetricsFilters = {
  /** first month, "YYYY-MM" */
  from: string;
  /** last month, inclusive, "YYYY-MM" */
  to: string;
  type?: (typeof EVENT_TYPES)[number];
  format?: (typeof FORMATS)[number];
  scope?: (typeof SCOPES)[number];
  organizer?: Organizer;
  /** only people from the UFs of this region (national dashboard) */
  region?: Region;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Periods longer than this are refused (nothing older exists; a typo like 0202 is caught). */
export const MAX_MONTHS = 120;
const BRASILIA_OFFSET_MS = 3 * 3_600_000;

export function monthOf(date: Date): string {
  return new Date(date.getTime() - BRASILIA_OFFSET_MS).toISOString().slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The months of the period, in order ("2026-01", "2026-02", …). */
export function monthList(f: Pick<MetricsFilters, "from" | "to">): string[] {
  return Array.from({ length: monthsBetween(f.from, f.to) }, (_, i) => addMonths(f.from, i));
}

/** The period as [start, end) instants: from the first day of `from` to the first day after `to`, in Brasília time. */
export function periodRange(f: Pick<MetricsFilters, "from" | "to">): { start: Date; end: Date } {
  const at = (month: string) => new Date(Date.parse(`${month}-01T00:00:00Z`) + BRASILIA_OFFSET_MS);
  return { start: at(f.from), end: at(addMonths(f.to, 1)) };
}

/** The last twelve months, this one included. */
export function defaultFilters(now = new Date()): MetricsFilters {
  const to = monthOf(now);
  return { from: addMonths(to, -11), to };
}

const optionalEnum = <T extends string>(values: readonly T[], message: string) => fromUrlValue(values, message).optional();

const schema = z.object({
  de: z.string().regex(MONTH, "Início do período inválido: use mês e ano (aaaa-mm).").optional(),
  ate: z.string().regex(MONTH, "Fim do período inválido: use mês e ano (aaaa-mm).").optional(),
  tipo: optionalEnum(EVENT_TYPES, "Tipo de evento desconhecido."),
  formato: optionalEnum(FORMATS, "Formato desconhecido."),
  abrangencia: optionalEnum(SCOPES, "Abrangência desconhecida."),
  organizador: optionalEnum(ORGANIZERS, "Organizador desconhecido: use uniao ou uf."),
  regiao: optionalEnum(REGIONS, "Região desconhecida."),
});

export type ParsedFilters = { ok: true; filters: MetricsFilters } | { ok: false; message: string };

export function parseMetricsFilters(params: URLSearchParams, now = new Date()): ParsedFilters {
  const raw = Object.fromEntries(["de", "ate", "tipo", "formato", "abrangencia", "organizador", "regiao"].map((k) => [k, params.get(k) || undefined]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Filtros inválidos." };
  const d = defaultFilters(now);
  const to = parsed.data.ate ?? (parsed.data.de && parsed.data.de > d.to ? parsed.data.de : d.to);
  const from = parsed.data.de ?? (to < d.from ? addMonths(to, -11) : d.from);
  if (from > to) return { ok: false, message: "O período está invertido: o início vem depois do fim." };
  if (monthsBetween(from, to) > MAX_MONTHS) return { ok: false, message: `O período pode ter no máximo ${MAX_MONTHS / 12} anos.` };
  if (from < "2000-01") return { ok: false, message: "O período começa antes de 2000: confira o ano." };
  if (to > addMonths(d.to, 60)) return { ok: false, message: "O período termina mais de 5 anos no futuro: confira o ano." };
  return {
    ok: true,
    filters: {
      from,
      to,
      ...(parsed.data.tipo ? { type: parsed.data.tipo } : {}),
      ...(parsed.data.formato ? { format: parsed.data.formato } : {}),
      ...(parsed.data.abrangencia ? { scope: parsed.data.abrangencia } : {}),
      ...(parsed.data.organizador ? { organizer: parsed.data.organizador } : {}),
      ...(parsed.data.regiao ? { region: parsed.data.regiao } : {}),
    },
  };
}

/** The filters back as URL parameters (for links that keep them, and exports). */
export function filtersToSearch(f: MetricsFilters): URLSearchParams {
  const p = new URLSearchParams({ de: f.from, ate: f.to });
  if (f.type) p.set("tipo", urlValue(f.type));
  if (f.format) p.set("formato", urlValue(f.format));
  if (f.scope) p.set("abrangencia", urlValue(f.scope));
  if (f.organizer) p.set("organizador", urlValue(f.organizer));
  if (f.region) p.set("regiao", urlValue(f.region));
  return p;
}

/** "jan/2026 a dez/2026" */
export function periodLabel(f: Pick<MetricsFilters, "from" | "to">): string {
  const fmt = (m: string) => {
    const d = new Date(`${m}-15T12:00:00Z`);
    return `${new Intl.DateTimeFormat("pt-BR", { month: "short", timeZone: "UTC" }).format(d).replace(".", "")}/${m.slice(0, 4)}`;
  };
  return f.from === f.to ? fmt(f.from) : `${fmt(f.from)} a ${fmt(f.to)}`;
}

/** How the priority list can be sorted. */
export const PRIORITY_SORTS = ["porte", "regiao", "populacao", "ultima"] as const;
export type PrioritySort = (typeof PRIORITY_SORTS)[number];

export type PriorityOptions = { uf?: string; region?: Region; porte?: Porte; months: number; minHours?: number; sort: PrioritySort };

const prioritySchema = z.object({
  uf: ufAbbrValue().optional(),
  meses: z.coerce.number({ message: "Meses: um número." }).int("Meses: um número inteiro.").min(1, "Meses: de 1 a 60.").max(60, "Meses: de 1 a 60.").default(12),
  minHoras: z.coerce.number({ message: "Horas: um número." }).min(0, "Horas: de 0 a 1.000.").max(1000, "Horas: de 0 a 1.000.").optional(),
  regiao: fromUrlValue(REGIONS, "Região desconhecida.").optional(),
  porte: fromUrlValue(PORTES, "Porte desconhecido.").optional(),
  ordem: fromUrlValue(PRIORITY_SORTS, "Ordem desconhecida.").default("porte"),
});

/** The priority list's options from the URL (uf, meses, minHoras, regiao, porte, ordem). */
export function parsePriorityOptions(params: URLSearchParams): { ok: true; options: PriorityOptions } | { ok: false; message: string } {
  const raw = Object.fromEntries(["uf", "meses", "minHoras", "regiao", "porte", "ordem"].map((k) => [k, params.get(k) || undefined]));
  const parsed = prioritySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Filtros inválidos." };
  const o = parsed.data;
  return {
    ok: true,
    options: {
      months: o.meses,
      sort: o.ordem,
      ...(o.uf ? { uf: o.uf } : {}),
      ...(o.minHoras !== undefined ? { minHours: o.minHoras } : {}),
      ...(o.regiao ? { region: o.regiao } : {}),
      ...(o.porte ? { porte: o.porte } : {}),
    },
  };
}

/** The priority options back as URL parameters. */
export function priorityOptionsToSearch(o: PriorityOptions): URLSearchParams {
  const p = new URLSearchParams({ meses: String(o.months) });
  if (o.uf) p.set("uf", o.uf);
  if (o.minHours !== undefined) p.set("minHoras", String(o.minHours));
  if (o.region) p.set("regiao", urlValue(o.region));
  if (o.porte) p.set("porte", urlValue(o.porte));
  p.set("ordem", o.sort);
  return p;
}

/** How a state's municipalities can be listed (URL value → label). */
export const MUNICIPIO_SORTS = { nome: "Nome", inscricoes: "Inscrições", presentes: "Presentes", horas: "Horas certificadas", populacao: "População" } as const;
export type MunicipioSort = keyof typeof MUNICIPIO_SORTS;

/** The sort asked for in `ordem`, by name when absent or unknown. */
export function parseMunicipioSort(value: string | null): MunicipioSort {
  return value && value in MUNICIPIO_SORTS ? (value as MunicipioSort) : "nome";
}

type SortableMunicipio = { name: string; registrations: number; present: number; hours: number; population: number | null };

/** Municipalities in the order asked for: largest first for figures, ties by name. */
export function sortMunicipios<T extends SortableMunicipio>(rows: readonly T[], sort: MunicipioSort): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, "pt-BR");
  const figure: Record<MunicipioSort, ((m: T) => number) | null> = {
    nome: null,
    inscricoes: (m) => m.registrations,
    presentes: (m) => m.present,
    horas: (m) => m.hours,
    populacao: (m) => m.population ?? 0,
  };
  const f = figure[sort];
  return [...rows].sort(f ? (a, b) => f(b) - f(a) || byName(a, b) : byName);
}
