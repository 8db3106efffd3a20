// npm run bench:webhooks — 20,000 signed LiveKit participant events for 5,000 participants posted
// to the running app (built, production mode, its own SQLite database); prints accepted events/s
// and the time to compute the attendance table for 5,000 participants × 4 sessions.
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 5_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apoia-bench-webhooks-"));
const file = path.join(dir, "bench.db");
const apiKey = `APIbench${crypto.randomBytes(4).toString("hex")}`;
const apiSecret = crypto.randomBytes(32).toString("hex");
Object.assign(process.env, {
  DATABASE_URL: `file:${file}`,
  NODE_ENV: "test",
  LIVEKIT_URL: "ws://127.0.0.1:9",
  LIVEKIT_API_KEY: apiKey,
  LIVEKIT_API_SECRET: apiSecret,
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

console.log("Preparando o banco (migrações, entes, 5.000 inscrições)…");
execFileSync("bash", [path.join(ROOT, "scripts", "prisma.sh"), "migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: "ignore" });
const { db } = await import("~/lib/db.server");
const { seedEntes } = await import("~/modules/entes/seed.server");
const { AccessToken } = await import("livekit-server-sdk");
const { attendanceTable } = await import("~/modules/attendance/attendance.server");
const { loadActor } = await import("~/modules/auth/session.server");
await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
await seedEntes(db);

const organizer = await db.user.create({ data: { email: "org@bench", name: "Organização", passwordHash: "x", enteId: "BR", roleInEnte: "GESTOR" } });
await db.organizerRole.create({ data: { userId: organizer.id, enteId: "BR" } });
const day = new Date("2026-10-05T00:00:00Z").getTime();
const event = await db.event.create({
  data: {
    slug: "bench-webhooks",
    title: "Videoconferência de carga",
    type: "VIDEOCONFERENCIA",
    scope: "NACIONAL",
    format: "ONLINE",
    organizerEnteId: "BR",
    audienceKind: "TODOS",
    visibility: "PUBLICO",
    registrationOpensAt: new Date(day - 86_400_000),
    registrationClosesAt: new Date(day),
    workloadMinutes: 480,
    descriptionMd: "",
    timeZone: "America/Sao_Paulo",
    status: "PUBLICADO",
    startsAt: new Date(day + 12 * 3_600_000),
    endsAt: new Date(day + 20 * 3_600_000),
    sessions: {
      create: [0, 1, 2, 3].map((i) => ({ position: i, title: `Sessão ${i + 1}`, startsAt: new Date(day + (12 + 2 * i) * 3_600_000), endsAt: new Date(day + (14 + 2 * i) * 3_600_000) })),
    },
  },
  include: { sessions: { orderBy: { position: "asc" } } },
});
for (const s of event.sessions) await db.eventSession.update({ where: { id: s.id }, data: { roomName: `sessao-${s.id}` } });
const users = Array.from({ length: PARTICIPANTS }, (_, i) => ({
  id: `u${i}`,
  email: `p${i}@bench`,
  name: `Participante ${i}`,
  passwordHash: "x",
  enteId: "2927408",
  roleInEnte: "TECNICO",
}));
for (let i = 0; i < users.length; i += 500) await db.user.createMany({ data: users.slice(i, i + 500) });
const regs = users.map((u, i) => ({ id: `r${i}`, eventId: event.id, userId: u.id, enteId: "2927408", status: "CONFIRMADA", seq: i + 1 }));
for (let i = 0; i < regs.length; i += 500) await db.registration.createMany({ data: regs.slice(i, i + 500) });

// 20,000 events: each participant joins and leaves two of the four sessions (varied times).
const bodies: string[] = [];
for (let i = 0; bodies.length < EVENTS; i++) {
  const p = i % PARTICIPANTS;
  const s = event.sessions[(Math.floor(i / PARTICIPANTS) * 2 + (p % 2)) % 4]!;
  const sid = `PA_${p}_${s.position}_${i}`;
  const joined = s.startsAt.getTime() + (p % 30) * 60_000;
  const left = joined + (40 + (p % 60)) * 60_000;
  const base = { room: { sid: `RM_${s.position}`, name: `sessao-${s.id}` } };
  const participant = { sid, identity: `p:r${p}`, joinedAt: String(Math.floor(joined / 1000)), joinedAtMs: String(joined) };
  bodies.push(JSON.stringify({ event: "participant_joined", id: `EV_${i}_j`, createdAt: String(Math.floor(joined / 1000)), ...base, participant }));
  bodies.push(JSON.stringify({ event: "participant_left", id: `EV_${i}_l`, createdAt: String(Math.floor(left / 1000)), ...base, participant }));
}
bodies.length = EVENTS;
const signed = await Promise.all(
  bodies.map(async (b) => {
    const t = new AccessToken(apiKey, apiSecret, { ttl: 3600 });
    t.sha256 = crypto.createHash("sha256").update(b).digest("base64");
    return { body: b, auth: await t.toJwt() };
  }),
);

if (!fs.existsSync(path.join(ROOT, "build", "index.js"))) {
  console.log("Compilando a aplicação…");
  execFileSync(path.join(ROOT, "node_modules", ".bin", "remix"), ["build"], { cwd: ROOT, stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
}
const port = await freePort();
const server = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.js")], {
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", SESSION_SECRET: "segredo-do-benchmark-longo", SMTP_URL: "smtp://127.0.0.1:9", OUTBOX_WORKER: "0", LOG_REQUESTS: "0", APP_URL: `http://127.0.0.1:${port}` },
  stdio: ["ignore", "ignore", "inherit"],
});
const url = `http://127.0.0.1:${port}/api/livekit/webhook`;
for (let tries = 0; ; tries++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    if (tries > 200) throw new Error("o app não subiu");
  }
  await new Promise((r) => setTimeout(r, 100));
}

console.log(`Enviando ${EVENTS.toLocaleString("pt-BR")} webhooks assinados (${CONCURRENCY} conexões)…`);
let next = 0;
let accepted = 0;
const statuses = new Map<number, number>();
const t0 = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < signed.length) {
      const item = signed[next++]!;
      const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/webhook+json", Authorization: item.auth }, body: item.body });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.ok) accepted++;
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
server.kill("SIGTERM");

const intervals = await db.presenceInterval.count();
const actor = (await loadActor(organizer.id))!;
await attendanceTable(actor, event.slug); // warm
const runs: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const table = await attendanceTable(actor, event.slug, new Date(day + 86_400_000));
  runs.push(performance.now() - t);
  if (i === 0 && table.rows.length !== PARTICIPANTS) throw new Error(`tabela com ${table.rows.length} linhas`);
}
runs.sort((a, b) => a - b);

console.log("");
console.log(`Webhooks aceitos:           ${accepted.toLocaleString("pt-BR")} de ${EVENTS.toLocaleString("pt-BR")} (${[...statuses].map(([s, n]) => `${n}×${s}`).join(", ")})`);
console.log(`Vazão:                      ${Math.round(accepted / seconds).toLocaleString("pt-BR")} eventos/s (${seconds.toFixed(1)} s)`);
console.log(`Intervalos de presença:     ${intervals.toLocaleString("pt-BR")}`);
console.log(`Tabela de presença ${PARTICIPANTS.toLocaleString("pt-BR")} × 4 sessões: mediana ${runs[2]!.toFixed(0)} ms (mín. ${runs[0]!.toFixed(0)} ms, máx. ${runs[4]!.toFixed(0)} ms)`);
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
