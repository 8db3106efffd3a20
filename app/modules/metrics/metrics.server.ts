// Participation figures for the dashboards, aggregated in SQL over the roll-up (ParticipationFact).
// Definitions (docs/decisions/013-participation-metrics.md):
// - inscrições: confirmed registrations in events of the period (cancelled ones do not count);
// - presentes: those with any presence (online or on site, under the presence rule);
// - taxa de presença: presentes / inscrições;
// - horas de formação: hours stated on valid certificates (revoked and superseded do not count);
// - pessoas alcançadas: distinct people present;
// - cobertura: share of municipalities with at least one person present;
// - eventos: published events of the period (offered), or with participation of the group.
// People count for the ente they registered from (someone who moved counts where she was).
import { db } from "~/lib/db.server";
import { badRequest, forbidden, notFound } from "~/lib/http.server";
import type { Actor } from "~/modules/auth/actor";
import { PORTES, REGIONS, type Porte } from "~/modules/entes/federation";

import { monthList, periodRange, type MetricsFilters, type PriorityOptions, type PrioritySort } from "./filters";
import { canOnMetrics } from "./permissions";

export type { Coverage, Measures } from "./measures";
import type { Coverage, Measures } from "./measures";

type Row = Record<string, unknown>;
const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : v == null ? 0 : Number(v));

const REGION_BY_DIGIT: Record<string, (typeof REGIONS)[number]> = { "1": "Norte", "2": "Nordeste", "3": "Sudeste", "4": "Sul", "5": "Centro-Oeste" };
/** IBGE UF codes start with their region's digit. */
const REGION_DIGIT = Object.fromEntries(Object.entries(REGION_BY_DIGIT).map(([d, r]) => [r, d])) as Record<(typeof REGIONS)[number], string>;

// ---------------------------------------------------------------------------------------------
// The municipalities (static after the seed): cached per process.

export type Municipio = { id: string; name: string; uf: string; ufId: string; region: string; porte: Porte | null; population: number | null; capital: boolean };
export type Uf = { id: string; uf: string; name: string; region: string; population: number | null };
let federation: Promise<{ municipios: Municipio[]; ufs: Uf[]; byId: Map<string, Municipio>; ufByCode: Map<string, Uf>; ufByAbbr: Map<string, Uf> }> | undefined;

export function loadFederation() {
  return (federation ??= (async () => {
    const rows = await db.ente.findMany({
      where: { kind: { in: ["UF", "MUNICIPIO"] } },
      select: { id: true, kind: true, name: true, uf: true, region: true, porte: true, population: true, capital: true },
      orderBy: { searchName: "asc" },
    });
    const ufs: Uf[] = rows.filter((r) => r.kind === "UF").map((r) => ({ id: r.id, uf: r.uf!, name: r.name, region: r.region ?? "", population: r.population }));
    const municipios: Municipio[] = rows
      .filter((r) => r.kind === "MUNICIPIO")
      .map((r) => ({ id: r.id, name: r.name, uf: r.uf!, ufId: r.id.slice(0, 2), region: r.region ?? "", porte: r.porte as Porte | null, population: r.population, capital: r.capital }));
    if (!municipios.length) federation = undefined; // not seeded yet: try again next time
    return {
      municipios,
      ufs: ufs.sort((a, b) => a.uf.localeCompare(b.uf)),
      byId: new Map(municipios.map((m) => [m.id, m])),
      ufByCode: new Map(ufs.map((u) => [u.id, u])),
      ufByAbbr: new Map(ufs.map((u) => [u.uf, u])),
    };
  })());
}

// ---------------------------------------------------------------------------------------------
// SQL over the roll-up.

type Where = { sql: string; params: unknown[] };

/** The WHERE of the roll-up for the filters; `alias` qualifies the columns in a join. */
function factsWhere(f: MetricsFilters, extra: { ufId?: string; enteId?: string } = {}, alias = "", opts: { dateByScan?: boolean } = {}): Where {
  const { start, end } = periodRange(f);
  const c = (column: string) => `${alias ? `${alias}.` : ""}"${column}"`;
  // dateByScan: the unary + keeps the planner from the date index, so it picks the covering index
  // of the GROUP BY and checks the date while scanning it (faster for a whole-country period).
  const date = opts.dateByScan ? `+${c("eventStartsAt")}` : c("eventStartsAt");
  const parts = [`${date} >= ?`, `${date} < ?`];
  const params: unknown[] = [start.getTime(), end.getTime()];
  if (extra.ufId) {
    parts.push(`${c("ufId")} = ?`);
    params.push(extra.ufId);
  }
  if (extra.enteId) {
    parts.push(`${c("enteId")} = ?`);
    params.push(extra.enteId);
  }
  if (f.type) {
    parts.push(`${c("eventType")} = ?`);
    params.push(f.type);
  }
  if (f.format) {
    parts.push(`${c("eventFormat")} = ?`);
    params.push(f.format);
  }
  if (f.scope) {
    parts.push(`${c("eventScope")} = ?`);
    params.push(f.scope);
  }
  if (f.organizer) {
    parts.push(`${c("organizerKind")} = ?`);
    params.push(f.organizer);
  }
  if (f.region) {
    parts.push(`substr(${c("ufId")}, 1, 1) = ?`);
    params.push(REGION_DIGIT[f.region]);
  }
  return { sql: parts.join(" AND "), params };
}

const MEASURES_SQL = `COUNT(*) AS registrations, SUM("present") AS present, SUM("certifiedMinutes") AS certified,
  COUNT(DISTINCT CASE WHEN "present" = 1 THEN "userId" END) AS people, COUNT(DISTINCT "eventId") AS events,
  COUNT(DISTINCT CASE WHEN "present" = 1 AND length("enteId") = 7 THEN "enteId" END) AS covered`;

type Aggregate = Measures & { covered: number };

function toMeasures(r: Row | undefined): Aggregate {
  const registrations = num(r?.registrations);
  const present = num(r?.present);
  return {
    events: num(r?.events),
    registrations,
    present,
    attendanceRate: registrations ? present / registrations : null,
    hours: Math.round(num(r?.certified) / 6) / 10,
    people: num(r?.people),
    covered: num(r?.covered),
  };
}

async function grouped(where: Where, groupSql: string): Promise<Map<string, Aggregate>> {
  const rows = await db.$queryRawUnsafe<Row[]>(`SELECT ${groupSql} AS k, ${MEASURES_SQL} FROM "ParticipationFact" WHERE ${where.sql} GROUP BY k`, ...where.params);
  return new Map(rows.map((r) => [String(r.k ?? ""), toMeasures(r)]));
}

async function total(where: Where): Promise<Aggregate> {
  const [row] = await db.$queryRawUnsafe<Row[]>(`SELECT ${MEASURES_SQL} FROM "ParticipationFact" WHERE ${where.sql}`, ...where.params);
  return toMeasures(row);
}

/** Published events of the period under the filters (what was offered), optionally of one organizer. */
async function eventsOffered(f: MetricsFilters, organizerEnteIds?: string[]): Promise<number> {
  const { start, end } = periodRange(f);
  return db.event.count({
    where: {
      status: "PUBLICADO",
      startsAt: { gte: start, lt: end },
      ...(f.type ? { type: f.type } : {}),
      ...(f.format ? { format: f.format } : {}),
      ...(f.scope ? { scope: f.scope } : {}),
      ...(f.organizer ? { organizerEnte: { kind: f.organizer } } : {}),
      ...(organizerEnteIds ? { organizerEnteId: { in: organizerEnteIds } } : {}),
    },
  });
}

/** Municipalities with someone present, by porte, within the where. */
async function coveredByPorte(where: Where): Promise<Map<string, number>> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT e."porte" AS k, COUNT(DISTINCT f."enteId") AS covered FROM "ParticipationFact" f JOIN "Ente" e ON e."id" = f."enteId"
     WHERE ${where.sql} AND f."present" = 1 AND length(f."enteId") = 7 GROUP BY k`,
    ...where.params,
  );
  return new Map(rows.map((r) => [String(r.k ?? ""), num(r.covered)]));
}

async function monthly(where: Where, f: MetricsFilters) {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT strftime('%Y-%m', ("eventStartsAt" / 1000) - 10800, 'unixepoch') AS k, COUNT(*) AS registrations, SUM("present") AS present, SUM("certifiedMinutes") AS certified
     FROM "ParticipationFact" WHERE ${where.sql} GROUP BY k`,
    ...where.params,
  );
  const byMonth = new Map(rows.map((r) => [String(r.k), r]));
  const months = monthList(f);
  return {
    months,
    registrations: months.map((m) => num(byMonth.get(m)?.registrations)),
    present: months.map((m) => num(byMonth.get(m)?.present)),
    hours: months.map((m) => Math.round(num(byMonth.get(m)?.certified) / 6) / 10),
  };
}

const share = (covered: number, totalCount: number): Coverage => ({ covered, total: totalCount, share: totalCount ? covered / totalCount : null });

function porteCoverage(municipios: Municipio[], covered: Map<string, number>) {
  return PORTES.map((porte) => share(covered.get(porte) ?? 0, municipios.filter((m) => m.porte === porte).length)).map((c, i) => ({ porte: PORTES[i]!, ...c }));
}

// ---------------------------------------------------------------------------------------------
// Dashboards.

type Acc = { events: Set<string>; registrations: number; present: number; certified: number; people: number; covered: number };
const newAcc = (): Acc => ({ events: new Set(), registrations: 0, present: 0, certified: 0, people: 0, covered: 0 });
const accOf = (m: Map<string, Acc>, k: string) => m.get(k) ?? m.set(k, newAcc()).get(k)!;
function fromAcc(a: Acc | undefined): Aggregate {
  const x = a ?? newAcc();
  return {
    events: x.events.size,
    registrations: x.registrations,
    present: x.present,
    attendanceRate: x.registrations ? x.present / x.registrations : null,
    hours: Math.round(x.certified / 6) / 10,
    people: x.people,
    covered: x.covered,
  };
}

/**
 * Brazil, by region, UF, type, porte and month, in three passes over the roll-up (sums per event and
 * UF; municipalities with presence; distinct people per UF, region and type), combined here — the
 * whole-country period is the heaviest view (docs/decisions/013, npm run bench:metrics).
 */
export async function nationalDashboard(actor: Actor, f: MetricsFilters) {
  if (!canOnMetrics(actor, "see_national")) throw forbidden("O painel nacional é da equipe federal. Sua equipe vê o painel do seu estado.");
  const w = factsWhere(f, {}, "", { dateByScan: true });
  const fed = await loadFederation();
  const sums = await db.$queryRawUnsafe<Row[]>(
    `SELECT "eventId" AS ev, "ufId" AS uf, "eventType" AS type, strftime('%Y-%m', ("eventStartsAt" / 1000) - 10800, 'unixepoch') AS month,
       COUNT(*) AS registrations, SUM("present") AS present, SUM("certifiedMinutes") AS certified
     FROM "ParticipationFact" WHERE ${w.sql} GROUP BY "eventId", "ufId"`,
    ...w.params,
  );
  const covered = await db.$queryRawUnsafe<Row[]>(
    `SELECT "enteId" AS ente, group_concat(DISTINCT "eventType") AS types FROM "ParticipationFact"
     WHERE ${w.sql} AND +"present" = 1 AND length("enteId") = 7 GROUP BY "enteId"`,
    ...w.params,
  );
  const people = await db.$queryRawUnsafe<Row[]>(
    `WITH u AS MATERIALIZED (SELECT "userId" AS user, json_group_array(DISTINCT "ufId") AS ufs, json_group_array(DISTINCT "eventType") AS types
       FROM "ParticipationFact" WHERE "present" = 1 AND ${w.sql} GROUP BY "userId")
     SELECT 'total' AS dim, '' AS k, COUNT(*) AS people FROM u
     UNION ALL SELECT 'uf', j.value, COUNT(*) FROM u, json_each(u.ufs) j GROUP BY j.value
     UNION ALL SELECT 'region', substr(j.value, 1, 1), COUNT(DISTINCT u.user) FROM u, json_each(u.ufs) j GROUP BY 2
     UNION ALL SELECT 'type', j.value, COUNT(*) FROM u, json_each(u.types) j GROUP BY j.value`,
    ...w.params,
  );
  const offered = await eventsOffered(f);

  const total = newAcc();
  const byUf = new Map<string, Acc>();
  const byRegion = new Map<string, Acc>();
  const byType = new Map<string, Acc>();
  for (const r of sums) {
    const uf = r.uf == null ? "" : String(r.uf);
    for (const a of [total, accOf(byUf, uf), accOf(byRegion, uf.slice(0, 1)), accOf(byType, String(r.type))]) {
      a.events.add(String(r.ev));
      a.registrations += num(r.registrations);
      a.present += num(r.present);
      a.certified += num(r.certified);
    }
  }
  const porteCovered = new Map<string, number>();
  for (const r of covered) {
    const ente = String(r.ente);
    total.covered++;
    accOf(byUf, ente.slice(0, 2)).covered++;
    accOf(byRegion, ente.slice(0, 1)).covered++;
    const porte = fed.byId.get(ente)?.porte ?? "";
    porteCovered.set(porte, (porteCovered.get(porte) ?? 0) + 1);
  }
  for (const r of people) {
    if (r.dim === "total") total.people = num(r.people);
    else accOf(r.dim === "uf" ? byUf : r.dim === "region" ? byRegion : byType, r.k == null ? "" : String(r.k)).people = num(r.people);
  }
  const byMonth = new Map<string, Row[]>();
  for (const r of sums) (byMonth.get(String(r.month)) ?? byMonth.set(String(r.month), []).get(String(r.month))!).push(r);
  const months = monthList(f);
  const monthSum = (m: string, k: string) => (byMonth.get(m) ?? []).reduce((sum, r) => sum + num(r[k]), 0);

  const municipios = f.region ? fed.municipios.filter((m) => m.region === f.region) : fed.municipios;
  const municipiosByUf = countBy(municipios, (m) => m.ufId);
  const municipiosByRegion = countBy(municipios, (m) => m.region);
  const totals = fromAcc(total);
  return {
    // With a region chosen, "events" are those with participation from it (what was offered has no region).
    totals: { ...totals, events: f.region ? totals.events : offered, coverage: share(totals.covered, municipios.length) },
    eventsAreOffered: !f.region,
    regions: REGIONS.filter((r) => !f.region || r === f.region).map((region) => {
      const m = fromAcc(byRegion.get(REGION_DIGIT[region]));
      return { region, ...m, coverage: share(m.covered, municipiosByRegion.get(region) ?? 0) };
    }),
    ufs: fed.ufs
      .filter((u) => !f.region || u.region === f.region)
      .map((u) => {
        const m = fromAcc(byUf.get(u.id));
        return { id: u.id, uf: u.uf, name: u.name, region: u.region, ...m, coverage: share(m.covered, municipiosByUf.get(u.id) ?? 0) };
      }),
    porte: porteCoverage(municipios, porteCovered),
    types: [...byType].map(([type, a]) => ({ type, ...fromAcc(a) })).sort((a, b) => b.registrations - a.registrations),
    series: {
      months,
      registrations: months.map((m) => monthSum(m, "registrations")),
      present: months.map((m) => monthSum(m, "present")),
      hours: months.map((m) => Math.round(monthSum(m, "certified") / 6) / 10),
    },
  };
}

export async function stateDashboard(actor: Actor, ufAbbr: string, f: MetricsFilters) {
  const fed = await loadFederation();
  const uf = fed.ufByAbbr.get(ufAbbr.toUpperCase());
  if (!uf) throw notFound("UF desconhecida.");
  if (!canOnMetrics(actor, "see_uf", { uf: uf.uf })) throw forbidden(`Você não acompanha ${uf.name}: o painel de cada estado é da equipe estadual e da equipe federal.`);
  const where = factsWhere(f, { ufId: uf.id });
  const municipios = fed.municipios.filter((m) => m.ufId === uf.id);
  const [totals, byEnte, byOrganizer, byType, porte, series, ownOffered, federalOffered] = await Promise.all([
    total(where),
    grouped(where, `"enteId"`),
    grouped(where, `"organizerKind"`),
    grouped(where, `"eventType"`),
    coveredByPorte(factsWhere(f, { ufId: uf.id }, "f")),
    monthly(where, f),
    eventsOffered({ ...f, organizer: undefined }, [uf.id]),
    eventsOffered({ ...f, organizer: undefined }, ["BR"]),
  ]);
  const stateTeam = byEnte.get(uf.id) ?? toMeasures(undefined);
  return {
    uf,
    totals: { ...totals, coverage: share(totals.covered, municipios.length) },
    stateTeam,
    municipios: municipios.map((m) => ({ ...m, ...(byEnte.get(m.id) ?? toMeasures(undefined)) })),
    porte: porteCoverage(municipios, porte),
    organizers: (["UF", "UNIAO"] as const).map((kind) => ({
      kind,
      offered: f.organizer && f.organizer !== kind ? 0 : kind === "UF" ? ownOffered : federalOffered,
      ...(byOrganizer.get(kind) ?? toMeasures(undefined)),
    })),
    types: [...byType].map(([type, m]) => ({ type, ...m })).sort((a, b) => b.registrations - a.registrations),
    series,
  };
}

function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of items) out.set(key(i), (out.get(key(i)) ?? 0) + 1);
  return out;
}

// ---------------------------------------------------------------------------------------------
// An ente's page: public aggregates and history; the names only for those who may see them.

/** Rows an ente page shows; an export (`full`) has them all. */
const ENTE_PAGE_LIMITS = { history: 200, people: 500 };

export async function entePage(actor: Actor | null, code: string, f: MetricsFilters, opts: { full?: boolean } = {}) {
  // One row more than shown tells whether the page is cut short.
  const limit = (n: number) => (opts.full ? "" : `LIMIT ${n + 1}`);
  if (!/^(\d{2}|\d{7})$/.test(code)) throw badRequest("Código IBGE inválido: são 2 dígitos para uma UF ou 7 para um município.");
  const ente = await db.ente.findUnique({ where: { id: code }, select: { id: true, kind: true, name: true, uf: true, region: true, porte: true, population: true, capital: true } });
  if (!ente || ente.kind === "UNIAO") throw notFound("Não há UF nem município com este código IBGE.");
  const fed = await loadFederation();
  const isUf = ente.kind === "UF";
  const where = isUf ? factsWhere(f, { ufId: ente.id }) : factsWhere(f, { enteId: ente.id });
  const [totals, series, historyRows] = await Promise.all([
    total(where),
    monthly(where, f),
    db.$queryRawUnsafe<Row[]>(
      `SELECT "eventId", COUNT(*) AS registrations, SUM("present") AS present, SUM("certifiedMinutes") AS certified FROM "ParticipationFact" WHERE ${where.sql}
       GROUP BY "eventId" ORDER BY MAX("eventStartsAt") DESC ${limit(ENTE_PAGE_LIMITS.history)}`,
      ...where.params,
    ),
  ]);
  const history = opts.full ? historyRows : historyRows.slice(0, ENTE_PAGE_LIMITS.history);
  const ids = history.map((h) => String(h.eventId));
  const events = [];
  // In rounds: SQLite binds at most 999 values per statement, and an export has every event.
  for (let i = 0; i < ids.length; i += 900) {
    events.push(
      ...(await db.event.findMany({
        where: { id: { in: ids.slice(i, i + 900) } },
        select: { id: true, slug: true, title: true, type: true, startsAt: true, timeZone: true, organizerEnte: { select: { name: true, kind: true, uf: true } } },
      })),
    );
  }
  const eventById = new Map(events.map((e) => [e.id, e]));
  const mayName = canOnMetrics(actor, "see_ente_names", { uf: ente.uf });
  const named = isUf ? factsWhere(f, { ufId: ente.id }, "f") : factsWhere(f, { enteId: ente.id }, "f");
  const peopleRows = mayName
    ? await db.$queryRawUnsafe<Row[]>(
        `SELECT f."userId" AS userId, u."name" AS name, COUNT(*) AS registrations, SUM(f."present") AS present, SUM(f."certifiedMinutes") AS certified
         FROM "ParticipationFact" f JOIN "User" u ON u."id" = f."userId" WHERE ${named.sql}
         GROUP BY f."userId" ORDER BY u."name" ${limit(ENTE_PAGE_LIMITS.people)}`,
        ...named.params,
      )
    : null;
  const people = peopleRows && !opts.full ? peopleRows.slice(0, ENTE_PAGE_LIMITS.people) : peopleRows;
  const municipios = isUf ? fed.municipios.filter((m) => m.ufId === ente.id).length : 1;
  return {
    ente: { ...ente, kind: ente.kind as "UF" | "MUNICIPIO" },
    totals: { ...totals, coverage: isUf ? share(totals.covered, municipios) : null },
    series,
    history: history.map((h) => {
      const e = eventById.get(String(h.eventId));
      return {
        eventId: String(h.eventId),
        slug: e?.slug ?? "",
        title: e?.title ?? "",
        type: e?.type ?? "",
        startsAt: e?.startsAt ?? null,
        timeZone: e?.timeZone ?? "America/Sao_Paulo",
        organizer: e?.organizerEnte ?? null,
        registrations: num(h.registrations),
        present: num(h.present),
        hours: Math.round(num(h.certified) / 6) / 10,
      };
    }),
    people: people?.map((p) => ({ userId: String(p.userId), name: String(p.name), registrations: num(p.registrations), present: num(p.present), hours: Math.round(num(p.certified) / 6) / 10 })) ?? null,
    /** the page shows only the first rows of these; the export has them all */
    cut: { history: historyRows.length > history.length, people: !!peopleRows && !!people && peopleRows.length > people.length },
  };
}

// ---------------------------------------------------------------------------------------------
// Who still needs support (Art. 5 II): municipalities with no participation in the last months, or
// below an hours target.


export async function priorityList(actor: Actor, opts: PriorityOptions, now = new Date()) {
  const fed = await loadFederation();
  const uf = opts.uf ? fed.ufByAbbr.get(opts.uf.toUpperCase()) : undefined;
  if (opts.uf && !uf) throw notFound("UF desconhecida.");
  if (!canOnMetrics(actor, "see_priorities", { uf: uf?.uf })) {
    throw forbidden(uf ? `Você não acompanha ${uf.name}.` : "A lista nacional é da equipe federal: escolha o seu estado.");
  }
  const since = new Date(now.getTime());
  since.setUTCMonth(since.getUTCMonth() - opts.months);
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT "enteId" AS k, MAX(CASE WHEN "present" = 1 THEN "eventStartsAt" END) AS last,
       SUM(CASE WHEN "present" = 1 AND "eventStartsAt" >= ? THEN 1 ELSE 0 END) AS recent,
       SUM(CASE WHEN "eventStartsAt" >= ? THEN "certifiedMinutes" ELSE 0 END) AS minutes
     FROM "ParticipationFact" WHERE length("enteId") = 7 AND "eventStartsAt" < ? ${uf ? `AND "ufId" = ?` : ""} GROUP BY "enteId"`,
    since.getTime(),
    since.getTime(),
    now.getTime(),
    ...(uf ? [uf.id] : []),
  );
  const stats = new Map(rows.map((r) => [String(r.k), { last: r.last == null ? null : new Date(num(r.last)), recent: num(r.recent), minutes: num(r.minutes) }]));
  const minMinutes = (opts.minHours ?? 0) * 60;
  const all = fed.municipios.filter((m) => (!uf || m.ufId === uf.id) && (!opts.region || m.region === opts.region) && (!opts.porte || m.porte === opts.porte));
  const items = all
    .map((m) => {
      const s = stats.get(m.id);
      return { ...m, lastParticipation: s?.last ?? null, recentPresent: s?.recent ?? 0, recentHours: Math.round((s?.minutes ?? 0) / 6) / 10, minutes: s?.minutes ?? 0 };
    })
    .filter((m) => m.recentPresent === 0 || (minMinutes > 0 && m.minutes < minMinutes));
  const porteRank = (p: Porte | null) => (p ? PORTES.indexOf(p) : 99);
  const byName = (a: Municipio, b: Municipio) => a.name.localeCompare(b.name, "pt-BR");
  const sorters: Record<PrioritySort, (a: (typeof items)[number], b: (typeof items)[number]) => number> = {
    porte: (a, b) => porteRank(b.porte) - porteRank(a.porte) || (b.population ?? 0) - (a.population ?? 0) || byName(a, b),
    regiao: (a, b) => a.region.localeCompare(b.region, "pt-BR") || a.uf.localeCompare(b.uf) || byName(a, b),
    populacao: (a, b) => (b.population ?? 0) - (a.population ?? 0) || byName(a, b),
    ultima: (a, b) => (a.lastParticipation?.getTime() ?? 0) - (b.lastParticipation?.getTime() ?? 0) || (b.population ?? 0) - (a.population ?? 0) || byName(a, b),
  };
  items.sort(sorters[opts.sort]);
  return { uf: uf ?? null, considered: all.length, items };
}

// ---------------------------------------------------------------------------------------------
// A person's own figures.

export async function myParticipation(actor: Actor) {
  const [row] = await db.$queryRawUnsafe<Row[]>(
    `SELECT COUNT(*) AS registrations, SUM("present") AS present, SUM("certifiedMinutes") AS certified, COUNT(DISTINCT CASE WHEN "present" = 1 THEN "eventId" END) AS events
     FROM "ParticipationFact" WHERE "userId" = ?`,
    actor.userId,
  );
  const certificates = await db.certificate.aggregate({ where: { userId: actor.userId, revokedAt: null, supersededById: null }, _sum: { hoursMinutes: true }, _count: true });
  return {
    registrations: num(row?.registrations),
    eventsAttended: num(row?.events),
    certificates: certificates._count,
    certifiedHours: Math.round((certificates._sum.hoursMinutes ?? 0) / 6) / 10,
  };
}
