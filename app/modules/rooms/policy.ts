// Who enters a session's room, when, and with which powers. Pure.
import { TrackSource } from "livekit-server-sdk";

export type RoomRole = "ORGANIZADOR" | "PALESTRANTE" | "PARTICIPANTE" | "ESPECTADOR";
export const ROOM_ROLE_LABELS: Record<RoomRole, string> = {
  ORGANIZADOR: "organização",
  PALESTRANTE: "palestrante",
  PARTICIPANTE: "participante",
  ESPECTADOR: "espectador(a)",
};

/** Broadcasts: a stage of speakers and a chat; the audience only watches. Everything else is a conversation. */
const BROADCAST_TYPES = new Set(["TRANSMISSAO", "SEMINARIO"]);
export const isBroadcast = (eventType: string) => BROADCAST_TYPES.has(eventType);

export type Grant = {
  room: string;
  roomJoin: true;
  roomAdmin: boolean;
  canPublish: boolean;
  canSubscribe: true;
  canPublishData: boolean;
  canPublishSources?: TrackSource[];
};

/** The grants of each role: hosts administer; speakers publish; participants of a conversation publish camera and microphone; a broadcast audience watches and chats. */
export function grantFor(role: RoomRole, room: string): Grant {
  const base = { room, roomJoin: true as const, canSubscribe: true as const, canPublishData: true };
  switch (role) {
    case "ORGANIZADOR":
      return { ...base, roomAdmin: true, canPublish: true };
    case "PALESTRANTE":
      return { ...base, roomAdmin: false, canPublish: true };
    case "PARTICIPANTE":
      return { ...base, roomAdmin: false, canPublish: true, canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE] };
    case "ESPECTADOR":
      return { ...base, roomAdmin: false, canPublish: false };
  }
}

/** Identities tie a connection to a person: "p:<registration>" for participants, "o:"/"s:" + user for staff. */
export function identityFor(role: RoomRole, ids: { userId: string; registrationId?: string | null }): string {
  if ((role === "PARTICIPANTE" || role === "ESPECTADOR") && ids.registrationId) return `p:${ids.registrationId}`;
  return `${role === "ORGANIZADOR" ? "o" : "s"}:${ids.userId}`;
}

export function parseIdentity(identity: string): { kind: "participant"; registrationId: string } | { kind: "staff"; userId: string } | null {
  const m = /^([pos]):([A-Za-z0-9_-]{1,64})$/.exec(identity);
  if (!m) return null;
  return m[1] === "p" ? { kind: "participant", registrationId: m[2]! } : { kind: "staff", userId: m[2]! };
}

export const roomNameFor = (sessionId: string) => `sessao-${sessionId}`;
export const sessionIdOfRoom = (roomName: string) => /^sessao-([A-Za-z0-9_-]{1,64})$/.exec(roomName)?.[1] ?? null;

/** Participants may enter 15 minutes before the start; the organization an hour before; nobody after the end. */
export const OPENS_BEFORE_MS: Record<RoomRole, number> = {
  ORGANIZADOR: 60 * 60_000,
  PALESTRANTE: 30 * 60_000,
  PARTICIPANTE: 15 * 60_000,
  ESPECTADOR: 15 * 60_000,
};

export type WindowCheck = { open: true } | { open: false; reason: "cedo" | "encerrada"; opensAt?: Date };

export function joinWindow(role: RoomRole, session: { startsAt: Date; endsAt: Date }, now: Date): WindowCheck {
  const opensAt = new Date(session.startsAt.getTime() - OPENS_BEFORE_MS[role]);
  if (now < opensAt) return { open: false, reason: "cedo", opensAt };
  if (now >= session.endsAt) return { open: false, reason: "encerrada" };
  return { open: true };
}

/** How long a join token stays valid: enough to connect, not to be passed around. */
export const TOKEN_TTL_SECONDS = 10 * 60;
/** Staff seats on top of the event's capacity. */
export const STAFF_SEATS = 20;
