// What each room role sees and may do on the client. The server's token grant is the authority;
// this only decides which controls to offer.
import { Track, type Participant } from "livekit-client";

export type RoomRole = "ORGANIZADOR" | "PALESTRANTE" | "PARTICIPANTE" | "ESPECTADOR";
export type RoomLayout = "conferencia" | "palco";

export const ROLE_LABELS: Record<RoomRole, string> = {
  ORGANIZADOR: "organização",
  PALESTRANTE: "palestrante",
  PARTICIPANTE: "participante",
  ESPECTADOR: "espectador(a)",
};

/** Organizers and speakers run the session: they enter with camera and microphone on and may share their screen. */
export const isStaff = (role: RoomRole) => role === "ORGANIZADOR" || role === "PALESTRANTE";

/** The role written by the server into the participant's metadata ({"papel": ...}), if any. */
export function roleOf(participant: Participant): RoomRole | null {
  try {
    const papel = (JSON.parse(participant.metadata || "{}") as { papel?: unknown }).papel;
    return typeof papel === "string" && papel in ROLE_LABELS ? (papel as RoomRole) : null;
  } catch {
    return null;
  }
}

export function displayName(participant: Participant): string {
  return participant.name || participant.identity;
}

// livekit.TrackSource protocol values, as found in ParticipantPermission.canPublishSources.
const PROTOCOL_SOURCES: Partial<Record<Track.Source, number>> = {
  [Track.Source.Camera]: 1,
  [Track.Source.Microphone]: 2,
  [Track.Source.ScreenShare]: 3,
};

type Permissions = { canPublish: boolean; canPublishSources: number[] } | undefined;

/** Whether the connection's current permissions allow publishing this source. */
export function canPublishSource(permissions: Permissions, source: Track.Source): boolean {
  if (!permissions?.canPublish) return false;
  if (permissions.canPublishSources.length === 0) return true;
  const code = PROTOCOL_SOURCES[source];
  return code !== undefined && permissions.canPublishSources.includes(code);
}

export function supportsScreenSharing(): boolean {
  return typeof navigator !== "undefined" && typeof navigator.mediaDevices?.getDisplayMedia === "function";
}
