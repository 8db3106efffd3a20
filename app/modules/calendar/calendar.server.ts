// From stored events to iCalendar: personal invites (REQUEST/CANCEL) for e-mails, the public
// .ics of an event, and each person's private subscription feed.
import crypto from "node:crypto";

import type { Prisma } from "@prisma/client";

import { db, type DbOrTx } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { enteDisplayName, type EnteKind } from "~/modules/entes/federation";

import { buildEventCalendar, buildFeed, type IcsAttendee, type IcsEvent } from "./ics";

export const calendarEventInclude = {
  sessions: { orderBy: [{ position: "asc" }, { startsAt: "asc" }] },
  organizerEnte: { select: { name: true, kind: true, uf: true } },
  venueMunicipio: { select: { name: true, uf: true } },
} satisfies Prisma.EventInclude;

export type CalendarEventRow = Prisma.EventGetPayload<{ include: typeof calendarEventInclude }>;

export function eventUrl(slug: string): string {
  return new URL(`/eventos/${slug}`, env.APP_URL).toString();
}

function senderAddress(): string {
  return /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM.trim();
}

export function roomUrl(sessionId: string): string {
  return new URL(`/sala/${sessionId}`, env.APP_URL).toString();
}

/** "Centro de Convenções, Av. X — Salvador (BA)"; for online sessions, the session's room link. */
export function locationOf(
  e: Pick<CalendarEventRow, "format" | "venueName" | "venueAddress" | "venueMunicipio" | "slug">,
  sessionId?: string,
): string {
  const online = sessionId ? roomUrl(sessionId) : eventUrl(e.slug);
  if (e.format === "ONLINE") return `Online — ${online}`;
  const place = [e.venueName, e.venueAddress].filter(Boolean).join(", ");
  const municipio = e.venueMunicipio ? `${e.venueMunicipio.name} (${e.venueMunicipio.uf})` : "";
  const onsite = [place, municipio].filter(Boolean).join(" — ");
  return e.format === "HIBRIDO" ? `${onsite} (e online: ${online})` : onsite;
}

/** The calendar view of an event; `extraSequence` is the attendee's own bumps (cancel, removal). */
export function toIcsEvent(e: CalendarEventRow, extraSequence = 0): IcsEvent {
  const organizer = enteDisplayName({ ...e.organizerEnte, kind: e.organizerEnte.kind as EnteKind });
  return {
    id: e.id,
    title: e.title,
    url: eventUrl(e.slug),
    description: `${e.title}\nOrganização: ${organizer}`,
    timeZone: e.timeZone,
    location: locationOf(e),
    organizer: { name: `${organizer} — Apoia SUAS`, email: senderAddress() },
    sessions: e.sessions.map((s, i) => ({
      id: s.id,
      title: s.title || `Sessão ${i + 1}`,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      ...(e.format === "PRESENCIAL" ? {} : { location: locationOf(e, s.id) }),
    })),
    sequence: e.icsSequence + extraSequence,
  };
}

/** A personal invite or cancellation for one registration, inside the transaction that causes it. */
export async function registrationInvite(
  tx: DbOrTx,
  registrationId: string,
  method: "REQUEST" | "CANCEL",
  opts: { sessionIds?: string[]; stamp?: Date } = {},
): Promise<string> {
  const reg = await tx.registration.findUniqueOrThrow({
    where: { id: registrationId },
    select: { icsSequence: true, user: { select: { name: true, email: true } }, event: { include: calendarEventInclude } },
  });
  const attendee: IcsAttendee = {
    name: reg.user.name,
    email: reg.user.email,
    partstat: method === "CANCEL" ? "DECLINED" : "ACCEPTED",
  };
  return buildEventCalendar({
    method,
    event: toIcsEvent(reg.event, reg.icsSequence),
    attendee,
    sessionIds: opts.sessionIds,
    stamp: opts.stamp ?? new Date(),
  });
}

/** GET /eventos/:slug/calendario.ics — the event's sessions, to add by hand (METHOD:PUBLISH). */
export async function publicEventCalendar(eventId: string): Promise<string> {
  const e = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: calendarEventInclude });
  return buildEventCalendar({ method: "PUBLISH", event: toIcsEvent(e), stamp: new Date() });
}

const FEED_PAST_DAYS = 90;

/** The private feed of a person: every confirmed session of published events, from 90 days ago on. */
export async function personalFeed(token: string, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,80}$/.test(token)) return null;
  const user = await db.user.findUnique({ where: { calendarToken: token }, select: { id: true, name: true } });
  if (!user) return null;
  const regs = await db.registration.findMany({
    where: {
      userId: user.id,
      status: "CONFIRMADA",
      event: { status: "PUBLICADO", endsAt: { gte: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000) } },
    },
    select: { icsSequence: true, event: { include: calendarEventInclude } },
    orderBy: { event: { startsAt: "asc" } },
  });
  return buildFeed({
    name: `Apoia SUAS — agenda de ${user.name}`,
    events: regs.map((r) => toIcsEvent(r.event, r.icsSequence)),
    stamp: now,
  });
}

/** A new secret address for the feed (the old one stops working at once). */
export async function rotateCalendarToken(userId: string): Promise<string> {
  const token = crypto.randomBytes(24).toString("base64url");
  await db.user.update({ where: { id: userId }, data: { calendarToken: token } });
  return token;
}

export async function revokeCalendarToken(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { calendarToken: null } });
}

export function feedUrls(token: string): { https: string; webcal: string } {
  const https = new URL(`/calendario/${token}.ics`, env.APP_URL).toString();
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}
