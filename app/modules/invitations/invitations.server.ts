// Invitations across the federation: the Union invites states, states invite their municipalities,
// each ente with its seats; people invited by e-mail; accepting registers within the ente's quota;
// a gestor nominates colleagues of the same ente and swaps them; follow-up and reminders.
import { db, type DbOrTx } from "~/lib/db.server";
import { conflict, DomainError, forbidden, notFound } from "~/lib/http.server";
import { formatDateTime } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { notifyInvitation } from "~/modules/email/notifications.server";
import { enteDisplayName, PORTE_SHORT_LABELS, type EnteKind, type Porte } from "~/modules/entes/federation";
import { requireEventFor } from "~/modules/events/events.server";
import { registerInTx, withdrawInTx, type RegisterResult } from "~/modules/registration/registration.server";

import { seatsUsed } from "./admission.server";
import { INVITATION_STATUS_LABELS, MAX_QUOTA, type InvitationFilter } from "./filters";
import { canInviteEnte, canInvitePeople, canNominateFor, canSeeInvitations } from "./permissions";
import { invitationToken, linkIdOf } from "./tokens.server";

const TX = { maxWait: 30_000, timeout: 120_000 } as const;

async function eventForInviting(actor: Actor, slug: string, now: Date) {
  const ref = await requireEventFor(actor, slug, "edit");
  const event = await db.event.findUniqueOrThrow({
    where: { id: ref.id },
    select: { id: true, slug: true, title: true, status: true, organizerEnteId: true, registrationClosesAt: true, timeZone: true },
  });
  if (event.status !== "PUBLICADO") throw conflict(event.status === "CANCELADO" ? "Este evento foi cancelado." : "Publique o evento antes de enviar convites.");
  if (event.registrationClosesAt <= now) throw conflict("As inscrições deste evento já terminaram: não é possível convidar.");
  return event;
}

/** Who receives an ente's invitation: its gestores and its organizers (state teams), plus added addresses. */
async function recipientsOf(tx: DbOrTx, enteId: string, extra: readonly string[]): Promise<{ email: string; userId: string | null }[]> {
  const [gestores, organizers] = await Promise.all([
    tx.user.findMany({ where: { enteId, roleInEnte: "GESTOR" }, select: { id: true, email: true } }),
    tx.organizerRole.findMany({ where: { enteId }, select: { user: { select: { id: true, email: true } } } }),
  ]);
  const byEmail = new Map<string, string | null>();
  for (const u of [...gestores, ...organizers.map((o) => o.user)]) byEmail.set(u.email, u.id);
  for (const e of extra) if (!byEmail.has(e)) byEmail.set(e, null);
  return [...byEmail].map(([email, userId]) => ({ email, userId }));
}

export type InviteEntesInput = { enteIds: string[]; quota: number; extraEmails?: Record<string, string[]> };
export type InviteEntesResult = { invited: number; alreadyInvited: number; messages: number; withoutRecipients: string[] };

/** Invites entes (bulk), each with `quota` seats; every recipient gets a personal link by e-mail. */
export async function inviteEntes(actor: Actor, slug: string, input: InviteEntesInput, now = new Date()): Promise<InviteEntesResult> {
  const event = await eventForInviting(actor, slug, now);
  if (!Number.isInteger(input.quota) || input.quota < 1 || input.quota > MAX_QUOTA) {
    throw new DomainError(400, `A quantidade de vagas por ente deve ser um número inteiro de 1 a ${MAX_QUOTA}.`);
  }
  const ids = [...new Set(input.enteIds)];
  const entes = await db.ente.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true, name: true, uf: true } });
  if (entes.length !== ids.length) throw notFound("Algum ente da lista não existe.");
  const refused = entes.filter((e) => !canInviteEnte(actor, event, { ...e, kind: e.kind as EnteKind }));
  if (refused.length) {
    throw forbidden(`Você não pode convidar: ${refused.slice(0, 5).map((e) => enteDisplayName({ ...e, kind: e.kind as EnteKind })).join(", ")}${refused.length > 5 ? "…" : ""}.`);
  }
  const result: InviteEntesResult = { invited: 0, alreadyInvited: 0, messages: 0, withoutRecipients: [] };
  for (let i = 0; i < entes.length; i += 50) {
    await db.$transaction(async (tx) => {
      for (const ente of entes.slice(i, i + 50)) {
        const existing = await tx.enteInvitation.findUnique({ where: { eventId_enteId: { eventId: event.id, enteId: ente.id } } });
        const invitation = existing
          ? await tx.enteInvitation.update({ where: { id: existing.id }, data: { quota: input.quota } })
          : await tx.enteInvitation.create({ data: { eventId: event.id, enteId: ente.id, quota: input.quota, invitedById: actor.userId, createdAt: now } });
        if (existing) result.alreadyInvited++;
        else result.invited++;
        const recipients = await recipientsOf(tx, ente.id, input.extraEmails?.[ente.id] ?? []);
        if (!recipients.length) result.withoutRecipients.push(enteDisplayName({ ...ente, kind: ente.kind as EnteKind }));
        for (const r of recipients) {
          const link = await tx.invitationLink.findUnique({ where: { eventId_email: { eventId: event.id, email: r.email } } });
          if (link) continue;
          const created = await tx.invitationLink.create({
            data: { eventId: event.id, enteInvitationId: invitation.id, email: r.email, enteId: ente.id, userId: r.userId, expiresAt: event.registrationClosesAt, createdAt: now },
          });
          await notifyInvitation(tx, created.id);
          result.messages++;
        }
      }
    }, TX);
  }
  return result;
}

/** Invites people by e-mail (optionally tied to an ente: pre-filled when they create their account). */
export async function invitePeople(actor: Actor, slug: string, rows: { email: string; enteId?: string | null }[], now = new Date()) {
  const event = await eventForInviting(actor, slug, now);
  if (!canInvitePeople(actor, event)) throw forbidden("Só a organização do evento convida pessoas.");
  let created = 0;
  let already = 0;
  await db.$transaction(async (tx) => {
    for (const row of rows) {
      const email = row.email.trim().toLowerCase();
      if (await tx.invitationLink.findUnique({ where: { eventId_email: { eventId: event.id, email } } })) {
        already++;
        continue;
      }
      const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
      const link = await tx.invitationLink.create({
        data: { eventId: event.id, email, enteId: row.enteId ?? null, userId: user?.id ?? null, expiresAt: event.registrationClosesAt, createdAt: now },
      });
      await notifyInvitation(tx, link.id);
      created++;
    }
  }, TX);
  return { created, already };
}

const linkInclude = {
  event: { select: { id: true, slug: true, title: true, status: true, timeZone: true, organizerEnteId: true } },
  ente: { select: { id: true, name: true, uf: true, kind: true } },
  enteInvitation: { select: { id: true, quota: true, status: true, ente: { select: { id: true, name: true, uf: true, kind: true } } } },
} as const;

/** The invitation behind a link; 404 for a forged or unknown link, 410 for an expired one. */
export async function invitationByToken(token: string, now = new Date()) {
  const id = linkIdOf(token);
  const link = id ? await db.invitationLink.findUnique({ where: { id }, include: linkInclude }) : null;
  if (!link) throw notFound("Convite não encontrado: confira se o endereço veio completo do e-mail.");
  if (link.event.status === "CANCELADO") throw new DomainError(410, "Este evento foi cancelado: o convite não vale mais.");
  if (link.expiresAt <= now && link.status === "PENDENTE") {
    throw new DomainError(410, `Este convite expirou em ${formatDateTime(link.expiresAt, link.event.timeZone)}. Fale com a organização do evento.`);
  }
  const seats = link.enteInvitation ? await seatsUsed(db, link.enteInvitation.id) : null;
  return { link, seats };
}

export type Answer = { kind: "aceito"; registration: RegisterResult } | { kind: "recusado" } | { kind: "ja-respondido"; status: string };

/** Accepting registers the signed-in person (within the ente's seats); declining needs only the link. */
export async function answerInvitation(actor: Actor | null, token: string, answer: "aceitar" | "recusar", now = new Date()): Promise<Answer> {
  const { link } = await invitationByToken(token, now);
  if (answer === "recusar") {
    if (link.status === "ACEITO") return { kind: "ja-respondido", status: link.status };
    await db.$transaction(async (tx) => {
      await tx.invitationLink.update({ where: { id: link.id }, data: { status: "RECUSADO", respondedAt: now } });
      if (link.enteInvitation && link.enteInvitation.status === "PENDENTE" && (await seatsUsed(tx, link.enteInvitation.id)) === 0) {
        await tx.enteInvitation.update({ where: { id: link.enteInvitation.id }, data: { status: "RECUSADO", respondedAt: now, respondedById: actor?.userId ?? null } });
      }
    }, TX);
    return { kind: "recusado" };
  }
  if (!actor) throw forbidden("Entre na sua conta para aceitar o convite.");
  if (actor.email !== link.email) {
    throw forbidden(`Este convite foi enviado para ${link.email}. Entre com a conta desse e-mail para aceitá-lo.`);
  }
  if (link.expiresAt <= now) throw new DomainError(410, "Este convite expirou.");
  return db.$transaction(async (tx) => {
    const registration = await registerInTx(tx, actor, link.event.id, { now, via: { enteInvitationId: link.enteInvitation?.id ?? null } });
    if (registration.alreadyRegistered && link.status === "ACEITO") return { kind: "ja-respondido" as const, status: link.status };
    await tx.invitationLink.update({ where: { id: link.id }, data: { status: "ACEITO", respondedAt: now, userId: actor.userId } });
    if (link.enteInvitation && link.enteInvitation.status !== "ACEITO") {
      await tx.enteInvitation.update({ where: { id: link.enteInvitation.id }, data: { status: "ACEITO", respondedAt: now, respondedById: actor.userId } });
    }
    return { kind: "aceito" as const, registration };
  }, TX);
}

async function nominationContext(actor: Actor, enteInvitationId: string) {
  const inv = await db.enteInvitation.findUnique({
    where: { id: enteInvitationId },
    select: {
      id: true,
      quota: true,
      status: true,
      eventId: true,
      event: { select: { id: true, status: true, registrationClosesAt: true } },
      ente: { select: { id: true, name: true, uf: true, kind: true } },
      links: { where: { email: actor.email }, select: { status: true } },
    },
  });
  if (!inv) throw notFound("Convite não encontrado.");
  const acceptedByActor = inv.links.some((l) => l.status === "ACEITO");
  if (!canNominateFor(actor, inv.ente, { acceptedByActor })) {
    throw forbidden(`Só gestores(as) de ${enteDisplayName({ ...inv.ente, kind: inv.ente.kind as EnteKind })} indicam pessoas para estas vagas.`);
  }
  return inv;
}

export type NominationResult = { kind: "inscrita"; name: string; status: "CONFIRMADA" | "ESPERA" } | { kind: "convidada"; email: string };

/**
 * A gestor nominates a colleague of the same ente for one of its seats: registered at once when she
 * has an account; otherwise she receives a personal invitation tied to the ente (and its seats).
 */
export async function nominate(actor: Actor, enteInvitationId: string, email: string, now = new Date()): Promise<NominationResult> {
  const inv = await nominationContext(actor, enteInvitationId);
  if (inv.event.status !== "PUBLICADO" || inv.event.registrationClosesAt <= now) throw conflict("As inscrições deste evento não estão abertas.");
  const address = email.trim().toLowerCase();
  const colleague = await db.user.findUnique({ where: { email: address }, select: { id: true, name: true, email: true, ente: { select: { id: true, kind: true, name: true, uf: true, region: true, porte: true } } } });
  const enteName = enteDisplayName({ ...inv.ente, kind: inv.ente.kind as EnteKind });
  if (!colleague) {
    if ((await seatsUsed(db, inv.id)) >= inv.quota) throw conflict(`As ${inv.quota} vagas de ${enteName} já estão preenchidas: troque uma indicação antes.`);
    await db.$transaction(async (tx) => {
      const existing = await tx.invitationLink.findUnique({ where: { eventId_email: { eventId: inv.eventId, email: address } } });
      if (existing) return;
      const link = await tx.invitationLink.create({
        data: { eventId: inv.eventId, enteInvitationId: inv.id, email: address, enteId: inv.ente.id, expiresAt: inv.event.registrationClosesAt, createdAt: now },
      });
      await notifyInvitation(tx, link.id);
    }, TX);
    return { kind: "convidada", email: address };
  }
  if (colleague.ente.id !== inv.ente.id) {
    throw new DomainError(422, `${colleague.name} trabalha em ${colleague.ente.name}: as vagas de ${enteName} são para pessoas desse ente.`);
  }
  const r = await db.$transaction(
    (tx) =>
      registerInTx(
        tx,
        { userId: colleague.id, email: colleague.email, ente: { ...colleague.ente, kind: colleague.ente.kind as EnteKind } },
        inv.eventId,
        { now, via: { enteInvitationId: inv.id, nominatedById: actor.userId } },
      ),
    TX,
  );
  if (inv.status === "PENDENTE") await db.enteInvitation.update({ where: { id: inv.id }, data: { status: "ACEITO", respondedAt: now, respondedById: actor.userId } });
  return { kind: "inscrita", name: colleague.name, status: r.status };
}

/** A gestor frees one of the ente's seats (to nominate someone else). */
export async function releaseSeat(actor: Actor, enteInvitationId: string, registrationId: string): Promise<void> {
  await nominationContext(actor, enteInvitationId);
  const reg = await db.registration.findUnique({ where: { id: registrationId }, select: { enteInvitationId: true } });
  if (!reg || reg.enteInvitationId !== enteInvitationId) throw notFound("Esta inscrição não ocupa uma vaga deste convite.");
  await db.$transaction((tx) => withdrawInTx(tx, registrationId, { byUserId: actor.userId, reason: "Vaga liberada pela gestão do ente para outra indicação." }), TX);
}

/** The seats of an ente invitation, for its gestores: who holds them. */
export async function seatsPanel(actor: Actor, enteInvitationId: string) {
  const inv = await nominationContext(actor, enteInvitationId);
  const holders = await db.registration.findMany({
    where: { enteInvitationId, status: { in: ["CONFIRMADA", "ESPERA"] } },
    select: { id: true, status: true, user: { select: { name: true, email: true } } },
    orderBy: { seq: "asc" },
  });
  const pending = await db.invitationLink.findMany({
    where: { enteInvitationId, status: "PENDENTE", userId: null },
    select: { email: true },
  });
  return { quota: inv.quota, used: holders.length, holders, pendingEmails: pending.map((p) => p.email) };
}

const FILTER_STATUS: Record<InvitationFilter, string | undefined> = { todos: undefined, "sem-resposta": "PENDENTE", aceitos: "ACEITO", recusados: "RECUSADO" };

/** The follow-up: per ente, its answer and seats used; personal invitations; coverage of the UF. */
export async function invitationOverview(actor: Actor, slug: string, filter: InvitationFilter = "todos") {
  const ref = await requireEventFor(actor, slug, "see_participants");
  const event = await db.event.findUniqueOrThrow({
    where: { id: ref.id },
    select: { id: true, slug: true, title: true, organizerEnteId: true, registrationClosesAt: true, timeZone: true, organizerEnte: { select: { kind: true, uf: true } } },
  });
  if (!canSeeInvitations(actor, event)) throw forbidden("Só a organização do evento e a equipe federal veem os convites.");
  const [invitations, usage, personal, counts] = await Promise.all([
    db.enteInvitation.findMany({
      where: { eventId: event.id, ...(FILTER_STATUS[filter] ? { status: FILTER_STATUS[filter] } : {}) },
      select: {
        id: true,
        quota: true,
        status: true,
        remindersSent: true,
        lastRemindedAt: true,
        respondedAt: true,
        ente: { select: { id: true, name: true, uf: true, kind: true, porte: true } },
        _count: { select: { links: true } },
      },
      orderBy: [{ ente: { uf: "asc" } }, { ente: { searchName: "asc" } }],
    }),
    db.registration.groupBy({ by: ["enteInvitationId"], where: { eventId: event.id, enteInvitationId: { not: null }, status: { in: ["CONFIRMADA", "ESPERA"] } }, _count: { _all: true } }),
    db.invitationLink.findMany({ where: { eventId: event.id, enteInvitationId: null }, select: { email: true, status: true, ente: { select: { name: true, uf: true, kind: true } } }, orderBy: { createdAt: "asc" } }),
    db.enteInvitation.groupBy({ by: ["status"], where: { eventId: event.id }, _count: { _all: true } }),
  ]);
  const used = new Map(usage.map((u) => [u.enteInvitationId!, u._count._all]));
  const rows = invitations.map((i) => ({
    id: i.id,
    ente: enteDisplayName({ ...i.ente, kind: i.ente.kind as EnteKind }),
    enteId: i.ente.id,
    porte: i.ente.porte ? PORTE_SHORT_LABELS[i.ente.porte as Porte] : null,
    status: i.status,
    statusLabel: INVITATION_STATUS_LABELS[i.status] ?? i.status,
    quota: i.quota,
    used: used.get(i.id) ?? 0,
    recipients: i._count.links,
    remindersSent: i.remindersSent,
    lastRemindedAt: i.lastRemindedAt ? formatDateTime(i.lastRemindedAt, event.timeZone) : null,
  }));
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>;
  // A state event: every municipality of the UF, invited or not, to see the coverage of the invitation.
  let coverage: { total: number; invited: number; answered: number; withSeatsUsed: number } | null = null;
  let coverageRows: { id: string; name: string; porte: string | null; status: string; used: number; quota: number | null }[] = [];
  if (event.organizerEnte.kind === "UF") {
    const [municipios, invitedMunicipios] = await Promise.all([
      db.ente.findMany({ where: { kind: "MUNICIPIO", uf: event.organizerEnte.uf }, select: { id: true, name: true, porte: true }, orderBy: { searchName: "asc" } }),
      db.enteInvitation.findMany({ where: { eventId: event.id, ente: { kind: "MUNICIPIO" } }, select: { id: true, enteId: true, status: true, quota: true } }),
    ]);
    const byEnte = new Map(invitedMunicipios.map((i) => [i.enteId, i]));
    coverage = {
      total: municipios.length,
      invited: invitedMunicipios.length,
      answered: invitedMunicipios.filter((i) => i.status !== "PENDENTE").length,
      withSeatsUsed: invitedMunicipios.filter((i) => (used.get(i.id) ?? 0) > 0).length,
    };
    coverageRows = municipios.map((m) => {
      const inv = byEnte.get(m.id);
      return {
        id: m.id,
        name: m.name,
        porte: m.porte ? PORTE_SHORT_LABELS[m.porte as Porte] : null,
        status: inv ? (INVITATION_STATUS_LABELS[inv.status] ?? inv.status) : "Não convidado",
        used: inv ? (used.get(inv.id) ?? 0) : 0,
        quota: inv?.quota ?? null,
      };
    });
  }
  return {
    event: { id: event.id, slug: event.slug, title: event.title },
    rows,
    counts: { PENDENTE: byStatus.PENDENTE ?? 0, ACEITO: byStatus.ACEITO ?? 0, RECUSADO: byStatus.RECUSADO ?? 0 },
    personal: personal.map((p) => ({ email: p.email, status: p.status, statusLabel: INVITATION_STATUS_LABELS[p.status] ?? p.status, ente: p.ente ? enteDisplayName({ ...p.ente, kind: p.ente.kind as EnteKind }) : null })),
    coverage,
    coverageRows,
  };
}

/** One action: reminds every recipient of the entes (and people) that have not answered. */
export async function remindPending(actor: Actor, slug: string, now = new Date()): Promise<{ entes: number; messages: number }> {
  const event = await eventForInviting(actor, slug, now);
  return db.$transaction(async (tx) => {
    const pending = await tx.enteInvitation.findMany({ where: { eventId: event.id, status: "PENDENTE" }, select: { id: true, remindersSent: true } });
    let messages = 0;
    for (const inv of pending) {
      const n = inv.remindersSent + 1;
      await tx.enteInvitation.update({ where: { id: inv.id }, data: { remindersSent: n, lastRemindedAt: now } });
      const links = await tx.invitationLink.findMany({ where: { enteInvitationId: inv.id, status: "PENDENTE", expiresAt: { gt: now } }, select: { id: true } });
      for (const l of links) {
        await notifyInvitation(tx, l.id, { reminder: n });
        messages++;
      }
    }
    const people = await tx.invitationLink.findMany({ where: { eventId: event.id, enteInvitationId: null, status: "PENDENTE", expiresAt: { gt: now } }, select: { id: true } });
    for (const l of people) {
      await notifyInvitation(tx, l.id, { reminder: Math.floor(now.getTime() / 60_000) });
      messages++;
    }
    return { entes: pending.length, messages };
  }, TX);
}

/** The seats per ente the event suggests for its invitations. */
export async function invitationQuotaOf(eventId: string): Promise<number> {
  return (await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { invitationQuota: true } })).invitationQuota;
}

/** What the sign-up form pre-fills from an invitation link (null when the link is not valid). */
export async function invitationPrefill(token: string) {
  try {
    const { link } = await invitationByToken(token);
    const ente = link.enteInvitation?.ente ?? link.ente;
    return {
      email: link.email,
      enteId: ente?.id ?? null,
      enteLabel: ente ? enteDisplayName({ ...ente, kind: ente.kind as EnteKind }) : null,
      eventTitle: link.event.title,
    };
  } catch {
    return null;
  }
}

export { invitationToken };

/** The events this person can still invite entes to: published, of the entes she organizes for, registration still open. */
export async function invitableEvents(actor: Actor, now = new Date()) {
  const ids = actor.organizerOf.map((e) => e.id);
  if (!ids.length) return [];
  const events = await db.event.findMany({
    where: { organizerEnteId: { in: ids }, status: "PUBLICADO", registrationClosesAt: { gt: now } },
    select: { slug: true, title: true, startsAt: true, timeZone: true, invitationQuota: true },
    orderBy: { startsAt: "asc" },
    take: 100,
  });
  return events;
}
