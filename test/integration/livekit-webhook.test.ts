// POST /api/livekit/webhook with signed bodies, as LiveKit sends them: every event once, and the
// same presence whatever the duplicates, order, reconnections or end of room.
import { lk } from "../support/livekit-env-setup";

import crypto from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { attendanceTable } from "~/modules/attendance/attendance.server";
import { register } from "~/modules/registration/registration.server";
import { action, loader } from "~/routes/api.livekit.webhook";

import { eventFactory, federalOrganizer, userFactory } from "../support/factories";
import { signWebhook } from "../support/livekit-env";
import { callRoute } from "../support/routes";

const secs = (d: Date) => String(Math.floor(d.getTime() / 1000));

type Hook = { event: string; id: string; at: Date; room: string; sid?: string; identity?: string; joinedAt?: Date };

function body(h: Hook): string {
  return JSON.stringify({
    event: h.event,
    id: h.id,
    createdAt: secs(h.at),
    room: { sid: "RM_teste", name: h.room },
    ...(h.sid ? { participant: { sid: h.sid, identity: h.identity, joinedAt: secs(h.joinedAt ?? h.at), joinedAtMs: String((h.joinedAt ?? h.at).getTime()) } } : {}),
  });
}

async function post(raw: string, auth?: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/webhook+json" };
  if (auth !== null) headers.Authorization = auth ?? (await signWebhook(raw, lk.apiKey, lk.apiSecret));
  const { response } = await callRoute(action, "/api/livekit/webhook", { method: "POST", body: raw, headers });
  return { status: response.status, message: ((await response.json()) as { message: string }).message };
}

/** An online event whose session ran 12:00–14:00 UTC on a fixed past day, and one registration. */
async function scene() {
  const organizer = await federalOrganizer();
  const event = await eventFactory(organizer, { format: "ONLINE" });
  const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
  const startsAt = new Date("2026-10-05T12:00:00Z");
  await db.eventSession.update({ where: { id: session.id }, data: { startsAt, endsAt: new Date("2026-10-05T14:00:00Z") } });
  const p = await userFactory();
  const { registrationId } = await register(p, event.id);
  const room = `sessao-${session.id}`;
  const t = (hhmm: string) => new Date(`2026-10-05T${hhmm}:00Z`);
  const uid = () => `EV_${crypto.randomBytes(6).toString("hex")}`;
  return { organizer, event, sessionId: session.id, registrationId, room, identity: `p:${registrationId}`, t, uid };
}

async function intervals(sessionId: string) {
  return db.presenceInterval.findMany({ where: { sessionId }, orderBy: { startedAt: "asc" }, select: { participantSid: true, startedAt: true, endedAt: true, registrationId: true } });
}

describe("the LiveKit webhook", () => {
  it("turns a join and a leave into one interval attributed to the registration, and counts its minutes", async () => {
    const s = await scene();
    expect(await post(body({ event: "participant_joined", id: s.uid(), at: s.t("12:05"), room: s.room, sid: "PA_1", identity: s.identity }))).toEqual({ status: 200, message: "registrado" });
    expect((await intervals(s.sessionId))[0]).toMatchObject({ startedAt: s.t("12:05"), endedAt: null, registrationId: s.registrationId });
    await post(body({ event: "participant_left", id: s.uid(), at: s.t("13:35"), room: s.room, sid: "PA_1", identity: s.identity, joinedAt: s.t("12:05") }));
    expect(await intervals(s.sessionId)).toEqual([{ participantSid: "PA_1", startedAt: s.t("12:05"), endedAt: s.t("13:35"), registrationId: s.registrationId }]);
    const table = await attendanceTable(s.organizer, s.event.slug, s.t("15:00"));
    expect(table.rows[0]!.cells[0]).toMatchObject({ minutes: 90, share: 0.75 });
  });

  it("stores a delivered-twice event once and changes nothing the second time", async () => {
    const s = await scene();
    const raw = body({ event: "participant_joined", id: s.uid(), at: s.t("12:00"), room: s.room, sid: "PA_1", identity: s.identity });
    expect((await post(raw)).message).toBe("registrado");
    expect(await post(raw)).toEqual({ status: 200, message: "duplicado" });
    expect(await db.roomEvent.count({ where: { roomName: s.room } })).toBe(1);
    expect(await intervals(s.sessionId)).toHaveLength(1);
  });

  it("gives the same interval when the leave arrives before the join", async () => {
    const s = await scene();
    await post(body({ event: "participant_left", id: s.uid(), at: s.t("13:00"), room: s.room, sid: "PA_9", identity: s.identity, joinedAt: s.t("12:10") }));
    await post(body({ event: "participant_joined", id: s.uid(), at: s.t("12:10"), room: s.room, sid: "PA_9", identity: s.identity }));
    expect(await intervals(s.sessionId)).toMatchObject([{ startedAt: s.t("12:10"), endedAt: s.t("13:00") }]);
  });

  it("counts a reconnection (a new connection before the old one is dropped) once", async () => {
    const s = await scene();
    await post(body({ event: "participant_joined", id: s.uid(), at: s.t("12:00"), room: s.room, sid: "PA_a", identity: s.identity }));
    await post(body({ event: "participant_joined", id: s.uid(), at: s.t("12:30"), room: s.room, sid: "PA_b", identity: s.identity }));
    // LiveKit drops the old connection as DUPLICATE_IDENTITY a little later.
    await post(body({ event: "participant_left", id: s.uid(), at: s.t("12:31"), room: s.room, sid: "PA_a", identity: s.identity, joinedAt: s.t("12:00") }));
    await post(body({ event: "participant_left", id: s.uid(), at: s.t("13:00"), room: s.room, sid: "PA_b", identity: s.identity, joinedAt: s.t("12:30") }));
    expect(await intervals(s.sessionId)).toHaveLength(2);
    const table = await attendanceTable(s.organizer, s.event.slug, s.t("15:00"));
    expect(table.rows[0]!.cells[0]!.minutes).toBe(60);
  });

  it("closes the intervals of people still inside when the room finishes", async () => {
    const s = await scene();
    await post(body({ event: "participant_joined", id: s.uid(), at: s.t("12:00"), room: s.room, sid: "PA_1", identity: s.identity }));
    await post(body({ event: "room_finished", id: s.uid(), at: s.t("13:15"), room: s.room }));
    expect(await intervals(s.sessionId)).toMatchObject([{ startedAt: s.t("12:00"), endedAt: s.t("13:15") }]);
  });

  it("refuses unsigned, tampered and foreign-signed bodies with 401, storing nothing", async () => {
    const s = await scene();
    const raw = body({ event: "participant_joined", id: s.uid(), at: s.t("12:00"), room: s.room, sid: "PA_1", identity: s.identity });
    expect((await post(raw, null)).status).toBe(401);
    const signature = await signWebhook(raw, lk.apiKey, lk.apiSecret);
    expect((await post(raw.replace("PA_1", "PA_2"), signature)).status).toBe(401);
    expect((await post(raw, await signWebhook(raw, lk.apiKey, crypto.randomBytes(32).toString("hex")))).status).toBe(401);
    expect((await post(raw, "Bearer lixo")).status).toBe(401);
    expect(await db.roomEvent.count({ where: { roomName: s.room } })).toBe(0);
  });

  it("answers 400 to a signed body that is not an event, 413 to an oversized one and 405 to GET", async () => {
    expect((await post("isto não é json")).status).toBe(400);
    expect((await post(JSON.stringify({ event: "participant_joined" }))).status).toBe(400);
    const huge = JSON.stringify({ event: "room_started", id: "EV_x", padding: "x".repeat(300_000) });
    expect((await post(huge)).status).toBe(413);
    const { response } = await callRoute(loader, "/api/livekit/webhook");
    expect(response.status).toBe(405);
  });

  it("keeps a replayed event (same id, valid signature) from counting twice", async () => {
    const s = await scene();
    const raw = body({ event: "participant_left", id: s.uid(), at: s.t("13:00"), room: s.room, sid: "PA_1", identity: s.identity, joinedAt: s.t("12:00") });
    const auth = await signWebhook(raw, lk.apiKey, lk.apiSecret);
    await post(raw, auth);
    const before = await intervals(s.sessionId);
    expect((await post(raw, auth)).message).toBe("duplicado");
    expect(await intervals(s.sessionId)).toEqual(before);
  });

  it("does not credit a registration of another event that appears in a room", async () => {
    const s = await scene();
    const other = await eventFactory(s.organizer);
    const stranger = await userFactory();
    const { registrationId } = await register(stranger, other.id);
    await post(body({ event: "participant_joined", id: s.uid(), at: s.t("12:00"), room: s.room, sid: "PA_x", identity: `p:${registrationId}` }));
    expect(await intervals(s.sessionId)).toMatchObject([{ participantSid: "PA_x", registrationId: null }]);
  });
});
