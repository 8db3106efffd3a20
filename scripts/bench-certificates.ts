// npm run bench:certificates — an event with 5,000 confirmed registrations (distinct people with
// accented names and CPFs; ~90 % present online or at the door, ~10 % short of the minimum) whose
// certificates are issued by the real job (requestIssuing + issueNextBatch, default batch size);
// prints certificates/s, the longest batch step and event-loop stall (what one step holds the web
// server for), peak memory and e-mails enqueued; then draws 500 PDFs and prints PDFs/s and their
// size. Uses its own temporary SQLite database; asserts nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 5_000);
const PDFS = Number(process.env.BENCH_PDFS ?? 500);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apoia-bench-certificates-"));
const file = path.join(dir, "bench.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";

console.log(`Preparando o banco (migrações, entes, ${PEOPLE.toLocaleString("pt-BR")} inscrições com presença)…`);
execFileSync("bash", [path.join(ROOT, "scripts", "prisma.sh"), "migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: "ignore" });
const { db } = await import("~/lib/db.server");
const { seedEntes } = await import("~/modules/entes/seed.server");
const { loadActor } = await import("~/modules/auth/session.server");
const { searchKey } = await import("~/modules/entes/federation");
const { BATCH_SIZE, certificatePdf, issueNextBatch, requestIssuing } = await import("~/modules/certificates/certificates.server");
await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
await seedEntes(db);

// --- People ---------------------------------------------------------------------------------
const FIRST = ["José", "João", "Antônio", "Francisco", "Maria", "Ana", "Luíza", "Conceição", "Márcia", "Sebastião", "Inês", "Cláudia", "Tânia", "Mônica", "Raimundo", "Fátima", "Zélia", "Ângela", "Édson", "Lúcia", "Jéssica", "Cícero", "Benedita", "Valdirênia"];
const LAST = ["da Conceição", "Araújo", "Simões", "Magalhães", "Gonçalves", "Brandão", "Nóbrega", "Assunção", "Estêvão", "Peçanha", "Guimarães", "Galvão", "Conceição", "Damião", "Fontão", "Leão", "Falcão", "Sá", "Ribeirão", "Lustosa"];
const nameOf = (i: number) => `${FIRST[i % FIRST.length]} ${FIRST[Math.floor(i / FIRST.length) % FIRST.length]} ${LAST[i % LAST.length]} ${LAST[Math.floor(i / LAST.length) % LAST.length]}`;
/** A valid CPF from a 9-digit base (distinct bases give distinct CPFs). */
function cpfOf(base: number): string {
  const digits = String(base).padStart(9, "0").split("").map(Number);
  for (const length of [9, 10]) {
    const sum = digits.reduce((acc, d, i) => acc + d * (length + 1 - i), 0);
    digits.push(((sum * 10) % 11) % 10);
  }
  return digits.join("");
}

const municipios = (await db.ente.findMany({ where: { uf: "BA", kind: "MUNICIPIO" }, select: { id: true }, orderBy: { id: "asc" }, take: 100 })).map((e) => e.id);
const organizerUser = await db.user.create({
  data: { email: "coordenacao@bench.ba.gov.br", name: "Coordenação Estadual da Bahia", searchName: "coordenacao estadual da bahia", passwordHash: "x", enteId: "29", roleInEnte: "GESTOR" },
});
await db.organizerRole.create({ data: { userId: organizerUser.id, enteId: "29" } });
const organizer = (await loadActor(organizerUser.id))!;

// --- The event: two sessions a week ago, 09:00–12:00 and 14:00–17:00 (Brasília), 6 h --------------
const MIN = 60_000;
const day = new Date(new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10) + "T12:00:00Z").getTime(); // 09:00 in Brasília
const sessionTimes = [
  { startsAt: new Date(day), endsAt: new Date(day + 180 * MIN) },
  { startsAt: new Date(day + 300 * MIN), endsAt: new Date(day + 480 * MIN) },
];
const event = await db.event.create({
  data: {
    slug: "bench-certificados",
    title: "Encontro Estadual de Gestão do SUAS — Bahia",
    searchTitle: "encontro estadual de gestao do suas bahia",
    type: "ENCONTRO",
    scope: "ESTADUAL",
    format: "HIBRIDO",
    organizerEnteId: "29",
    venueName: "Centro de Convenções de Salvador",
    venueAddress: "Av. Octávio Mangabeira, 5490",
    venueMunicipioId: "2927408",
    audienceKind: "UF",
    audienceUfId: "29",
    visibility: "PUBLICO",
    registrationOpensAt: new Date(day - 30 * 86_400_000),
    registrationClosesAt: new Date(day - 86_400_000),
    workloadMinutes: 360,
    descriptionMd: "",
    timeZone: "America/Sao_Paulo",
    status: "PUBLICADO",
    publishedAt: new Date(day - 30 * 86_400_000),
    startsAt: sessionTimes[0]!.startsAt,
    endsAt: sessionTimes[1]!.endsAt,
    responsibleName: "Maria José da Conceição",
    responsibleRole: "Coordenadora Estadual de Gestão do SUAS",
    createdById: organizerUser.id,
    registrationSeq: PEOPLE,
    sessions: { create: sessionTimes.map((s, position) => ({ position, title: position ? "Oficinas" : "Abertura e painel", ...s })) },
  },
  include: { sessions: { orderBy: { position: "asc" } } },
});
const [s1, s2] = event.sessions as [(typeof event.sessions)[0], (typeof event.sessions)[0]];

const CHUNK = 500;
async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}
const users = Array.from({ length: PEOPLE }, (_, i) => {
  const name = nameOf(i);
  return { id: `u${i}`, email: `participante${i}@municipio.ba.gov.br`, name, searchName: searchKey(name), passwordHash: "x", enteId: municipios[i % municipios.length]!, roleInEnte: "TECNICO", cpf: cpfOf(100_000_000 + i * 7919) };
});
await insertInChunks(users, (data) => db.user.createMany({ data }));
const regs = users.map((u, i) => ({ id: `r${i}`, eventId: event.id, userId: u.id, enteId: u.enteId, status: "CONFIRMADA", seq: i + 1, confirmedAt: new Date(day - 10 * 86_400_000) }));
await insertInChunks(regs, (data) => db.registration.createMany({ data }));

// Presence: half online (joining up to 30 min late, a short drop in the afternoon), four in ten at
// the door (morning entry with no exit; afternoon in and out), one in ten only in the morning.
const at = (s: { startsAt: Date }, minute: number) => new Date(s.startsAt.getTime() + minute * MIN);
const intervals: { sessionId: string; participantSid: string; identity: string; registrationId: string; userId: string; startedAt: Date; endedAt: Date; source: string }[] = [];
const checkIns: { id: string; sessionId: string; registrationId: string; kind: string; at: Date; method: string }[] = [];
let shortOfMinimum = 0;
for (let i = 0; i < PEOPLE; i++) {
  const r = regs[i]!;
  const iv = (s: typeof s1, from: number, to: number, n: number) =>
    intervals.push({ sessionId: s.id, participantSid: `PA_${i}_${n}`, identity: `p:${r.id}`, registrationId: r.id, userId: r.userId, startedAt: at(s, from), endedAt: at(s, to), source: "webhook" });
  const scan = (s: typeof s1, kind: string, minute: number, n: number) => checkIns.push({ id: `ci_${i}_${n}`, sessionId: s.id, registrationId: r.id, kind, at: at(s, minute), method: n % 2 ? "busca" : "qr" });
  const kind = i % 10;
  if (kind === 9) {
    iv(s1, 0, 180, 0); // 50 %
    shortOfMinimum++;
  } else if (kind < 5) {
    iv(s1, i % 30, 180, 0);
    iv(s2, 0, 60, 1);
    iv(s2, 65, 180, 2);
  } else {
    scan(s1, "ENTRADA", i % 20, 0);
    scan(s2, "ENTRADA", 0, 1);
    scan(s2, "SAIDA", 120 + (i % 50), 2);
  }
}
await insertInChunks(intervals, (data) => db.presenceInterval.createMany({ data }));
await insertInChunks(checkIns, (data) => db.checkIn.createMany({ data }));

// --- Issuing ----------------------------------------------------------------------------------
let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const baseline = process.memoryUsage();
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const sampler = setInterval(sample, 20);
const loopDelay = monitorEventLoopDelay({ resolution: 5 });

console.log(`Emitindo os certificados (requestIssuing + issueNextBatch, lotes de ${BATCH_SIZE})…`);
const now = new Date();
loopDelay.enable();
const t0 = performance.now();
await requestIssuing(organizer, event.slug, now);
const steps: number[] = [];
// Between steps the loop gets a turn, as in the server's job loop (timers, requests). The queries
// of better-sqlite3 are synchronous, so a step itself may never give the loop a turn.
const yieldToLoop = () => new Promise((resolve) => setTimeout(resolve, 0));
for (;;) {
  const t = performance.now();
  const did = await issueNextBatch(now);
  steps.push(performance.now() - t);
  sample();
  await yieldToLoop();
  if (!did) break;
}
const issueSeconds = (performance.now() - t0) / 1000;
loopDelay.disable();
clearInterval(sampler);

const run = await db.certificateRun.findFirstOrThrow({ where: { eventId: event.id } });
const issued = await db.certificate.count({ where: { eventId: event.id } });
const emails = await db.outboxMessage.count({ where: { purpose: "certificado", eventId: event.id } });
const longestStep = Math.max(...steps);
const sortedSteps = [...steps].sort((a, b) => a - b);
const medianStep = sortedSteps[Math.floor(sortedSteps.length / 2)]!;

// --- PDFs -------------------------------------------------------------------------------------
console.log(`Desenhando ${PDFS} PDFs (certificatePdf)…`);
const sampleCodes = (await db.certificate.findMany({ where: { eventId: event.id }, select: { code: true }, orderBy: { code: "asc" }, take: PDFS })).map((c) => c.code);
await certificatePdf(organizer, sampleCodes[0]!); // warm: fonts loaded once per process
let bytes = 0;
let longestPdf = 0;
const t1 = performance.now();
for (const code of sampleCodes) {
  const t = performance.now();
  const pdf = await certificatePdf(organizer, code);
  longestPdf = Math.max(longestPdf, performance.now() - t);
  bytes += pdf.bytes.length;
  sample();
}
const pdfSeconds = (performance.now() - t1) / 1000;
const maxRssKb = process.resourceUsage().maxRSS;
const mb = (n: number) => `${(n / 1_048_576).toFixed(0)} MB`;

console.log("");
console.log(`Inscrições confirmadas:        ${PEOPLE.toLocaleString("pt-BR")} (${shortOfMinimum.toLocaleString("pt-BR")} abaixo do mínimo)`);
console.log(`Certificados emitidos:         ${issued.toLocaleString("pt-BR")} (execução ${run.status}: ${run.issued} emitidos, ${run.skipped} sem frequência)`);
console.log(`Tempo de emissão:              ${issueSeconds.toFixed(1)} s  →  ${Math.round(issued / issueSeconds).toLocaleString("pt-BR")} certificados/s`);
console.log(`Passos do job:                 ${steps.length} (lotes de ${BATCH_SIZE}); mediana ${medianStep.toFixed(0)} ms, o mais longo ${longestStep.toFixed(0)} ms`);
console.log(`Laço de eventos parado:        máx. ${(loopDelay.max / 1e6).toFixed(0)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, média ${(loopDelay.mean / 1e6).toFixed(1)} ms`);
console.log(`Memória (entre passos):        RSS pico ${mb(peakRss)} (antes da emissão ${mb(baseline.rss)}), heap pico ${mb(peakHeap)} (antes ${mb(baseline.heapUsed)})`);
console.log(`RSS máximo do processo:        ${mb(maxRssKb * 1024)}`);
console.log(`E-mails enfileirados:          ${emails.toLocaleString("pt-BR")}`);
console.log(`PDFs:                          ${sampleCodes.length} em ${pdfSeconds.toFixed(1)} s  →  ${(sampleCodes.length / pdfSeconds).toFixed(1)} PDFs/s; média ${(bytes / sampleCodes.length / 1024).toFixed(1)} KB; o mais lento ${longestPdf.toFixed(0)} ms`);
console.log(`Banco:                         ${(fs.statSync(file).size / 1_048_576).toFixed(1)} MB`);

await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
