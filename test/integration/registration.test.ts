import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { myRegistrations } from "~/modules/events/catalog.server";
import { cancelMyRegistration, register, removeRegistration } from "~/modules/registration/registration.server";

import { bahiaOrganizer, eventFactory, federalOrganizer, pernambucoOrganizer, registrantsFactory, schedule, userFactory } from "../support/factories";
import { rejection } from "../support/errors";


async function statuses(eventId: string, people: Actor[]) {
  const rows = await db.registration.findMany({ where: { eventId } });
  return people.map((p) => rows.find((r) => r.userId === p.userId)?.status ?? null);
}

describe("who may register", () => {
  it("refuses a technician from another UF with 403 and a Portuguese message, storing nothing", async () => {
    const bahia = await bahiaOrganizer();
    const event = await eventFactory(bahia);
    const recife = await userFactory({ ente: "2611606" });

    const error = await rejection(register(recife, event.id));
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      "Este evento é destinado a outro público: Recife não faz parte do público-alvo, por isso a inscrição não está disponível para você.",
    );
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).registrationSeq).toBe(0);
  });

  it("accepts a technician of a municipality of the state and the state team itself", async () => {
    const bahia = await bahiaOrganizer();
    const event = await eventFactory(bahia);
    const [feira, stateTeam] = await Promise.all([userFactory({ ente: "2910800" }), userFactory({ ente: "29" })]);
    expect(await register(feira, event.id)).toMatchObject({ status: "CONFIRMADA", alreadyRegistered: false, waitlistPosition: null });
    expect(await register(stateTeam, event.id)).toMatchObject({ status: "CONFIRMADA" });
    expect(await db.registration.findFirst({ where: { eventId: event.id, userId: feira.userId } })).toMatchObject({ enteId: "2910800" });
  });

  it("follows a national porte audience: small municipalities in, a metropolis and a municipality without porte out", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { audienceKind: "PORTE", audiencePortes: ["PP1", "PP2"] });
    const [abaira, salvador, semPorte, stateTeam] = await Promise.all([
      userFactory({ ente: "2900108" }),
      userFactory({ ente: "2927408" }),
      userFactory({ ente: "5101837" }),
      userFactory({ ente: "29" }),
    ]);
    expect((await register(abaira, event.id)).status).toBe("CONFIRMADA");
    for (const outsider of [salvador, semPorte, stateTeam]) expect((await rejection(register(outsider, event.id))).status).toBe(403);
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("follows a regional audience: the region's state teams, and its municipalities only when included", async () => {
    const federal = await federalOrganizer();
    const statesOnly = await eventFactory(federal, { scope: "REGIONAL", scopeRegion: "Nordeste", audienceKind: "REGIAO", audienceRegion: "Nordeste" });
    const withMunicipios = await eventFactory(federal, {
      scope: "REGIONAL",
      scopeRegion: "Nordeste",
      audienceKind: "REGIAO",
      audienceRegion: "Nordeste",
      audienceIncludeMunicipios: true,
    });
    const [bahiaTeam, salvador, manausTeam] = await Promise.all([userFactory({ ente: "29" }), userFactory({ ente: "2927408" }), userFactory({ ente: "13" })]);
    expect((await register(bahiaTeam, statesOnly.id)).status).toBe("CONFIRMADA");
    expect((await rejection(register(salvador, statesOnly.id))).status).toBe(403);
    expect((await register(salvador, withMunicipios.id)).status).toBe("CONFIRMADA");
    expect((await rejection(register(manausTeam, withMunicipios.id))).status).toBe(403);
  });

  it("follows an invitation list: only the listed entes", async () => {
    const bahia = await bahiaOrganizer();
    const event = await eventFactory(bahia, { audienceKind: "LISTA", audienceUfId: undefined, audienceEntes: "Feira de Santana (BA)" });
    const [feira, salvador] = await Promise.all([userFactory({ ente: "2910800" }), userFactory({ ente: "2927408" })]);
    expect((await register(feira, event.id)).status).toBe("CONFIRMADA");
    expect((await rejection(register(salvador, event.id))).status).toBe(403);
  });

  it.each([
    ["before registration opens", schedule({ opensIn: 2, sessionDays: [10] }), {}, /^As inscrições abrem em \d{2}\/\d{2}\/\d{4} às 00:00\.$/],
    ["after registration closed", schedule({ opensIn: -5, closesIn: -1, sessionDays: [3] }), {}, /^As inscrições foram encerradas em \d{2}\/\d{2}\/\d{4} às 23:00\.$/],
    ["for a cancelled event", {}, { cancelled: "Chuva" }, /^Este evento foi cancelado\.$/],
    ["for a draft", {}, { publish: false }, /^Este evento ainda não foi publicado\.$/],
  ])("refuses registration %s with 409, storing nothing", async (_when, overrides, opts, message) => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, overrides, opts);
    const person = await userFactory();
    const error = await rejection(register(person, event.id));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(message);
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("answers 404 for an event that does not exist", async () => {
    const person = await userFactory();
    expect((await rejection(register(person, "nao-existe"))).status).toBe(404);
  });
});

describe("registering", () => {
  it("is idempotent: a second request returns the same registration", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { capacity: 1 });
    const [seated, waiting] = await Promise.all([userFactory(), userFactory()]);
    const first = await register(seated, event.id);
    const again = await register(seated, event.id);
    expect(again).toEqual({ ...first, alreadyRegistered: true });

    const w1 = await register(waiting, event.id);
    expect(w1).toMatchObject({ status: "ESPERA", waitlistPosition: 1, alreadyRegistered: false });
    expect(await register(waiting, event.id)).toEqual({ ...w1, alreadyRegistered: true });
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("confirms up to the capacity, then waitlists in arrival order", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { capacity: 2 });
    const people = await Promise.all(Array.from({ length: 4 }, () => userFactory()));
    const results = [];
    for (const p of people) results.push(await register(p, event.id));
    expect(results.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ["CONFIRMADA", null],
      ["CONFIRMADA", null],
      ["ESPERA", 1],
      ["ESPERA", 2],
    ]);
  });
});

describe("cancelMyRegistration", () => {
  it("frees the seat and confirms the oldest person waiting", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { capacity: 2 });
    const people = await registrantsFactory(event.id, 5);

    const { promoted } = await cancelMyRegistration(people[0]!, event.id);
    expect(await statuses(event.id, people)).toEqual(["CANCELADA", "CONFIRMADA", "CONFIRMADA", "ESPERA", "ESPERA"]);
    const promotedRow = await db.registration.findFirstOrThrow({ where: { eventId: event.id, userId: people[2]!.userId } });
    expect(promoted).toEqual([promotedRow.id]);
    expect(promotedRow.confirmedAt).toBeInstanceOf(Date);
    expect(await db.registration.findFirst({ where: { eventId: event.id, userId: people[0]!.userId } })).toMatchObject({
      status: "CANCELADA",
      cancelledAt: expect.any(Date),
    });
  });

  it("leaving the waitlist promotes nobody and moves the others up", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { capacity: 1 });
    const people = await registrantsFactory(event.id, 4);
    expect(await cancelMyRegistration(people[1]!, event.id)).toEqual({ promoted: [] });
    expect(await statuses(event.id, people)).toEqual(["CONFIRMADA", "CANCELADA", "ESPERA", "ESPERA"]);
    expect(await register(people[3]!, event.id)).toMatchObject({ status: "ESPERA", waitlistPosition: 2, alreadyRegistered: true });
  });

  it("lets a person who cancelled register again, at the end of the waitlist when the event is full", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { capacity: 2 });
    const people = await registrantsFactory(event.id, 3);
    await cancelMyRegistration(people[0]!, event.id);
    const late = await userFactory();
    await register(late, event.id);

    const again = await register(people[0]!, event.id);
    expect(again).toMatchObject({ status: "ESPERA", alreadyRegistered: false, waitlistPosition: 2 });
    expect(await db.registration.count({ where: { eventId: event.id, userId: people[0]!.userId } })).toBe(1);

    // With a free seat and nobody waiting, she is confirmed straight away.
    const roomy = await eventFactory(federal, { capacity: 5 });
    await register(people[1]!, roomy.id);
    await cancelMyRegistration(people[1]!, roomy.id);
    expect(await register(people[1]!, roomy.id)).toMatchObject({ status: "CONFIRMADA", alreadyRegistered: false });
  });

  it("does nothing for a person who is not registered", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal);
    expect(await cancelMyRegistration(await userFactory(), event.id)).toEqual({ promoted: [] });
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("removeRegistration", () => {
  it("removes a registration with the reason, writes an audit entry and confirms the oldest person waiting", async () => {
    const bahia = await bahiaOrganizer();
    const event = await eventFactory(bahia, { capacity: 1 });
    const people = await registrantsFactory(event.id, 3, { ente: "2927408" });
    const target = await db.registration.findFirstOrThrow({ where: { eventId: event.id, userId: people[0]!.userId } });

    const { promoted } = await removeRegistration(bahia, target.id, "Inscrição duplicada com outro e-mail");
    expect(await statuses(event.id, people)).toEqual(["REMOVIDA", "CONFIRMADA", "ESPERA"]);
    expect(promoted).toHaveLength(1);
    expect(await db.registration.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      removedById: bahia.userId,
      removalReason: "Inscrição duplicada com outro e-mail",
      removedAt: expect.any(Date),
    });
    expect(await db.auditEntry.findMany({ where: { subject: `registration:${target.id}` }, select: { actorId: true, action: true, detail: true } })).toEqual([
      { actorId: bahia.userId, action: "registration.remove", detail: "Inscrição duplicada com outro e-mail" },
    ]);
  });

  it("does not let a removed person register again", async () => {
    const bahia = await bahiaOrganizer();
    const event = await eventFactory(bahia);
    const [person] = await registrantsFactory(event.id, 1, { ente: "2927408" });
    const reg = await db.registration.findFirstOrThrow({ where: { eventId: event.id, userId: person!.userId } });
    await removeRegistration(bahia, reg.id, "Não é servidora do SUAS");

    const error = await rejection(register(person!, event.id));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^Sua inscrição foi removida pela organização\./);
    expect((await db.registration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe("REMOVIDA");
  });

  it("is refused with 403 to organizers of another ente, including the federal team", async () => {
    const bahia = await bahiaOrganizer();
    const event = await eventFactory(bahia);
    const [person] = await registrantsFactory(event.id, 1, { ente: "2927408" });
    const reg = await db.registration.findFirstOrThrow({ where: { eventId: event.id, userId: person!.userId } });
    for (const other of [await pernambucoOrganizer(), await federalOrganizer(), person!]) {
      const error = await rejection(removeRegistration(other, reg.id, "Tentativa indevida"));
      expect(error.status).toBe(403);
    }
    expect((await db.registration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe("CONFIRMADA");
    expect(await db.auditEntry.count({ where: { subject: `registration:${reg.id}` } })).toBe(0);
  });
});

describe("myRegistrations", () => {
  it("splits upcoming (soonest first) from past (latest first), with waitlist positions", async () => {
    const federal = await federalOrganizer();
    const person = await userFactory();
    const soon = await eventFactory(federal, { ...schedule({ sessionDays: [5] }), capacity: 1 });
    const later = await eventFactory(federal, schedule({ sessionDays: [15] }));
    const past = await eventFactory(federal, schedule({ sessionDays: [-3], opensIn: -20, closesIn: -5 }));
    const older = await eventFactory(federal, schedule({ sessionDays: [-30], opensIn: -40, closesIn: -31 }));

    await registrantsFactory(soon.id, 2);
    await register(person, later.id);
    await register(person, soon.id);
    const DAY = 86_400_000;
    await register(person, past.id, new Date(Date.now() - 10 * DAY));
    await register(person, older.id, new Date(Date.now() - 35 * DAY));

    const mine = await myRegistrations(person.userId);
    expect(mine.upcoming.map((r) => [r.event.id, r.status, r.waitlistPosition])).toEqual([
      [soon.id, "ESPERA", 2],
      [later.id, "CONFIRMADA", null],
    ]);
    expect(mine.past.map((r) => [r.event.id, r.status])).toEqual([
      [past.id, "CONFIRMADA"],
      [older.id, "CONFIRMADA"],
    ]);
    expect(mine.upcoming[0]!.event).toMatchObject({ confirmed: 1, waiting: 2, seatsLeft: 0 });
  });
});
