// On-site check-in through its routes: badges read from a real QR image, scans from several devices
// and offline batches sent twice, forged and foreign badges, bad bodies, permissions, walk-ins.
import crypto from "node:crypto";

import jsQR from "jsqr";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { badgePayload } from "~/modules/attendance/badge.server";
import { checkinCounts } from "~/modules/attendance/checkin.server";
import { cancelMyRegistration, register } from "~/modules/registration/registration.server";
import * as pageRoute from "~/routes/organizar.eventos.$slug.checkin.$sessionId";
import * as manifestRoute from "~/routes/organizar.eventos.$slug.checkin.$sessionId.app[.]webmanifest";
import * as countRoute from "~/routes/organizar.eventos.$slug.checkin.$sessionId.contagem";
import * as syncRoute from "~/routes/organizar.eventos.$slug.checkin.$sessionId.sincronizar";

import { bahiaOrganizer, eventFactory, pernambucoOrganizer, sessionFactory, userFactory } from "../support/factories";
import { callRoute, jsonOf } from "../support/routes";

type Result = { id: string; ok: boolean; duplicate?: boolean; name?: string; message: string };
type WireScan = { id: string; kind: "ENTRADA" | "SAIDA"; at: string; method: "qr" | "busca"; badge?: string; registrationId?: string; deviceId?: string };

/** A presencial event of the Bahia team whose only session runs now. */
async function liveEvent(organizer: Actor, capacity = 30) {
  const event = await eventFactory(organizer, { format: "PRESENCIAL", capacity, venueName: "Auditório da SEADES", venueAddress: "Av. Luís Viana Filho, 2ª avenida, 200", venueMunicipio: "2927408" });
  const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
  await db.eventSession.update({ where: { id: session.id }, data: { startsAt: new Date(Date.now() - 30 * 60_000), endsAt: new Date(Date.now() + 3 * 3_600_000) } });
  return { event, sessionId: session.id, path: `/organizar/eventos/${event.slug}/checkin/${session.id}`, params: { slug: event.slug, sessionId: session.id } };
}

type Live = Awaited<ReturnType<typeof liveEvent>>;

function scan(overrides: Partial<WireScan> = {}): WireScan {
  return { id: crypto.randomUUID(), kind: "ENTRADA", at: new Date().toISOString(), method: "qr", deviceId: "celular-1", ...overrides };
}

async function sync(live: Live, cookie: string, body: unknown) {
  return callRoute(syncRoute.action, `${live.path}/sincronizar`, {
    method: "POST",
    params: live.params,
    cookie,
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function syncScans(live: Live, cookie: string, scans: WireScan[]): Promise<Result[]> {
  const { response } = await sync(live, cookie, { scans });
  expect(response.status).toBe(200);
  return (await jsonOf<{ results: Result[] }>(response)).results;
}

/** The badge's QR drawn as a PNG (as on the e-mail and the printed badge), then read back from the pixels. */
async function qrThroughImage(payload: string): Promise<string> {
  const png = PNG.sync.read(await QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 4, scale: 6 }));
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!decoded) throw new Error("o QR não foi lido da imagem");
  return decoded.data;
}

describe("checking people in at the door", () => {
  let organizer: Actor;
  let cookie: string;
  let live: Live;

  beforeAll(async () => {
    organizer = await bahiaOrganizer();
    cookie = (await sessionFactory(organizer)).cookie;
    live = await liveEvent(organizer);
  });

  it("records the entry of a badge read from its QR image and counts her present", async () => {
    const maria = await userFactory({ name: "Maria da Conceição" });
    const { registrationId } = await register(maria, live.event.id);
    const decoded = await qrThroughImage(await badgePayload(registrationId, live.event.id));
    expect(decoded).toMatch(/^AS1\./);

    const [result] = await syncScans(live, cookie, [scan({ badge: decoded })]);
    expect(result).toMatchObject({ ok: true, duplicate: false, name: "Maria da Conceição", message: "Entrada de Maria da Conceição registrada." });
    const rows = await db.checkIn.findMany({ where: { sessionId: live.sessionId, registrationId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: result!.id, kind: "ENTRADA", method: "qr", deviceId: "celular-1", recordedById: organizer.userId });

    const status = await jsonOf<{ present: number; presentIds: string[] }>((await callRoute(countRoute.loader, `${live.path}/contagem`, { params: live.params, cookie })).response);
    expect(status.presentIds).toContain(registrationId);
  });

  it("flags the same scan sent twice and a second device's scan of the same badge, and keeps her present once", async () => {
    const joao = await userFactory({ name: "João Batista" });
    const { registrationId } = await register(joao, live.event.id);
    const badge = await badgePayload(registrationId, live.event.id);
    const first = scan({ badge });
    const before = (await checkinCounts(live.sessionId)).present;

    expect((await syncScans(live, cookie, [first]))[0]).toMatchObject({ ok: true, duplicate: false });
    expect((await syncScans(live, cookie, [first]))[0]).toMatchObject({ ok: true, duplicate: true, message: "Entrada de João Batista registrada." });
    const other = await syncScans(live, cookie, [scan({ badge, deviceId: "celular-2" })]);
    expect(other[0]).toMatchObject({ ok: true, duplicate: true, name: "João Batista" });
    expect(other[0]!.message).toMatch(/^João Batista já estava presente: entrada registrada às \d{2}:\d{2}\.$/);

    expect(await db.checkIn.count({ where: { id: first.id } })).toBe(1);
    expect((await checkinCounts(live.sessionId)).present).toBe(before + 1);
  });

  it("stores each scan of an offline batch once when the batch is sent twice", async () => {
    const people = await Promise.all(["Ana Lima", "Bruno Reis", "Carla Dias"].map((name) => userFactory({ name })));
    const regs = [];
    for (const p of people) regs.push((await register(p, live.event.id)).registrationId);
    const batch = [
      scan({ method: "busca", registrationId: regs[0], at: new Date(Date.now() - 20 * 60_000).toISOString() }),
      scan({ badge: await badgePayload(regs[1]!, live.event.id), at: new Date(Date.now() - 15 * 60_000).toISOString() }),
      scan({ method: "busca", registrationId: regs[2], at: new Date(Date.now() - 10 * 60_000).toISOString() }),
      scan({ method: "busca", registrationId: regs[2], kind: "SAIDA", at: new Date(Date.now() - 5 * 60_000).toISOString() }),
    ];
    const firstTime = await syncScans(live, cookie, batch);
    const secondTime = await syncScans(live, cookie, batch);
    expect(firstTime.map((r) => [r.ok, r.duplicate])).toEqual(batch.map(() => [true, false]));
    expect(secondTime.map((r) => [r.ok, r.duplicate])).toEqual(batch.map(() => [true, true]));
    expect(secondTime.map((r) => r.message)).toEqual(firstTime.map((r) => r.message));
    expect(await db.checkIn.count({ where: { id: { in: batch.map((s) => s.id) } } })).toBe(4);
    expect(await db.checkIn.count({ where: { registrationId: { in: regs } } })).toBe(4);
    const { presentIds } = await jsonOf<{ presentIds: string[] }>((await callRoute(countRoute.loader, `${live.path}/contagem`, { params: live.params, cookie })).response);
    expect(presentIds).toEqual(expect.arrayContaining([regs[0], regs[1]]));
    expect(presentIds).not.toContain(regs[2]);
  });

  it("refuses a forged badge, another event's badge and a cancelled registration, each with its message, storing nothing", async () => {
    const rita = await userFactory({ name: "Rita Cancelada" });
    const { registrationId } = await register(rita, live.event.id);
    const genuine = await badgePayload(registrationId, live.event.id);
    await cancelMyRegistration(rita, live.event.id);

    const body = genuine.split(".").slice(0, 3).join(".");
    const stranger = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    const forged = `${body}.${crypto.sign("sha256", Buffer.from(body), { key: stranger, dsaEncoding: "ieee-p1363" }).toString("base64url")}`;

    const elsewhere = await liveEvent(organizer);
    const outsider = await userFactory({ name: "Pedro de Outro Evento" });
    const foreign = await badgePayload((await register(outsider, elsewhere.event.id)).registrationId, elsewhere.event.id);

    const scans = [scan({ badge: forged }), scan({ badge: foreign }), scan({ badge: genuine }), scan({ badge: "https://exemplo.org/nao-e-cracha" })];
    const results = await syncScans(live, cookie, scans);
    expect(results.map((r) => [r.ok, r.message])).toEqual([
      [false, "QR inválido: não foi emitido pelo Apoia SUAS."],
      [false, "Este QR é de outro evento."],
      [false, "Rita Cancelada cancelou a inscrição: presença não registrada."],
      [false, "Este QR não é um crachá do Apoia SUAS."],
    ]);
    expect(await db.checkIn.count({ where: { id: { in: scans.map((s) => s.id) } } })).toBe(0);
  });

  it("answers 400 with a Portuguese message to bad JSON, a scan id that is not a UUID or an empty batch, never a 500", async () => {
    const bad = await sync(live, cookie, "{ não é json");
    expect(bad.response.status).toBe(400);
    expect((await jsonOf<{ message: string }>(bad.response)).message).toBe("As leituras precisam ser enviadas em JSON válido.");

    const notUuid = await sync(live, cookie, { scans: [scan({ id: "leitura-1", method: "busca", registrationId: "cmabcdefghij0001" })] });
    expect(notUuid.response.status).toBe(400);
    expect((await jsonOf<{ message: string }>(notUuid.response)).message).toBe("Leituras não aceitas. Leitura 1: o identificador da leitura precisa ser um UUID.");

    for (const body of [{ scans: [] }, [], { scans: [{ id: crypto.randomUUID() }] }, { scans: Array.from({ length: 201 }, () => scan({ badge: "x" })) }]) {
      const { response } = await sync(live, cookie, body);
      expect(response.status).toBe(400);
      expect((await jsonOf<{ message: string }>(response)).message).toMatch(/^Leituras não aceitas\./);
    }
  });

  it("lets only the event's organizers in: a participant and another state's organizer get 403, a session of another event 404", async () => {
    const participant = await userFactory();
    await register(participant, live.event.id);
    for (const who of [participant, await pernambucoOrganizer()]) {
      const other = (await sessionFactory(who)).cookie;
      const { response } = await sync(live, other, { scans: [scan({ badge: "x" })] });
      expect(response.status).toBe(403);
      expect((await callRoute(pageRoute.loader, live.path, { params: live.params, cookie: other })).response.status).toBe(403);
      expect((await callRoute(countRoute.loader, `${live.path}/contagem`, { params: live.params, cookie: other })).response.status).toBe(403);
    }
    const elsewhere = await liveEvent(organizer);
    const mixed = { slug: live.event.slug, sessionId: elsewhere.sessionId };
    const { response } = await callRoute(pageRoute.loader, `/organizar/eventos/${live.event.slug}/checkin/${elsewhere.sessionId}`, { params: mixed, cookie });
    expect(response.status).toBe(404);
  });

  it("gives the check-in page the expected people, who is in and the key that checks badges offline", async () => {
    const { response } = await callRoute(pageRoute.loader, live.path, { params: live.params, cookie });
    expect(response.status).toBe(200);
    const data = await jsonOf<{ sheet: { expected: { name: string; cpfKey: string | null }[]; refused: { name: string }[]; present: string[]; publicKey: JsonWebKey }; zoneLabel: string }>(response);
    expect(data.sheet.expected.map((p) => p.name)).toEqual(expect.arrayContaining(["Maria da Conceição", "João Batista"]));
    expect(data.sheet.refused.map((p) => p.name)).toContain("Rita Cancelada");
    expect(data.sheet.publicKey).toMatchObject({ kty: "EC", crv: "P-256" });
    expect(data.sheet.publicKey).not.toHaveProperty("d");
    expect(data.zoneLabel).toMatch(/Brasília/);
  });
});

describe("the check-in page as an app", () => {
  it("serves each session's manifest, installable on the phone and opening on that session's check-in", async () => {
    const { response } = await callRoute(manifestRoute.loader, "/organizar/eventos/encontro-2026/checkin/cmsession0000001/app.webmanifest", {
      params: { slug: "encontro-2026", sessionId: "cmsession0000001" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/manifest+json");
    expect(await response.json()).toMatchObject({ name: "Apoia SUAS — Check-in", start_url: "/organizar/eventos/encontro-2026/checkin/cmsession0000001" });
  });

  it("has no check-in at the door for an online event", async () => {
    const organizer = await bahiaOrganizer();
    const event = await eventFactory(organizer, { format: "ONLINE" });
    const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
    const params = { slug: event.slug, sessionId: session.id };
    const { response } = await callRoute(pageRoute.loader, `/organizar/eventos/${event.slug}/checkin/${session.id}`, { params, cookie: (await sessionFactory(organizer)).cookie });
    expect(response.status).toBe(409);
    expect((await jsonOf<{ message: string }>(response)).message).toMatch(/^Este evento é online/);
  });
});

describe("registering someone at the door", () => {
  it("creates her account and registration and records her entry", async () => {
    const organizer = await bahiaOrganizer();
    const cookie = (await sessionFactory(organizer)).cookie;
    const live = await liveEvent(organizer, 5);
    const email = `na.porta.${crypto.randomBytes(4).toString("hex")}@teste.gov.br`;
    const { response } = await callRoute(pageRoute.action, live.path, {
      params: live.params,
      cookie,
      form: { intent: "inscricao-na-hora", name: "Lúcia na Porta", email, ente: "2927408", enteBusca: "Salvador (BA)", roleInEnte: "TECNICO", cpf: "" },
    });
    expect(response.status).toBe(200);
    const body = await jsonOf<{ done: { person: { registrationId: string; name: string; ente: string }; result: Result } }>(response);
    expect(body.done.person).toMatchObject({ name: "Lúcia na Porta", ente: "Salvador (BA)" });
    expect(body.done.result).toMatchObject({ ok: true, message: "Entrada de Lúcia na Porta registrada." });
    const registration = await db.registration.findUniqueOrThrow({ where: { id: body.done.person.registrationId }, include: { user: true, checkIns: true } });
    expect(registration).toMatchObject({ eventId: live.event.id, status: "CONFIRMADA", user: { email, enteId: "2927408", roleInEnte: "TECNICO" } });
    expect(registration.checkIns.map((c) => [c.sessionId, c.kind, c.method])).toEqual([[live.sessionId, "ENTRADA", "avulso"]]);
  });

  it("refuses when the event is full, with the reason, and creates no account", async () => {
    const organizer = await bahiaOrganizer();
    const cookie = (await sessionFactory(organizer)).cookie;
    const live = await liveEvent(organizer, 1);
    await register(await userFactory(), live.event.id);
    const email = `sem.vaga.${crypto.randomBytes(4).toString("hex")}@teste.gov.br`;
    const { response } = await callRoute(pageRoute.action, live.path, {
      params: live.params,
      cookie,
      form: { intent: "inscricao-na-hora", name: "Sem Vaga", email, ente: "2927408", enteBusca: "Salvador (BA)", roleInEnte: "GESTOR" },
    });
    expect(response.status).toBe(409);
    expect((await jsonOf<{ message: string }>(response)).message).toBe("Não há mais vagas neste evento: a inscrição na hora não é possível.");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});
