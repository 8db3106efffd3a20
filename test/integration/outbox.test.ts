// The outbox against a real SMTP peer on loopback: what arrives, and what happens when the server
// is down, refuses, hangs, or the worker dies mid-batch.
import { spawn } from "node:child_process";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { deliverDue, enqueue, requeue, type NewMessage } from "~/modules/email/outbox.server";
import { messageIdOf, smtpTransport, type MailTransport } from "~/modules/email/transport.server";

import { ROOT } from "../support/database";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

const FROM = "Apoia SUAS <nao-responda@apoiasuas.gov.br>";
let sink: SmtpSink;
let transport: MailTransport;

function message(n: number, extra: Partial<NewMessage> = {}): NewMessage {
  return {
    key: `teste:${Date.now()}:${n}:${Math.random()}`,
    purpose: "teste",
    toEmail: `pessoa${n}@municipio.ba.gov.br`,
    toName: `Pessoa ${n} Conceição`,
    subject: `Mensagem ${n}`,
    text: `Texto ${n}`,
    html: `<p>HTML ${n}</p>`,
    ...extra,
  };
}

async function enqueueMany(n: number, extra: Partial<NewMessage> = {}) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await enqueue(db, message(i, extra))).id);
  return ids;
}

/** Runs delivery rounds with a clock that jumps past every backoff, until nothing is due. */
async function drain(t: MailTransport, maxRounds = 30) {
  let clock = Date.now() + 24 * 60 * 60_000;
  for (let round = 0; round < maxRounds; round++) {
    const r = await deliverDue({ transport: t, now: () => new Date(clock), backoffBaseMs: 1_000 });
    clock += 2 * 60 * 60_000;
    if (!r.claimed) return;
  }
}

beforeAll(async () => {
  sink = await startSmtpSink();
  transport = smtpTransport({ url: sink.url, from: FROM, pool: false, timeoutMs: 2_000 });
});
afterAll(async () => {
  transport.close();
  await sink.close();
});
afterEach(async () => {
  sink.behave({ kind: "accept" });
  sink.beforeAccept = null;
  sink.received.length = 0;
  await db.outboxMessage.deleteMany();
});

describe("enqueue", () => {
  it("writes a message once per idempotency key, however often the change is replayed", async () => {
    const m = message(1);
    const a = await enqueue(db, m);
    const b = await enqueue(db, { ...m, subject: "outra coisa" });
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    expect(await db.outboxMessage.count({ where: { key: m.key } })).toBe(1);
  });

  it("is part of the causing transaction: a rolled-back change leaves no message", async () => {
    const m = message(2);
    await expect(
      db.$transaction(async (tx) => {
        await enqueue(tx, m);
        throw new Error("a mudança falhou");
      }),
    ).rejects.toThrow("a mudança falhou");
    expect(await db.outboxMessage.count({ where: { key: m.key } })).toBe(0);
  });
});

describe("delivery over SMTP", () => {
  it("delivers subject, text, HTML and the calendar invite, with a Message-ID stable per outbox message", async () => {
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nPRODID:-//teste//PT-BR\r\nEND:VCALENDAR\r\n";
    const { id } = await enqueue(db, message(3, { ics: { method: "REQUEST", content: ics }, subject: "Inscrição confirmada: Oficina" }));
    const report = await deliverDue({ transport });
    expect(report).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    const [mail] = await sink.waitFor(1);
    expect(mail!.parsed.subject).toBe("Inscrição confirmada: Oficina");
    expect(mail!.parsed.text?.trim()).toBe("Texto 3");
    expect(mail!.parsed.html).toContain("<p>HTML 3</p>");
    expect(mail!.messageId).toBe(messageIdOf(id, FROM));
    expect(mail!.to).toEqual(["pessoa3@municipio.ba.gov.br"]);
    expect(mail!.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const invite = mail!.parsed.attachments.find((a) => a.contentType === "text/calendar");
    expect(invite?.content.toString()).toContain("METHOD:REQUEST");
    const stored = await db.outboxMessage.findUniqueOrThrow({ where: { id }, include: { attemptLog: true } });
    expect(stored).toMatchObject({ status: "ENVIADA", attempts: 1, transport: "smtp", lastError: null });
    expect(stored.attemptLog).toHaveLength(1);
    expect(stored.attemptLog[0]!.ok).toBe(true);
  });

  it("cannot be made to inject headers through a name or a subject", async () => {
    await enqueue(db, message(4, { toName: "Maria\r\nBcc: espiao@example.com", subject: "Oi\r\nBcc: espiao@example.com" }));
    await deliverDue({ transport });
    const [mail] = await sink.waitFor(1);
    expect(mail!.to).toEqual(["pessoa4@municipio.ba.gov.br"]);
    expect(mail!.parsed.bcc).toBeUndefined();
    expect(mail!.raw).not.toMatch(/^Bcc:/im);
  });
});

describe("faults", () => {
  it("delivers every message exactly once when the server is down for the first attempts", async () => {
    const ids = await enqueueMany(5);
    sink.behave({ kind: "drop" });
    let clock = Date.now();
    for (let i = 0; i < 3; i++) {
      const r = await deliverDue({ transport, now: () => new Date(clock), backoffBaseMs: 1_000 });
      expect(r.retried).toBe(5);
      clock += 60 * 60_000;
    }
    expect(sink.received).toHaveLength(0);
    sink.behave({ kind: "accept" });
    await drain(transport);
    await sink.waitFor(5);
    expect(sink.received.map((m) => m.messageId).sort()).toEqual(ids.map((id) => messageIdOf(id, FROM)).sort());
    const rows = await db.outboxMessage.findMany({ include: { attemptLog: true } });
    expect(rows.every((r) => r.status === "ENVIADA" && r.attempts === 4 && r.attemptLog.length === 4)).toBe(true);
    expect(rows[0]!.attemptLog.filter((a) => !a.ok).every((a) => /421|servidor fora do ar|ECONN/.test(a.detail))).toBe(true);
  });

  it("retries a 4xx answer with growing delays and records the server's reason", async () => {
    const [id] = await enqueueMany(1);
    sink.behave({ kind: "reject", code: 451, message: "Tente mais tarde" });
    const t0 = Date.now();
    await deliverDue({ transport, now: () => new Date(t0), backoffBaseMs: 10_000, random: () => 0.5 });
    const first = await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(first.status).toBe("PENDENTE");
    expect(first.lastError).toMatch(/^451 .*Tente mais tarde/);
    expect(first.nextAttemptAt.getTime() - t0).toBe(10_000);
    await deliverDue({ transport, now: () => new Date(t0 + 10_000), backoffBaseMs: 10_000, random: () => 0.5 });
    const second = await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(second.nextAttemptAt.getTime() - (t0 + 10_000)).toBe(20_000);
    expect(await deliverDue({ transport, now: () => new Date(t0 + 20_000), backoffBaseMs: 10_000 })).toMatchObject({ claimed: 0 });
  });

  it("gives up after a few 5xx answers, marks the message failed with the reason, and a resend delivers it", async () => {
    const [id] = await enqueueMany(1);
    sink.behave({ kind: "reject", code: 550, message: "Caixa postal inexistente" });
    await drain(transport);
    const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(failed).toMatchObject({ status: "FALHOU", attempts: 3 });
    expect(failed.lastError).toMatch(/^550 .*Caixa postal inexistente/);
    sink.behave({ kind: "accept" });
    await requeue(id!);
    await deliverDue({ transport });
    await sink.waitFor(1);
    expect(sink.received[0]!.messageId).toBe(messageIdOf(id!, FROM));
  });

  it("retries when the server hangs past the timeout, and delivers the message once", async () => {
    const [id] = await enqueueMany(1);
    let hang = true;
    sink.beforeAccept = () => (hang ? new Promise((r) => setTimeout(r, 3_000)) : Promise.resolve());
    const r1 = await deliverDue({ transport, backoffBaseMs: 1 });
    expect(r1.retried).toBe(1);
    hang = false;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sink.received).toHaveLength(0);
    await drain(transport);
    await sink.waitFor(1);
    expect(sink.received).toHaveLength(1);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } })).status).toBe("ENVIADA");
  });

  it("takes over a message whose worker died while sending once its lease runs out", async () => {
    const [id] = await enqueueMany(1);
    await db.outboxMessage.update({ where: { id: id! }, data: { status: "ENVIANDO", attempts: 1, leaseUntil: new Date(Date.now() + 60_000) } });
    expect((await deliverDue({ transport })).claimed).toBe(0);
    const later = new Date(Date.now() + 3 * 60_000);
    expect(await deliverDue({ transport, now: () => later })).toMatchObject({ claimed: 1, sent: 1 });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } })).attempts).toBe(2);
  });

  it("lets two workers share the queue without sending any message twice", async () => {
    await enqueueMany(20);
    const other = smtpTransport({ url: sink.url, from: FROM, pool: false });
    await Promise.all([deliverDue({ transport }), deliverDue({ transport: other })]);
    other.close();
    await sink.waitFor(20);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(20);
    expect(sink.received).toHaveLength(20);
  });

  it("loses nothing when the worker process is killed mid-batch and restarted, and re-sends only as the same message", async () => {
    const ids = await enqueueMany(12);
    const file = process.env.DATABASE_URL!;
    const startWorker = () =>
      // One process (node with tsx's loader), so that SIGKILL really kills the worker — the tsx
      // launcher would leave its child running.
      spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "outbox-worker.ts")], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: file, SMTP_URL: sink.url, OUTBOX_INTERVAL_MS: "200", OUTBOX_BACKOFF_MS: "50", NODE_ENV: "test" },
        stdio: "ignore",
      });
    // The sink holds the 5th message's answer; meanwhile the worker is killed (SIGKILL: no cleanup).
    let arrived = 0;
    let killed = false;
    let interrupted = "";
    const first = startWorker();
    const exited = new Promise((r) => first.once("exit", r));
    sink.beforeAccept = async (raw) => {
      arrived++;
      if (arrived === 5 && !killed) {
        killed = true;
        interrupted = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? "";
        first.kill("SIGKILL");
        await exited;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await exited;
    expect(killed).toBe(true);
    const afterCrash = await db.outboxMessage.count({ where: { status: "ENVIADA" } });
    expect(afterCrash).toBeLessThan(12);
    // The interrupted messages are ENVIANDO under a lease; a restarted worker takes them over when it expires.
    await db.outboxMessage.updateMany({ where: { status: "ENVIANDO" }, data: { leaseUntil: new Date(Date.now() - 1) } });
    const second = startWorker();
    const deadline = Date.now() + 30_000;
    while ((await db.outboxMessage.count({ where: { status: "ENVIADA" } })) < 12 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    second.kill("SIGTERM");
    await new Promise((r) => second.once("exit", r));
    // No loss: every message arrived. Messages whose SMTP transaction had completed when the worker
    // died, but were not yet recorded as sent, were sent again — with the same Message-ID, so the
    // mailbox (which keeps one copy per Message-ID, as mail stores do) holds each message once.
    const delivered = sink.received.map((m) => m.messageId);
    const mailbox = new Set(delivered);
    expect([...mailbox].sort()).toEqual(ids.map((id) => messageIdOf(id, FROM)).sort());
    expect(delivered.length - mailbox.size).toBeLessThanOrEqual(5); // at most the messages in flight at the crash
    // The message whose transaction the crash interrupted (never answered) was delivered once, by the restarted worker.
    expect(interrupted).toMatch(/^<outbox\./);
    expect(delivered.filter((id) => id === interrupted)).toHaveLength(1);
  });
});
