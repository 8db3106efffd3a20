// Certificates: issued in the background when an event ends (or on the organizers' command) to
// everyone who qualifies under the event's rule; frozen as issued; revoked with a reason; reissued
// with a new code while the old one stays verifiable as superseded; verified by anyone by code.
import crypto from "node:crypto";

import { templates, type EventSummary } from "@emails/index";

import { db, type DbOrTx } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { badRequest, conflict, DomainError, forbidden, notFound, tooManyRequests } from "~/lib/http.server";
import { formatDateSpan, formatDateTime, formatShortDate } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { maskCpf } from "~/modules/auth/cpf";
import { eventStandings } from "~/modules/attendance/standing.server";
import { eventSummaryById } from "~/modules/email/notifications.server";
import { enqueueMany } from "~/modules/email/outbox.server";
import { enteDisplayName, type EnteKind } from "~/modules/entes/federation";
import { EVENT_TYPE_LABELS, label } from "~/modules/events/vocabulary";

import { codeFromBytes, formatCode, normalizeCode } from "./code";
import { canOnCertificates, type CertificateAction } from "./permissions";
import { renderCertificatePdf, type CertificateData } from "./pdf.server";

export const BATCH_SIZE = 200;

export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 1 ? "1 hora" : `${h} horas`;
  if (!m) return hours;
  if (!h) return `${m} minutos`;
  return `${hours} e ${m} minutos`;
}

const link = (path: string) => new URL(path, env.APP_URL).toString();
export const verifyUrl = (code: string) => link(`/certificados/validar/${formatCode(normalizeCode(code) ?? code)}`);
export const downloadUrl = (code: string) => link(`/certificados/${formatCode(normalizeCode(code) ?? code)}/pdf`);

/** `count` fresh codes, none already taken (with 2⁶⁰ codes a retry practically never happens). */
async function newCodes(tx: DbOrTx, count: number): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < count) {
    const candidates = Array.from({ length: count - codes.size }, () => codeFromBytes(crypto.randomBytes(8))).filter((c) => !codes.has(c));
    const taken = new Set((await tx.certificate.findMany({ where: { code: { in: candidates } }, select: { code: true } })).map((c) => c.code));
    for (const c of candidates) if (!taken.has(c)) codes.add(c);
  }
  return [...codes];
}

const issueEventSelect = {
  id: true,
  title: true,
  type: true,
  format: true,
  status: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  responsibleName: true,
  responsibleRole: true,
  certificateHours: true,
  organizerEnte: { select: { name: true, uf: true, kind: true } },
  venueMunicipio: { select: { name: true, uf: true } },
  createdBy: { select: { name: true } },
} as const;

type IssueEvent = NonNullable<Awaited<ReturnType<typeof loadIssueEvent>>>;
async function loadIssueEvent(tx: DbOrTx, eventId: string) {
  return tx.event.findUniqueOrThrow({ where: { id: eventId }, select: issueEventSelect });
}

function placeOf(e: IssueEvent): string {
  if (e.format === "ONLINE" || !e.venueMunicipio) return "Online";
  const city = `${e.venueMunicipio.name} (${e.venueMunicipio.uf})`;
  return e.format === "HIBRIDO" ? `${city} e online` : city;
}

/** What every certificate of an event says alike, and its e-mail's event card: prepared once per batch. */
type IssueContext = {
  eventId: string;
  summary: EventSummary;
  frozen: { eventTitle: string; eventType: string; dates: string; place: string; organizer: string; responsibleName: string; responsibleRole: string };
};

async function issueContext(tx: DbOrTx, eventId: string): Promise<IssueContext & { hoursMode: "INTEGRAL" | "PRESENCA" }> {
  const e = await loadIssueEvent(tx, eventId);
  return {
    eventId: e.id,
    hoursMode: e.certificateHours === "PRESENCA" ? "PRESENCA" : "INTEGRAL",
    summary: await eventSummaryById(tx, e.id),
    frozen: {
      eventTitle: e.title,
      eventType: label(EVENT_TYPE_LABELS, e.type),
      dates: formatDateSpan(e.startsAt, e.endsAt, e.timeZone),
      place: placeOf(e),
      organizer: enteDisplayName({ ...e.organizerEnte, kind: e.organizerEnte.kind as EnteKind }),
      responsibleName: e.responsibleName || e.createdBy?.name || "Equipe organizadora",
      responsibleRole: e.responsibleRole || "Organização do evento",
    },
  };
}

type Holder = { registrationId: string; userId: string; name: string; email: string; cpf: string | null };

type Issue = { holder: Holder; hoursMinutes: number; hoursMode: "INTEGRAL" | "PRESENCA"; replaces?: string };

/** Issues certificates inside a transaction, each with its e-mail, in a few statements for the lot. */
async function issueMany(tx: DbOrTx, ctx: IssueContext, issues: Issue[]): Promise<{ id: string; code: string }[]> {
  if (!issues.length) return [];
  const codes = await newCodes(tx, issues.length);
  const rows = issues.map((it, i) => ({
    id: `crt${crypto.randomBytes(12).toString("hex")}`,
    code: codes[i]!,
    eventId: ctx.eventId,
    registrationId: it.holder.registrationId,
    userId: it.holder.userId,
    personName: it.holder.name,
    cpfMasked: maskCpf(it.holder.cpf),
    ...ctx.frozen,
    hoursMinutes: it.hoursMinutes,
    hoursMode: it.hoursMode,
  }));
  await tx.certificate.createMany({ data: rows });
  for (const [i, it] of issues.entries()) {
    if (it.replaces) await tx.certificate.update({ where: { id: it.replaces }, data: { supersededById: rows[i]!.id } });
  }
  await enqueueMany(
    tx,
    issues.map((it, i) => {
      const { id, code } = rows[i]!;
      return {
        key: `certificado:${id}`,
        purpose: "certificado",
        toEmail: it.holder.email,
        toName: it.holder.name,
        eventId: ctx.eventId,
        userId: it.holder.userId,
        ...templates.certificadoDisponivel({
          personName: it.holder.name,
          event: ctx.summary,
          code: formatCode(code),
          hoursText: hoursText(it.hoursMinutes),
          downloadUrl: downloadUrl(code),
          verifyUrl: verifyUrl(code),
          reissued: !!it.replaces,
        }),
      };
    }),
  );
  return rows.map((r) => ({ id: r.id, code: r.code }));
}

/** Loads an event by slug and checks a certificate action on it; 404 when unknown, 403 when not allowed. */
async function eventFor(actor: Actor, slug: string, action: CertificateAction) {
  const event = await db.event.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, status: true, organizerEnteId: true, timeZone: true, endsAt: true, workloadMinutes: true },
  });
  if (!event) throw notFound("Evento não encontrado.");
  if (!canOnCertificates(actor, action, event)) throw forbidden("Só a organização do evento pode fazer isso com a presença e os certificados.");
  return event;
}

export type CertificateSettings = {
  threshold: number;
  scope: "EVENTO" | "PERIODO";
  hours: "INTEGRAL" | "PRESENCA";
  responsibleName: string;
  responsibleRole: string;
};

/** The event's certificate rule and signatory. Certificates already issued keep what they say. */
export async function updateCertificateSettings(actor: Actor, slug: string, settings: CertificateSettings): Promise<void> {
  const event = await eventFor(actor, slug, "configure");
  if (event.status === "CANCELADO") throw conflict("Este evento foi cancelado.");
  await db.event.update({
    where: { id: event.id },
    data: {
      certificateThreshold: settings.threshold,
      certificateScope: settings.scope,
      certificateHours: settings.hours,
      responsibleName: settings.responsibleName || null,
      responsibleRole: settings.responsibleRole || null,
    },
  });
}

/** The organizers ask for the certificates now (the job also starts a run when the event ends). */
export async function requestIssuing(actor: Actor, slug: string, now = new Date()): Promise<{ runId: string }> {
  const event = await eventFor(actor, slug, "issue");
  if (event.status !== "PUBLICADO") throw conflict("Só eventos publicados emitem certificados.");
  const started = await db.eventSession.findFirst({ where: { eventId: event.id, startsAt: { lte: now } }, select: { id: true } });
  if (!started) throw conflict("O evento ainda não começou: não há presença para apurar.");
  return openRun(event.id, actor.userId);
}

async function openRun(eventId: string, requestedById: string | null): Promise<{ runId: string }> {
  const running = await db.certificateRun.findFirst({ where: { eventId, status: { in: ["PENDENTE", "EM_ANDAMENTO"] } }, select: { id: true } });
  if (running) return { runId: running.id };
  const run = await db.certificateRun.create({ data: { eventId, requestedById }, select: { id: true } });
  return { runId: run.id };
}

/** Job step: a run for each published event that has ended and never had one. */
export async function startRunsForEndedEvents(now = new Date()): Promise<number> {
  const ended = await db.event.findMany({
    where: { status: "PUBLICADO", endsAt: { lte: now }, certificateRuns: { none: {} } },
    select: { id: true },
    take: 50,
  });
  for (const e of ended) await openRun(e.id, null);
  return ended.length;
}

/** Registrations that still need a look: confirmed, with no current certificate (a revoked one counts: revoking is deliberate). */
const needsCertificate = { status: "CONFIRMADA", certificates: { none: { supersededById: null } } } as const;

/**
 * Job step: takes the oldest unfinished run and issues one batch of it — registrations in arrival
 * order after the last one looked at; those who qualify get a certificate and an e-mail in one
 * transaction. Returns whether a batch was done (call again until false). Small batches keep the
 * web server responsive; a run interrupted by a restart resumes where it stopped.
 */
export async function issueNextBatch(now = new Date(), batchSize = BATCH_SIZE): Promise<boolean> {
  const run = await db.certificateRun.findFirst({ where: { status: { in: ["PENDENTE", "EM_ANDAMENTO"] } }, orderBy: { createdAt: "asc" } });
  if (!run) return false;
  try {
    if (run.status === "PENDENTE") {
      const total = await db.registration.count({ where: { eventId: run.eventId, ...needsCertificate } });
      await db.certificateRun.update({ where: { id: run.id }, data: { status: "EM_ANDAMENTO", total } });
    }
    const batch = await db.registration.findMany({
      where: { eventId: run.eventId, seq: { gt: run.lastSeq }, ...needsCertificate },
      select: { id: true, userId: true, seq: true },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    if (!batch.length) {
      await db.certificateRun.update({ where: { id: run.id }, data: { status: "CONCLUIDA", finishedAt: now } });
      return true;
    }
    const [ctx, standings, users] = await Promise.all([
      issueContext(db, run.eventId),
      eventStandings(run.eventId, { registrationIds: batch.map((b) => b.id), now }),
      db.user.findMany({ where: { id: { in: batch.map((b) => b.userId) } }, select: { id: true, name: true, email: true, cpf: true } }),
    ]);
    const userById = new Map(users.map((u) => [u.id, u]));
    let issued = 0;
    await db.$transaction(
      async (tx) => {
        // Claims the batch by compare-and-set on the progress: when two job loops (two processes)
        // read the same batch, the second finds it taken and issues nothing.
        const claimed = await tx.certificateRun.updateMany({ where: { id: run.id, lastSeq: run.lastSeq }, data: { lastSeq: batch[batch.length - 1]!.seq } });
        if (!claimed.count) return;
        const issues: Issue[] = [];
        for (const [i, s] of standings.entries()) {
          if (!s.qualification.qualifies) continue;
          const reg = batch[i]!;
          const user = userById.get(reg.userId)!;
          issues.push({
            holder: { registrationId: reg.id, userId: reg.userId, name: user.name, email: user.email, cpf: user.cpf },
            hoursMinutes: s.qualification.hoursMinutes,
            hoursMode: ctx.hoursMode,
          });
        }
        issued = (await issueMany(tx, ctx, issues)).length;
        await tx.certificateRun.update({
          where: { id: run.id },
          data: {
            issued: { increment: issued },
            skipped: { increment: batch.length - issued },
            lastSeq: batch[batch.length - 1]!.seq,
            ...(batch.length < batchSize ? { status: "CONCLUIDA", finishedAt: now } : {}),
          },
        });
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
    return true;
  } catch (error) {
    await db.certificateRun.update({
      where: { id: run.id },
      data: { status: "FALHOU", lastError: String((error as Error)?.message ?? error).slice(0, 500), finishedAt: now },
    });
    throw error;
  }
}

async function certificateByCode(code: string) {
  const normalized = normalizeCode(code);
  if (!normalized) return null;
  return db.certificate.findUnique({
    where: { code: normalized },
    select: {
      id: true,
      code: true,
      userId: true,
      registrationId: true,
      revokedAt: true,
      supersededById: true,
      hoursMinutes: true,
      hoursMode: true,
      event: { select: { id: true, slug: true, organizerEnteId: true } },
    },
  });
}

/** Revokes a certificate with a reason; revoking again changes nothing and says so. */
export async function revokeCertificate(actor: Actor, code: string, reason: string, now = new Date()): Promise<{ alreadyRevoked: boolean }> {
  const cert = await certificateByCode(code);
  if (!cert) throw notFound("Certificado não encontrado.");
  if (!canOnCertificates(actor, "revoke", cert.event)) throw forbidden("Só a organização do evento pode revogar os seus certificados.");
  const why = reason.trim();
  if (why.length < 5) throw badRequest("Diga o motivo da revogação (ao menos 5 caracteres).");
  const { count } = await db.certificate.updateMany({
    where: { id: cert.id, revokedAt: null },
    data: { revokedAt: now, revokedReason: why.slice(0, 500), revokedById: actor.userId },
  });
  return { alreadyRevoked: count === 0 };
}

/**
 * Reissues a certificate with a new code and what is true now (the person's current name, the
 * event's current data and her presence under the current rule); the old code stays verifiable,
 * marked as superseded. Only the current certificate of a registration can be reissued.
 */
export async function reissueCertificate(actor: Actor, code: string, now = new Date()): Promise<{ code: string }> {
  const cert = await certificateByCode(code);
  if (!cert) throw notFound("Certificado não encontrado.");
  if (!canOnCertificates(actor, "reissue", cert.event)) throw forbidden("Só a organização do evento pode reemitir os seus certificados.");
  if (cert.supersededById) throw conflict("Este certificado já foi substituído: reemita o mais recente.");
  const [standing] = await eventStandings(cert.event.id, { registrationIds: [cert.registrationId], now });
  if (!standing?.qualification.qualifies) {
    throw conflict("Pela regra atual do evento, esta pessoa não atinge a frequência mínima: ajuste a presença antes de reemitir.");
  }
  const ctx = await issueContext(db, cert.event.id);
  const user = await db.user.findUniqueOrThrow({ where: { id: cert.userId }, select: { name: true, email: true, cpf: true } });
  const created = await db.$transaction(async (tx) => {
    // The guard inside the transaction: two clicks reissue once.
    const fresh = await tx.certificate.findUniqueOrThrow({ where: { id: cert.id }, select: { supersededById: true } });
    if (fresh.supersededById) throw conflict("Este certificado já foi substituído: reemita o mais recente.");
    const [made] = await issueMany(tx, ctx, [
      { holder: { registrationId: cert.registrationId, userId: cert.userId, ...user }, hoursMinutes: standing.qualification.hoursMinutes, hoursMode: ctx.hoursMode, replaces: cert.id },
    ]);
    return made!;
  });
  return { code: created.code };
}

export const VERIFICATIONS_PER_MINUTE = 30;

export type Verification =
  | { status: "INEXISTENTE"; code: string }
  | {
      status: "VALIDO" | "REVOGADO" | "SUBSTITUIDO";
      code: string;
      personName: string;
      eventTitle: string;
      eventType: string;
      dates: string;
      place: string;
      hours: string;
      hoursMode: "INTEGRAL" | "PRESENCA";
      organizer: string;
      issuedAt: string;
      revokedAt: string | null;
      revokedReason: string | null;
    };

/**
 * Public verification by code. Shows what the certificate says (never the CPF, e-mail or anything
 * else about the person) and whether it stands. Look-ups are limited per client address, so codes
 * cannot be enumerated.
 */
export async function verifyCertificate(input: string, clientIp: string, now = new Date()): Promise<Verification> {
  const since = new Date(now.getTime() - 60_000);
  const recent = await db.verificationAttempt.count({ where: { ip: clientIp, createdAt: { gt: since } } });
  if (recent >= VERIFICATIONS_PER_MINUTE) throw tooManyRequests("Muitas consultas seguidas deste endereço. Aguarde um minuto e tente de novo.");
  await db.verificationAttempt.create({ data: { ip: clientIp.slice(0, 64), createdAt: now } });
  const normalized = normalizeCode(input);
  const shown = normalized ? formatCode(normalized) : input.trim().slice(0, 40);
  if (!normalized) return { status: "INEXISTENTE", code: shown };
  const c = await db.certificate.findUnique({
    where: { code: normalized },
    select: {
      personName: true,
      eventTitle: true,
      eventType: true,
      dates: true,
      place: true,
      hoursMinutes: true,
      hoursMode: true,
      organizer: true,
      issuedAt: true,
      revokedAt: true,
      revokedReason: true,
      supersededById: true,
      event: { select: { timeZone: true } },
    },
  });
  if (!c) return { status: "INEXISTENTE", code: shown };
  return {
    status: c.revokedAt ? "REVOGADO" : c.supersededById ? "SUBSTITUIDO" : "VALIDO",
    code: shown,
    personName: c.personName,
    eventTitle: c.eventTitle,
    eventType: c.eventType,
    dates: c.dates,
    place: c.place,
    hours: hoursText(c.hoursMinutes),
    hoursMode: c.hoursMode === "PRESENCA" ? "PRESENCA" : "INTEGRAL",
    organizer: c.organizer,
    issuedAt: formatShortDate(c.issuedAt, c.event.timeZone),
    revokedAt: c.revokedAt ? formatShortDate(c.revokedAt, c.event.timeZone) : null,
    revokedReason: c.revokedAt ? c.revokedReason : null,
  };
}

/** Old look-ups are only needed for the last minute's limit. */
export async function pruneVerificationAttempts(now = new Date()): Promise<number> {
  const { count } = await db.verificationAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 10 * 60_000) } } });
  return count;
}

export type MyCertificate = {
  code: string;
  eventTitle: string;
  eventSlug: string;
  dates: string;
  hours: string;
  issuedAt: string;
  status: "VALIDO" | "REVOGADO" | "SUBSTITUIDO";
  revokedReason: string | null;
};

/** "Meus certificados": the person's certificates, newest first; superseded ones are left out (the new one replaces them). */
export async function myCertificates(actor: Actor): Promise<MyCertificate[]> {
  const rows = await db.certificate.findMany({
    where: { userId: actor.userId, supersededById: null },
    select: { code: true, eventTitle: true, dates: true, hoursMinutes: true, issuedAt: true, revokedAt: true, revokedReason: true, event: { select: { slug: true, timeZone: true } } },
    orderBy: { issuedAt: "desc" },
  });
  return rows.map((c) => ({
    code: formatCode(c.code),
    eventTitle: c.eventTitle,
    eventSlug: c.event.slug,
    dates: c.dates,
    hours: hoursText(c.hoursMinutes),
    issuedAt: formatShortDate(c.issuedAt, c.event.timeZone),
    status: c.revokedAt ? "REVOGADO" : "VALIDO",
    revokedReason: c.revokedAt ? c.revokedReason : null,
  }));
}

/** The PDF of a certificate, for its holder or the event's organizers; only a certificate that stands. */
export async function certificatePdf(actor: Actor, code: string): Promise<{ bytes: Uint8Array; filename: string }> {
  const normalized = normalizeCode(code);
  const c = normalized
    ? await db.certificate.findUnique({ where: { code: normalized }, include: { event: { select: { organizerEnteId: true, timeZone: true } } } })
    : null;
  if (!c) throw notFound("Certificado não encontrado.");
  if (!canOnCertificates(actor, "download", { organizerEnteId: c.event.organizerEnteId, holderUserId: c.userId })) {
    throw forbidden("Este certificado não é seu.");
  }
  if (c.revokedAt) throw new DomainErrorGone("Este certificado foi revogado e não pode mais ser baixado.");
  if (c.supersededById) throw new DomainErrorGone("Este certificado foi substituído por um novo: baixe o mais recente em “Meus certificados”.");
  const data: CertificateData = {
    code: formatCode(c.code),
    verifyUrl: verifyUrl(formatCode(c.code)),
    personName: c.personName,
    cpfMasked: c.cpfMasked,
    eventTitle: c.eventTitle,
    eventType: c.eventType,
    dates: c.dates,
    place: c.place,
    hoursText: hoursText(c.hoursMinutes),
    hoursMode: c.hoursMode === "PRESENCA" ? "PRESENCA" : "INTEGRAL",
    organizer: c.organizer,
    responsibleName: c.responsibleName,
    responsibleRole: c.responsibleRole,
    issuedAt: formatShortDate(c.issuedAt, c.event.timeZone),
  };
  return { bytes: await renderCertificatePdf(data), filename: `certificado-${formatCode(c.code)}.pdf` };
}

class DomainErrorGone extends DomainError {
  constructor(message: string) {
    super(410, message);
  }
}

const RUN_STATUS_LABELS: Record<string, string> = {
  PENDENTE: "Na fila",
  EM_ANDAMENTO: "Emitindo",
  CONCLUIDA: "Concluída",
  FALHOU: "Falhou",
};

/** The organizers' view: the rule, the runs, and every certificate of the event (paged). */
export async function certificatesOverview(actor: Actor, slug: string, opts: { page?: number; pageSize?: number } = {}) {
  const event = await eventFor(actor, slug, "see_presence");
  const full = await db.event.findUniqueOrThrow({
    where: { id: event.id },
    select: {
      certificateThreshold: true,
      certificateScope: true,
      certificateHours: true,
      responsibleName: true,
      responsibleRole: true,
      createdBy: { select: { name: true } },
      format: true,
    },
  });
  const pageSize = opts.pageSize ?? 100;
  const page = Math.max(1, opts.page ?? 1);
  const [runs, total, valid, revoked, rows] = await Promise.all([
    db.certificateRun.findMany({ where: { eventId: event.id }, orderBy: { createdAt: "desc" }, take: 5 }),
    db.certificate.count({ where: { eventId: event.id, supersededById: null } }),
    db.certificate.count({ where: { eventId: event.id, supersededById: null, revokedAt: null } }),
    db.certificate.count({ where: { eventId: event.id, supersededById: null, revokedAt: { not: null } } }),
    db.certificate.findMany({
      where: { eventId: event.id, supersededById: null },
      select: { code: true, personName: true, hoursMinutes: true, issuedAt: true, revokedAt: true, revokedReason: true, registration: { select: { ente: { select: { name: true, uf: true, kind: true } } } } },
      orderBy: { personName: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const manage = canOnCertificates(actor, "issue", event);
  return {
    event: { slug: event.slug, title: event.title, status: event.status, ended: event.endsAt <= new Date(), format: full.format },
    canManage: manage,
    settings: {
      threshold: full.certificateThreshold,
      scope: full.certificateScope === "PERIODO" ? "PERIODO" : "EVENTO",
      hours: full.certificateHours === "PRESENCA" ? "PRESENCA" : "INTEGRAL",
      responsibleName: full.responsibleName ?? "",
      responsibleRole: full.responsibleRole ?? "",
      defaultResponsible: full.createdBy?.name ?? "Equipe organizadora",
    },
    runs: runs.map((r) => ({
      id: r.id,
      status: r.status,
      statusLabel: RUN_STATUS_LABELS[r.status] ?? r.status,
      total: r.total,
      issued: r.issued,
      skipped: r.skipped,
      automatic: !r.requestedById,
      createdAt: formatDateTime(r.createdAt, event.timeZone),
      finishedAt: r.finishedAt ? formatDateTime(r.finishedAt, event.timeZone) : null,
      error: r.status === "FALHOU" ? "A emissão parou por um erro; peça de novo para continuar de onde parou." : null,
    })),
    counts: { total, valid, revoked },
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    certificates: rows.map((c) => ({
      code: formatCode(c.code),
      personName: c.personName,
      ente: enteDisplayName({ ...c.registration.ente, kind: c.registration.ente.kind as EnteKind }),
      hours: hoursText(c.hoursMinutes),
      issuedAt: formatShortDate(c.issuedAt, event.timeZone),
      revoked: c.revokedAt ? { at: formatShortDate(c.revokedAt, event.timeZone), reason: c.revokedReason ?? "" } : null,
    })),
  };
}
