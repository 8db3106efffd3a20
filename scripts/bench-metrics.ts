// npm run bench:metrics — times the participation dashboards' loaders on the national dataset
// (data/national.db, or DATABASE_URL=file:…; built with `npm run seed:national` when missing): each
// case is a GET request to the route's loader with a signed-in session cookie (session lookup,
// filter parsing, permission check, the SQL and the JSON shaping included): the national dashboard (last 12 months, the default, and 24 months), the
// state dashboards of BA (417 municipalities), SP (645) and RR (15), the priority list (national and
// BA, 12 months, by porte) and the ente pages of a UF and a municipality. Each case runs 3 times to
// warm up, then 15 timed runs; prints median and p90 against the issue's targets (federal < 300 ms,
// state < 100 ms, priority list < 200 ms, medians), the database size and row counts. Asserts nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { register } from "node:module";
import path from "node:path";

import Database from "better-sqlite3";

const WARM = Number(process.env.BENCH_WARM ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const url = process.env.DATABASE_URL ?? `file:${path.join(ROOT, "data", "national.db")}`;
if (!url.startsWith("file:")) throw new Error("DATABASE_URL deve ser file:caminho.db");
const file = path.resolve(ROOT, url.slice("file:".length).replace(/\?.*$/, ""));
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";

if (!fs.existsSync(file)) {
  console.log(`${path.relative(ROOT, file)} não existe: gerando o conjunto nacional (npm run seed:national, alguns minutos)…\n`);
  execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "seed-national.ts")], { cwd: ROOT, env: process.env, stdio: "inherit" });
  console.log("");
}

const { db } = await import("~/lib/db.server");
const { loadActor, startSession } = await import("~/modules/auth/session.server");
const { addMonths, defaultFilters } = await import("~/modules/metrics/filters");
const { entePage, nationalDashboard, priorityList, stateDashboard } = await import("~/modules/metrics/metrics.server");

async function actorByEmail(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new Error(`${email} não está no banco: gere-o com npm run seed:national`);
  return (await loadActor(user.id))!;
}
// The routes import their stylesheets, which the Remix compiler turns into URLs; here they are empty.
register(
  "data:text/javascript," +
    encodeURIComponent(`export async function load(url, context, next) {
      return url.endsWith(".css") ? { format: "module", source: "export default '';", shortCircuit: true } : next(url, context);
    }`),
);
const national = await import("~/routes/painel._index");
const state = await import("~/routes/painel.uf.$uf");
const priorities = await import("~/routes/painel.prioridades");
const ente = await import("~/routes/entes.$codigo");
const exporter = await import("~/routes/painel.exportar");

const sessions: string[] = [];
async function cookieFor(email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const setCookie = await startSession(user.id, "bench:metrics");
  sessions.push(user.id);
  return setCookie.split(";")[0]!;
}
/** Calls a route loader as Remix would for GET `path`, and checks it answered 200. */
async function get(loader: unknown, path: string, cookie: string, params: Record<string, string> = {}): Promise<number> {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const response = (await (loader as (a: unknown) => Promise<Response>)({ request, params, context: { clientIp: "127.0.0.1" } })) as Response;
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.arrayBuffer()).byteLength;
}
const cookies = {
  federal: await cookieFor("federal@nacional.apoiasuas.gov.br"),
  BA: await cookieFor("equipe.ba@nacional.apoiasuas.gov.br"),
  SP: await cookieFor("equipe.sp@nacional.apoiasuas.gov.br"),
  RR: await cookieFor("equipe.rr@nacional.apoiasuas.gov.br"),
};

const federal = await actorByEmail("federal@nacional.apoiasuas.gov.br");
const bahia = await actorByEmail("equipe.ba@nacional.apoiasuas.gov.br");
const saoPaulo = await actorByEmail("equipe.sp@nacional.apoiasuas.gov.br");
const roraima = await actorByEmail("equipe.rr@nacional.apoiasuas.gov.br");

const last12 = defaultFilters();
const last24 = { from: addMonths(last12.to, -23), to: last12.to };
const pct = (v: number | null) => (v == null ? "—" : `${(v * 100).toFixed(1)} %`);
const n = (v: number) => v.toLocaleString("pt-BR");

// run: the timed loader call; result: the domain call behind it, made once for the summary line.
type Case = { label: string; target: number | null; run: () => Promise<unknown>; result: () => Promise<unknown>; summary: (result: never) => string };
const cases: Case[] = [
  {
    label: `GET /painel, 12 meses (${last12.from} a ${last12.to})`,
    target: 300,
    run: () => get(national.loader, `/painel?de=${last12.from}&ate=${last12.to}`, cookies.federal),
    result: () => nationalDashboard(federal, last12),
    summary: (r: Awaited<ReturnType<typeof nationalDashboard>>) => `${n(r.totals.registrations)} inscrições, ${n(r.totals.present)} presentes, ${n(r.totals.people)} pessoas, cobertura ${pct(r.totals.coverage.share)}`,
  },
  {
    label: `GET /painel, 24 meses (${last24.from} a ${last24.to})`,
    target: 300,
    run: () => get(national.loader, `/painel?de=${last24.from}&ate=${last24.to}`, cookies.federal),
    result: () => nationalDashboard(federal, last24),
    summary: (r: Awaited<ReturnType<typeof nationalDashboard>>) => `${n(r.totals.registrations)} inscrições, ${n(r.totals.present)} presentes, ${n(r.totals.people)} pessoas, cobertura ${pct(r.totals.coverage.share)}`,
  },
  ...([["BA", bahia], ["SP", saoPaulo], ["RR", roraima]] as const).map(([uf, actor]) => ({
    label: `GET /painel/uf/${uf}, 12 meses`,
    target: 100,
    run: () => get(state.loader, `/painel/uf/${uf}`, cookies[uf], { uf }),
    result: () => stateDashboard(actor, uf, last12),
    summary: (r: Awaited<ReturnType<typeof stateDashboard>>) => `${r.municipios.length} municípios, ${n(r.totals.registrations)} inscrições, cobertura ${pct(r.totals.coverage.share)}`,
  })),
  {
    label: "GET /painel/prioridades (Brasil, 12 meses, porte)",
    target: 200,
    run: () => get(priorities.loader, "/painel/prioridades", cookies.federal),
    result: () => priorityList(federal, { months: 12, sort: "porte" }),
    summary: (r: Awaited<ReturnType<typeof priorityList>>) => `${n(r.items.length)} de ${n(r.considered)} municípios sem presença em 12 meses`,
  },
  {
    label: "GET /painel/prioridades?uf=BA (12 meses, porte)",
    target: 200,
    run: () => get(priorities.loader, "/painel/prioridades?uf=BA", cookies.BA),
    result: () => priorityList(bahia, { uf: "BA", months: 12, sort: "porte" }),
    summary: (r: Awaited<ReturnType<typeof priorityList>>) => `${n(r.items.length)} de ${n(r.considered)} municípios sem presença em 12 meses`,
  },
  {
    label: "GET /entes/29 (Bahia), equipe BA",
    target: null,
    run: () => get(ente.loader, "/entes/29", cookies.BA, { codigo: "29" }),
    result: () => entePage(bahia, "29", last12),
    summary: (r: Awaited<ReturnType<typeof entePage>>) => `${n(r.totals.registrations)} inscrições, ${r.history.length} eventos, ${r.people?.length ?? 0} nomes`,
  },
  {
    label: "GET /entes/2927408 (Salvador), equipe BA",
    target: null,
    run: () => get(ente.loader, "/entes/2927408", cookies.BA, { codigo: "2927408" }),
    result: () => entePage(bahia, "2927408", last12),
    summary: (r: Awaited<ReturnType<typeof entePage>>) => `${n(r.totals.registrations)} inscrições, ${r.history.length} eventos, ${r.people?.length ?? 0} nomes`,
  },
  ...(["csv", "xlsx"] as const).map((format) => ({
    label: `GET /painel/exportar prioridades Brasil (${format.toUpperCase()})`,
    target: null,
    run: () => get(exporter.loader, `/painel/exportar?tabela=prioridades&arquivo=${format}`, cookies.federal),
    result: () => get(exporter.loader, `/painel/exportar?tabela=prioridades&arquivo=${format}`, cookies.federal),
    summary: (bytes: number) => `${n(Math.round(bytes / 1024))} KB`,
  })),
];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
const results: { label: string; target: number | null; median: number; p90: number; min: number; max: number; summary: string }[] = [];
console.log(`Medindo ${cases.length} consultas (${WARM} aquecimentos + ${RUNS} medições cada)…`);
for (const c of cases) {
  for (let i = 0; i < WARM; i++) await c.run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await c.run();
    times.push(performance.now() - t);
  }
  const last = await c.result();
  times.sort((a, b) => a - b);
  results.push({ label: c.label, target: c.target, median: quantile(times, 0.5), p90: quantile(times, 0.9), min: times[0]!, max: times[times.length - 1]!, summary: c.summary(last as never) });
}

// --- Database ----------------------------------------------------------------------------------
const sql = new Database(file, { readonly: true });
const count = (q: string, ...params: unknown[]) => Number((sql.prepare(q).get(...params) as { n: number }).n);
const since = (months: number) => Date.parse(`${addMonths(last12.to, 1 - months)}-01T03:00:00Z`);
const counts: [string, string][] = [
  ["Municípios", n(count(`SELECT COUNT(*) AS n FROM "Ente" WHERE "kind" = 'MUNICIPIO'`))],
  ["Pessoas", n(count(`SELECT COUNT(*) AS n FROM "User"`))],
  ["Eventos publicados", n(count(`SELECT COUNT(*) AS n FROM "Event" WHERE "status" = 'PUBLICADO'`))],
  ["Sessões", n(count(`SELECT COUNT(*) AS n FROM "EventSession"`))],
  ["Inscrições", `${n(count(`SELECT COUNT(*) AS n FROM "Registration"`))} (confirmadas ${n(count(`SELECT COUNT(*) AS n FROM "Registration" WHERE "status" = 'CONFIRMADA'`))})`],
  ["Intervalos de presença", n(count(`SELECT COUNT(*) AS n FROM "PresenceInterval"`))],
  ["Check-ins", n(count(`SELECT COUNT(*) AS n FROM "CheckIn"`))],
  ["Certificados", n(count(`SELECT COUNT(*) AS n FROM "Certificate"`))],
  [
    "ParticipationFact",
    `${n(count(`SELECT COUNT(*) AS n FROM "ParticipationFact"`))} (12 meses: ${n(count(`SELECT COUNT(*) AS n FROM "ParticipationFact" WHERE "eventStartsAt" >= ?`, since(12)))}; 24 meses: ${n(count(`SELECT COUNT(*) AS n FROM "ParticipationFact" WHERE "eventStartsAt" >= ?`, since(24)))})`,
  ],
  ["MetricsDirty pendentes", n(count(`SELECT COUNT(*) AS n FROM "MetricsDirty"`))],
];
sql.close();
await db.session.deleteMany({ where: { userAgent: "bench:metrics", userId: { in: sessions } } });
await db.$disconnect();
const size = ["", "-wal"].reduce((s, suffix) => s + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);

console.log("");
console.log(`Banco: ${path.relative(ROOT, file) || file}, ${(size / 1_048_576).toFixed(0)} MB`);
for (const [k, v] of counts) console.log(`  ${k.padEnd(24)} ${v}`);
console.log("");
const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
console.log(`${"consulta".padEnd(56)} ${"mediana".padStart(10)} ${"p90".padStart(10)} ${"mín.".padStart(10)} ${"máx.".padStart(10)}  meta (mediana)`);
for (const r of results) {
  const verdict = r.target == null ? "—" : `< ${r.target} ms: ${r.median < r.target ? "dentro" : `FORA (${(r.median / r.target).toFixed(1)}×)`}`;
  console.log(`${r.label.padEnd(56)} ${ms(r.median)} ${ms(r.p90)} ${ms(r.min)} ${ms(r.max)}  ${verdict}`);
}
console.log("");
for (const r of results) console.log(`  ${r.label}: ${r.summary}`);
