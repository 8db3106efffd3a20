// Events: create, edit, publish, cancel, duplicate, and the queries behind the pages.
// Permission checks happen here (through ./permissions), not in the routes.
import type { Prisma } from "@prisma/client";

import { db, type DbOrTx } from "~/lib/db.server";
import { conflict, forbidden, notFound } from "~/lib/http.server";
import { fromLocal, fromLocalDateTime, toLocalParts } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { getEnte, resolveEnte } from "~/modules/entes/entes.server";
import { searchKey, type EnteRef } from "~/modules/entes/federation";
import { calendarEventInclude, type CalendarEventRow } from "~/modules/calendar/calendar.server";
import { notifyEventCancelled, notifyEventChanged } from "~/modules/email/notifications.server";
import { promoteWaitlist } from "~/modules/registration/registration.server";

import { audienceOf, isInAudience } from "./audience";
import { diffEvent, type EventShape } from "./changes";
import { eventFormSchema, splitEnteList, type EventFormInput, type EventFormValues } from "./event-form";
import { canOnEvent, type EventAction } from "./permissions";
import { eventSpan, planErrors, type EventPlan, type FieldErrors } from "./plan";
import { uniqueSlug } from "./slug";
import type { AudienceKind, EventType, Format, Scope, Visibility } from "./vocabulary";

export type SaveResult = { ok: true; id: string; slug: string } | { ok: false; fieldErrors: FieldErrors };

const enteRefSelect = { id: true, kind: true, name: true, uf: true, region: true, porte: true } as const;


/** Turns form values into a plan: entes looked up, wall-clock times converted to UTC. */
export async function resolvePlan(values: EventFormValues): Promise<{ plan: EventPlan } | { fieldErrors: FieldErrors }> {
  const fieldErrors: FieldErrors = {};
  const organizer = await getEnte(values.organizerEnteId);
  if (!organizer || organizer.kind === "MUNICIPIO") fieldErrors.organizerEnteId = ["Ente organizador inválido."];

  let venueMunicipio: EnteRef | null = null;
  if (values.venueMunicipio || values.venueMunicipioBusca) {
    const r = await resolveEnte(
      { id: values.venueMunicipio, text: values.venueMunicipioBusca },
      { kinds: ["MUNICIPIO"], what: "o município do local" },
    );
    if (r.ok) venueMunicipio = r.ente;
    else fieldErrors.venueMunicipio = [r.message];
  }

  const audience: EventPlan["audience"] = { kind: values.audienceKind };
  if (values.audienceKind === "REGIAO") {
    audience.region = values.audienceRegion ?? null;
    audience.includeMunicipios = !!values.audienceIncludeMunicipios;
  }
  if ((values.audienceKind === "UF" || values.audienceKind === "PORTE") && (values.audienceUfId || values.audienceUfIdBusca)) {
    const r = await resolveEnte({ id: values.audienceUfId, text: values.audienceUfIdBusca }, { kinds: ["UF"], what: "o estado" });
    if (r.ok) {
      audience.uf = r.ente.uf;
      audience.ufEnte = r.ente;
    } else fieldErrors.audienceUfId = [r.message];
  }
  if (values.audienceKind === "PORTE") audience.portes = values.audiencePortes ?? [];
  if (values.audienceKind === "LISTA") {
    const lines = splitEnteList(values.audienceEntes);
    if (lines.length > 6000) fieldErrors.audienceEntes = ["A lista pode ter no máximo 6.000 entes."];
    const listEntes: EnteRef[] = [];
    const problems: string[] = [];
    for (const [i, line] of lines.slice(0, 6000).entries()) {
      const r = await resolveEnte({ text: line });
      if (r.ok) listEntes.push(r.ente);
      else problems.push(`Linha ${i + 1} (“${line.slice(0, 60)}”): ${r.message}`);
    }
    if (problems.length) {
      fieldErrors.audienceEntes = [
        ...problems.slice(0, 10),
        ...(problems.length > 10 ? [`E mais ${problems.length - 10} linhas com problema.`] : []),
      ];
    }
    const unique = [...new Map(listEntes.map((e) => [e.id, e])).values()];
    audience.listEntes = unique;
    audience.enteIds = unique.map((e) => e.id);
  }

  if (Object.keys(fieldErrors).length || !organizer) return { fieldErrors };

  const tz = values.timeZone;
  const sessions = values.sessions.map((s) => ({
    id: s.id,
    title: s.title ?? null,
    startsAt: fromLocal(s.date, s.start, tz),
    endsAt: fromLocal(s.date, s.end, tz),
  }));
  return {
    plan: {
      title: values.title,
      type: values.type,
      scope: values.scope,
      scopeRegion: values.scope === "REGIONAL" ? (values.scopeRegion ?? null) : null,
      format: values.format,
      organizerEnte: organizer,
      timeZone: tz,
      sessions,
      venueName: values.format === "ONLINE" ? null : (values.venueName ?? null),
      venueAddress: values.format === "ONLINE" ? null : (values.venueAddress ?? null),
      venueMunicipio: values.format === "ONLINE" ? null : venueMunicipio,
      audience,
      visibility: values.visibility,
      capacity: values.capacity ?? null,
      invitationQuota: values.invitationQuota ?? 2,
      registrationOpensAt: fromLocalDateTime(values.registrationOpensAt, tz),
      registrationClosesAt: fromLocalDateTime(values.registrationClosesAt, tz),
      workloadMinutes: values.workloadHours,
      descriptionMd: values.descriptionMd ?? "",
    },
  };
}

function eventColumns(plan: EventPlan) {
  const span = eventSpan(plan.sessions);
  return {
    title: plan.title,
    searchTitle: searchKey(plan.title),
    type: plan.type,
    scope: plan.scope,
    scopeRegion: plan.scopeRegion,
    format: plan.format,
    organizerEnteId: plan.organizerEnte.id,
    venueName: plan.venueName,
    venueAddress: plan.venueAddress,
    venueMunicipioId: plan.venueMunicipio?.id ?? null,
    audienceKind: plan.audience.kind,
    audienceRegion: plan.audience.kind === "REGIAO" ? (plan.audience.region ?? null) : null,
    audienceIncludeMunicipios: plan.audience.kind === "REGIAO" ? !!plan.audience.includeMunicipios : false,
    audienceUfId: plan.audience.kind === "UF" || plan.audience.kind === "PORTE" ? (plan.audience.ufEnte?.id ?? null) : null,
    audiencePortes: plan.audience.kind === "PORTE" ? (plan.audience.portes ?? []).join(",") : null,
    visibility: plan.visibility,
    capacity: plan.capacity,
    invitationQuota: plan.invitationQuota,
    registrationOpensAt: plan.registrationOpensAt,
    registrationClosesAt: plan.registrationClosesAt,
    workloadMinutes: plan.workloadMinutes,
    descriptionMd: plan.descriptionMd,
    timeZone: plan.timeZone,
    startsAt: span.startsAt,
    endsAt: span.endsAt,
  };
}

export async function createEvent(actor: Actor, values: EventFormValues, opts: { duplicatedFromId?: string } = {}): Promise<SaveResult> {
  const resolved = await resolvePlan(values);
  if ("fieldErrors" in resolved) return { ok: false, fieldErrors: resolved.fieldErrors };
  const { plan } = resolved;
  const errors = planErrors(actor, plan);
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };

  const slug = await uniqueSlug(plan.title, async (s) => !!(await db.event.findUnique({ where: { slug: s }, select: { id: true } })));
  const event = await db.event.create({
    data: {
      ...eventColumns(plan),
      slug,
      status: "RASCUNHO",
      createdById: actor.userId,
      duplicatedFromId: opts.duplicatedFromId ?? null,
      sessions: {
        create: plan.sessions.map((s, position) => ({ position, title: s.title ?? "", startsAt: s.startsAt, endsAt: s.endsAt })),
      },
      audienceEntes: { create: (plan.audience.enteIds ?? []).map((enteId) => ({ enteId })) },
    },
    select: { id: true, slug: true },
  });
  return { ok: true, id: event.id, slug: event.slug };
}

/** Loads an event by slug and checks the action; 404 when unknown, 403 when not allowed. */
export async function requireEventFor(actor: Actor, slug: string, action: EventAction) {
  const event = await db.event.findUnique({ where: { slug }, select: { id: true, slug: true, organizerEnteId: true, status: true, title: true } });
  if (!event) throw notFound("Evento não encontrado.");
  if (!canOnEvent(actor, action, event)) throw forbidden("Este evento é organizado por outro ente: você não pode fazer isso com ele.");
  return event;
}

export async function updateEvent(actor: Actor, slug: string, values: EventFormValues): Promise<SaveResult> {
  const current = await requireEventFor(actor, slug, "edit");
  if (current.status === "CANCELADO") throw conflict("Este evento foi cancelado e não pode mais ser editado.");
  const resolved = await resolvePlan(values);
  if ("fieldErrors" in resolved) return { ok: false, fieldErrors: resolved.fieldErrors };
  const { plan } = resolved;
  const errors = planErrors(actor, plan);
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };

  return db.$transaction(async (tx) => {
    // Write first: takes the database's write lock before reading the counts below.
    await tx.event.update({ where: { id: current.id }, data: { registrationSeq: { increment: 1 } } });
    const before = shapeOf(await tx.event.findUniqueOrThrow({ where: { id: current.id }, include: calendarEventInclude }));
    const confirmed = await tx.registration.count({ where: { eventId: current.id, status: "CONFIRMADA" } });
    if (plan.capacity != null && plan.capacity < confirmed) {
      return {
        ok: false as const,
        fieldErrors: { capacity: [`Já há ${confirmed} inscrições confirmadas: a capacidade não pode ser menor que isso.`] },
      };
    }
    await tx.event.update({ where: { id: current.id }, data: eventColumns(plan) });
    await replaceSessions(tx, current.id, plan.sessions);
    await tx.eventAudienceEnte.deleteMany({ where: { eventId: current.id } });
    if (plan.audience.enteIds?.length) {
      await tx.eventAudienceEnte.createMany({ data: plan.audience.enteIds.map((enteId) => ({ eventId: current.id, enteId })) });
    }
    const after = await tx.event.findUniqueOrThrow({ where: { id: current.id }, include: calendarEventInclude });
    const diff = diffEvent(before, shapeOf(after));
    if (after.status === "PUBLICADO" && diff.calendarChanged) {
      // Every change of time, place, link or title: a higher SEQUENCE, so calendars take the update.
      await tx.event.update({ where: { id: current.id }, data: { icsSequence: { increment: 1 } } });
      await notifyEventChanged(tx, current.id, diff.changes, diff.removedSessions);
    }
    await promoteWaitlist(tx, current.id);
    return { ok: true as const, id: current.id, slug: current.slug };
  }, { maxWait: 30_000, timeout: 60_000 });
}

function shapeOf(e: CalendarEventRow): EventShape {
  const municipio = e.venueMunicipio ? `${e.venueMunicipio.name} (${e.venueMunicipio.uf})` : "";
  return {
    title: e.title,
    format: e.format,
    timeZone: e.timeZone,
    venue: e.format === "ONLINE" ? "" : [e.venueName, e.venueAddress, municipio].filter(Boolean).join(", "),
    sessions: e.sessions.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt })),
  };
}

/** Keeps the ids of sessions that stay (calendar entries follow them), adds new ones, drops the rest. */
async function replaceSessions(tx: DbOrTx, eventId: string, sessions: EventPlan["sessions"]) {
  const existing = new Set((await tx.eventSession.findMany({ where: { eventId }, select: { id: true } })).map((s) => s.id));
  const kept = new Set<string>();
  for (const [position, s] of sessions.entries()) {
    const data = { position, title: s.title ?? "", startsAt: s.startsAt, endsAt: s.endsAt };
    if (s.id && existing.has(s.id) && !kept.has(s.id)) {
      kept.add(s.id);
      await tx.eventSession.update({ where: { id: s.id }, data });
    } else {
      await tx.eventSession.create({ data: { ...data, eventId } });
    }
  }
  const removed = [...existing].filter((id) => !kept.has(id));
  if (removed.length) await tx.eventSession.deleteMany({ where: { id: { in: removed } } });
}

export async function publishEvent(actor: Actor, slug: string): Promise<void> {
  const event = await requireEventFor(actor, slug, "publish");
  if (event.status === "PUBLICADO") return;
  if (event.status === "CANCELADO") throw conflict("Um evento cancelado não pode ser publicado.");
  await db.event.update({ where: { id: event.id }, data: { status: "PUBLICADO", publishedAt: new Date() } });
}

export async function cancelEvent(actor: Actor, slug: string, reason: string): Promise<void> {
  const event = await requireEventFor(actor, slug, "cancel");
  if (event.status === "CANCELADO") return;
  await db.$transaction(
    async (tx) => {
      await tx.event.update({
        where: { id: event.id },
        data: { status: "CANCELADO", cancelledAt: new Date(), cancellationReason: reason, icsSequence: { increment: 1 } },
      });
      await tx.auditEntry.create({ data: { actorId: actor.userId, action: "event.cancel", subject: `event:${event.id}`, detail: reason } });
      if (event.status === "PUBLICADO") await notifyEventCancelled(tx, event.id, reason);
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}

/** A new draft with the same content; the organizer then adjusts dates and title. */
export async function duplicateEvent(actor: Actor, slug: string): Promise<SaveResult> {
  const source = await requireEventFor(actor, slug, "duplicate");
  const defaults = await eventFormDefaults(source.id);
  const values = eventFormSchema.parse({ ...defaults, title: `Cópia de ${defaults.title}`.slice(0, 200) });
  return createEvent(actor, values, { duplicatedFromId: source.id });
}

const fullEventInclude = {
  sessions: { orderBy: [{ position: "asc" }, { startsAt: "asc" }] },
  organizerEnte: { select: { ...enteRefSelect, timeZone: true } },
  venueMunicipio: { select: enteRefSelect },
  audienceUf: { select: enteRefSelect },
  audienceEntes: { select: { enteId: true, ente: { select: enteRefSelect } } },
} satisfies Prisma.EventInclude;

export type FullEvent = Prisma.EventGetPayload<{ include: typeof fullEventInclude }>;

export async function findEventBySlug(slug: string): Promise<FullEvent | null> {
  return db.event.findUnique({ where: { slug }, include: fullEventInclude });
}

/**
 * May this person see the event page? Published public events: anyone. Invite-only: organizers
 * and the audience. Drafts: only its organizers. Returns false rather than throwing, so the
 * route can answer 404 without telling that the event exists.
 */
export function canViewEvent(actor: Actor | null, event: FullEvent): boolean {
  if (canOnEvent(actor, "view_draft", event)) return true;
  if (canOnEvent(actor, "see_participants", event) && event.status !== "RASCUNHO") return true;
  if (event.status === "RASCUNHO") return false;
  if (event.visibility === "PUBLICO") return true;
  return !!actor && isInAudience(audienceOf(event), actor.ente);
}

/** Form values of a stored event, in its own time zone (for the edit and duplicate forms). */
export async function eventFormDefaults(eventId: string): Promise<EventFormInput> {
  const e = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: fullEventInclude });
  const tz = e.timeZone;
  return {
    title: e.title,
    type: e.type as EventType,
    scope: e.scope as Scope,
    scopeRegion: (e.scopeRegion ?? undefined) as EventFormInput["scopeRegion"],
    format: e.format as Format,
    organizerEnteId: e.organizerEnteId,
    timeZone: tz as EventFormInput["timeZone"],
    sessions: e.sessions.map((s) => {
      const start = toLocalParts(s.startsAt, tz);
      return { id: s.id, title: s.title || undefined, date: start.date, start: start.time, end: toLocalParts(s.endsAt, tz).time };
    }),
    venueName: e.venueName ?? undefined,
    venueAddress: e.venueAddress ?? undefined,
    venueMunicipio: e.venueMunicipioId ?? undefined,
    venueMunicipioBusca: e.venueMunicipio ? `${e.venueMunicipio.name} (${e.venueMunicipio.uf})` : undefined,
    audienceKind: e.audienceKind as AudienceKind,
    audienceRegion: (e.audienceRegion ?? undefined) as EventFormInput["audienceRegion"],
    audienceIncludeMunicipios: e.audienceIncludeMunicipios,
    audienceUfId: e.audienceUfId ?? undefined,
    audienceUfIdBusca: e.audienceUf ? `${e.audienceUf.name} (${e.audienceUf.uf})` : undefined,
    audiencePortes: (e.audiencePortes ? e.audiencePortes.split(",") : undefined) as EventFormInput["audiencePortes"],
    audienceEntes: e.audienceEntes.length
      ? e.audienceEntes.map((a) => (a.ente.kind === "MUNICIPIO" ? `${a.ente.id} ${a.ente.name} (${a.ente.uf})` : `${a.ente.id} ${a.ente.name}`)).join("\n")
      : undefined,
    visibility: e.visibility as Visibility,
    capacity: e.capacity ?? undefined,
    invitationQuota: e.invitationQuota,
    registrationOpensAt: toLocalParts(e.registrationOpensAt, tz).dateTime,
    registrationClosesAt: toLocalParts(e.registrationClosesAt, tz).dateTime,
    workloadHours: String(Math.round((e.workloadMinutes / 60) * 100) / 100).replace(".", ","),
    descriptionMd: e.descriptionMd || undefined,
  };
}
