// Rooms against a real livekit-server: who gets a token, with which powers, when; rooms created
// ahead with their metadata; organizer controls.
// First: sets the LiveKit environment before any app module reads it.
import { lk } from "../support/livekit-env-setup";

import { RoomServiceClient, TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { endRoom, ensureUpcomingRooms, joinRoom, reopenRoom } from "~/modules/rooms/rooms.server";
import { addSpeaker } from "~/modules/rooms/speakers.server";
import { cancelEvent } from "~/modules/events/events.server";
import { register } from "~/modules/registration/registration.server";

import { rejection } from "../support/errors";
import { eventFactory, federalOrganizer, userFactory } from "../support/factories";
import { startLiveKit, type RunningLiveKit } from "../support/livekit";

let server: RunningLiveKit;
let rooms: RoomServiceClient;

beforeAll(async () => {
  server = await startLiveKit({ port: lk.port, apiKey: lk.apiKey, apiSecret: lk.apiSecret });
  rooms = new RoomServiceClient(server.httpUrl, lk.apiKey, lk.apiSecret);
});
afterAll(async () => {
  await server?.stop();
});

/** An online event whose single session runs now. */
async function liveEvent(type: "OFICINA" | "TRANSMISSAO" = "OFICINA", capacity = 30) {
  const organizer = await federalOrganizer();
  const event = await eventFactory(organizer, { type, format: "ONLINE", capacity });
  const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
  const now = Date.now();
  await db.eventSession.update({ where: { id: session.id }, data: { startsAt: new Date(now - 5 * 60_000), endsAt: new Date(now + 60 * 60_000) } });
  return { organizer, event, sessionId: session.id };
}

async function claims(token: string) {
  return new TokenVerifier(lk.apiKey, lk.apiSecret).verify(token);
}

describe("joining a session's room", () => {
  it("gives a confirmed participant of an oficina a short-lived token to publish camera and microphone, tied to her registration", async () => {
    const { event, sessionId } = await liveEvent("OFICINA");
    const p = await userFactory({ name: "Joana Conceição" });
    const { registrationId } = await register(p, event.id);
    const r = await joinRoom(p, sessionId);
    expect(r.state).toBe("aberta");
    if (r.state !== "aberta") return;
    expect(r).toMatchObject({ role: "PARTICIPANTE", layout: "conferencia", canPublish: true, serverUrl: `ws://127.0.0.1:${lk.port}`, identity: `p:${registrationId}` });
    const c = await claims(r.token);
    expect(c.sub).toBe(`p:${registrationId}`);
    expect(c.name).toBe("Joana Conceição — Salvador (BA)");
    expect(c.video).toMatchObject({ room: `sessao-${sessionId}`, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: true });
    expect(c.video?.canPublishSources).toEqual(["camera", "microphone"]);
    expect(c.video?.roomAdmin).toBeFalsy();
    expect(Number(c.exp) - Number(c.nbf ?? Math.floor(Date.now() / 1000))).toBeLessThanOrEqual(10 * 60 + 5);
  });

  it("creates the room on the LiveKit server with the session's metadata and a participant limit from the capacity", async () => {
    const { organizer, sessionId, event } = await liveEvent("OFICINA", 40);
    await joinRoom(organizer, sessionId);
    const [room] = await rooms.listRooms([`sessao-${sessionId}`]);
    expect(room).toBeDefined();
    expect(room!.maxParticipants).toBe(60);
    expect(JSON.parse(room!.metadata)).toMatchObject({ eventId: event.id, sessionId });
    expect((await db.eventSession.findUniqueOrThrow({ where: { id: sessionId } })).roomName).toBe(`sessao-${sessionId}`);
  });

  it("re-creates a room that disappeared, and creates the rooms of sessions about to start", async () => {
    const { organizer, sessionId } = await liveEvent();
    await joinRoom(organizer, sessionId);
    await rooms.deleteRoom(`sessao-${sessionId}`);
    expect(await rooms.listRooms([`sessao-${sessionId}`])).toEqual([]);
    await ensureUpcomingRooms();
    expect((await rooms.listRooms([`sessao-${sessionId}`])).map((r) => r.name)).toEqual([`sessao-${sessionId}`]);
  });

  it("lets the audience of a live broadcast subscribe and chat, never publish", async () => {
    const { event, sessionId } = await liveEvent("TRANSMISSAO");
    const p = await userFactory();
    await register(p, event.id);
    const r = await joinRoom(p, sessionId);
    if (r.state !== "aberta") throw new Error(r.state);
    expect(r).toMatchObject({ role: "ESPECTADOR", layout: "palco", canPublish: false });
    const c = await claims(r.token);
    expect(c.video).toMatchObject({ canPublish: false, canSubscribe: true, canPublishData: true });
  });

  it("makes the organizers hosts and named speakers publishers", async () => {
    const { organizer, event, sessionId } = await liveEvent("TRANSMISSAO");
    const host = await joinRoom(organizer, sessionId);
    if (host.state !== "aberta") throw new Error(host.state);
    expect(host.role).toBe("ORGANIZADOR");
    expect((await claims(host.token)).video).toMatchObject({ roomAdmin: true, canPublish: true });
    const speaker = await userFactory();
    await addSpeaker(organizer, event.slug, speaker.email);
    const s = await joinRoom(speaker, sessionId);
    if (s.state !== "aberta") throw new Error(s.state);
    expect(s.role).toBe("PALESTRANTE");
    expect((await claims(s.token)).video).toMatchObject({ canPublish: true, roomAdmin: false });
    expect((await claims(s.token)).sub).toBe(`s:${speaker.userId}`);
  });

  it("gives no token to someone not registered, or only waitlisted, with a message in Portuguese", async () => {
    const { event, sessionId } = await liveEvent("OFICINA", 1);
    await register(await userFactory(), event.id);
    const waiting = await userFactory();
    await register(waiting, event.id);
    expect((await rejection(joinRoom(waiting, sessionId))).message).toMatch(/lista de espera/);
    const stranger = await userFactory();
    const e = await rejection(joinRoom(stranger, sessionId));
    expect(e.status).toBe(403);
    expect(e.message).toMatch(/inscrição confirmada/);
  });

  it("says when the room opens before the time, and that it ended afterwards, without a token", async () => {
    const { event, sessionId } = await liveEvent();
    const p = await userFactory();
    await register(p, event.id);
    const session = await db.eventSession.findUniqueOrThrow({ where: { id: sessionId } });
    const early = await joinRoom(p, sessionId, new Date(session.startsAt.getTime() - 60 * 60_000));
    expect(early).toMatchObject({ state: "cedo" });
    expect(early).not.toHaveProperty("token");
    const late = await joinRoom(p, sessionId, new Date(session.endsAt.getTime() + 1));
    expect(late).toMatchObject({ state: "encerrada" });
  });

  it("answers 404 for an unknown session, 409 for a cancelled event or an on-site session", async () => {
    const p = await userFactory();
    expect((await rejection(joinRoom(p, "nao-existe"))).status).toBe(404);
    expect((await rejection(joinRoom(p, "../../x"))).status).toBe(404);
    const { organizer, event, sessionId } = await liveEvent();
    await cancelEvent(organizer, event.slug, "Cancelado por teste");
    expect((await rejection(joinRoom(organizer, sessionId))).status).toBe(409);
    const onsite = await eventFactory(organizer, { format: "PRESENCIAL", venueName: "Auditório", venueAddress: "Rua A", venueMunicipioBusca: "Salvador (BA)" });
    const s = await db.eventSession.findFirstOrThrow({ where: { eventId: onsite.id } });
    expect((await rejection(joinRoom(organizer, s.id))).message).toMatch(/presencial/);
  });

  it("keeps the room closed to participants after the organization ends the session, until it reopens", async () => {
    const { organizer, event, sessionId } = await liveEvent();
    const p = await userFactory();
    await register(p, event.id);
    await joinRoom(organizer, sessionId);
    await endRoom(organizer, sessionId);
    expect(await rooms.listRooms([`sessao-${sessionId}`])).toEqual([]);
    const e = await rejection(joinRoom(p, sessionId));
    expect(e.status).toBe(409);
    expect(e.message).toMatch(/encerrou/);
    await ensureUpcomingRooms();
    expect(await rooms.listRooms([`sessao-${sessionId}`])).toEqual([]);
    await reopenRoom(organizer, sessionId);
    expect((await joinRoom(p, sessionId)).state).toBe("aberta");
  });

  it("lets only the organization end or reopen a room", async () => {
    const { event, sessionId } = await liveEvent();
    const p = await userFactory();
    await register(p, event.id);
    expect((await rejection(endRoom(p, sessionId))).status).toBe(403);
    expect((await rejection(reopenRoom(await userFactory(), sessionId))).status).toBe(403);
  });
});
