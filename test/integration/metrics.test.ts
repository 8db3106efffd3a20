// Participation metrics against a hand-computed fixture: two past events (one federal, online; one
// of Bahia, on site) and one outside the period; a cancelled registration, a person who moved after
// registering, a revoked certificate. Then the roll-up kept exact through changes: after the job
// runs, it equals a full recomputation.
import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { defaultFilters, type MetricsFilters } from "~/modules/metrics/filters";
import { enteExport } from "~/modules/metrics/exports.server";
import { computeEventFacts, rebuildAllFacts, refreshDirtyFacts } from "~/modules/metrics/facts.server";
import { entePage, myParticipation, nationalDashboard, priorityList, stateDashboard } from "~/modules/metrics/metrics.server";
import { cancelMyRegistration, register } from "~/modules/registration/registration.server";

import { bahiaOrganizer, eventFactory, federalOrganizer, pernambucoOrganizer, schedule, userFactory } from "../support/factories";
import { rejection } from "../support/errors";

type Scene = Awaited<ReturnType<typeof buildScene>>;

const SALVADOR = "2927408";
const FEIRA = "2910800";
const ABAIRA = "2900108";
const JUAZEIRO = "2918407";
const RECIFE = "2611606";
const PETROLINA = "2611101";

/** A past event (one 09:00–12:00 session `daysAgo` days ago), with registrations taken while it was open. */
async function pastEvent(organizer: Actor, daysAgo: number, overrides: Record<string, unknown> = {}) {
  const event = await eventFactory(organizer, { ...schedule({ sessionDays: [-daysAgo], opensIn: -daysAgo - 10, closesIn: -daysAgo - 1 }), ...overrides });
  const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
  const during = new Date(event.registrationOpensAt.getTime() + 3_600_000);
  return { event, session, during };
}

async function online(session: { id: string; startsAt: Date }, registrationId: string, minutes: number) {
  await db.presenceInterval.create({
    data: {
      sessionId: session.id,
      registrationId,
      participantSid: `PA_${crypto.randomBytes(4).toString("hex")}`,
      identity: `p:${registrationId}`,
      startedAt: session.startsAt,
      endedAt: new Date(session.startsAt.getTime() + minutes * 60_000),
      source: "webhook",
    },
  });
}

async function checkIn(session: { id: string; startsAt: Date }, registrationId: string) {
  await db.checkIn.create({ data: { id: crypto.randomUUID(), sessionId: session.id, registrationId, kind: "ENTRADA", at: session.startsAt, method: "qr" } });
}

async function certificate(event: { id: string }, registrationId: string, userId: string, minutes: number, revoked = false) {
  await db.certificate.create({
    data: {
      code: crypto.randomBytes(6).toString("hex").toUpperCase(),
      eventId: event.id,
      registrationId,
      userId,
      personName: "Pessoa",
      eventTitle: "Evento",
      eventType: "Oficina",
      dates: "—",
      place: "Online",
      hoursMinutes: minutes,
      hoursMode: "INTEGRAL",
      organizer: "União",
      responsibleName: "Equipe",
      responsibleRole: "Organização",
      ...(revoked ? { revokedAt: new Date(), revokedReason: "Emitido por engano" } : {}),
    },
  });
}

async function buildScene() {
  const federal = await federalOrganizer();
  const bahia = await bahiaOrganizer();
  const people = {
    ana: await userFactory({ ente: SALVADOR, name: "Ana Salvador" }),
    bia: await userFactory({ ente: SALVADOR, name: "Bia Salvador" }),
    caio: await userFactory({ ente: FEIRA, name: "Caio Feira" }),
    davi: await userFactory({ ente: RECIFE, name: "Davi Recife" }),
    eva: await userFactory({ ente: ABAIRA, name: "Eva Abaíra" }),
    fabio: await userFactory({ ente: JUAZEIRO, name: "Fábio Juazeiro" }),
    gil: await userFactory({ ente: PETROLINA, name: "Gil Petrolina" }),
  };
  // E1: federal, online, 10 days ago.
  const e1 = await pastEvent(federal, 10, { format: "ONLINE", type: "OFICINA" });
  const r = {} as Record<string, string>;
  for (const key of ["ana", "bia", "caio", "davi", "eva"] as const) r[`e1.${key}`] = (await register(people[key], e1.event.id, e1.during)).registrationId;
  await online(e1.session, r["e1.ana"]!, 60);
  await online(e1.session, r["e1.caio"]!, 150);
  await online(e1.session, r["e1.davi"]!, 120);
  await online(e1.session, r["e1.eva"]!, 30);
  await cancelMyRegistration(people.davi, e1.event.id); // cancelled: does not count, even with presence
  await certificate(e1.event, r["e1.ana"]!, people.ana.userId, 120);
  await certificate(e1.event, r["e1.caio"]!, people.caio.userId, 180, true); // revoked: no hours
  // Eva moves to Recife after registering: she still counts for Abaíra.
  await db.user.update({ where: { id: people.eva.userId }, data: { enteId: RECIFE } });

  // E2: Bahia's own on-site event, 5 days ago.
  const e2 = await pastEvent(bahia, 5, { format: "PRESENCIAL", type: "ENCONTRO", venueName: "Auditório", venueAddress: "Rua A, 1", venueMunicipio: SALVADOR });
  for (const key of ["ana", "fabio"] as const) r[`e2.${key}`] = (await register(people[key], e2.event.id, e2.during)).registrationId;
  await checkIn(e2.session, r["e2.ana"]!);
  await checkIn(e2.session, r["e2.fabio"]!);
  await certificate(e2.event, r["e2.fabio"]!, people.fabio.userId, 180);

  // E3: federal, 500 days ago: outside the default period (last 12 months).
  const e3 = await pastEvent(federal, 500, { format: "ONLINE" });
  r["e3.gil"] = (await register(people.gil, e3.event.id, e3.during)).registrationId;
  await online(e3.session, r["e3.gil"]!, 180);

  await rebuildAllFacts();
  return { federal, bahia, people, e1, e2, e3, r };
}

describe("participation metrics on a hand-computed fixture", () => {
  let s: Scene;
  let period: MetricsFilters;
  beforeAll(async () => {
    // Metrics read every event of the database: each test file has its own, so this fixture is alone.
    s = await buildScene();
    period = defaultFilters();
  });

  it("counts, for Brazil, offered events, confirmed registrations, people present, certified hours and coverage", async () => {
    const d = await nationalDashboard(s.federal, period);
    // Registrations: E1 Ana, Bia, Caio, Eva (Davi cancelled) + E2 Ana, Fábio = 6; present: Ana, Caio, Eva, Ana, Fábio = 5.
    expect(d.totals).toMatchObject({ events: 2, registrations: 6, present: 5, people: 4, hours: 5 });
    expect(d.totals.attendanceRate).toBeCloseTo(5 / 6);
    // Municipalities with someone present: Salvador, Feira de Santana, Abaíra, Juazeiro.
    expect(d.totals.coverage).toMatchObject({ covered: 4, total: 5571 });
    const ba = d.ufs.find((u) => u.uf === "BA")!;
    expect(ba).toMatchObject({ registrations: 6, present: 5, people: 4, hours: 5, events: 2, coverage: { covered: 4, total: 417 } });
    expect(d.ufs.find((u) => u.uf === "PE")).toMatchObject({ registrations: 0, present: 0, coverage: { covered: 0 } });
    expect(d.regions.find((r) => r.region === "Nordeste")).toMatchObject({ registrations: 6, present: 5 });
    expect(d.types).toEqual([expect.objectContaining({ type: "OFICINA", registrations: 4, present: 3 }), expect.objectContaining({ type: "ENCONTRO", registrations: 2, present: 2 })]);
    const pp1 = d.porte.find((p) => p.porte === "PP1")!;
    expect(pp1.covered).toBe(1); // Abaíra
    expect(d.series.registrations.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it("filters by type, format and organizer", async () => {
    expect((await nationalDashboard(s.federal, { ...period, type: "ENCONTRO" })).totals).toMatchObject({ events: 1, registrations: 2, present: 2 });
    expect((await nationalDashboard(s.federal, { ...period, format: "ONLINE" })).totals).toMatchObject({ events: 1, registrations: 4, present: 3 });
    expect((await nationalDashboard(s.federal, { ...period, organizer: "UF" })).totals).toMatchObject({ events: 1, registrations: 2 });
    expect((await nationalDashboard(s.federal, { ...period, type: "VISITA_TECNICA" })).totals).toMatchObject({ events: 0, registrations: 0, attendanceRate: null });
  });

  it("includes the older event when the period reaches back to it", async () => {
    const d = await nationalDashboard(s.federal, { from: "2024-01", to: period.to });
    expect(d.totals).toMatchObject({ registrations: 7, present: 6 });
    expect(d.ufs.find((u) => u.uf === "PE")).toMatchObject({ registrations: 1, present: 1, coverage: { covered: 1, total: 185 } });
  });

  it("shows Bahia its municipalities, its own events against the federal ones, and coverage by porte", async () => {
    const d = await stateDashboard(s.bahia, "BA", period);
    expect(d.totals).toMatchObject({ registrations: 6, present: 5, coverage: { covered: 4, total: 417 } });
    expect(d.municipios).toHaveLength(417);
    expect(d.municipios.find((m) => m.id === SALVADOR)).toMatchObject({ registrations: 3, present: 2, hours: 2 });
    expect(d.municipios.find((m) => m.id === ABAIRA)).toMatchObject({ registrations: 1, present: 1 });
    expect(d.municipios.find((m) => m.id === FEIRA)).toMatchObject({ registrations: 1, present: 1, hours: 0 });
    expect(d.organizers).toEqual([
      expect.objectContaining({ kind: "UF", offered: 1, registrations: 2, present: 2 }),
      expect.objectContaining({ kind: "UNIAO", offered: 1, registrations: 4, present: 3 }),
    ]);
  });

  it("refuses another state's dashboard and the national one to a state team, with 403", async () => {
    expect((await rejection(stateDashboard(s.bahia, "PE", period))).status).toBe(403);
    expect((await rejection(nationalDashboard(s.bahia, period))).status).toBe(403);
    expect((await rejection(stateDashboard(await pernambucoOrganizer(), "BA", period))).status).toBe(403);
    expect((await rejection(stateDashboard(s.federal, "XX", period))).status).toBe(404);
  });

  it("gives anyone a municipality's figures and history, and the names only to those who follow its state", async () => {
    const anonymous = await entePage(null, SALVADOR, period);
    expect(anonymous.totals).toMatchObject({ registrations: 3, present: 2, people: 1, hours: 2 });
    expect(anonymous.history.map((h) => h.eventId).sort()).toEqual([s.e1.event.id, s.e2.event.id].sort());
    expect(anonymous.people).toBeNull();
    const named = await entePage(s.bahia, SALVADOR, period);
    expect(named.people?.map((p) => p.name)).toEqual(["Ana Salvador", "Bia Salvador"]);
    expect((await entePage(await pernambucoOrganizer(), SALVADOR, period)).people).toBeNull();
    const uf = await entePage(null, "29", period);
    expect(uf.totals).toMatchObject({ registrations: 6, coverage: { covered: 4, total: 417 } });
  });

  it("answers unknown and malformed IBGE codes with 404 and 400", async () => {
    expect((await rejection(entePage(null, "2999998", period))).status).toBe(404);
    expect((await rejection(entePage(null, "BR", period))).status).toBe(400);
    expect((await rejection(entePage(null, "29a", period))).status).toBe(400);
  });

  it("lists the municipalities nobody from which took part in the last twelve months, and those below an hours target", async () => {
    const ba = await priorityList(s.bahia, { uf: "BA", months: 12, sort: "populacao" });
    expect(ba.considered).toBe(417);
    expect(ba.items).toHaveLength(417 - 4);
    expect(ba.items.some((m) => [SALVADOR, FEIRA, ABAIRA, JUAZEIRO].includes(m.id))).toBe(false);
    expect(ba.items[0]!.population).toBeGreaterThanOrEqual(ba.items[1]!.population ?? 0);
    // Below 3 certified hours in the period: Salvador (2 h), Feira (0 h, revoked) and Abaíra (0 h) join the list; Juazeiro (3 h) does not.
    const target = await priorityList(s.bahia, { uf: "BA", months: 12, minHours: 3, sort: "porte" });
    expect(target.items.map((m) => m.id)).toEqual(expect.arrayContaining([SALVADOR, FEIRA, ABAIRA]));
    expect(target.items.map((m) => m.id)).not.toContain(JUAZEIRO);
    // Petrolina took part 500 days ago: a priority for 12 months, not for 24, and its last participation is known.
    const pe = await priorityList(s.federal, { uf: "PE", months: 12, sort: "ultima" });
    const petrolina = pe.items.find((m) => m.id === PETROLINA)!;
    expect(petrolina.lastParticipation?.getTime()).toBe(s.e3.session.startsAt.getTime());
    expect((await priorityList(s.federal, { uf: "PE", months: 24, sort: "ultima" })).items.map((m) => m.id)).not.toContain(PETROLINA);
    expect((await rejection(priorityList(s.bahia, { months: 12, sort: "porte" }))).status).toBe(403);
  });

  it("sums a person's own participation and certified hours", async () => {
    expect(await myParticipation(s.people.ana)).toEqual({ registrations: 2, eventsAttended: 2, certificates: 1, certifiedHours: 2 });
    expect(await myParticipation(s.people.caio)).toMatchObject({ certificates: 0, certifiedHours: 0 });
  });

  it("keeps the roll-up exact through registrations, cancellations, presence, revocations and event changes", async () => {
    const newcomer = await userFactory({ ente: JUAZEIRO });
    const reg = await register(newcomer, s.e2.event.id, s.e2.during);
    await checkIn(s.e2.session, reg.registrationId);
    await cancelMyRegistration(s.people.bia, s.e1.event.id);
    await db.presenceAdjustment.create({ data: { sessionId: s.e1.session.id, registrationId: s.r["e1.eva"]!, minutes: 0, reason: "Conexão de teste, sem participação" } });
    await db.certificate.updateMany({ where: { registrationId: s.r["e2.fabio"] }, data: { revokedAt: new Date(), revokedReason: "Erro" } });
    await db.event.update({ where: { id: s.e3.event.id }, data: { type: "SEMINARIO" } });
    expect(await db.metricsDirty.count()).toBe(3);
    while ((await db.metricsDirty.count()) > 0) await refreshDirtyFacts();
    for (const e of [s.e1, s.e2, s.e3]) {
      const stored = await db.participationFact.findMany({ where: { eventId: e.event.id }, orderBy: { registrationId: "asc" } });
      const fresh = (await computeEventFacts(e.event.id)).sort((a, b) => a.registrationId.localeCompare(b.registrationId));
      expect(stored).toEqual(fresh);
    }
    const d = await nationalDashboard(s.federal, period);
    // E1: Ana, Caio, Eva (Bia cancelled; Eva adjusted to 0) → 3 registrations, 2 present; E2: Ana, Fábio, newcomer, all present.
    expect(d.totals).toMatchObject({ registrations: 6, present: 5, hours: 2 });
  });

  it("rebuilds an event with more registrations than SQLite binds in one statement (1,200)", async () => {
    const { event, session } = await pastEvent(s.federal, 3, { format: "ONLINE", capacity: 2000 });
    const tag = crypto.randomBytes(3).toString("hex");
    const users = Array.from({ length: 1200 }, (_, i) => ({ id: `u${tag}${i}`, name: `Pessoa ${i}`, searchName: `pessoa ${i}`, email: `p${i}.${tag}@teste.gov.br`, passwordHash: "x", enteId: SALVADOR, roleInEnte: "TECNICO" }));
    await db.user.createMany({ data: users });
    await db.registration.createMany({ data: users.map((u, i) => ({ id: `r${tag}${i}`, eventId: event.id, userId: u.id, enteId: SALVADOR, status: "CONFIRMADA", seq: i + 1 })) });
    await db.presenceInterval.createMany({
      data: users.slice(0, 1000).map((u, i) => ({ sessionId: session.id, registrationId: `r${tag}${i}`, participantSid: `PA_${tag}_${i}`, identity: `p:r${tag}${i}`, startedAt: session.startsAt, endedAt: session.endsAt, source: "webhook" })),
    });
    while ((await db.metricsDirty.count()) > 0) await refreshDirtyFacts();
    const facts = await db.participationFact.findMany({ where: { eventId: event.id }, select: { present: true, presentMinutes: true } });
    expect(facts).toHaveLength(1200);
    expect(facts.filter((f) => f.present)).toHaveLength(1000);
    expect(facts.filter((f) => f.present).every((f) => f.presentMinutes === 180)).toBe(true);

    // Salvador's page shows the first 500 names and says so; its export has everyone.
    const page = await entePage(s.federal, SALVADOR, defaultFilters());
    expect(page.people).toHaveLength(500);
    expect(page.cut.people).toBe(true);
    const exported = await enteExport(s.federal, "pessoas", SALVADOR, defaultFilters());
    const rows = [...(exported.rows as Iterable<unknown[]>)];
    expect(rows.length).toBeGreaterThanOrEqual(1200);
    expect(rows).toHaveLength((await entePage(s.federal, SALVADOR, defaultFilters(), { full: true })).people!.length);
  });
});
