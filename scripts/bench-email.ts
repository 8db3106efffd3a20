// npm run bench:email — enqueue 10,000 messages with calendar invites (rendered as in real use)
// and deliver them over SMTP to a local sink; prints enqueue rate, delivery rate and the time
// from enqueue to delivery (p50/p99). Uses its own temporary SQLite database.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { SMTPServer } from "smtp-server";

const TOTAL = Number(process.env.BENCH_MESSAGES ?? 10_000);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apoia-bench-email-"));
const file = path.join(dir, "bench.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";
execFileSync("bash", [path.join(ROOT, "scripts", "prisma.sh"), "migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: "ignore" });

const { db } = await import("~/lib/db.server");
const { enqueue, deliverDue } = await import("~/modules/email/outbox.server");
const { smtpTransport } = await import("~/modules/email/transport.server");
const { buildEventCalendar } = await import("~/modules/calendar/ics");
const { templates } = await import("@emails/index");
const { formatRange } = await import("~/lib/time");
await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");

// A sink that accepts and counts, as fast as it can (parsing is the receiver's business).
let received = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  closeTimeout: 100,
  onData(stream, _session, callback) {
    stream.on("data", () => undefined);
    stream.on("end", () => {
      received++;
      callback();
    });
  },
});
const port: number = await new Promise((resolve) => sink.listen(0, "127.0.0.1", () => resolve((sink.server.address() as { port: number }).port)));

const tz = "America/Sao_Paulo";
const sessions = [
  { id: "s1", title: "Abertura", startsAt: new Date("2027-03-10T12:00:00Z"), endsAt: new Date("2027-03-10T15:00:00Z") },
  { id: "s2", title: "Oficinas", startsAt: new Date("2027-03-10T17:00:00Z"), endsAt: new Date("2027-03-10T20:00:00Z") },
];
const event = {
  title: "Encontro Nacional de Gestores do SUAS",
  url: "https://apoia.suas.gov.br/eventos/encontro-nacional",
  typeLabel: "Encontro",
  organizer: "União (Governo Federal)",
  zoneLabel: "horário de Brasília (UTC−3)",
  where: "Centro de Convenções — Brasília (DF)",
  workload: "16 h",
  sessions: sessions.map((s) => ({ title: s.title, range: formatRange(s.startsAt, s.endsAt, tz) })),
};

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
/** One confirmation as the app writes it: template rendered, invite built, row stored. */
async function enqueueOne(tx: Tx, key: string, j: number) {
  const person = { name: `Participante ${j} da Conceição`, email: `participante${j}@municipio.gov.br` };
  const ics = buildEventCalendar({
    method: "REQUEST",
    event: { id: "ev", title: event.title, url: event.url, description: event.title, timeZone: tz, location: event.where, organizer: { name: "União", email: "eventos@apoiasuas.gov.br" }, sessions, sequence: 0 },
    attendee: { ...person, partstat: "ACCEPTED" },
    stamp: new Date(),
  });
  await enqueue(tx, {
    key,
    purpose: "inscricao-confirmada",
    toEmail: person.email,
    toName: person.name,
    ...templates.inscricaoConfirmada({ personName: person.name, event }),
    ics: { method: "REQUEST", content: ics },
  });
}

console.log(`Enfileirando ${TOTAL.toLocaleString("pt-BR")} mensagens com convite…`);
const t0 = performance.now();
const BATCH = 250;
for (let i = 0; i < TOTAL; i += BATCH) {
  await db.$transaction(async (tx) => {
    for (let j = i; j < Math.min(i + BATCH, TOTAL); j++) await enqueueOne(tx, `bench:${j}`, j);
  });
}
const enqueueSeconds = (performance.now() - t0) / 1000;

console.log("Entregando ao servidor SMTP local…");
const transport = smtpTransport({ url: `smtp://127.0.0.1:${port}`, from: "Apoia SUAS <nao-responda@apoiasuas.gov.br>", pool: true, maxConnections: 8 });
const t1 = performance.now();
for (;;) {
  const r = await deliverDue({ transport, limit: 400, concurrency: 16 });
  if (!r.claimed) break;
}
const deliverySeconds = (performance.now() - t1) / 1000;

const rows = await db.outboxMessage.findMany({ select: { createdAt: true, sentAt: true, status: true } });
const sent = rows.filter((r) => r.status === "ENVIADA").length;
const size = fs.statSync(file).size;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const batchLatencies = rows.filter((r) => r.sentAt).map((r) => r.sentAt!.getTime() - r.createdAt.getTime());

// Steady state: registrations arrive one by one while the worker loop runs, as in production.
const STEADY = Number(process.env.BENCH_STEADY ?? 2_000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
console.log(`Regime: ${STEADY.toLocaleString("pt-BR")} mensagens chegando a ${RATE}/s com o entregador rodando (intervalo 250 ms)…`);
let stop = false;
const loop = (async () => {
  while (!stop) {
    const r = await deliverDue({ transport, limit: 400, concurrency: 16 });
    if (!r.claimed) await new Promise((res) => setTimeout(res, 250));
  }
})();
const steadyStart = performance.now();
for (let j = 0; j < STEADY; j++) {
  await db.$transaction((tx) => enqueueOne(tx, `regime:${j}`, TOTAL + j));
  const due = steadyStart + ((j + 1) * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((res) => setTimeout(res, wait));
}
while ((await db.outboxMessage.count({ where: { key: { startsWith: "regime:" }, status: { not: "ENVIADA" } } })) > 0) {
  await new Promise((res) => setTimeout(res, 50));
}
stop = true;
await loop;
transport.close();
const steadyRows = await db.outboxMessage.findMany({ where: { key: { startsWith: "regime:" } }, select: { createdAt: true, sentAt: true } });
const steadyLatencies = steadyRows.map((r) => r.sentAt!.getTime() - r.createdAt.getTime());

console.log("");
console.log(`Mensagens:                 ${TOTAL.toLocaleString("pt-BR")} (com convite .ics, HTML e texto)`);
console.log(`Enfileiramento:            ${enqueueSeconds.toFixed(1)} s  →  ${Math.round(TOTAL / enqueueSeconds).toLocaleString("pt-BR")} mensagens/s`);
console.log(`Entrega SMTP (loopback):   ${deliverySeconds.toFixed(1)} s  →  ${Math.round(sent / deliverySeconds).toLocaleString("pt-BR")} mensagens/s`);
const sentTotal = await db.outboxMessage.count({ where: { status: "ENVIADA" } });
console.log(`Entregues / recebidas:     ${sentTotal.toLocaleString("pt-BR")} / ${received.toLocaleString("pt-BR")} (lote + regime)`);
console.log(`Do enfileiramento à entrega, lote: p50 ${(percentile(batchLatencies, 50) / 1000).toFixed(1)} s, p99 ${(percentile(batchLatencies, 99) / 1000).toFixed(1)} s (todas enfileiradas antes de a entrega começar)`);
console.log(`Do enfileiramento à entrega, regime (${RATE}/s): p50 ${percentile(steadyLatencies, 50)} ms, p99 ${percentile(steadyLatencies, 99)} ms`);
console.log(`Banco:                     ${(size / 1_048_576).toFixed(1)} MB`);

await db.$disconnect();
await new Promise<void>((r) => sink.close(() => r()));
fs.rmSync(dir, { recursive: true, force: true });
