// Video rooms of the sessions: created ahead of the start (and re-created if missing), joined with
// short-lived tokens whose powers follow the person's role and the event type, and run by the
// organizers (mute, remove, end for everyone).
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { conflict, forbidden, notFound } from "~/lib/http.server";
import { accessToken, livekitConfig, requireLiveKit, roomService } from "~/lib/livekit.server";
import { formatDateTime, formatRange, timeZoneLabel } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { enteDisplayName } from "~/modules/entes/federation";
import { canOnEvent } from "~/modules/events/permissions";

import { grantFor, identityFor, isBroadcast, joinWindow, parseIdentity, roomNameFor, STAFF_SEATS, TOKEN_TTL_SECONDS, type RoomRole } from "./policy";

const sessionSelect = {
  id: true,
  title: true,
  position: true,
  startsAt: true,
  endsAt: true,
  roomName: true,
  roomClosedAt: true,
  event: {
    select: { id: true, slug: true, title: true, type: true, format: true, status: true, capacity: true, timeZone: true, organizerEnteId: true },
  },
} as const;

async function findSession(sessionId: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(sessionId)) throw notFound("Sessão não encontrada.");
  const s = await db.eventSession.findUnique({ where: { id: sessionId }, select: sessionSelect });
  if (!s || s.event.status === "RASCUNHO") throw notFound("Sessão não encontrada.");
  return s;
}

/** Creates the session's room unless it already exists on the LiveKit server. */
export async function ensureRoom(sessionId: string, existing?: Set<string>): Promise<string> {
  const s = await db.eventSession.findUniqueOrThrow({ where: { id: sessionId }, select: sessionSelect });
  const name = roomNameFor(s.id);
  const present = existing ?? new Set((await roomService().listRooms([name])).map((r) => r.name));
  if (!present.has(name)) {
    await roomService().createRoom({
      name,
      emptyTimeout: 15 * 60,
      departureTimeout: 60,
      maxParticipants: s.event.capacity != null ? s.event.capacity + STAFF_SEATS : 0,
      metadata: JSON.stringify({ eventId: s.event.id, sessionId: s.id, evento: s.event.title }),
    });
  }
  if (s.roomName !== name) await db.eventSession.update({ where: { id: s.id }, data: { roomName: name, roomCreatedAt: new Date() } });
  return name;
}

/** Job: rooms for the online and hybrid sessions starting within the hour (and those in progress). */
export async function ensureUpcomingRooms(now = new Date()): Promise<number> {
  if (!livekitConfig()) return 0;
  const sessions = await db.eventSession.findMany({
    where: {
      startsAt: { lte: new Date(now.getTime() + 60 * 60_000) },
      endsAt: { gt: now },
      roomClosedAt: null,
      event: { status: "PUBLICADO", format: { in: ["ONLINE", "HIBRIDO"] } },
    },
    select: { id: true },
  });
  if (!sessions.length) return 0;
  const existing = new Set((await roomService().listRooms(sessions.map((s) => roomNameFor(s.id)))).map((r) => r.name));
  let created = 0;
  for (const s of sessions) {
    if (!existing.has(roomNameFor(s.id))) created++;
    await ensureRoom(s.id, existing);
  }
  return created;
}

async function roleOf(actor: Actor, s: Awaited<ReturnType<typeof findSession>>): Promise<{ role: RoomRole; registrationId: string | null }> {
  if (canOnEvent(actor, "edit", s.event)) return { role: "ORGANIZADOR", registrationId: null };
  const speaker = await db.eventSpeaker.findUnique({ where: { eventId_userId: { eventId: s.event.id, userId: actor.userId } } });
  if (speaker) return { role: "PALESTRANTE", registrationId: null };
  const reg = await db.registration.findUnique({ where: { eventId_userId: { eventId: s.event.id, userId: actor.userId } }, select: { id: true, status: true } });
  if (reg?.status === "CONFIRMADA") return { role: isBroadcast(s.event.type) ? "ESPECTADOR" : "PARTICIPANTE", registrationId: reg.id };
  if (reg?.status === "ESPERA") throw forbidden("Você está na lista de espera deste evento: a sala abre para você se a sua inscrição for confirmada.");
  throw forbidden("Só entram na sala as pessoas com inscrição confirmada neste evento, a organização e os palestrantes.");
}

export type RoomDescription = {
  event: { title: string; slug: string };
  session: { id: string; title: string; range: string; zoneLabel: string };
};

function describe(s: Awaited<ReturnType<typeof findSession>>): RoomDescription {
  return {
    event: { title: s.event.title, slug: s.event.slug },
    session: {
      id: s.id,
      title: s.title || `Sessão ${s.position + 1}`,
      range: formatRange(s.startsAt, s.endsAt, s.event.timeZone),
      zoneLabel: timeZoneLabel(s.event.timeZone, s.startsAt),
    },
  };
}

export type JoinResult =
  | (RoomDescription & {
      state: "aberta";
      serverUrl: string;
      token: string;
      role: RoomRole;
      layout: "conferencia" | "palco";
      canPublish: boolean;
      identity: string;
    })
  | (RoomDescription & { state: "cedo"; opensAt: string; opensAtText: string; role: RoomRole })
  | (RoomDescription & { state: "encerrada"; role: RoomRole });

/** Everything the room page needs, or why the person cannot enter (a DomainError with a pt-BR message). */
export async function joinRoom(actor: Actor, sessionId: string, now = new Date()): Promise<JoinResult> {
  const s = await findSession(sessionId);
  if (s.event.status === "CANCELADO") throw conflict("Este evento foi cancelado: a sala não vai abrir.");
  if (s.event.format === "PRESENCIAL") throw conflict("Esta sessão é presencial: não há sala online.");
  const { role, registrationId } = await roleOf(actor, s);
  const identity = identityFor(role, { userId: actor.userId, registrationId });
  if (role !== "ORGANIZADOR") {
    if (s.roomClosedAt) throw conflict("A organização encerrou esta sessão: a sala está fechada.");
    const removed = await db.roomRemoval.findUnique({ where: { sessionId_identity: { sessionId: s.id, identity } } });
    if (removed) throw forbidden("A organização retirou você desta sessão. Em caso de dúvida, fale com a organização do evento.");
  }
  const description = describe(s);
  const window = joinWindow(role, s, now);
  if (!window.open) {
    return window.reason === "cedo"
      ? { ...description, state: "cedo", role, opensAt: window.opensAt!.toISOString(), opensAtText: formatDateTime(window.opensAt!, s.event.timeZone) }
      : { ...description, state: "encerrada", role };
  }
  const config = requireLiveKit();
  const room = await ensureRoom(s.id);
  const grant = grantFor(role, room);
  const token = await accessToken({
    identity,
    name: `${actor.name} — ${enteDisplayName(actor.ente)}`,
    // Everyone in the room receives this: only the role, never ids.
    metadata: JSON.stringify({ papel: role }),
    grant,
    ttlSeconds: TOKEN_TTL_SECONDS,
  });
  return {
    ...description,
    state: "aberta",
    serverUrl: config.url,
    token,
    role,
    layout: isBroadcast(s.event.type) ? "palco" : "conferencia",
    canPublish: grant.canPublish,
    identity,
  };
}

async function requireHost(actor: Actor, sessionId: string) {
  const s = await findSession(sessionId);
  if (!canOnEvent(actor, "edit", s.event)) throw forbidden("Só a organização do evento controla a sala.");
  return { session: s, room: roomNameFor(s.id) };
}

export type LiveParticipant = { identity: string; name: string; role: string; joinedAt: string; microphoneOn: boolean; cameraOn: boolean };

/** Who is in the room now, straight from the LiveKit server. */
export async function liveParticipants(actor: Actor, sessionId: string): Promise<LiveParticipant[]> {
  const s = await findSession(sessionId);
  if (!canOnEvent(actor, "see_participants", s.event)) throw forbidden("Só a organização do evento vê quem está na sala.");
  if (!livekitConfig()) return [];
  let list;
  try {
    list = await roomService().listParticipants(roomNameFor(s.id));
  } catch {
    return [];
  }
  return list
    .map((p) => {
      let papel = "";
      try {
        papel = String((JSON.parse(p.metadata || "{}") as { papel?: string }).papel ?? "");
      } catch {
        papel = "";
      }
      const tracks = p.tracks ?? [];
      const on = (source: number) => tracks.some((t) => t.source === source && !t.muted);
      return {
        identity: p.identity,
        name: p.name || p.identity,
        role: papel,
        joinedAt: new Date(Number(p.joinedAt) * 1000).toISOString(),
        microphoneOn: on(2),
        cameraOn: on(1),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "pt-BR"));
}

/** Mutes every microphone (and camera when asked) the person publishes. */
export async function muteParticipant(actor: Actor, sessionId: string, identity: string, opts: { camera?: boolean } = {}): Promise<number> {
  const { room } = await requireHost(actor, sessionId);
  if (!parseIdentity(identity)) throw notFound("Participante não encontrado.");
  let p;
  try {
    p = await roomService().getParticipant(room, identity);
  } catch {
    throw notFound("Esta pessoa não está mais na sala.");
  }
  let muted = 0;
  for (const t of p.tracks ?? []) {
    if (t.source === 2 || (opts.camera && t.source === 1)) {
      await roomService().mutePublishedTrack(room, identity, t.sid, true);
      muted++;
    }
  }
  return muted;
}

/** Takes the person out of the room and keeps her out of this session until allowed back. */
export async function removeParticipant(actor: Actor, sessionId: string, identity: string): Promise<void> {
  const { room } = await requireHost(actor, sessionId);
  if (!parseIdentity(identity)) throw notFound("Participante não encontrado.");
  let name = identity;
  try {
    name = (await roomService().getParticipant(room, identity)).name || identity;
    await roomService().removeParticipant(room, identity);
  } catch {
    throw notFound("Esta pessoa não está mais na sala.");
  }
  await db.roomRemoval.upsert({
    where: { sessionId_identity: { sessionId, identity } },
    create: { sessionId, identity, name, removedById: actor.userId },
    update: { removedAt: new Date(), removedById: actor.userId },
  });
}

export async function allowBack(actor: Actor, sessionId: string, identity: string): Promise<void> {
  await requireHost(actor, sessionId);
  await db.roomRemoval.deleteMany({ where: { sessionId, identity } });
}

export async function isRoomClosed(sessionId: string): Promise<boolean> {
  return !!(await db.eventSession.findUnique({ where: { id: sessionId }, select: { roomClosedAt: true } }))?.roomClosedAt;
}

export async function removedFrom(sessionId: string) {
  return db.roomRemoval.findMany({ where: { sessionId }, select: { identity: true, name: true, removedAt: true }, orderBy: { removedAt: "asc" } });
}

/** Ends the session for everyone: the room is deleted (open presence intervals end now) and stays closed. */
export async function endRoom(actor: Actor, sessionId: string): Promise<void> {
  const { room, session } = await requireHost(actor, sessionId);
  await db.eventSession.update({ where: { id: session.id }, data: { roomClosedAt: new Date() } });
  try {
    await roomService().deleteRoom(room);
  } catch {
    // already closed
  }
}

/** The organization reopens a session it had ended. */
export async function reopenRoom(actor: Actor, sessionId: string): Promise<void> {
  const { session } = await requireHost(actor, sessionId);
  await db.eventSession.update({ where: { id: session.id }, data: { roomClosedAt: null } });
}

export function joinUrl(sessionId: string): string {
  return new URL(`/sala/${sessionId}`, env.APP_URL).toString();
}
