// Presence from LiveKit: every webhook is verified and stored once, and each connection's interval
// is recomputed from the stored log, so duplicates, reordering, reconnections and rooms that end
// with people inside all give the same intervals. The reconciler fills in what webhooks missed.
import type { WebhookEvent } from "livekit-server-sdk";

import { db, type DbOrTx } from "~/lib/db.server";
import { livekitConfig, roomService, webhookReceiver } from "~/lib/livekit.server";
import { parseIdentity, sessionIdOfRoom } from "~/modules/rooms/policy";

import { intervalOfConnection } from "./intervals";

export const MAX_WEBHOOK_BYTES = 256 * 1024;

export type RoomEventInput = {
  id: string;
  kind: string;
  roomName: string;
  identity?: string | null;
  participantSid?: string | null;
  at: Date;
  joinedAt?: Date | null;
};

const CONNECTION_KINDS = new Set(["participant_joined", "participant_left", "participant_connection_aborted", "seen", "gone"]);

/** Stores the event unless already stored; recomputes what it affects. Returns false for a duplicate. */
export async function recordRoomEvent(e: RoomEventInput): Promise<boolean> {
  const sessionId = sessionIdOfRoom(e.roomName);
  return db.$transaction(
    async (tx) => {
      const exists = await tx.roomEvent.findUnique({ where: { id: e.id }, select: { id: true } });
      if (exists) return false;
      const session = sessionId ? await tx.eventSession.findUnique({ where: { id: sessionId }, select: { id: true } }) : null;
      await tx.roomEvent.create({
        data: {
          id: e.id,
          kind: e.kind,
          roomName: e.roomName,
          sessionId: session?.id ?? null,
          identity: e.identity ?? null,
          participantSid: e.participantSid ?? null,
          at: e.at,
          joinedAt: e.joinedAt ?? null,
        },
      });
      if (!session) return true;
      if (CONNECTION_KINDS.has(e.kind) && e.participantSid) await recomputeConnection(tx, session.id, e.roomName, e.participantSid);
      if (e.kind === "room_finished") {
        const open = await tx.presenceInterval.findMany({ where: { sessionId: session.id, endedAt: null }, select: { participantSid: true } });
        for (const c of open) await recomputeConnection(tx, session.id, e.roomName, c.participantSid);
      }
      return true;
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

async function recomputeConnection(tx: DbOrTx, sessionId: string, roomName: string, participantSid: string): Promise<void> {
  const [events, finished] = await Promise.all([
    tx.roomEvent.findMany({ where: { roomName, participantSid }, select: { kind: true, at: true, joinedAt: true, identity: true } }),
    tx.roomEvent.findMany({ where: { roomName, kind: "room_finished" }, select: { at: true } }),
  ]);
  const interval = intervalOfConnection(events, finished.map((f) => f.at));
  const identity = events.find((e) => e.identity)?.identity ?? "";
  if (!interval || !identity) return;
  const who = parseIdentity(identity);
  let registrationId: string | null = null;
  let userId: string | null = null;
  if (who?.kind === "participant") {
    const reg = await tx.registration.findUnique({
      where: { id: who.registrationId },
      select: { id: true, userId: true, eventId: true, event: { select: { sessions: { where: { id: sessionId }, select: { id: true } } } } },
    });
    // Attributed only when the registration belongs to this session's event.
    if (reg && reg.event.sessions.length) {
      registrationId = reg.id;
      userId = reg.userId;
    }
  } else if (who?.kind === "staff") {
    userId = (await tx.user.findUnique({ where: { id: who.userId }, select: { id: true } }))?.id ?? null;
  }
  const source = events.some((e) => e.kind.startsWith("participant_")) ? "webhook" : "reconciliador";
  const data = { identity, registrationId, userId, startedAt: interval.start, endedAt: interval.end, source };
  await tx.presenceInterval.upsert({
    where: { sessionId_participantSid: { sessionId, participantSid } },
    create: { sessionId, participantSid, ...data },
    update: data,
  });
}

const toDate = (seconds: bigint | number | undefined, ms?: bigint | number): Date | null => {
  const m = ms ? Number(ms) : 0;
  if (m > 0) return new Date(m);
  const s = seconds ? Number(seconds) : 0;
  return s > 0 ? new Date(s * 1000) : null;
};

export type WebhookResult = { status: 200 | 400 | 401 | 409 | 413; message: string };

/** POST /api/livekit/webhook: 401 unless signed by our key over this exact body; stored once. */
export async function receiveLiveKitWebhook(body: string, authorization: string | null): Promise<WebhookResult> {
  if (!livekitConfig()) return { status: 409, message: "salas de vídeo não configuradas" };
  if (Buffer.byteLength(body) > MAX_WEBHOOK_BYTES) return { status: 413, message: "corpo grande demais" };
  if (!authorization) return { status: 401, message: "sem assinatura" };
  let event: WebhookEvent;
  try {
    event = await webhookReceiver().receive(body, authorization);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A valid signature over a body that is not a webhook event: the body is the problem.
    if (error instanceof SyntaxError || /JSON|cannot decode|invalid .* field/i.test(message)) return { status: 400, message: "corpo inválido" };
    return { status: 401, message: "assinatura inválida" };
  }
  if (!event.id || !event.event) return { status: 400, message: "evento sem id ou tipo" };
  const roomName = event.room?.name ?? "";
  if (!roomName) return { status: 200, message: "ignorado: sem sala" };
  const stored = await recordRoomEvent({
    id: event.id,
    kind: event.event,
    roomName,
    identity: event.participant?.identity ?? null,
    participantSid: event.participant?.sid ?? null,
    at: toDate(event.createdAt) ?? new Date(),
    joinedAt: event.participant ? toDate(event.participant.joinedAt, event.participant.joinedAtMs) : null,
  });
  return { status: 200, message: stored ? "registrado" : "duplicado" };
}

/**
 * Polls the rooms of sessions in progress and records what the webhooks missed: connections the
 * server lists that we never heard of, and open connections the server no longer lists.
 */
export async function reconcileRooms(now = new Date()): Promise<{ seen: number; gone: number }> {
  if (!livekitConfig()) return { seen: 0, gone: 0 };
  const sessions = await db.eventSession.findMany({
    where: {
      roomName: { not: null },
      startsAt: { lte: new Date(now.getTime() + 60 * 60_000) },
      endsAt: { gte: new Date(now.getTime() - 30 * 60_000) },
    },
    select: { id: true, roomName: true },
  });
  let seen = 0;
  let gone = 0;
  for (const s of sessions) {
    const roomName = s.roomName!;
    let participants: { sid: string; identity: string; joinedAt: bigint; joinedAtMs: bigint }[];
    try {
      participants = await roomService().listParticipants(roomName);
    } catch {
      participants = []; // the room does not exist (yet, or any more)
    }
    const present = new Set(participants.map((p) => p.sid));
    const known = new Set(
      (await db.roomEvent.findMany({ where: { roomName, participantSid: { in: [...present] } }, select: { participantSid: true } })).map((e) => e.participantSid),
    );
    for (const p of participants) {
      if (known.has(p.sid)) continue;
      if (await recordRoomEvent({ id: `rec:${p.sid}:seen`, kind: "seen", roomName, identity: p.identity, participantSid: p.sid, at: now, joinedAt: toDate(p.joinedAt, p.joinedAtMs) })) seen++;
    }
    const open = await db.presenceInterval.findMany({ where: { sessionId: s.id, endedAt: null }, select: { participantSid: true, identity: true } });
    for (const c of open) {
      if (present.has(c.participantSid)) continue;
      if (await recordRoomEvent({ id: `rec:${c.participantSid}:gone`, kind: "gone", roomName, identity: c.identity, participantSid: c.participantSid, at: now })) gone++;
    }
  }
  return { seen, gone };
}
