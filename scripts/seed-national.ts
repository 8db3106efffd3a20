// npm run seed:national — the national dataset for the participation dashboards, in its own SQLite
// file (data/national.db, or DATABASE_URL=file:…; never data/dev.db): the project's migrations, the
// IBGE entes (seedEntes), a federal team and one team per UF, 400 published events over the last two
// years, 250,000 registrations, 1,000,000 online presence intervals plus door check-ins, presence
// adjustments, certificates (a few revoked or reissued), then the roll-up by the real code
// (rebuildEventFacts per event, as rebuildAllFacts does; see the note there about events above 996
// confirmed registrations). Rows are written through better-sqlite3 directly, in large transactions.
// Deterministic: a seeded PRNG and dates anchored to today (SEED_TODAY=YYYY-MM-DD to pin it).
// Smaller variants for trying things: SEED_EVENTS, SEED_REGISTRATIONS, SEED_INTERVALS, SEED_USERS.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const DEV_DB = path.join(ROOT, "data", "dev.db");
const MARKER_EMAIL = "federal@nacional.apoiasuas.gov.br";
const PASSWORD = "apoiasuas";

const EVENTS = Number(process.env.SEED_EVENTS ?? 400);
const REGISTRATIONS = Number(process.env.SEED_REGISTRATIONS ?? 250_000);
const INTERVALS = Number(process.env.SEED_INTERVALS ?? 1_000_000);
const MUNICIPAL_USERS = Number(process.env.SEED_USERS ?? 140_000);
const NO_PARTICIPATION_SHARE = 0.2;

// --- Where -------------------------------------------------------------------------------------
const url = process.env.DATABASE_URL ?? `file:${path.join(ROOT, "data", "national.db")}`;
if (!url.startsWith("file:")) throw new Error("DATABASE_URL deve ser file:caminho.db");
const file = path.resolve(ROOT, url.slice("file:".length).replace(/\?.*$/, ""));
if (file === DEV_DB || (fs.existsSync(file) && fs.existsSync(DEV_DB) && fs.realpathSync(file) === fs.realpathSync(DEV_DB))) {
  console.error(`Recusado: ${file} é o banco de desenvolvimento. Use o padrão (data/national.db) ou outro DATABASE_URL=file:….`);
  process.exit(1);
}
if (fs.existsSync(file)) {
  // Only a previous national dataset (or an empty file) is replaced.
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  const hasUsers = probe.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'User'`).get();
  const ours = hasUsers ? probe.prepare(`SELECT 1 FROM "User" WHERE "email" = ?`).get(MARKER_EMAIL) : undefined;
  const empty = hasUsers ? !probe.prepare(`SELECT 1 FROM "User" LIMIT 1`).get() : true;
  probe.close();
  if (!ours && !empty) {
    console.error(`Recusado: ${file} tem dados que não são do conjunto nacional. Apague-o você mesmo ou escolha outro arquivo.`);
    process.exit(1);
  }
}
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
fs.mkdirSync(path.dirname(file), { recursive: true });
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV ??= "development";

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (msg: string) => console.log(`[${elapsed().padStart(7)}] ${msg}`);
const fmtN = (n: number) => n.toLocaleString("pt-BR");

log(`Banco: ${path.relative(ROOT, file) || file}`);
log("Migrações (prisma migrate deploy)…");
execFileSync("bash", [path.join(ROOT, "scripts", "prisma.sh"), "migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"] });

const { db } = await import("~/lib/db.server");
const { seedEntes } = await import("~/modules/entes/seed.server");
const { searchKey, enteDisplayName } = await import("~/modules/entes/federation");
const { slugify } = await import("~/modules/events/slug");
const { EVENT_TYPE_LABELS } = await import("~/modules/events/vocabulary");
const { fromLocal, formatDateSpan } = await import("~/lib/time");
const { presenceInSession, qualification } = await import("~/modules/attendance/presence-rule");
const { policyOf } = await import("~/modules/attendance/standing.server");
const { codeFromBytes } = await import("~/modules/certificates/code");
const { maskCpf } = await import("~/modules/auth/cpf");
const { hashPassword } = await import("~/modules/auth/password.server");

await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
const entesSeeded = await seedEntes(db);
log(`Entes do IBGE: ${fmtN(entesSeeded.total)}`);

const sql = new Database(file);
sql.pragma("journal_mode = WAL");
sql.pragma("synchronous = OFF");
sql.pragma("cache_size = -1000000");
sql.pragma("temp_store = MEMORY");

// --- Deterministic randomness ------------------------------------------------------------------
function makeRng(seedText: string) {
  let h = 1779033703 ^ seedText.length;
  for (let i = 0; i < seedText.length; i++) {
    h = Math.imul(h ^ seedText.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next32 = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next32(), b = next32(), c = next32(), d = next32();
  return () => {
    // sfc32
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
const rand = makeRng(process.env.SEED ?? "apoia-suas-nacional");
const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
const intBetween = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
const chance = (p: number) => rand() < p;
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
function weighted<T>(items: readonly (readonly [T, number])[]): T {
  const totalWeight = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * totalWeight;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}
/** Log-normal around a median (sigma in natural-log units). */
function logNormal(median: number, sigma: number): number {
  const u = Math.max(1e-12, rand());
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  return median * Math.exp(sigma * z);
}
// Ids shaped like the app's: cuid (25 characters, time-ordered) from the row's own time, UUIDs for
// door scans, LiveKit-like participant SIDs, "crt…" for certificates.
const B36 = "0123456789abcdefghijklmnopqrstuvwxyz";
const HEX = "0123456789abcdef";
const randomText = (alphabet: string, length: number) => {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rand() * alphabet.length)];
  return out;
};
let cuidCounter = 0;
const cuidAt = (ms: number) => `c${Math.max(0, Math.floor(ms)).toString(36).padStart(8, "0")}${(cuidCounter++ % 1_679_616).toString(36).padStart(4, "0")}nb7k${randomText(B36, 8)}`;
const uuid = () => `${randomText(HEX, 8)}-${randomText(HEX, 4)}-4${randomText(HEX, 3)}-${"89ab"[Math.floor(rand() * 4)]}${randomText(HEX, 3)}-${randomText(HEX, 12)}`;

// --- Time --------------------------------------------------------------------------------------
const DAY = 86_400_000;
const MIN = 60_000;
const today = process.env.SEED_TODAY ? Date.parse(`${process.env.SEED_TODAY}T00:00:00Z`) : Math.floor(Date.now() / DAY) * DAY;
if (!Number.isFinite(today)) throw new Error("SEED_TODAY deve ser AAAA-MM-DD");
const now = new Date(today);
const windowStart = today - 730 * DAY;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// --- Entes -------------------------------------------------------------------------------------
type EnteRow = { id: string; kind: string; name: string; uf: string | null; region: string | null; timeZone: string; population: number | null; porte: string | null; capital: number };
const entes = sql.prepare(`SELECT "id", "kind", "name", "uf", "region", "timeZone", "population", "porte", "capital" FROM "Ente"`).all() as EnteRow[];
const enteById = new Map(entes.map((e) => [e.id, e]));
const ufs = entes.filter((e) => e.kind === "UF").sort((a, b) => a.id.localeCompare(b.id));
const municipios = entes.filter((e) => e.kind === "MUNICIPIO").sort((a, b) => a.id.localeCompare(b.id));
const ufOfMunicipio = (m: EnteRow) => m.id.slice(0, 2);
const capitalOf = new Map(municipios.filter((m) => m.capital).map((m) => [ufOfMunicipio(m), m]));
const weightOf = (m: EnteRow) => Math.pow(Math.max(800, m.population ?? 3_000), 0.75);

// ~20 % of the municipalities never take part, concentrated in the North and Northeast and in the
// small portes (weighted sampling without replacement); capitals and large cities always do.
const REGION_ABSENCE: Record<string, number> = { Norte: 3, Nordeste: 1.6, "Centro-Oeste": 1.8, Sudeste: 0.8, Sul: 0.5 };
const PORTE_ABSENCE: Record<string, number> = { PP1: 3, PP2: 1.1, MEDIO: 0.3 };
const absenceKeys = municipios
  .map((m) => {
    const w = m.capital ? 0 : (REGION_ABSENCE[m.region ?? ""] ?? 1) * (PORTE_ABSENCE[m.porte ?? "PP1"] ?? 0);
    return { m, key: w > 0 ? Math.pow(rand(), 1 / w) : -1 };
  })
  .sort((a, b) => b.key - a.key);
const absent = new Set(absenceKeys.slice(0, Math.round(municipios.length * NO_PARTICIPATION_SHARE)).map((k) => k.m.id));
const participating = municipios.filter((m) => !absent.has(m.id));
log(`Municípios sem nenhuma participação (planejados): ${fmtN(absent.size)} de ${fmtN(municipios.length)}`);

// --- People ------------------------------------------------------------------------------------
const FIRST = ["Maria", "José", "Ana", "João", "Antônia", "Francisco", "Francisca", "Antônio", "Adriana", "Carlos", "Juliana", "Paulo", "Márcia", "Pedro", "Fernanda", "Lucas", "Patrícia", "Luiz", "Aline", "Marcos", "Sandra", "Raimundo", "Camila", "Sebastião", "Cláudia", "Rafael", "Luciana", "Daniel", "Vanessa", "Marcelo", "Simone", "Bruno", "Jéssica", "Eduardo", "Conceição", "Felipe", "Fátima", "Rodrigo", "Tânia", "Gabriel", "Mônica", "Cícero", "Benedita", "Édson", "Lúcia", "Inês", "Zélia", "Ângela", "Valdirene", "Josué"];
const LAST = ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Conceição", "Magalhães", "Simões", "Brandão", "Nóbrega", "Assunção", "Guimarães", "Galvão", "Leão", "Falcão", "Sá", "Peçanha", "Damasceno", "Cavalcanti"];
const ROLES: [string, number][] = [["TECNICO", 60], ["GESTOR", 15], ["CONSELHEIRO", 15], ["OUTRO", 10]];

function cpfOf(base: number): string {
  const digits = String(base).padStart(9, "0").split("").map(Number);
  for (const length of [9, 10]) {
    const sum = digits.reduce((acc, d, i) => acc + d * (length + 1 - i), 0);
    digits.push(((sum * 10) % 11) % 10);
  }
  return digits.join("");
}

type Person = {
  id: string;
  name: string;
  email: string;
  cpf: string | null;
  role: string;
  /** current ente */
  enteId: string;
  /** movers: the ente before moving, and when */
  previousEnteId: string | null;
  movedAt: number;
  activity: number;
  firstRegistrationAt: number;
  isAdmin: boolean;
  organizes: string[];
};
const people: Person[] = [];
function addPerson(enteId: string, extra: Partial<Person> = {}): Person {
  const n = people.length;
  const first = pick(FIRST);
  const last1 = pick(LAST);
  const last2 = pick(LAST);
  const person: Person = {
    id: "", // from the account's creation time, once it is known (before writing)
    name: `${first} ${last1 === last2 ? "" : `${last1} `}${last2}`,
    email: `${slugify(first)}.${slugify(last2)}.${n.toString(36)}@participante.apoiasuas.gov.br`,
    cpf: chance(0.75) ? cpfOf(100_000_000 + n * 5003) : null,
    role: weighted(ROLES),
    enteId,
    previousEnteId: null,
    movedAt: 0,
    // Pareto-like: most people register once or twice, a few in many events.
    activity: Math.min(40, Math.pow(Math.max(1e-9, rand()), -1 / 1.5)),
    firstRegistrationAt: today,
    isAdmin: false,
    organizes: [],
    ...extra,
  };
  people.push(person);
  return person;
}

// Teams first (their e-mails are the demo logins).
const admin = addPerson("BR", { name: "Administração Apoia SUAS (nacional)", email: "admin@nacional.apoiasuas.gov.br", role: "GESTOR", isAdmin: true, activity: 0 });
const federalTeam = addPerson("BR", { name: "Coordenação-Geral de Apoio Técnico (SNAS)", email: MARKER_EMAIL, role: "GESTOR", organizes: ["BR"], activity: 0 });
const ufTeams = new Map<string, Person>();
for (const uf of ufs) {
  ufTeams.set(uf.id, addPerson(uf.id, { name: `Equipe de Apoio Técnico — ${uf.name}`, email: `equipe.${uf.uf!.toLowerCase()}@nacional.apoiasuas.gov.br`, role: "GESTOR", organizes: [uf.id], activity: 0 }));
}
// Federal staff and state teams also take part in events.
for (let i = 0; i < 120; i++) addPerson("BR");
const municipiosOfUf = new Map<string, EnteRow[]>();
for (const m of municipios) (municipiosOfUf.get(ufOfMunicipio(m)) ?? municipiosOfUf.set(ufOfMunicipio(m), []).get(ufOfMunicipio(m))!).push(m);
for (const uf of ufs) {
  const n = 15 + Math.round((municipiosOfUf.get(uf.id)?.length ?? 0) * 0.15);
  for (let i = 0; i < n; i++) addPerson(uf.id);
}
// Municipal workers: by population (sublinear: every municipality has its CRAS team), at least two
// per participating municipality.
const totalWeight = participating.reduce((s, m) => s + weightOf(m), 0);
for (const m of participating) {
  const expected = (MUNICIPAL_USERS * weightOf(m)) / totalWeight;
  const n = Math.max(2, Math.floor(expected) + (chance(expected - Math.floor(expected)) ? 1 : 0));
  for (let i = 0; i < n; i++) addPerson(m.id);
}
// ~1 % of municipal workers moved: four in five within their state, one in five to another state.
const participatingOfUf = new Map<string, EnteRow[]>();
for (const m of participating) (participatingOfUf.get(ufOfMunicipio(m)) ?? participatingOfUf.set(ufOfMunicipio(m), []).get(ufOfMunicipio(m))!).push(m);
let movers = 0;
for (const p of people) {
  if (p.enteId.length !== 7 || !chance(0.01)) continue;
  const sameUf = chance(0.8);
  const options = sameUf ? participatingOfUf.get(p.enteId.slice(0, 2))! : participating;
  const to = pick(options);
  if (to.id === p.enteId) continue;
  p.previousEnteId = p.enteId;
  p.enteId = to.id;
  p.movedAt = Math.floor(between(windowStart + 90 * DAY, today - 30 * DAY));
  movers++;
}
const enteAt = (p: Person, at: number) => (p.previousEnteId && at < p.movedAt ? p.previousEnteId : p.enteId);
log(`Pessoas: ${fmtN(people.length)} (${fmtN(movers)} mudaram de ente)`);

// --- Events ------------------------------------------------------------------------------------
const TOPICS = [
  "Gestão do SUAS", "Vigilância Socioassistencial", "Cadastro Único e Bolsa Família", "Proteção Social Básica", "Proteção Social Especial",
  "PAIF e o trabalho nos CRAS", "PAEFI e o trabalho nos CREAS", "Controle Social e Conselhos de Assistência Social", "Financiamento do SUAS",
  "Serviço de Convivência e Fortalecimento de Vínculos", "Benefícios Eventuais", "BPC na Escola", "Acolhimento Institucional",
  "Trabalho Social com Famílias", "Prontuário Eletrônico do SUAS", "Censo SUAS", "Educação Permanente no SUAS",
  "População em Situação de Rua", "Enfrentamento ao Trabalho Infantil", "Medidas Socioeducativas em Meio Aberto",
  "Plano Municipal de Assistência Social", "Gestão do Trabalho no SUAS", "Emergências Socioassistenciais", "Rede Socioassistencial Privada",
];
const REGIONS = ["Norte", "Nordeste", "Centro-Oeste", "Sudeste", "Sul"];
const BRASILIA = "5300108";
const RESPONSIBLE = [
  ["Maria José da Conceição", "Coordenadora-Geral de Apoio Técnico"],
  ["Antônio Carlos Nóbrega", "Diretor de Gestão do SUAS"],
  ["Luíza Helena Magalhães", "Coordenadora de Educação Permanente"],
  ["Sebastião Araújo Leão", "Superintendente de Assistência Social"],
] as const;

type Session = { id: string; position: number; title: string; startsAt: number; endsAt: number };
type Audience = { kind: "TODOS" | "REGIAO" | "UF" | "PORTE" | "LISTA"; region?: string; includeMunicipios?: boolean; ufId?: string; portes?: string[]; list?: string[] };
type EventPlan = {
  id: string;
  index: number;
  slug: string;
  title: string;
  type: string;
  scope: string;
  scopeRegion: string | null;
  format: string;
  organizerEnteId: string;
  organizer: Person;
  venueMunicipioId: string | null;
  venueName: string | null;
  venueAddress: string | null;
  audience: Audience;
  visibility: string;
  timeZone: string;
  sessions: Session[];
  startsAt: number;
  endsAt: number;
  opensAt: number;
  closesAt: number;
  publishedAt: number;
  createdAt: number;
  workloadMinutes: number;
  threshold: number;
  certificateScope: string;
  certificateHours: string;
  responsible: readonly [string, string];
  rawSize: number;
  pool: number[];
  size: number;
  capacity: number | null;
  full: boolean;
};

// Organizers: the Union ~40 %; the rest by state, at least three per UF, more for the large ones.
const organizerOfEvent: string[] = [];
const unionEvents = Math.round(EVENTS * 0.4);
for (let i = 0; i < unionEvents; i++) organizerOfEvent.push("BR");
for (const uf of ufs) for (let i = 0; i < 3 && organizerOfEvent.length < EVENTS; i++) organizerOfEvent.push(uf.id);
const ufWeights = ufs.map((u) => [u.id, Math.pow(municipiosOfUf.get(u.id)?.length ?? 1, 0.8)] as const);
while (organizerOfEvent.length < EVENTS) organizerOfEvent.push(weighted(ufWeights));

// A weekday between two years ago and three days ago, fewer in January, July and December.
const MONTH_WEIGHT = [0.4, 0.8, 1.2, 1.2, 1.2, 1.2, 0.7, 1.2, 1.2, 1.2, 1.1, 0.5];
function eventDay(): number {
  for (;;) {
    let day = today - intBetween(3, 730) * DAY;
    const dow = new Date(day).getUTCDay();
    if (dow === 0) day -= 2 * DAY;
    if (dow === 6) day -= DAY;
    if (day < windowStart) continue;
    if (rand() * 1.2 < MONTH_WEIGHT[new Date(day).getUTCMonth()]!) return day;
  }
}

/** Sessions on local wall-clock times of the event's zone. */
function sessionsFor(type: string, day: number): { title: string; date: string; start: string; end: string }[] {
  const d = (offset: number) => isoDay(day + offset * DAY);
  const count = type === "TRANSMISSAO" ? 1 : type === "VIDEOCONFERENCIA" ? (chance(0.8) ? 1 : 2) : type === "OFICINA" || type === "VISITA_TECNICA" ? intBetween(1, 2) : intBetween(2, 3);
  if (count === 1) {
    const slot = type === "TRANSMISSAO" ? ["10:00", "12:00"] : type === "VIDEOCONFERENCIA" ? pick([["14:00", "16:00"], ["09:30", "11:30"], ["15:00", "17:30"]]) : pick([["09:00", "12:00"], ["14:00", "17:00"], ["08:30", "12:30"]]);
    return [{ title: "Sessão única", date: d(0), start: slot[0]!, end: slot[1]! }];
  }
  const sameDay = count === 2 && chance(0.5);
  if (sameDay) return [{ title: "Manhã", date: d(0), start: "09:00", end: "12:00" }, { title: "Tarde", date: d(0), start: "14:00", end: "17:00" }];
  if (count === 2) return [{ title: "Primeiro dia", date: d(0), start: "09:00", end: "12:00" }, { title: "Segundo dia", date: d(1), start: "09:00", end: "12:00" }];
  return chance(0.5)
    ? [{ title: "Abertura e painel", date: d(0), start: "09:00", end: "12:00" }, { title: "Grupos de trabalho", date: d(0), start: "14:00", end: "17:30" }, { title: "Plenária final", date: d(1), start: "09:00", end: "12:00" }]
    : [1, 2, 3].map((n) => ({ title: `Dia ${n}`, date: d(n - 1), start: "09:00", end: "12:30" }));
}

const slugsTaken = new Set<string>();
function uniqueSlug(title: string): string {
  const base = slugify(title);
  let slug = base;
  for (let n = 2; slugsTaken.has(slug); n++) slug = `${base}-${n}`;
  slugsTaken.add(slug);
  return slug;
}

const events: EventPlan[] = [];
for (let index = 0; index < EVENTS; index++) {
  const organizerEnteId = organizerOfEvent[index]!;
  const isUnion = organizerEnteId === "BR";
  const uf = isUnion ? null : enteById.get(organizerEnteId)!;
  const topic = pick(TOPICS);
  const day = eventDay();
  const year = new Date(day).getUTCFullYear();
  let type: string;
  let scope: string;
  let scopeRegion: string | null = null;
  let audience: Audience;
  let visitTo: EnteRow | null = null;
  if (isUnion) {
    scope = chance(0.7) ? "NACIONAL" : "REGIONAL";
    type = weighted([["TRANSMISSAO", 15], ["VIDEOCONFERENCIA", 25], ["SEMINARIO", 25], ["ENCONTRO", 20], ["OFICINA", 15]]);
    if (scope === "REGIONAL") {
      scopeRegion = pick(REGIONS);
      audience = { kind: "REGIAO", region: scopeRegion, includeMunicipios: chance(0.8) };
    } else {
      audience = chance(0.15) ? { kind: "PORTE", portes: chance(0.6) ? ["PP1", "PP2"] : ["MEDIO", "GRANDE", "METROPOLE"] } : { kind: "TODOS" };
    }
  } else if (chance(0.2)) {
    scope = "MUNICIPAL";
    type = chance(0.7) ? "VISITA_TECNICA" : "OFICINA";
    const candidates = participatingOfUf.get(uf!.id) ?? municipiosOfUf.get(uf!.id)!;
    visitTo = pick(candidates);
    const list = new Set([visitTo.id]);
    const extra = intBetween(0, 5);
    for (let i = 0; i < extra; i++) list.add(pick(municipiosOfUf.get(uf!.id)!).id);
    audience = { kind: "LISTA", list: [...list] };
  } else {
    scope = "ESTADUAL";
    type = weighted([["OFICINA", 30], ["ENCONTRO", 25], ["VIDEOCONFERENCIA", 20], ["SEMINARIO", 15], ["TRANSMISSAO", 10]]);
    audience = { kind: "UF", ufId: uf!.id };
  }
  const format = type === "VIDEOCONFERENCIA" || type === "TRANSMISSAO" ? "ONLINE" : type === "VISITA_TECNICA" ? "PRESENCIAL" : weighted([["PRESENCIAL", 40], ["HIBRIDO", 30], ["ONLINE", 30]]);
  let venue: EnteRow | null = null;
  if (format !== "ONLINE") {
    if (visitTo) venue = visitTo;
    else if (isUnion && scope === "NACIONAL") venue = chance(0.6) ? enteById.get(BRASILIA)! : capitalOf.get(pick(ufs).id)!;
    else if (isUnion) venue = capitalOf.get(pick(ufs.filter((u) => u.region === scopeRegion)).id)!;
    else {
      const big = municipiosOfUf.get(uf!.id)!.filter((m) => m.porte === "GRANDE" || m.porte === "MEDIO");
      venue = chance(0.7) || !big.length ? capitalOf.get(uf!.id)! : pick(big);
    }
  }
  const timeZone = venue?.timeZone ?? (isUnion ? "America/Sao_Paulo" : capitalOf.get(uf!.id)!.timeZone);
  const ufName = uf?.name ?? "";
  const title =
    type === "VISITA_TECNICA"
      ? `Visita técnica a ${visitTo!.name} (${uf!.uf}): ${topic}`
      : type === "TRANSMISSAO"
        ? `Transmissão ao vivo: ${topic}${uf ? ` — ${ufName}` : ""}`
        : type === "VIDEOCONFERENCIA"
          ? `Videoconferência: ${topic}${uf ? ` — ${ufName}` : scopeRegion ? ` — Região ${scopeRegion}` : ""}`
          : type === "OFICINA"
            ? `Oficina ${scope === "MUNICIPAL" ? "regionalizada" : uf ? "estadual" : scope === "REGIONAL" ? `Região ${scopeRegion}` : "nacional"}: ${topic}${uf ? ` — ${ufName}` : ""}`
            : `${type === "ENCONTRO" ? "Encontro" : "Seminário"} ${uf ? "Estadual" : scopeRegion ? `Regional ${scopeRegion}` : "Nacional"} de ${topic}${uf ? ` — ${ufName}` : ""} ${year}`;
  const sessions = sessionsFor(type, day).map((s, position) => ({
    id: "",
    position,
    title: s.title,
    startsAt: fromLocal(s.date, s.start, timeZone).getTime(),
    endsAt: fromLocal(s.date, s.end, timeZone).getTime(),
  }));
  const startsAt = sessions[0]!.startsAt;
  const endsAt = sessions[sessions.length - 1]!.endsAt;
  const scheduled = sessions.reduce((s, x) => s + (x.endsAt - x.startsAt), 0) / MIN;
  const opensAt = startsAt - intBetween(20, 60) * DAY;
  const closesAt = startsAt - intBetween(1, 3) * DAY;
  const publishedAt = opensAt - intBetween(0, 5) * DAY;
  const multiDay = new Set(sessions.map((s) => isoDay(s.startsAt))).size > 1;
  // Registrations before scaling to the total: by type and reach.
  const median = isUnion
    ? ({ TRANSMISSAO: 3000, VIDEOCONFERENCIA: 1500, SEMINARIO: 900, ENCONTRO: 400, OFICINA: 200 } as Record<string, number>)[type]! * (scope === "REGIONAL" ? 0.4 : audience.kind === "PORTE" ? 0.6 : 1)
    : scope === "MUNICIPAL"
      ? 20
      : ({ TRANSMISSAO: 600, VIDEOCONFERENCIA: 300, SEMINARIO: 250, ENCONTRO: 150, OFICINA: 80 } as Record<string, number>)[type]!;
  const organizer = isUnion ? federalTeam : ufTeams.get(uf!.id)!;
  const createdAt = publishedAt - intBetween(1, 20) * DAY;
  for (const s of sessions) s.id = cuidAt(createdAt);
  events.push({
    id: cuidAt(createdAt),
    index,
    slug: uniqueSlug(title),
    title,
    type,
    scope,
    scopeRegion,
    format,
    organizerEnteId,
    organizer,
    venueMunicipioId: venue?.id ?? null,
    venueName: venue ? (visitTo ? `Secretaria Municipal de Assistência Social de ${venue.name}` : pick(["Centro de Convenções", "Auditório da Secretaria de Assistência Social", "Escola de Governo", "Teatro Municipal"])) : null,
    venueAddress: venue ? `${pick(["Av.", "Rua", "Praça"])} ${pick(LAST)} ${pick(LAST)}, ${intBetween(10, 2500)}` : null,
    audience,
    visibility: chance(0.9) ? "PUBLICO" : "CONVITE",
    timeZone,
    sessions,
    startsAt,
    endsAt,
    opensAt,
    closesAt,
    publishedAt,
    createdAt,
    workloadMinutes: Math.round(scheduled),
    threshold: chance(0.9) ? 75 : pick([70, 80, 100]),
    certificateScope: multiDay && chance(0.3) ? "PERIODO" : "EVENTO",
    certificateHours: chance(0.85) ? "INTEGRAL" : "PRESENCA",
    responsible: pick(RESPONSIBLE),
    rawSize: logNormal(median, 0.5),
    pool: [],
    size: 0,
    capacity: null,
    full: false,
  });
}

// Audiences: who could have registered (by her ente on the event's day).
const inAudience = (e: EventPlan, p: Person): boolean => {
  if (p.activity === 0) return false;
  const enteId = enteAt(p, e.startsAt);
  const ente = enteById.get(enteId)!;
  const a = e.audience;
  switch (a.kind) {
    case "TODOS":
      return true;
    case "REGIAO":
      return ente.region === a.region && (a.includeMunicipios || ente.kind === "UF");
    case "UF":
      return enteId === a.ufId || (ente.kind === "MUNICIPIO" && enteId.slice(0, 2) === a.ufId);
    case "PORTE":
      return ente.kind === "MUNICIPIO" && a.portes!.includes(ente.porte ?? "");
    case "LISTA":
      return a.list!.includes(enteId) || (ente.kind === "UF" && a.list!.some((m) => m.slice(0, 2) === enteId));
  }
};
for (const e of events) {
  for (let i = 0; i < people.length; i++) if (inAudience(e, people[i]!)) e.pool.push(i);
  if (e.scope === "ESTADUAL" || e.scope === "MUNICIPAL") e.rawSize *= e.scope === "ESTADUAL" ? Math.min(3, Math.max(0.2, Math.pow(e.pool.length / 5_000, 0.7))) : 1;
}

// Sizes scaled to the total registrations, none above 60 % of its audience (water-filling).
{
  const capOf = (e: EventPlan) => Math.min(e.pool.length, Math.max(3, Math.floor(e.pool.length * (e.audience.kind === "LISTA" ? 0.9 : 0.6))));
  let free = events.filter((e) => e.pool.length > 0);
  let remaining = REGISTRATIONS;
  const fixed = new Map<EventPlan, number>();
  for (;;) {
    const sum = free.reduce((s, e) => s + e.rawSize, 0);
    const scale = remaining / sum;
    const over = free.filter((e) => e.rawSize * scale > capOf(e));
    if (!over.length) {
      for (const e of free) fixed.set(e, e.rawSize * scale);
      break;
    }
    for (const e of over) {
      fixed.set(e, capOf(e));
      remaining -= capOf(e);
    }
    free = free.filter((e) => !over.includes(e));
  }
  let assigned = 0;
  const fractions: { e: EventPlan; f: number }[] = [];
  for (const [e, s] of fixed) {
    e.size = Math.min(capOf(e), Math.max(3, Math.floor(s)));
    assigned += e.size;
    fractions.push({ e, f: s - Math.floor(s) });
  }
  fractions.sort((a, b) => b.f - a.f);
  for (let i = 0; assigned !== REGISTRATIONS; i = (i + 1) % fractions.length) {
    const e = fractions[i]!.e;
    if (assigned < REGISTRATIONS && e.size < capOf(e)) {
      e.size++;
      assigned++;
    } else if (assigned > REGISTRATIONS && e.size > 3) {
      e.size--;
      assigned--;
    }
  }
}

// --- Registrations and what each person did ----------------------------------------------------
type Reg = { id: string; event: EventPlan; person: Person; enteId: string; status: string; seq: number; createdAt: number; cancelledAt: number | null };
const registrations: Reg[] = [];
const taken = new Int32Array(people.length).fill(-1);
for (const e of events) {
  if (!e.size) continue;
  // Weighted sampling without replacement by activity.
  const cumulative = new Float64Array(e.pool.length);
  let acc = 0;
  for (let i = 0; i < e.pool.length; i++) cumulative[i] = acc += people[e.pool[i]!]!.activity;
  const chosen: number[] = [];
  let attempts = 0;
  while (chosen.length < e.size && attempts < e.size * 30) {
    attempts++;
    const r = rand() * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    const p = e.pool[lo]!;
    if (taken[p] === e.index) continue;
    taken[p] = e.index;
    chosen.push(p);
  }
  for (let i = Math.floor(rand() * e.pool.length); chosen.length < e.size; i = (i + 1) % e.pool.length) {
    const p = e.pool[i]!;
    if (taken[p] !== e.index) {
      taken[p] = e.index;
      chosen.push(p);
    }
  }
  // Arrival order: early in the registration window more than late.
  const times = chosen.map(() => e.opensAt + Math.pow(rand(), 1.6) * (e.closesAt - e.opensAt)).sort((a, b) => a - b);
  if (e.format !== "ONLINE") {
    e.full = chance(0.2);
  }
  let confirmed = 0;
  chosen.forEach((p, i) => {
    const person = people[p]!;
    const createdAt = Math.floor(times[i]!);
    const waitlisted = e.full && i >= Math.floor(chosen.length * 0.97);
    const cancelled = !waitlisted && chance(0.065);
    const status = waitlisted ? "ESPERA" : cancelled ? "CANCELADA" : "CONFIRMADA";
    if (status === "CONFIRMADA") confirmed++;
    registrations.push({
      id: cuidAt(createdAt),
      event: e,
      person,
      enteId: enteAt(person, e.startsAt),
      status,
      seq: i + 1,
      createdAt,
      cancelledAt: cancelled ? Math.floor(createdAt + rand() * (e.startsAt - createdAt)) : null,
    });
    person.firstRegistrationAt = Math.min(person.firstRegistrationAt, createdAt);
  });
  if (e.format !== "ONLINE") e.capacity = e.full ? confirmed : Math.ceil(confirmed * between(1.05, 1.4));
}
const regsOfEvent = new Map<EventPlan, Reg[]>();
for (const r of registrations) (regsOfEvent.get(r.event) ?? regsOfEvent.set(r.event, []).get(r.event)!).push(r);
log(`Inscrições planejadas: ${fmtN(registrations.length)} em ${fmtN(events.length)} eventos`);

// Presence plan: per confirmed registration and session, the share of the session she was there,
// online and/or on site. Then exactly INTERVALS online connections spread over the online presences
// (most connect once; unstable connections make several).
type Presence = { reg: Reg; session: Session; online: number; onsite: number; connections: number };
const presences: Presence[] = [];
for (const r of registrations) {
  if (r.status !== "CONFIRMADA") continue;
  const e = r.event;
  const noShow = e.format === "ONLINE" ? 0.18 : e.format === "HIBRIDO" ? 0.12 : 0.08;
  const partial = e.format === "ONLINE" ? 0.17 : 0.1;
  const u = rand();
  if (u < noShow) continue;
  const isPartial = u < noShow + partial;
  // Hybrid: on site, online, or some of each.
  const mode = e.format === "ONLINE" ? "online" : e.format === "PRESENCIAL" ? "onsite" : weighted([["onsite", 50], ["online", 44], ["both", 6]] as const);
  for (const s of e.sessions) {
    if (chance(isPartial ? 0.3 : 0.06)) continue;
    const share = isPartial ? between(0.05, 0.7) : Math.min(1, between(0.82, 1.06));
    const both = mode === "both";
    const online = mode === "online" || (both && chance(0.6)) ? share : 0;
    const onsite = mode === "onsite" || (both && (online === 0 || chance(0.3))) ? (online ? between(0.2, 0.6) : share) : 0;
    if (online || onsite) presences.push({ reg: r, session: s, online, onsite, connections: online ? 1 : 0 });
  }
}
const onlinePresences = presences.filter((p) => p.online > 0);
if (onlinePresences.length > INTERVALS) throw new Error(`${onlinePresences.length} presenças online excedem ${INTERVALS} intervalos`);
{
  const MAX_CONNECTIONS = 24;
  const extra = INTERVALS - onlinePresences.length;
  const weights = onlinePresences.map(() => -Math.log(Math.max(1e-12, rand())));
  const sum = weights.reduce((s, w) => s + w, 0);
  let assigned = 0;
  onlinePresences.forEach((p, i) => {
    const add = Math.min(MAX_CONNECTIONS - 1, Math.floor((extra * weights[i]!) / sum));
    p.connections += add;
    assigned += add;
  });
  while (assigned < extra) {
    const p = pick(onlinePresences);
    if (p.connections < MAX_CONNECTIONS) {
      p.connections++;
      assigned++;
    }
  }
}
log(`Presenças planejadas: ${fmtN(presences.length)} pessoa×sessão (${fmtN(onlinePresences.length)} online)`);

// --- Writing -----------------------------------------------------------------------------------
const passwordHash = await hashPassword(PASSWORD);

function inserter(table: string, columns: string[]) {
  const stmt = sql.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  return (...values: unknown[]) => stmt.run(...values);
}
const BATCH = 50_000;
function inBatches<T>(rows: readonly T[], write: (row: T) => void) {
  const tx = sql.transaction((chunk: readonly T[]) => {
    for (const row of chunk) write(row);
  });
  for (let i = 0; i < rows.length; i += BATCH) tx(rows.slice(i, i + BATCH));
}

log("Gravando pessoas e equipes…");
const insertUser = inserter("User", ["id", "email", "name", "searchName", "passwordHash", "cpf", "enteId", "roleInEnte", "isAdmin", "createdAt", "updatedAt"]);
const accounts = people.map((p) => {
  const createdAt = p.activity === 0 ? windowStart - 120 * DAY : Math.min(p.firstRegistrationAt, p.movedAt || today, today) - intBetween(1, 60) * DAY;
  return { p, createdAt };
});
accounts.sort((a, b) => a.createdAt - b.createdAt); // as they signed up: ids and rows in time order
for (const a of accounts) a.p.id = cuidAt(a.createdAt);
inBatches(accounts, ({ p, createdAt }) => {
  insertUser(p.id, p.email, p.name, searchKey(p.name), passwordHash, p.cpf, p.enteId, p.role, p.isAdmin ? 1 : 0, createdAt, p.movedAt || createdAt);
});
const insertRole = inserter("OrganizerRole", ["id", "userId", "enteId", "grantedById", "createdAt"]);
sql.transaction(() => {
  for (const p of people) for (const enteId of p.organizes) insertRole(cuidAt(windowStart - 90 * DAY), p.id, enteId, admin.id, windowStart - 90 * DAY);
})();

log("Gravando eventos, sessões e inscrições…");
const insertEvent = inserter("Event", [
  "id", "slug", "title", "searchTitle", "type", "scope", "scopeRegion", "format", "organizerEnteId", "venueName", "venueAddress", "venueMunicipioId",
  "audienceKind", "audienceRegion", "audienceIncludeMunicipios", "audienceUfId", "audiencePortes", "visibility", "capacity", "invitationQuota",
  "certificateThreshold", "certificateScope", "certificateHours", "responsibleName", "responsibleRole", "registrationOpensAt", "registrationClosesAt",
  "workloadMinutes", "descriptionMd", "timeZone", "status", "startsAt", "endsAt", "registrationSeq", "icsSequence", "publishedAt", "createdById", "createdAt", "updatedAt",
]);
const insertSession = inserter("EventSession", ["id", "eventId", "position", "title", "startsAt", "endsAt", "roomName", "roomCreatedAt"]);
const insertAudience = inserter("EventAudienceEnte", ["eventId", "enteId"]);
const insertReg = inserter("Registration", ["id", "eventId", "userId", "enteId", "status", "seq", "createdAt", "updatedAt", "confirmedAt", "cancelledAt", "icsSequence"]);
sql.transaction(() => {
  for (const e of events) {
    const regs = regsOfEvent.get(e) ?? [];
    const changes = regs.length + regs.filter((r) => r.cancelledAt).length;
    insertEvent(
      e.id, e.slug, e.title, searchKey(e.title), e.type, e.scope, e.scopeRegion, e.format, e.organizerEnteId, e.venueName, e.venueAddress, e.venueMunicipioId,
      e.audience.kind, e.audience.region ?? null, e.audience.includeMunicipios ? 1 : 0, e.audience.ufId ?? null, e.audience.portes?.join(",") ?? null, e.visibility, e.capacity, 2,
      e.threshold, e.certificateScope, e.certificateHours, e.responsible[0], e.responsible[1], e.opensAt, e.closesAt,
      e.workloadMinutes, `Encontro de apoio técnico do SUAS (Resolução CNAS nº 3/2019, Art. 4).\n\n**Tema:** ${e.title}.`, e.timeZone, "PUBLICADO", e.startsAt, e.endsAt, changes, 0, e.publishedAt, e.organizer.id, e.createdAt, e.publishedAt,
    );
    for (const s of e.sessions) insertSession(s.id, e.id, s.position, s.title, s.startsAt, s.endsAt, e.format === "PRESENCIAL" ? null : `sessao-${s.id}`, e.format === "PRESENCIAL" ? null : s.startsAt - 30 * MIN);
    for (const enteId of e.audience.list ?? []) insertAudience(e.id, enteId);
  }
  // A few events cancelled before anyone registered, and drafts: not offered, never counted.
  for (let i = 0; i < 12; i++) {
    const day = eventDay();
    const cancelled = i < 8;
    const organizerEnteId = i % 2 ? "BR" : pick(ufs).id;
    const title = `${cancelled ? "Oficina cancelada" : "Rascunho de encontro"}: ${pick(TOPICS)}`;
    const start = fromLocal(isoDay(day), "09:00", "America/Sao_Paulo").getTime();
    const evId = cuidAt(start - 40 * DAY);
    insertEvent(
      evId, uniqueSlug(title), title, searchKey(title), "OFICINA", organizerEnteId === "BR" ? "NACIONAL" : "ESTADUAL", null, "ONLINE", organizerEnteId, null, null, null,
      organizerEnteId === "BR" ? "TODOS" : "UF", null, 0, organizerEnteId === "BR" ? null : organizerEnteId, null, "PUBLICO", null, 2,
      75, "EVENTO", "INTEGRAL", null, null, start - 30 * DAY, start - DAY,
      180, "Evento de teste do conjunto nacional.", "America/Sao_Paulo", cancelled ? "CANCELADO" : "RASCUNHO", start, start + 180 * MIN, 0, 0, cancelled ? start - 30 * DAY : null, organizerEnteId === "BR" ? federalTeam.id : ufTeams.get(organizerEnteId)!.id, start - 40 * DAY, start - 10 * DAY,
    );
    if (cancelled) sql.prepare(`UPDATE "Event" SET "cancelledAt" = ?, "cancellationReason" = ? WHERE "id" = ?`).run(start - 5 * DAY, "Agenda da equipe alterada.", evId);
    insertSession(cuidAt(start - 40 * DAY), evId, 0, "Sessão única", start, start + 180 * MIN, null, null);
  }
})();
inBatches([...registrations].sort((a, b) => a.createdAt - b.createdAt), (r) => {
  const confirmedAt = r.status === "ESPERA" ? null : r.createdAt;
  insertReg(r.id, r.event.id, r.person.id, r.enteId, r.status, r.seq, r.createdAt, r.cancelledAt ?? r.createdAt, confirmedAt, r.cancelledAt, r.cancelledAt ? 1 : 0);
});

// Presence rows, built event by event; the same rule the app uses decides who gets a certificate.
log(`Gravando ${fmtN(INTERVALS)} intervalos de presença, check-ins, ajustes e certificados…`);
const insertInterval = inserter("PresenceInterval", ["id", "sessionId", "participantSid", "identity", "registrationId", "userId", "startedAt", "endedAt", "source"]);
const insertCheckIn = inserter("CheckIn", ["id", "sessionId", "registrationId", "kind", "at", "method", "deviceId", "recordedById", "createdAt"]);
const insertAdjustment = inserter("PresenceAdjustment", ["id", "sessionId", "registrationId", "minutes", "reason", "byUserId", "createdAt"]);
const insertCertificate = inserter("Certificate", [
  "id", "code", "eventId", "registrationId", "userId", "personName", "cpfMasked", "eventTitle", "eventType", "dates", "place", "hoursMinutes", "hoursMode",
  "organizer", "responsibleName", "responsibleRole", "issuedAt", "revokedAt", "revokedReason", "revokedById", "supersededById",
]);
const insertRun = inserter("CertificateRun", ["id", "eventId", "status", "total", "issued", "skipped", "lastSeq", "createdAt", "finishedAt"]);
const ADJUSTMENT_REASONS = ["Esqueceu de registrar a saída; confirmado pela lista assinada", "Crachá não lido na entrada", "Queda de conexão comprovada pelo município", "Participou pela sala do CRAS com a equipe"];
const presencesOf = new Map<Reg, Presence[]>();
for (const p of presences) (presencesOf.get(p.reg) ?? presencesOf.set(p.reg, []).get(p.reg)!).push(p);

/** `k` connections covering about `share` of the session, with gaps; some join early or stay late, a few overlap (two devices). */
function connections(s: Session, share: number, k: number): [number, number][] {
  const d = s.endsAt - s.startsAt;
  const covered = share * d;
  const slack = d - covered;
  const gapWeights = Array.from({ length: k + 1 }, () => -Math.log(Math.max(1e-9, rand())));
  const pieceWeights = Array.from({ length: k }, () => 0.2 - Math.log(Math.max(1e-9, rand())));
  const gw = gapWeights.reduce((a, b) => a + b, 0);
  const pw = pieceWeights.reduce((a, b) => a + b, 0);
  const out: [number, number][] = [];
  let t = s.startsAt;
  for (let i = 0; i < k; i++) {
    t += (slack * gapWeights[i]!) / gw;
    const len = (covered * pieceWeights[i]!) / pw;
    out.push([Math.round(t), Math.round(t + len)]);
    t += len;
  }
  const first = out[0]!;
  if (first[0] - s.startsAt < 5 * MIN && chance(0.4)) first[0] = s.startsAt - intBetween(1, 12) * MIN; // in the room before it starts
  const last = out[k - 1]!;
  if (s.endsAt - last[1] < 5 * MIN && chance(0.3)) last[1] = s.endsAt + intBetween(1, 15) * MIN; // stays after the end
  if (k >= 2 && chance(0.03)) out[k - 1]![0] = Math.max(s.startsAt - 5 * MIN, out[k - 2]![0] + Math.round((out[k - 2]![1] - out[k - 2]![0]) / 2)); // second device
  for (const iv of out) if (iv[1] <= iv[0]) iv[1] = iv[0] + 30_000;
  return out;
}

let intervalCounter = 0;
let checkInCounter = 0;
let certificateCounter = 0;
let revoked = 0;
let superseded = 0;
const codes = new Set<string>();
const newCode = () => {
  for (;;) {
    const code = codeFromBytes(Uint8Array.from({ length: 8 }, () => Math.floor(rand() * 256)));
    if (!codes.has(code)) {
      codes.add(code);
      return code;
    }
  }
};
const writeEvent = sql.transaction((e: EventPlan) => {
  const regs = (regsOfEvent.get(e) ?? []).filter((r) => r.status === "CONFIRMADA");
  const policy = policyOf({ certificateThreshold: e.threshold, certificateScope: e.certificateScope, certificateHours: e.certificateHours, workloadMinutes: e.workloadMinutes, timeZone: e.timeZone });
  const organizerEnte = enteById.get(e.organizerEnteId)!;
  const venue = e.venueMunicipioId ? enteById.get(e.venueMunicipioId)! : null;
  const frozen = {
    title: e.title,
    type: EVENT_TYPE_LABELS[e.type as keyof typeof EVENT_TYPE_LABELS],
    dates: formatDateSpan(new Date(e.startsAt), new Date(e.endsAt), e.timeZone),
    place: e.format === "ONLINE" || !venue ? "Online" : `${venue.name} (${venue.uf})${e.format === "HIBRIDO" ? " e online" : ""}`,
    organizer: enteDisplayName({ kind: organizerEnte.kind as "UNIAO" | "UF" | "MUNICIPIO", name: organizerEnte.name, uf: organizerEnte.uf }),
  };
  const issuedAt = e.endsAt + intBetween(10, 90) * MIN;
  let issued = 0;
  for (const r of regs) {
    const byId = new Map((presencesOf.get(r) ?? []).map((p) => [p.session.id, p]));
    const sessions = e.sessions.map((s, i) => {
      const p = byId.get(s.id);
      const online: { start: Date; end: Date }[] = [];
      const marks: { id: string; kind: "ENTRADA" | "SAIDA"; at: Date }[] = [];
      if (p?.online) {
        for (const [a, b] of connections(s, p.online, p.connections)) {
          intervalCounter++;
          insertInterval(cuidAt(a), s.id, `PA_${randomText(B36 + B36.slice(10).toUpperCase(), 12)}`, `p:${r.id}`, r.id, r.person.id, a, b, chance(0.97) ? "webhook" : "reconciliador");
          online.push({ start: new Date(a), end: new Date(b) });
        }
      }
      if (p?.onsite) {
        const d = s.endsAt - s.startsAt;
        const scan = (kind: "ENTRADA" | "SAIDA", at: number) => {
          checkInCounter++;
          const id = uuid();
          insertCheckIn(id, s.id, r.id, kind, at, weighted([["qr", 85], ["busca", 13], ["avulso", 2]]), `disp-${e.index}-${s.position}-${intBetween(1, 4)}`, e.organizer.id, at + intBetween(0, 120) * 1000);
          marks.push({ id, kind, at: new Date(at) });
        };
        // at the door before the start, or late; inside for about `onsite` of the session
        const entry = chance(0.6) ? s.startsAt - intBetween(0, 20) * MIN : s.startsAt + Math.round(between(0, 0.7) * (1 - p.onsite) * d);
        const inside = Math.round(p.onsite * d);
        const endOfStay = Math.max(entry, s.startsAt) + inside;
        scan("ENTRADA", entry);
        if (chance(0.04)) scan("ENTRADA", entry + intBetween(1, 3) * MIN); // scanned twice at the door
        if (p.onsite < 0.95 || chance(0.6)) {
          if (p.onsite < 0.7 && chance(0.25)) {
            // out for a while and back
            const out = Math.max(entry, s.startsAt) + Math.round(inside * 0.5);
            scan("SAIDA", out);
            scan("ENTRADA", out + intBetween(10, 40) * MIN);
            scan("SAIDA", out + intBetween(10, 40) * MIN + Math.round(inside * 0.5));
          } else scan("SAIDA", Math.max(entry + MIN, endOfStay >= s.endsAt - MIN ? s.endsAt + intBetween(0, 20) * MIN : endOfStay));
        }
      }
      let adjustment: { minutes: number; reason: string } | null = null;
      if (chance(e.format === "ONLINE" ? 0.001 : 0.003)) {
        const count = chance(0.2) ? 2 : 1;
        for (let j = 0; j < count; j++) {
          adjustment = { minutes: Math.round(((s.endsAt - s.startsAt) / MIN) * between(0.4, 1)), reason: pick(ADJUSTMENT_REASONS) };
          insertAdjustment(cuidAt(e.endsAt + DAY), s.id, r.id, adjustment.minutes, adjustment.reason, e.organizer.id, e.endsAt + (j + 1) * intBetween(1, 3) * DAY);
        }
      }
      return presenceInSession({
        session: { id: s.id, title: s.title || `Sessão ${i + 1}`, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) },
        online,
        onsite: marks,
        adjustment,
        now,
      });
    });
    const q = qualification(sessions, policy);
    if (!q.qualifies) continue;
    issued++;
    const cert = (id: string, supersededById: string | null, at: number, revokedAt: number | null) =>
      insertCertificate(
        id, newCode(), e.id, r.id, r.person.id, r.person.name, maskCpf(r.person.cpf), frozen.title, frozen.type, frozen.dates, frozen.place, q.hoursMinutes, policy.hours,
        frozen.organizer, e.responsible[0], e.responsible[1], at, revokedAt, revokedAt ? "Presença registrada por engano; revisada pela organização." : null, revokedAt ? e.organizer.id : null, supersededById,
      );
    const certId = `crt${randomText(HEX, 24)}`;
    certificateCounter++;
    if (chance(0.004)) {
      // reissued (name corrected): the old one stays verifiable as superseded
      const newId = `crt${randomText(HEX, 24)}`;
      certificateCounter++;
      cert(certId, newId, issuedAt, null);
      cert(newId, null, issuedAt + intBetween(2, 20) * DAY, null);
      superseded++;
    } else if (chance(0.01)) {
      cert(certId, null, issuedAt, issuedAt + intBetween(1, 30) * DAY);
      revoked++;
    } else cert(certId, null, issuedAt, null);
  }
  const lastSeq = Math.max(0, ...(regsOfEvent.get(e) ?? []).map((r) => r.seq));
  insertRun(cuidAt(e.endsAt), e.id, "CONCLUIDA", regs.length, issued, regs.length - issued, lastSeq, e.endsAt, issuedAt);
});
let lastReport = performance.now();
const chronological = [...events].sort((a, b) => a.startsAt - b.startsAt); // presence arrives in time order
for (const [i, e] of chronological.entries()) {
  writeEvent(e);
  if (performance.now() - lastReport > 5_000 || i === events.length - 1) {
    lastReport = performance.now();
    log(`  ${i + 1}/${events.length} eventos; ${fmtN(intervalCounter)} intervalos, ${fmtN(checkInCounter)} check-ins, ${fmtN(certificateCounter)} certificados`);
  }
}
sql.pragma("wal_checkpoint(TRUNCATE)");

// --- The roll-up, by the real code -------------------------------------------------------------
// Each event is rebuilt with rebuildEventFacts, exactly as rebuildAllFacts and the background job
// do (the presence rule over the intervals, check-ins, adjustments and certificates written above).
log("Consolidando a participação (rebuildEventFacts por evento, como rebuildAllFacts)…");
const { rebuildEventFacts } = await import("~/modules/metrics/facts.server");
const marks = sql.prepare(`SELECT "eventId", "version" FROM "MetricsDirty"`).all() as { eventId: string; version: number }[];
const allEventIds = (sql.prepare(`SELECT "id" FROM "Event" ORDER BY "id"`).all() as { id: string }[]).map((e) => e.id);
const tFacts = performance.now();
let facts = 0;
lastReport = performance.now();
for (const [i, id] of allEventIds.entries()) {
  facts += await rebuildEventFacts(id, now);
  if (performance.now() - lastReport > 5_000 || i === allEventIds.length - 1) {
    lastReport = performance.now();
    log(`  ${i + 1}/${allEventIds.length} eventos; ${fmtN(facts)} linhas`);
  }
}
// As rebuildAllFacts: marks set while rebuilding stay.
for (const m of marks) sql.prepare(`DELETE FROM "MetricsDirty" WHERE "eventId" = ? AND "version" = ?`).run(m.eventId, m.version);
const factsSeconds = (performance.now() - tFacts) / 1000;
log(`ParticipationFact: ${fmtN(facts)} linhas em ${factsSeconds.toFixed(1)} s (${(facts / factsSeconds).toFixed(0)} linhas/s)`);

sql.pragma("wal_checkpoint(TRUNCATE)");
const count = (q: string) => Number((sql.prepare(q).get() as { n: number }).n);
const noParticipation = count(`SELECT COUNT(*) AS n FROM "Ente" e WHERE e."kind" = 'MUNICIPIO' AND NOT EXISTS (SELECT 1 FROM "Registration" r WHERE r."enteId" = e."id")`);
const movedRegs = count(`SELECT COUNT(*) AS n FROM "Registration" r JOIN "User" u ON u."id" = r."userId" WHERE u."enteId" <> r."enteId"`);
const multi = count(`SELECT COUNT(*) AS n FROM (SELECT "userId" FROM "Registration" GROUP BY "userId" HAVING COUNT(*) > 1)`);
const rows: [string, string][] = [
  ["Entes (municípios)", `${fmtN(count(`SELECT COUNT(*) AS n FROM "Ente"`))} (${fmtN(count(`SELECT COUNT(*) AS n FROM "Ente" WHERE "kind" = 'MUNICIPIO'`))})`],
  ["Municípios sem inscrição", `${fmtN(noParticipation)} (${((100 * noParticipation) / municipios.length).toFixed(1)} %)`],
  ["Pessoas", `${fmtN(count(`SELECT COUNT(*) AS n FROM "User"`))} (${fmtN(multi)} inscritas em mais de um evento)`],
  ["Equipes organizadoras", fmtN(count(`SELECT COUNT(*) AS n FROM "OrganizerRole"`))],
  ["Eventos publicados", `${fmtN(count(`SELECT COUNT(*) AS n FROM "Event" WHERE "status" = 'PUBLICADO'`))} (+ ${fmtN(count(`SELECT COUNT(*) AS n FROM "Event" WHERE "status" <> 'PUBLICADO'`))} cancelados ou rascunhos)`],
  ["Sessões", fmtN(count(`SELECT COUNT(*) AS n FROM "EventSession"`))],
  ["Inscrições", `${fmtN(count(`SELECT COUNT(*) AS n FROM "Registration"`))} (${(sql.prepare(`SELECT "status" AS s, COUNT(*) AS n FROM "Registration" GROUP BY 1 ORDER BY 2 DESC`).all() as { s: string; n: number }[]).map((r) => `${r.s} ${fmtN(r.n)}`).join(", ")})`],
  ["Inscrições de quem mudou de ente", fmtN(movedRegs)],
  ["Intervalos de presença", fmtN(count(`SELECT COUNT(*) AS n FROM "PresenceInterval"`))],
  ["Check-ins", fmtN(count(`SELECT COUNT(*) AS n FROM "CheckIn"`))],
  ["Ajustes de presença", fmtN(count(`SELECT COUNT(*) AS n FROM "PresenceAdjustment"`))],
  ["Certificados", `${fmtN(count(`SELECT COUNT(*) AS n FROM "Certificate"`))} (${fmtN(revoked)} revogados, ${fmtN(superseded)} substituídos)`],
  ["ParticipationFact", `${fmtN(count(`SELECT COUNT(*) AS n FROM "ParticipationFact"`))} (presentes ${fmtN(count(`SELECT COUNT(*) AS n FROM "ParticipationFact" WHERE "present" = 1`))}, atingiram o mínimo ${fmtN(count(`SELECT COUNT(*) AS n FROM "ParticipationFact" WHERE "qualifies" = 1`))})`],
  ["MetricsDirty pendentes", fmtN(count(`SELECT COUNT(*) AS n FROM "MetricsDirty"`))],
];
sql.close();
await db.$disconnect();
const size = ["", "-wal"].reduce((s, suffix) => s + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);

console.log("");
for (const [k, v] of rows) console.log(`${k.padEnd(34)} ${v}`);
console.log(`${"Banco".padEnd(34)} ${(size / 1_048_576).toFixed(0)} MB (${path.relative(ROOT, file) || file})`);
console.log(`${"Tempo total".padEnd(34)} ${elapsed()} (consolidação ${factsSeconds.toFixed(1)} s)`);
console.log("");
console.log(`Logins do conjunto nacional (senha de todas: ${PASSWORD}); sirva com DATABASE_URL=file:${path.relative(ROOT, file)}:`);
const mover = people.find((p) => p.previousEnteId && registrations.some((r) => r.person === p && r.enteId !== p.enteId));
const busiest = [...people].sort((a, b) => b.activity - a.activity)[0]!;
const logins: [string, string][] = [
  [admin.email, "administração"],
  [federalTeam.email, "equipe federal: painel nacional e lista de prioridades"],
  ...["29", "35", "14"].map((id) => [ufTeams.get(id)!.email, `equipe estadual (${enteById.get(id)!.name})`] as [string, string]),
  ["equipe.<uf>@nacional.apoiasuas.gov.br", "as demais equipes estaduais"],
  [busiest.email, `participante de ${enteById.get(busiest.enteId)!.name} inscrita em ${registrations.filter((r) => r.person === busiest).length} eventos`],
  ...(mover ? [[mover.email, `mudou de ${enteById.get(mover.previousEnteId!)!.name} para ${enteById.get(mover.enteId)!.name}`] as [string, string]] : []),
];
for (const [email, who] of logins) console.log(`  ${email.padEnd(58)} ${who}`);
