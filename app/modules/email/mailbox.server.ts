// What the outbox holds, for the people who may see it: the organizers of an event (delivery
// status and resend) and, in development only, the developer (the local mailbox).
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { notFound } from "~/lib/http.server";
import type { Actor } from "~/modules/auth/actor";
import { requireEventFor } from "~/modules/events/events.server";

import { badgeImages, requeue } from "./outbox.server";

export const MESSAGE_STATUS_LABELS: Record<string, string> = {
  PENDENTE: "Na fila",
  ENVIANDO: "Enviando",
  ENVIADA: "Entregue ao servidor de e-mail",
  FALHOU: "Falhou",
};

export const PURPOSE_LABELS: Record<string, string> = {
  "inscricao-confirmada": "Inscrição confirmada",
  "lista-de-espera": "Lista de espera",
  promovido: "Vaga aberta (promoção)",
  "inscricao-cancelada": "Inscrição cancelada",
  "inscricao-removida": "Inscrição removida",
  "evento-alterado": "Evento alterado",
  "sessao-cancelada": "Sessão cancelada",
  "evento-cancelado": "Evento cancelado",
  "lembrete-24h": "Lembrete (24 h)",
  "lembrete-1h": "Lembrete (1 h)",
  "redefinir-senha": "Redefinição de senha",
  convite: "Convite",
  "convite-lembrete": "Lembrete de convite",
  indicacao: "Indicação",
  "vagas-esgotadas": "Vagas do ente preenchidas",
};

const listSelect = {
  id: true,
  purpose: true,
  toEmail: true,
  toName: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  nextAttemptAt: true,
  icsMethod: true,
  transport: true,
} as const;

/** "Entregue ao servidor de e-mail", or — in development — "Guardada na caixa local". */
export function statusLabel(m: { status: string; transport: string | null }): string {
  if (m.status === "ENVIADA" && m.transport === "caixa-local") return "Guardada na caixa local";
  return MESSAGE_STATUS_LABELS[m.status] ?? m.status;
}

/** Delivery status of an event's messages, newest first, with counts by status. */
export async function eventMessages(actor: Actor, slug: string, filter: { status?: string } = {}) {
  const event = await requireEventFor(actor, slug, "see_participants");
  const [messages, byStatus] = await Promise.all([
    db.outboxMessage.findMany({
      where: { eventId: event.id, ...(filter.status ? { status: filter.status } : {}) },
      select: listSelect,
      orderBy: { createdAt: "desc" },
      take: 500,
    }),
    db.outboxMessage.groupBy({ by: ["status"], where: { eventId: event.id }, _count: { _all: true } }),
  ]);
  return { event, messages, counts: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Record<string, number> };
}

/** The organizers resend one message (a failed one goes back to the queue; a delivered one is sent again). */
export async function resendEventMessage(actor: Actor, slug: string, messageId: string): Promise<void> {
  const event = await requireEventFor(actor, slug, "edit");
  const m = await db.outboxMessage.findUnique({ where: { id: messageId }, select: { eventId: true } });
  if (!m || m.eventId !== event.id) throw notFound("Mensagem não encontrada neste evento.");
  await requeue(messageId);
}

/** Resends every failed message of the event at once. */
export async function resendFailed(actor: Actor, slug: string): Promise<number> {
  const event = await requireEventFor(actor, slug, "edit");
  const failed = await db.outboxMessage.findMany({ where: { eventId: event.id, status: "FALHOU" }, select: { id: true } });
  for (const m of failed) await requeue(m.id);
  return failed.length;
}

function requireDevelopment() {
  if (env.NODE_ENV !== "development") throw notFound();
}

export async function devMailbox(page = 1) {
  requireDevelopment();
  const [total, messages] = await Promise.all([
    db.outboxMessage.count(),
    db.outboxMessage.findMany({ select: listSelect, orderBy: { createdAt: "desc" }, skip: (page - 1) * 50, take: 50 }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / 50)), messages };
}

export async function devMailboxMessage(id: string) {
  requireDevelopment();
  const m = await db.outboxMessage.findUnique({ where: { id }, include: { attemptLog: { orderBy: { startedAt: "asc" } } } });
  if (!m) throw notFound("Mensagem não encontrada.");
  // The inline QR, as the recipient's mail client shows it (it is attached when the message is sent).
  if (m.badgeRegistrationId) {
    for (const image of await badgeImages(m.badgeRegistrationId)) m.html = m.html.replaceAll(`cid:${image.cid}`, image.dataUrl);
  }
  return m;
}

