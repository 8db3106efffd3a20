// Registration: one click to register, capacity never exceeded, a first-come-first-served
// waitlist promoted automatically, cancellation and removal.
//
// Concurrency: every change starts its transaction by incrementing Event.registrationSeq. That
// write takes the database's write lock (SQLite: the RESERVED lock; PostgreSQL: the event's row
// lock) before any count is read, so concurrent requests for one event are serialized; the new
// value is the request's arrival number, which orders the waitlist.
import type { Prisma } from "@prisma/client";

import { db, type DbOrTx } from "~/lib/db.server";
import { conflict, forbidden, notFound } from "~/lib/http.server";
import type { Actor } from "~/modules/auth/actor";
import { notifyIfQuotaFull, notifyRegistration } from "~/modules/email/notifications.server";
import { enteDisplayName, type EnteKind, type EnteRef } from "~/modules/entes/federation";
import { invitationAdmission, seatsUsed } from "~/modules/invitations/admission.server";
import { audienceOf, isInAudience } from "~/modules/events/audience";
import { canOnEvent } from "~/modules/events/permissions";

import { registrationAvailability, seatsToPromote, statusForNewRequest, type RegistrationStatus } from "./rules";

const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

const audienceInclude = {
  audienceUf: { select: { uf: true } },
  audienceEntes: { select: { enteId: true } },
} satisfies Prisma.EventInclude;

async function counts(tx: DbOrTx, eventId: string) {
  const rows = await tx.registration.groupBy({
    by: ["status"],
    where: { eventId, status: { in: ["CONFIRMADA", "ESPERA"] } },
    _count: { _all: true },
  });
  const get = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
  return { confirmed: get("CONFIRMADA"), waiting: get("ESPERA") };
}

/** Moves people from the waitlist to free seats, oldest request first. Returns their registration ids. */
export async function promoteWaitlist(tx: DbOrTx, eventId: string): Promise<string[]> {
  const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { capacity: true, status: true } });
  if (event.status === "CANCELADO") return [];
  const c = await counts(tx, eventId);
  const n = seatsToPromote({ capacity: event.capacity, ...c });
  if (!n) return [];
  const next = await tx.registration.findMany({
    where: { eventId, status: "ESPERA" },
    orderBy: { seq: "asc" },
    take: n,
    select: { id: true },
  });
  const ids = next.map((r) => r.id);
  await tx.registration.updateMany({ where: { id: { in: ids } }, data: { status: "CONFIRMADA", confirmedAt: new Date() } });
  for (const id of ids) await notifyRegistration(tx, id, { kind: "promovida" });
  return ids;
}

export type RegisterResult = {
  status: "CONFIRMADA" | "ESPERA";
  registrationId: string;
  alreadyRegistered: boolean;
  /** 1 for the first in line; null when confirmed */
  waitlistPosition: number | null;
};

async function positionIn(tx: DbOrTx, eventId: string, seq: number): Promise<number> {
  return 1 + (await tx.registration.count({ where: { eventId, status: "ESPERA", seq: { lt: seq } } }));
}

/** Who registers: the signed-in person, or a colleague nominated by her ente's gestor. */
export type Registrant = { userId: string; email: string; ente: EnteRef };

export type RegisterOptions = {
  now?: Date;
  /**
   * Admitted through an invitation: the audience rule does not apply; the ente invitation's seats
   * (quota) do. Without it, invite-only events look for an invitation of the person or her ente.
   */
  via?: { enteInvitationId: string | null; nominatedById?: string | null };
  /** a walk-in registered by the organization at the door: outside the registration window */
  door?: boolean;
};

/** Registers the person for the event, or puts her on the waitlist. Idempotent for an active registration. */
export async function register(actor: Registrant, eventId: string, now = new Date()): Promise<RegisterResult> {
  return db.$transaction((tx) => registerInTx(tx, actor, eventId, { now }), TX_OPTIONS);
}

/** The registration rule, inside a transaction the caller may share (invitations, nominations). */
export async function registerInTx(tx: DbOrTx, person: Registrant, eventId: string, opts: RegisterOptions = {}): Promise<RegisterResult> {
  const now = opts.now ?? new Date();
  const bumped = await tx.event
    .update({ where: { id: eventId }, data: { registrationSeq: { increment: 1 } }, include: audienceInclude })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === "P2025") throw notFound("Evento não encontrado.");
      throw error;
    });
  const existing = await tx.registration.findUnique({
    where: { eventId_userId: { eventId, userId: person.userId } },
    select: { id: true, status: true, seq: true },
  });
  if (existing && (existing.status === "CONFIRMADA" || existing.status === "ESPERA")) {
    return {
      status: existing.status,
      registrationId: existing.id,
      alreadyRegistered: true,
      waitlistPosition: existing.status === "ESPERA" ? await positionIn(tx, eventId, existing.seq) : null,
    };
  }
  let admission = opts.via ?? null;
  if (!admission && bumped.visibility === "CONVITE") {
    admission = await invitationAdmission(tx, eventId, { email: person.email, enteId: person.ente.id }, now);
    if (!admission) throw forbidden("Este evento é somente para convidados: a inscrição acontece pelo convite enviado a você ou ao seu ente.");
  }
  const availability = registrationAvailability({
    event: bumped,
    now,
    signedIn: true,
    inAudience: !!admission || isInAudience(audienceOf(bumped), person.ente),
    current: (existing?.status ?? null) as RegistrationStatus | null,
    enteName: person.ente.name,
    atTheDoor: opts.door,
  });
  if (!availability.ok) {
    throw availability.reason === "not_in_audience" ? forbidden(availability.message) : conflict(availability.message);
  }
  const enteInvitationId = admission?.enteInvitationId ?? null;
  if (enteInvitationId) {
    const invitation = await tx.enteInvitation.findUniqueOrThrow({ where: { id: enteInvitationId }, select: { quota: true, ente: { select: { name: true, uf: true, kind: true } } } });
    if ((await seatsUsed(tx, enteInvitationId)) >= invitation.quota) {
      const who = enteDisplayName({ ...invitation.ente, kind: invitation.ente.kind as EnteKind });
      throw conflict(`As ${invitation.quota} vagas de ${who} neste evento já estão preenchidas. Um(a) gestor(a) do ente pode trocar as indicações.`);
    }
  }
  const status = statusForNewRequest({ capacity: bumped.capacity, ...(await counts(tx, eventId)) });
  const data = {
    status,
    seq: bumped.registrationSeq,
    enteId: person.ente.id,
    confirmedAt: status === "CONFIRMADA" ? now : null,
    cancelledAt: null,
    enteInvitationId,
    nominatedById: opts.via?.nominatedById ?? null,
  };
  const row = existing
    ? // Registering again after cancelling: her next invite must supersede the cancellation.
      await tx.registration.update({ where: { id: existing.id }, data: { ...data, icsSequence: { increment: 1 } }, select: { id: true } })
    : await tx.registration.create({ data: { ...data, eventId, userId: person.userId }, select: { id: true } });
  const waitlistPosition = status === "ESPERA" ? await positionIn(tx, eventId, bumped.registrationSeq) : null;
  const nominatedBy = opts.via?.nominatedById;
  await notifyRegistration(
    tx,
    row.id,
    nominatedBy
      ? { kind: "indicada", nominatedById: nominatedBy }
      : waitlistPosition
        ? { kind: "espera", position: waitlistPosition }
        : { kind: "confirmada" },
  );
  if (enteInvitationId) await notifyIfQuotaFull(tx, enteInvitationId);
  return { status, registrationId: row.id, alreadyRegistered: false, waitlistPosition };
}

/** The participant gives up her seat (or her place in the waitlist); the next in line is promoted. */
export async function cancelMyRegistration(actor: Actor, eventId: string): Promise<{ promoted: string[] }> {
  return db.$transaction(async (tx) => {
    await tx.event.update({ where: { id: eventId }, data: { registrationSeq: { increment: 1 } } }).catch((error: unknown) => {
      if ((error as { code?: string }).code === "P2025") throw notFound("Evento não encontrado.");
      throw error;
    });
    const reg = await tx.registration.findUnique({ where: { eventId_userId: { eventId, userId: actor.userId } } });
    if (!reg || (reg.status !== "CONFIRMADA" && reg.status !== "ESPERA")) return { promoted: [] };
    await tx.registration.update({ where: { id: reg.id }, data: { status: "CANCELADA", cancelledAt: new Date(), icsSequence: { increment: 1 } } });
    await notifyRegistration(tx, reg.id, { kind: "cancelada", hadSeat: reg.status === "CONFIRMADA" });
    return { promoted: reg.status === "CONFIRMADA" ? await promoteWaitlist(tx, eventId) : [] };
  }, TX_OPTIONS);
}

/** An organizer removes a registration (with a reason, kept in the audit trail). */
export async function removeRegistration(actor: Actor, registrationId: string, reason: string): Promise<{ promoted: string[] }> {
  const reg = await db.registration.findUnique({
    where: { id: registrationId },
    select: { id: true, eventId: true, event: { select: { organizerEnteId: true } } },
  });
  if (!reg) throw notFound("Inscrição não encontrada.");
  if (!canOnEvent(actor, "remove_registration", reg.event)) throw forbidden("Só a organização do evento pode remover inscrições.");
  return db.$transaction((tx) => withdrawInTx(tx, reg.id, { byUserId: actor.userId, reason }), TX_OPTIONS);
}

/**
 * Takes a registration out (REMOVIDA, with who and why, audited), tells the person and promotes the
 * waitlist. Shared by organizers' removals and gestores' swaps of nominees; callers check permission.
 */
export async function withdrawInTx(tx: DbOrTx, registrationId: string, by: { byUserId: string; reason: string }): Promise<{ promoted: string[] }> {
  const { eventId } = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { eventId: true } });
  await tx.event.update({ where: { id: eventId }, data: { registrationSeq: { increment: 1 } } });
  const current = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { status: true } });
  if (current.status !== "CONFIRMADA" && current.status !== "ESPERA") return { promoted: [] };
  await tx.registration.update({
    where: { id: registrationId },
    data: { status: "REMOVIDA", removedAt: new Date(), removedById: by.byUserId, removalReason: by.reason, icsSequence: { increment: 1 } },
  });
  await notifyRegistration(tx, registrationId, { kind: "removida", hadSeat: current.status === "CONFIRMADA", reason: by.reason });
  await tx.auditEntry.create({
    data: { actorId: by.byUserId, action: "registration.remove", subject: `registration:${registrationId}`, detail: by.reason },
  });
  return { promoted: current.status === "CONFIRMADA" ? await promoteWaitlist(tx, eventId) : [] };
}

/** Seats taken and people waiting, for many events at once. */
export async function seatCounts(eventIds: string[]): Promise<Map<string, { confirmed: number; waiting: number }>> {
  const map = new Map(eventIds.map((id) => [id, { confirmed: 0, waiting: 0 }]));
  if (!eventIds.length) return map;
  const rows = await db.registration.groupBy({
    by: ["eventId", "status"],
    where: { eventId: { in: eventIds }, status: { in: ["CONFIRMADA", "ESPERA"] } },
    _count: { _all: true },
  });
  for (const r of rows) {
    const c = map.get(r.eventId)!;
    if (r.status === "CONFIRMADA") c.confirmed = r._count._all;
    else c.waiting = r._count._all;
  }
  return map;
}

/** 1 for the first in line. */
export async function waitlistPosition(eventId: string, seq: number): Promise<number> {
  return positionIn(db, eventId, seq);
}

export async function myRegistration(userId: string, eventId: string) {
  return db.registration.findUnique({
    where: { eventId_userId: { eventId, userId } },
    select: { id: true, status: true, seq: true, createdAt: true, removalReason: true },
  });
}
