// The durable outbox. Messages are written in the same transaction as the change that causes them
// (enqueue), then delivered by a worker (deliverDue) with retries, exponential backoff and a record
// of every attempt. The idempotency key (purpose, recipient, object, version) means a message is
// never written twice; the lease and the stable Message-ID mean a crash never loses one and a
// retry is recognizable as the same message (docs/decisions/008-email-outbox.md).
import crypto from "node:crypto";

import { BADGE_CID, BADGE_FILENAME } from "@emails/blocks";

import { db, type DbOrTx } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { badgeQrDataUrl } from "~/modules/attendance/badge.server";

import { afterFailure, describeFailure, headerSafe, LEASE_MS } from "./delivery-policy";
import type { InlineImage, MailTransport } from "./transport.server";

/** The check-in QR of a registration as the inline image its message refers to (none when the registration is gone). */
export async function badgeImages(registrationId: string): Promise<InlineImage[]> {
  const reg = await db.registration.findUnique({ where: { id: registrationId }, select: { id: true, eventId: true } });
  if (!reg) return [];
  return [{ cid: BADGE_CID, filename: BADGE_FILENAME, dataUrl: await badgeQrDataUrl(reg.id, reg.eventId) }];
}

export type NewMessage = {
  /** idempotency key: purpose, recipient, object and version, e.g. "inscricao-confirmada:reg:abc:v0" */
  key: string;
  purpose: string;
  toEmail: string;
  toName: string;
  subject: string;
  text: string;
  html: string;
  ics?: { method: "REQUEST" | "CANCEL"; content: string } | null;
  /** the registration whose check-in QR goes inline (the template shows it as cid BADGE_CID) */
  badgeRegistrationId?: string | null;
  eventId?: string | null;
  userId?: string | null;
};

/** Writes the message unless one with the same key exists. Call it inside the causing transaction. */
function rowOf(m: NewMessage) {
  return {
    key: m.key.slice(0, 300),
    purpose: m.purpose,
    toEmail: m.toEmail,
    toName: headerSafe(m.toName),
    subject: headerSafe(m.subject, 300),
    text: m.text,
    html: m.html,
    icsMethod: m.ics?.method ?? null,
    icsContent: m.ics?.content ?? null,
    badgeRegistrationId: m.badgeRegistrationId ?? null,
    eventId: m.eventId ?? null,
    userId: m.userId ?? null,
  };
}

export async function enqueue(tx: DbOrTx, m: NewMessage): Promise<{ id: string; created: boolean }> {
  const existing = await tx.outboxMessage.findUnique({ where: { key: m.key }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const row = await tx.outboxMessage.create({ data: rowOf(m), select: { id: true } });
  return { id: row.id, created: true };
}

/** enqueue for many messages at once (thousands of certificates): the same rule, in two statements. */
export async function enqueueMany(tx: DbOrTx, messages: NewMessage[]): Promise<number> {
  if (!messages.length) return 0;
  const existing = new Set(
    (await tx.outboxMessage.findMany({ where: { key: { in: messages.map((m) => m.key.slice(0, 300)) } }, select: { key: true } })).map((r) => r.key),
  );
  const rows = [...new Map(messages.map((m) => [m.key.slice(0, 300), m])).values()].filter((m) => !existing.has(m.key.slice(0, 300))).map(rowOf);
  if (!rows.length) return 0;
  const { count } = await tx.outboxMessage.createMany({ data: rows });
  return count;
}

export type DeliveryOptions = {
  transport: MailTransport;
  now?: () => Date;
  /** how many messages one call takes */
  limit?: number;
  /** how many are in flight at once */
  concurrency?: number;
  backoffBaseMs?: number;
  random?: () => number;
};

export type DeliveryReport = { claimed: number; sent: number; retried: number; failed: number };

const dueWhere = (now: Date) => ({
  OR: [
    { status: "PENDENTE", nextAttemptAt: { lte: now } },
    // A worker that died while sending: its lease ran out, the message is taken over.
    { status: "ENVIANDO", leaseUntil: { lt: now } },
  ],
});

/** Claims due messages (one worker each, by compare-and-set on the attempt count) and sends them. */
export async function deliverDue(opts: DeliveryOptions): Promise<DeliveryReport> {
  const now = opts.now ?? (() => new Date());
  const limit = opts.limit ?? 50;
  const report: DeliveryReport = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const candidates = await db.outboxMessage.findMany({
    where: dueWhere(now()),
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true, status: true, attempts: true },
  });
  const claimed: { id: string; attempts: number }[] = [];
  for (const c of candidates) {
    const at = now();
    const r = await db.outboxMessage.updateMany({
      where: { id: c.id, status: c.status, attempts: c.attempts },
      data: { status: "ENVIANDO", leaseUntil: new Date(at.getTime() + LEASE_MS), attempts: { increment: 1 } },
    });
    if (r.count === 1) claimed.push({ id: c.id, attempts: c.attempts + 1 });
  }
  report.claimed = claimed.length;

  const queue = [...claimed];
  const workers = Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 5, queue.length)) }, async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const outcome = await sendOne(item, opts, now);
      report[outcome]++;
    }
  });
  await Promise.all(workers);
  return report;
}

async function sendOne(
  item: { id: string; attempts: number },
  opts: DeliveryOptions,
  now: () => Date,
): Promise<"sent" | "retried" | "failed"> {
  const message = await db.outboxMessage.findUniqueOrThrow({
    where: { id: item.id },
    select: { id: true, toEmail: true, toName: true, subject: true, text: true, html: true, icsMethod: true, icsContent: true, badgeRegistrationId: true },
  });
  const startedAt = now();
  const inline = message.badgeRegistrationId ? await badgeImages(message.badgeRegistrationId) : [];
  const result = await opts.transport.send({ ...message, inline });
  const finishedAt = now();
  const mine = { id: item.id, attempts: item.attempts, status: "ENVIANDO" };
  if (result.ok) {
    await db.$transaction([
      db.outboxAttempt.create({ data: { messageId: item.id, startedAt, finishedAt, ok: true, detail: result.detail.slice(0, 500) } }),
      db.outboxMessage.updateMany({
        where: mine,
        data: { status: "ENVIADA", sentAt: finishedAt, leaseUntil: null, lastError: null, transport: opts.transport.name },
      }),
    ]);
    return "sent";
  }
  const reason = describeFailure(result.failure);
  const next = afterFailure({ attempts: item.attempts, failure: result.failure, now: finishedAt, baseMs: opts.backoffBaseMs ?? env.OUTBOX_BACKOFF_MS, random: opts.random });
  await db.$transaction([
    db.outboxAttempt.create({ data: { messageId: item.id, startedAt, finishedAt, ok: false, detail: reason } }),
    db.outboxMessage.updateMany({
      where: mine,
      data:
        next.status === "FALHOU"
          ? { status: "FALHOU", leaseUntil: null, lastError: reason, transport: opts.transport.name }
          : { status: "PENDENTE", leaseUntil: null, lastError: reason, nextAttemptAt: next.nextAttemptAt, transport: opts.transport.name },
    }),
  ]);
  return next.status === "FALHOU" ? "failed" : "retried";
}

/** A failed message goes back to the queue with its attempts reset (same Message-ID); a delivered one is copied. */
export async function requeue(messageId: string): Promise<{ id: string }> {
  const m = await db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
  if (m.status === "FALHOU" || m.status === "PENDENTE") {
    await db.outboxMessage.update({ where: { id: m.id }, data: { status: "PENDENTE", attempts: 0, nextAttemptAt: new Date(), lastError: null } });
    return { id: m.id };
  }
  const copy = await db.outboxMessage.create({
    data: {
      key: `${m.key}:reenvio:${crypto.randomBytes(6).toString("hex")}`,
      purpose: m.purpose,
      toEmail: m.toEmail,
      toName: m.toName,
      subject: m.subject,
      text: m.text,
      html: m.html,
      icsMethod: m.icsMethod,
      icsContent: m.icsContent,
      eventId: m.eventId,
      userId: m.userId,
    },
    select: { id: true },
  });
  return copy;
}
