// The presence table of an event: per registration and session, minutes present (online from the
// room, on site from the door, or the organizer's adjustment), the share of the scheduled time,
// whether the person qualifies for the certificate, and the CSV export. Adjustments are recorded
// here, each with its reason, and all of them are kept (the audit trail).
import { decimal, excelCsv } from "~/lib/csv.server";
import { db } from "~/lib/db.server";
import { badRequest, conflict, forbidden, notFound } from "~/lib/http.server";
import { formatDateTime, formatRange } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { formatCode } from "~/modules/certificates/code";
import { canOnCertificates, type CertificateAction } from "~/modules/certificates/permissions";
import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from "~/modules/registration/rules";

import { eventStandings, policyOf } from "./standing.server";

async function eventFor(actor: Actor, slug: string, action: CertificateAction) {
  const event = await db.event.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      timeZone: true,
      organizerEnteId: true,
      workloadMinutes: true,
      certificateThreshold: true,
      certificateScope: true,
      certificateHours: true,
      sessions: { select: { id: true, title: true, startsAt: true, endsAt: true }, orderBy: [{ position: "asc" }, { startsAt: "asc" }] },
    },
  });
  if (!event) throw notFound("Evento não encontrado.");
  if (!canOnCertificates(actor, action, event)) throw forbidden("Você não tem acesso à presença deste evento.");
  return event;
}

export type CertificateStatus = "VALIDO" | "REVOGADO" | null;

export async function attendanceTable(actor: Actor, slug: string, now = new Date()) {
  const event = await eventFor(actor, slug, "see_presence");
  const registrations = await db.registration.findMany({
    where: { eventId: event.id, OR: [{ status: "CONFIRMADA" }, { presence: { some: {} } }, { checkIns: { some: {} } }] },
    select: {
      id: true,
      status: true,
      user: { select: { name: true, email: true } },
      ente: { select: { name: true, uf: true, id: true } },
      certificates: { where: { supersededById: null }, select: { code: true, revokedAt: true } },
    },
    orderBy: { seq: "asc" },
  });
  const standings = await eventStandings(event.id, { registrationIds: registrations.map((r) => r.id), now });
  const openOnline = new Set(
    (
      await db.presenceInterval.findMany({
        where: { sessionId: { in: event.sessions.map((s) => s.id) }, endedAt: null, registrationId: { not: null } },
        select: { registrationId: true, sessionId: true },
      })
    ).map((i) => `${i.registrationId}|${i.sessionId}`),
  );
  const rows = registrations.map((r, index) => {
    const standing = standings[index]!;
    const cells = standing.sessions.map((p) => ({
      minutes: round1(p.minutes),
      share: p.share,
      onlineMinutes: round1(p.onlineMinutes),
      onsiteMinutes: round1(p.onsiteMinutes),
      adjusted: !!p.adjustment,
      connected: openOnline.has(`${r.id}|${p.sessionId}`),
    }));
    const cert = r.certificates[0];
    return {
      registrationId: r.id,
      name: r.user.name,
      email: r.user.email,
      ente: r.ente.uf && r.ente.id.length === 7 ? `${r.ente.name} (${r.ente.uf})` : r.ente.name,
      status: r.status as RegistrationStatus,
      statusLabel: REGISTRATION_STATUS_LABELS[r.status as RegistrationStatus] ?? r.status,
      cells,
      minutes: round1(cells.reduce((sum, c) => sum + c.minutes, 0)),
      share: standing.qualification.share,
      qualifies: r.status === "CONFIRMADA" && standing.qualification.qualifies,
      certificate: cert ? { code: formatCode(cert.code), status: (cert.revokedAt ? "REVOGADO" : "VALIDO") as CertificateStatus } : null,
    };
  });
  const adjustments = await db.presenceAdjustment.findMany({
    where: { sessionId: { in: event.sessions.map((s) => s.id) } },
    select: {
      id: true,
      minutes: true,
      reason: true,
      createdAt: true,
      byUserId: true,
      sessionId: true,
      registration: { select: { user: { select: { name: true } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  const authors = new Map(
    (await db.user.findMany({ where: { id: { in: [...new Set(adjustments.map((a) => a.byUserId).filter((id): id is string => !!id))] } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const sessionTitle = new Map(event.sessions.map((s, i) => [s.id, s.title || `Sessão ${i + 1}`]));
  const policy = policyOf(event);
  return {
    event: { id: event.id, slug: event.slug, title: event.title, status: event.status, timeZone: event.timeZone },
    policy: { threshold: policy.thresholdPercent, scope: policy.scope, hours: policy.hours },
    canAdjust: canOnCertificates(actor, "adjust_presence", event),
    sessions: event.sessions.map((s, i) => ({
      id: s.id,
      title: s.title || `Sessão ${i + 1}`,
      range: formatRange(s.startsAt, s.endsAt, event.timeZone),
      scheduledMinutes: (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000,
    })),
    rows,
    adjustments: adjustments.map((a) => ({
      id: a.id,
      person: a.registration.user.name,
      session: sessionTitle.get(a.sessionId) ?? "",
      minutes: a.minutes,
      reason: a.reason,
      by: (a.byUserId && authors.get(a.byUserId)) || "—",
      at: formatDateTime(a.createdAt, event.timeZone),
    })),
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function attendanceCsv(actor: Actor, slug: string): Promise<{ filename: string; body: string }> {
  const t = await attendanceTable(actor, slug);
  const header = [
    "Nome",
    "E-mail",
    "Ente",
    "Situação",
    ...t.sessions.flatMap((s) => [`${s.title} (min)`, `${s.title} (%)`, `${s.title} online (min)`, `${s.title} presencial (min)`, `${s.title} ajustada`]),
    "Total (min)",
    "Total (%)",
    "Atinge o mínimo",
    "Certificado",
  ];
  const records = t.rows.map((r) => [
    r.name,
    r.email,
    r.ente,
    r.statusLabel,
    ...r.cells.flatMap((c) => [decimal(c.minutes), decimal(c.share * 100), decimal(c.onlineMinutes), decimal(c.onsiteMinutes), c.adjusted ? "sim" : "não"]),
    decimal(r.minutes),
    decimal(r.share * 100),
    r.qualifies ? "sim" : "não",
    r.certificate ? `${r.certificate.code}${r.certificate.status === "REVOGADO" ? " (revogado)" : ""}` : "",
  ]);
  return { filename: `presenca-${t.event.slug}.csv`, body: excelCsv(header, records) };
}

export type Adjustment = { registrationId: string; sessionId: string; minutes: number; reason: string };

/** Sets a person's presence in a session, with a mandatory reason; the latest adjustment counts and every one is kept. */
export async function adjustPresence(actor: Actor, slug: string, input: Adjustment): Promise<void> {
  const event = await eventFor(actor, slug, "adjust_presence");
  if (event.status === "CANCELADO") throw conflict("Este evento foi cancelado.");
  const session = event.sessions.find((s) => s.id === input.sessionId);
  if (!session) throw notFound("Sessão não encontrada neste evento.");
  const reg = await db.registration.findUnique({ where: { id: input.registrationId }, select: { eventId: true } });
  if (!reg || reg.eventId !== event.id) throw notFound("Inscrição não encontrada neste evento.");
  const scheduled = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  if (!Number.isInteger(input.minutes) || input.minutes < 0 || input.minutes > scheduled) {
    throw badRequest(`A presença ajustada deve ficar entre 0 e ${scheduled} minutos (a duração da sessão).`);
  }
  const reason = input.reason.trim();
  if (reason.length < 5) throw badRequest("Diga o motivo do ajuste (ao menos 5 caracteres).");
  await db.presenceAdjustment.create({
    data: { sessionId: session.id, registrationId: input.registrationId, minutes: input.minutes, reason: reason.slice(0, 500), byUserId: actor.userId },
  });
}
