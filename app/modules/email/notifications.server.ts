// What each change tells each person. Called inside the transaction that makes the change, so
// the message is stored if and only if the change is (docs/decisions/008-email-outbox.md).
import { templates, type EventSummary } from "@emails/index";

import type { DbOrTx } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { formatDateTime, formatRange, formatWorkload, timeZoneLabel } from "~/lib/time";
import { buildEventCalendar, type IcsSession } from "~/modules/calendar/ics";
import { calendarEventInclude, eventUrl, locationOf, registrationInvite, roomUrl, toIcsEvent, type CalendarEventRow } from "~/modules/calendar/calendar.server";
import { enteDisplayName, type EnteKind } from "~/modules/entes/federation";
import { EVENT_TYPE_LABELS, label } from "~/modules/events/vocabulary";
import { invitationToken } from "~/modules/invitations/tokens.server";

import { enqueue } from "./outbox.server";

/** The person's page for one registration: check-in QR, presence and certificate. */
export const myRegistrationUrl = (slug: string) => new URL(`/minhas-inscricoes/${slug}`, env.APP_URL).toString();

export function eventSummaryOf(e: CalendarEventRow): EventSummary {
  return {
    title: e.title,
    url: eventUrl(e.slug),
    typeLabel: label(EVENT_TYPE_LABELS, e.type),
    organizer: enteDisplayName({ ...e.organizerEnte, kind: e.organizerEnte.kind as EnteKind }),
    zoneLabel: timeZoneLabel(e.timeZone, e.startsAt),
    where: e.format === "ONLINE" ? "Online" : locationOf(e),
    workload: formatWorkload(e.workloadMinutes),
    sessions: e.sessions.map((s, i) => ({ title: s.title || `Sessão ${i + 1}`, range: formatRange(s.startsAt, s.endsAt, e.timeZone) })),
  };
}

async function loadRegistration(tx: DbOrTx, registrationId: string) {
  return tx.registration.findUniqueOrThrow({
    where: { id: registrationId },
    select: {
      id: true,
      seq: true,
      status: true,
      userId: true,
      user: { select: { name: true, email: true } },
      event: { include: calendarEventInclude },
    },
  });
}

export type RegistrationNotice =
  | { kind: "confirmada" }
  | { kind: "espera"; position: number }
  | { kind: "promovida" }
  | { kind: "cancelada"; hadSeat: boolean }
  | { kind: "removida"; hadSeat: boolean; reason: string }
  /** nominated by a gestor of her ente (an invitation's seat) */
  | { kind: "indicada"; nominatedById: string };

/** The message about one registration change; confirmations carry the invite, cancellations its CANCEL. */
export async function notifyRegistration(tx: DbOrTx, registrationId: string, notice: RegistrationNotice): Promise<void> {
  const reg = await loadRegistration(tx, registrationId);
  const event = eventSummaryOf(reg.event);
  const personName = reg.user.name;
  const base = { toEmail: reg.user.email, toName: reg.user.name, eventId: reg.event.id, userId: reg.userId };
  const key = (purpose: string) => `${purpose}:${reg.id}:${reg.seq}`;
  // Events with people at the door: confirmations carry the check-in QR (drawn when the message is sent).
  const onSite = reg.event.format !== "ONLINE";
  const badge = onSite ? { badgeUrl: myRegistrationUrl(reg.event.slug) } : {};
  const badgeRef = onSite ? { badgeRegistrationId: reg.id } : {};
  switch (notice.kind) {
    case "confirmada":
    case "promovida": {
      const rendered =
        notice.kind === "confirmada" ? templates.inscricaoConfirmada({ personName, event, ...badge }) : templates.promovido({ personName, event, ...badge });
      const purpose = notice.kind === "confirmada" ? "inscricao-confirmada" : "promovido";
      await enqueue(tx, {
        ...base,
        ...rendered,
        ...badgeRef,
        key: key(purpose),
        purpose,
        ics: { method: "REQUEST", content: await registrationInvite(tx, reg.id, "REQUEST") },
      });
      return;
    }
    case "espera":
      await enqueue(tx, { ...base, ...templates.listaDeEspera({ personName, event, position: notice.position }), key: key("lista-de-espera"), purpose: "lista-de-espera" });
      return;
    case "indicada": {
      const [by, ente] = await Promise.all([
        tx.user.findUnique({ where: { id: notice.nominatedById }, select: { name: true } }),
        tx.registration.findUniqueOrThrow({ where: { id: reg.id }, select: { ente: { select: { name: true, uf: true, kind: true } } } }),
      ]);
      const confirmed = reg.status === "CONFIRMADA";
      await enqueue(tx, {
        ...base,
        ...templates.indicacao({
          personName,
          event,
          nominatedBy: by?.name ?? "uma pessoa da gestão do seu ente",
          ente: enteDisplayName({ ...ente.ente, kind: ente.ente.kind as EnteKind }),
          status: confirmed ? "CONFIRMADA" : "ESPERA",
          ...(confirmed ? badge : {}),
        }),
        ...(confirmed ? badgeRef : {}),
        key: key("indicacao"),
        purpose: "indicacao",
        ics: confirmed ? { method: "REQUEST", content: await registrationInvite(tx, reg.id, "REQUEST") } : null,
      });
      return;
    }
    case "cancelada":
    case "removida": {
      const rendered =
        notice.kind === "cancelada"
          ? templates.inscricaoCancelada({ personName, event, hadSeat: notice.hadSeat })
          : templates.inscricaoRemovida({ personName, event, reason: notice.reason, hadSeat: notice.hadSeat });
      const purpose = notice.kind === "cancelada" ? "inscricao-cancelada" : "inscricao-removida";
      await enqueue(tx, {
        ...base,
        ...rendered,
        key: key(purpose),
        purpose,
        ics: notice.hadSeat ? { method: "CANCEL", content: await registrationInvite(tx, reg.id, "CANCEL") } : null,
      });
      return;
    }
  }
}

/** The event as e-mails (and the invitation page) describe it. */
export async function eventSummaryById(tx: DbOrTx, eventId: string): Promise<EventSummary> {
  return eventSummaryOf(await loadEvent(tx, eventId));
}

async function loadEvent(tx: DbOrTx, eventId: string) {
  return tx.event.findUniqueOrThrow({ where: { id: eventId }, include: calendarEventInclude });
}

async function audience(tx: DbOrTx, eventId: string, statuses: string[]) {
  return tx.registration.findMany({
    where: { eventId, status: { in: statuses } },
    select: { id: true, status: true, userId: true, icsSequence: true, user: { select: { name: true, email: true } } },
    orderBy: { seq: "asc" },
  });
}

/**
 * The event changed (time, place, link or title): confirmed participants get the list of changes
 * and the updated invite (the event's SEQUENCE was already increased); sessions that were removed
 * get their own CANCEL.
 */
export async function notifyEventChanged(tx: DbOrTx, eventId: string, changes: string[], removedSessions: IcsSession[]): Promise<void> {
  const e = await loadEvent(tx, eventId);
  const event = eventSummaryOf(e);
  const stamp = new Date();
  for (const r of await audience(tx, eventId, ["CONFIRMADA"])) {
    const base = { toEmail: r.user.email, toName: r.user.name, eventId, userId: r.userId };
    const attendee = { name: r.user.name, email: r.user.email, partstat: "ACCEPTED" as const };
    if (e.sessions.length) {
      await enqueue(tx, {
        ...base,
        ...templates.eventoAlterado({ personName: r.user.name, event, changes }),
        key: `evento-alterado:${eventId}:${r.userId}:${e.icsSequence}`,
        purpose: "evento-alterado",
        ics: { method: "REQUEST", content: buildEventCalendar({ method: "REQUEST", event: toIcsEvent(e, r.icsSequence), attendee, stamp }) },
      });
    }
    if (removedSessions.length) {
      const removedEvent = { ...toIcsEvent(e, r.icsSequence), sessions: removedSessions };
      await enqueue(tx, {
        ...base,
        ...templates.sessaoCancelada({
          personName: r.user.name,
          event,
          sessions: removedSessions.map((s) => ({ title: s.title, range: formatRange(s.startsAt, s.endsAt, e.timeZone) })),
        }),
        key: `sessao-cancelada:${eventId}:${r.userId}:${e.icsSequence}`,
        purpose: "sessao-cancelada",
        ics: { method: "CANCEL", content: buildEventCalendar({ method: "CANCEL", event: removedEvent, attendee: { ...attendee, partstat: "DECLINED" }, stamp }) },
      });
    }
  }
}

/** The whole event is cancelled: everyone registered or waiting is told; confirmed ones get the CANCEL. */
export async function notifyEventCancelled(tx: DbOrTx, eventId: string, reason: string): Promise<void> {
  const e = await loadEvent(tx, eventId);
  const event = eventSummaryOf(e);
  for (const r of await audience(tx, eventId, ["CONFIRMADA", "ESPERA"])) {
    const hadSeat = r.status === "CONFIRMADA";
    await enqueue(tx, {
      toEmail: r.user.email,
      toName: r.user.name,
      eventId,
      userId: r.userId,
      ...templates.eventoCancelado({ personName: r.user.name, event, reason, hadSeat }),
      key: `evento-cancelado:${eventId}:${r.userId}`,
      purpose: "evento-cancelado",
      ics: hadSeat
        ? {
            method: "CANCEL",
            content: buildEventCalendar({
              method: "CANCEL",
              event: toIcsEvent(e, r.icsSequence),
              attendee: { name: r.user.name, email: r.user.email, partstat: "DECLINED" },
              stamp: new Date(),
            }),
          }
        : null,
    });
  }
}

export const REMINDERS = [
  { id: "24h", before: 24 * 60 * 60_000, startsIn: "em 24 horas" },
  { id: "1h", before: 60 * 60_000, startsIn: "em 1 hora" },
] as const;

/**
 * Enqueues the reminders that are due: 24 h and 1 h before each session, for confirmed
 * participants of published events. Keyed by session start, so a moved session gets new ones.
 */
export async function scheduleReminders(tx: DbOrTx, now = new Date()): Promise<number> {
  let count = 0;
  for (const [i, reminder] of REMINDERS.entries()) {
    // Due when the session starts within this reminder's lead time, and not within the next (shorter) one.
    const shorter = REMINDERS[i + 1]?.before ?? 0;
    const sessions = await tx.eventSession.findMany({
      where: {
        startsAt: { gt: new Date(now.getTime() + shorter), lte: new Date(now.getTime() + reminder.before) },
        event: { status: "PUBLICADO" },
      },
      select: { id: true, title: true, startsAt: true, endsAt: true, eventId: true },
    });
    for (const s of sessions) {
      const registrations = await audience(tx, s.eventId, ["CONFIRMADA"]);
      const keyOf = (userId: string) => `lembrete-${reminder.id}:${s.id}:${userId}:${s.startsAt.getTime()}`;
      const sent = new Set(
        (await tx.outboxMessage.findMany({ where: { key: { in: registrations.map((r) => keyOf(r.userId)) } }, select: { key: true } })).map((m) => m.key),
      );
      const pending = registrations.filter((r) => !sent.has(keyOf(r.userId)));
      if (!pending.length) continue;
      const e = await loadEvent(tx, s.eventId);
      const event = eventSummaryOf(e);
      const index = e.sessions.findIndex((x) => x.id === s.id);
      const session = { title: s.title || `Sessão ${index + 1}`, range: formatRange(s.startsAt, s.endsAt, e.timeZone) };
      const joinUrl = e.format === "PRESENCIAL" ? null : roomUrl(s.id);
      for (const r of pending) {
        const res = await enqueue(tx, {
          toEmail: r.user.email,
          toName: r.user.name,
          eventId: s.eventId,
          userId: r.userId,
          ...templates.lembrete({ personName: r.user.name, event, session, startsIn: reminder.startsIn, joinUrl }),
          key: keyOf(r.userId),
          purpose: `lembrete-${reminder.id}`,
        });
        if (res.created) count++;
      }
    }
  }
  return count;
}

/** Everyone an ente invitation went to is told when its seats are all taken (once per quota). */
export async function notifyIfQuotaFull(tx: DbOrTx, enteInvitationId: string): Promise<void> {
  const inv = await tx.enteInvitation.findUniqueOrThrow({
    where: { id: enteInvitationId },
    select: { id: true, quota: true, eventId: true, ente: { select: { name: true, uf: true, kind: true } }, links: { select: { id: true, email: true, user: { select: { id: true, name: true } } } } },
  });
  const used = await tx.registration.count({ where: { enteInvitationId, status: { in: ["CONFIRMADA", "ESPERA"] } } });
  if (used < inv.quota) return;
  const e = await loadEvent(tx, inv.eventId);
  const event = eventSummaryOf(e);
  const ente = enteDisplayName({ ...inv.ente, kind: inv.ente.kind as EnteKind });
  for (const link of inv.links) {
    await enqueue(tx, {
      toEmail: link.email,
      toName: link.user?.name ?? link.email,
      eventId: inv.eventId,
      userId: link.user?.id ?? null,
      ...templates.vagasEsgotadas({ personName: link.user?.name ?? null, event, ente, quota: inv.quota, invitationUrl: appLink(`/convites/${invitationToken(link.id)}`) }),
      key: `vagas-esgotadas:${inv.id}:${inv.quota}:${link.email}`,
      purpose: "vagas-esgotadas",
    });
  }
}

/** The invitation (or a reminder of it) to one recipient, with her personal link. */
export async function notifyInvitation(tx: DbOrTx, linkId: string, opts: { reminder?: number } = {}): Promise<void> {
  const link = await tx.invitationLink.findUniqueOrThrow({
    where: { id: linkId },
    select: {
      id: true,
      email: true,
      expiresAt: true,
      eventId: true,
      user: { select: { id: true, name: true } },
      enteInvitation: { select: { quota: true, ente: { select: { name: true, uf: true, kind: true } } } },
    },
  });
  const account = link.user ?? (await tx.user.findUnique({ where: { email: link.email }, select: { id: true, name: true } }));
  const e = await loadEvent(tx, link.eventId);
  const invited = link.enteInvitation?.ente;
  const token = invitationToken(link.id);
  await enqueue(tx, {
    toEmail: link.email,
    toName: account?.name ?? link.email,
    eventId: link.eventId,
    userId: account?.id ?? null,
    ...templates.convite({
      personName: account?.name ?? null,
      event: eventSummaryOf(e),
      invitedAs: invited ? enteDisplayName({ ...invited, kind: invited.kind as EnteKind }) : (account?.name ?? link.email),
      quota: link.enteInvitation?.quota ?? null,
      acceptUrl: appLink(`/convites/${token}`),
      declineUrl: appLink(`/convites/${token}?resposta=recusar`),
      expiresAt: formatDateTime(link.expiresAt, e.timeZone),
      organizer: enteDisplayName({ ...e.organizerEnte, kind: e.organizerEnte.kind as EnteKind }),
      isReminder: !!opts.reminder,
    }),
    key: opts.reminder ? `convite-lembrete:${link.id}:${opts.reminder}` : `convite:${link.id}`,
    purpose: opts.reminder ? "convite-lembrete" : "convite",
  });
}

export function appLink(path: string): string {
  return new URL(path, env.APP_URL).toString();
}
