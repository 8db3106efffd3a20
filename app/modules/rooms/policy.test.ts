import { TrackSource } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";

import { grantFor, identityFor, isBroadcast, joinWindow, parseIdentity, roomNameFor, sessionIdOfRoom, type RoomRole } from "./policy";

describe("room grants follow the role", () => {
  it.each<[RoomRole, { roomAdmin: boolean; canPublish: boolean; sources?: TrackSource[] }]>([
    ["ORGANIZADOR", { roomAdmin: true, canPublish: true }],
    ["PALESTRANTE", { roomAdmin: false, canPublish: true }],
    ["PARTICIPANTE", { roomAdmin: false, canPublish: true, sources: [TrackSource.CAMERA, TrackSource.MICROPHONE] }],
    ["ESPECTADOR", { roomAdmin: false, canPublish: false }],
  ])("gives %s its powers, always limited to the session's room", (role, expected) => {
    const g = grantFor(role, "sessao-abc");
    expect(g).toMatchObject({ room: "sessao-abc", roomJoin: true, canSubscribe: true, canPublishData: true, roomAdmin: expected.roomAdmin, canPublish: expected.canPublish });
    expect(g.canPublishSources).toEqual(expected.sources);
  });

  it("treats live broadcasts and seminars as stage-and-audience, everything else as a conversation", () => {
    expect(isBroadcast("TRANSMISSAO")).toBe(true);
    expect(isBroadcast("SEMINARIO")).toBe(true);
    for (const t of ["OFICINA", "VIDEOCONFERENCIA", "ENCONTRO", "VISITA_TECNICA"]) expect(isBroadcast(t)).toBe(false);
  });
});

describe("identities tie connections to people", () => {
  it("names participants by their registration and staff by their account", () => {
    expect(identityFor("PARTICIPANTE", { userId: "u1", registrationId: "r1" })).toBe("p:r1");
    expect(identityFor("ESPECTADOR", { userId: "u1", registrationId: "r1" })).toBe("p:r1");
    expect(identityFor("ORGANIZADOR", { userId: "u1" })).toBe("o:u1");
    expect(identityFor("PALESTRANTE", { userId: "u1" })).toBe("s:u1");
  });

  it("reads them back, and refuses anything else", () => {
    expect(parseIdentity("p:r1")).toEqual({ kind: "participant", registrationId: "r1" });
    expect(parseIdentity("o:u1")).toEqual({ kind: "staff", userId: "u1" });
    expect(parseIdentity("x:1")).toBeNull();
    expect(parseIdentity("p:")).toBeNull();
    expect(parseIdentity("p:a b")).toBeNull();
  });

  it("maps rooms to sessions and back", () => {
    expect(roomNameFor("abc123")).toBe("sessao-abc123");
    expect(sessionIdOfRoom("sessao-abc123")).toBe("abc123");
    expect(sessionIdOfRoom("outra-sala")).toBeNull();
  });
});

describe("when the room is open", () => {
  const session = { startsAt: new Date("2026-12-03T12:00:00Z"), endsAt: new Date("2026-12-03T14:00:00Z") };
  const at = (iso: string) => new Date(`2026-12-03T${iso}:00Z`);

  it("opens to participants 15 minutes before the start and closes at the end", () => {
    expect(joinWindow("PARTICIPANTE", session, at("11:44"))).toEqual({ open: false, reason: "cedo", opensAt: at("11:45") });
    expect(joinWindow("PARTICIPANTE", session, at("11:45"))).toEqual({ open: true });
    expect(joinWindow("PARTICIPANTE", session, at("13:59"))).toEqual({ open: true });
    expect(joinWindow("PARTICIPANTE", session, at("14:00"))).toEqual({ open: false, reason: "encerrada" });
  });

  it("opens earlier to the organization (an hour) and to speakers (half an hour)", () => {
    expect(joinWindow("ORGANIZADOR", session, at("11:00")).open).toBe(true);
    expect(joinWindow("PALESTRANTE", session, at("11:00")).open).toBe(false);
    expect(joinWindow("PALESTRANTE", session, at("11:30")).open).toBe(true);
  });
});
