// The presence of a finished event as the organizers see and correct it: minutes online (room),
// on site (door scans) and adjusted (with a reason, every adjustment kept), the share of the
// scheduled time, whether each person reaches the minimum, and the CSV export. The events here
// really happened ten days ago: people registered while registration was open (register's `now`).
import crypto from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { adjustPresence, attendanceCsv, attendanceTable } from "~/modules/attendance/attendance.server";
import { recordScans } from "~/modules/attendance/checkin.server";
import { recordRoomEvent } from "~/modules/attendance/presence.server";
import { standingOf } from "~/modules/attendance/standing.server";
import { issueNextBatch, requestIssuing, revokeCertificate } from "~/modules/certificates/certificates.server";
import { formatCode } from "~/modules/certificates/code";
import { register } from "~/modules/registration/registration.server";
import { roomNameFor } from "~/modules/rooms/policy";

import { parseCsv } from "../support/csv";
import { rejection } from "../support/errors";
import { bahiaOrganizer, eventFactory, federalOrganizer, localDay, pernambucoOrganizer, schedule, userFactory } from "../support/factories";

const MIN = 60_000;
const DAY = 86_400_000;

type Session = { id: string; startsAt: Date; endsAt: Date };
type Person = { actor: Actor; registrationId: string };

const hex = () => crypto.randomBytes(6).toString("hex");
const at = (s: Session, minute: number) => new Date(s.startsAt.getTime() + minute * MIN);

/** A hybrid Bahia event held ten days ago: 09:00–12:00 and 14:00–17:00 (6 h). */
async function pastEvent() {
  const organizer = await bahiaOrganizer({ name: "Rita Organizadora" });
  const event = await eventFactory(organizer, {
    ...schedule({ sessionDays: [-10], opensIn: -30, closesIn: -11 }),
    sessions: [
      { date: localDay(-10), start: "09:00", end: "12:00" },
      { date: localDay(-10), start: "14:00", end: "17:00" },
    ],
    workloadHours: "6",
    format: "HIBRIDO",
    venueName: "Auditório da SJDHDS",
    venueAddress: "Av. Luiz Viana Filho",
    venueMunicipio: "2927408",
  });
  const sessions: Session[] = await db.eventSession.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" }, select: { id: true, startsAt: true, endsAt: true } });
  const whileOpen = new Date(Date.now() - 20 * DAY);
  const participant = async (name: string): Promise<Person> => {
    const actor = await userFactory({ name });
    const r = await register(actor, event.id, whileOpen);
    expect(r.status).toBe("CONFIRMADA");
    return { actor, registrationId: r.registrationId };
  };
  return { organizer, event, slug: event.slug, sessions: sessions as [Session, Session], participant };
}

async function online(p: Person, s: Session, from: number, to: number) {
  const common = { roomName: roomNameFor(s.id), identity: `p:${p.registrationId}`, participantSid: `PA_${hex()}`, joinedAt: at(s, from) };
  await recordRoomEvent({ id: `EV_${hex()}`, kind: "participant_joined", at: at(s, from), ...common });
  await recordRoomEvent({ id: `EV_${hex()}`, kind: "participant_left", at: at(s, to), ...common });
}

async function door(organizer: Actor, p: Person, s: Session, kind: "ENTRADA" | "SAIDA", minute: number) {
  const [result] = await recordScans(organizer, s.id, [{ id: crypto.randomUUID(), kind, at: at(s, minute).toISOString(), method: "busca", registrationId: p.registrationId }]);
  expect(result).toMatchObject({ ok: true });
}

describe("adjusting presence", () => {
  it("requires a reason of at least 5 characters and minutes between 0 and the session's length (400)", async () => {
    const { organizer, slug, sessions, participant } = await pastEvent();
    const p = await participant("Sandra Ajustes");
    const input = { registrationId: p.registrationId, sessionId: sessions[0].id };
    for (const reason of ["", "    ", "ok  ", " abcd "]) {
      expect((await rejection(adjustPresence(organizer, slug, { ...input, minutes: 60, reason }))).status).toBe(400);
    }
    for (const minutes of [-1, 181, 90.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect((await rejection(adjustPresence(organizer, slug, { ...input, minutes, reason: "Assinou a lista em papel" }))).status).toBe(400);
    }
    expect(await db.presenceAdjustment.count({ where: { registrationId: p.registrationId } })).toBe(0);
    await adjustPresence(organizer, slug, { ...input, minutes: 0, reason: "Não compareceu de fato" });
    await adjustPresence(organizer, slug, { ...input, minutes: 180, reason: "Assinou a lista em papel" });
    expect(await db.presenceAdjustment.count({ where: { registrationId: p.registrationId } })).toBe(2);
  });

  it("does not find a session or registration of another event (404)", async () => {
    const a = await pastEvent();
    const b = await pastEvent();
    const pa = await a.participant("Tiago Daqui");
    const pb = await b.participant("Úrsula Dali");
    const reason = "Assinou a lista em papel";
    expect((await rejection(adjustPresence(a.organizer, a.slug, { registrationId: pa.registrationId, sessionId: b.sessions[0].id, minutes: 60, reason }))).status).toBe(404);
    expect((await rejection(adjustPresence(a.organizer, a.slug, { registrationId: pb.registrationId, sessionId: a.sessions[0].id, minutes: 60, reason }))).status).toBe(404);
    expect((await rejection(adjustPresence(a.organizer, a.slug, { registrationId: "nao-existe", sessionId: a.sessions[0].id, minutes: 60, reason }))).status).toBe(404);
    expect((await rejection(adjustPresence(a.organizer, "evento-que-nao-existe", { registrationId: pa.registrationId, sessionId: a.sessions[0].id, minutes: 60, reason }))).status).toBe(404);
    expect(await db.presenceAdjustment.count({ where: { registrationId: { in: [pa.registrationId, pb.registrationId] } } })).toBe(0);
  });

  it("is the event's organizers' alone: a participant and the federal team get 403, though the federal team sees the table; another state's team sees nothing", async () => {
    const { organizer, slug, sessions, participant } = await pastEvent();
    const p = await participant("Valéria Curiosa");
    const federal = await federalOrganizer();
    const pernambuco = await pernambucoOrganizer();
    const input = { registrationId: p.registrationId, sessionId: sessions[0].id, minutes: 180, reason: "Estive lá o tempo todo" };
    for (const who of [p.actor, federal, pernambuco]) expect((await rejection(adjustPresence(who, slug, input))).status).toBe(403);
    expect(await db.presenceAdjustment.count({ where: { registrationId: p.registrationId } })).toBe(0);

    const seen = await attendanceTable(federal, slug);
    expect(seen.canAdjust).toBe(false);
    expect(seen.rows.map((r) => r.name)).toEqual(["Valéria Curiosa"]);
    expect((await attendanceTable(organizer, slug)).canAdjust).toBe(true);
    for (const who of [p.actor, pernambuco]) {
      expect((await rejection(attendanceTable(who, slug))).status).toBe(403);
      expect((await rejection(attendanceCsv(who, slug))).status).toBe(403);
    }
  });

  it("keeps every adjustment with its author and reason, newest first, and counts the latest", async () => {
    const { organizer, slug, sessions, participant } = await pastEvent();
    const p = await participant("Wagner Corrigido");
    await online(p, sessions[0], 0, 60);
    const steps = [
      { minutes: 150, reason: "Acompanhou pelo celular de uma colega" },
      { minutes: 20, reason: "Engano: era outra pessoa" },
      { minutes: 170, reason: "Conferido na lista de presença em papel" },
    ];
    for (const s of steps) await adjustPresence(organizer, slug, { registrationId: p.registrationId, sessionId: sessions[0].id, ...s });

    const table = await attendanceTable(organizer, slug);
    expect(table.rows[0]!.cells[0]).toMatchObject({ minutes: 170, onlineMinutes: 60, onsiteMinutes: 0, adjusted: true });
    expect(table.adjustments.map((a) => [a.person, a.session, a.minutes, a.reason, a.by])).toEqual(
      [...steps].reverse().map((s) => ["Wagner Corrigido", "Sessão 1", s.minutes, s.reason, "Rita Organizadora"]),
    );
    expect(await db.presenceAdjustment.count({ where: { registrationId: p.registrationId } })).toBe(3);
    const standing = await standingOf(p.registrationId);
    expect(standing.sessions[0]!.adjustment).toEqual(steps[2]);
    expect(standing.qualification.explanation.join(" ")).toContain("Conferido na lista de presença em papel");
  });
});

describe("the presence table and its CSV", () => {
  it("show minutes online, on site and adjusted per session, the totals and who reaches the minimum, then the certificates", async () => {
    const { organizer, slug, sessions, participant } = await pastEvent();
    const [s1, s2] = sessions;
    const ana = await participant("Ana Online");
    const bruno = await participant("Bruno Presencial");
    const carla = await participant("Carla Mista");
    const davi = await participant("Davi Ausente");
    // Ana: 135 min online in the morning (75 % of it), nothing in the afternoon.
    await online(ana, s1, 0, 135);
    // Bruno at the door: in at 09:00 with no exit (until 12:00), and 14:00–16:00.
    await door(organizer, bruno, s1, "ENTRADA", 0);
    await door(organizer, bruno, s2, "ENTRADA", 0);
    await door(organizer, bruno, s2, "SAIDA", 120);
    // Carla: online 09:00–10:00 and at the door 09:30–10:30 (90 min, the overlap once); the afternoon adjusted to all of it.
    await online(carla, s1, 0, 60);
    await door(organizer, carla, s1, "ENTRADA", 30);
    await door(organizer, carla, s1, "SAIDA", 90);
    await adjustPresence(organizer, slug, { registrationId: carla.registrationId, sessionId: s2.id, minutes: 180, reason: "Participou da oficina no anexo, sem leitor de QR" });

    const table = await attendanceTable(organizer, slug);
    expect(table.sessions.map((s) => [s.title, s.scheduledMinutes])).toEqual([
      ["Sessão 1", 180],
      ["Sessão 2", 180],
    ]);
    expect(table.policy).toEqual({ threshold: 75, scope: "EVENTO", hours: "INTEGRAL" });
    const row = (p: Person) => table.rows.find((r) => r.registrationId === p.registrationId)!;
    const cell = (minutes: number, onlineMinutes: number, onsiteMinutes: number, adjusted = false) => expect.objectContaining({ minutes, onlineMinutes, onsiteMinutes, adjusted, share: minutes / 180 });
    expect(table.rows.map((r) => r.name)).toEqual(["Ana Online", "Bruno Presencial", "Carla Mista", "Davi Ausente"]);
    expect(row(ana)).toMatchObject({ cells: [cell(135, 135, 0), cell(0, 0, 0)], minutes: 135, share: 0.375, qualifies: false, certificate: null });
    expect(row(bruno)).toMatchObject({ cells: [cell(180, 0, 180), cell(120, 0, 120)], minutes: 300, qualifies: true });
    expect(row(carla)).toMatchObject({ cells: [cell(90, 60, 60), cell(180, 0, 0, true)], minutes: 270, share: 0.75, qualifies: true });
    expect(row(davi)).toMatchObject({ cells: [cell(0, 0, 0), cell(0, 0, 0)], minutes: 0, share: 0, qualifies: false });

    const csv = await attendanceCsv(organizer, slug);
    expect(csv.filename).toBe(`presenca-${slug}.csv`);
    const [header, ...records] = parseCsv(csv.body.slice(1));
    expect(header).toEqual([
      "Nome",
      "E-mail",
      "Ente",
      "Situação",
      ...["Sessão 1", "Sessão 2"].flatMap((t) => [`${t} (min)`, `${t} (%)`, `${t} online (min)`, `${t} presencial (min)`, `${t} ajustada`]),
      "Total (min)",
      "Total (%)",
      "Atinge o mínimo",
      "Certificado",
    ]);
    const byName = (name: string) => records.find((r) => r[0] === name)!;
    expect(byName("Ana Online")).toEqual(["Ana Online", ana.actor.email, "Salvador (BA)", "Confirmada", "135", "75", "135", "0", "não", "0", "0", "0", "0", "não", "135", "37,5", "não", ""]);
    expect(byName("Bruno Presencial").slice(4)).toEqual(["180", "100", "0", "180", "não", "120", "66,7", "0", "120", "não", "300", "83,3", "sim", ""]);
    expect(byName("Carla Mista").slice(4)).toEqual(["90", "50", "60", "60", "não", "180", "100", "0", "0", "sim", "270", "75", "sim", ""]);
    expect(byName("Davi Ausente").slice(-3)).toEqual(["0", "não", ""]);

    // Once issued, the certificates show in the table and the export; a revoked one says so.
    const now = new Date();
    await requestIssuing(organizer, slug, now);
    for (let steps = 0; await issueNextBatch(now); steps++) expect(steps).toBeLessThan(10);
    const certs = await db.certificate.findMany({ where: { registrationId: { in: [bruno.registrationId, carla.registrationId] } } });
    expect(certs).toHaveLength(2);
    const codeOf = (p: Person) => formatCode(certs.find((c) => c.registrationId === p.registrationId)!.code);
    await revokeCertificate(organizer, codeOf(carla), "Presença no anexo não confirmada", now);
    const after = await attendanceTable(organizer, slug);
    expect(after.rows.map((r) => r.certificate)).toEqual([null, { code: codeOf(bruno), status: "VALIDO" }, { code: codeOf(carla), status: "REVOGADO" }, null]);
    const records2 = parseCsv((await attendanceCsv(organizer, slug)).body.slice(1));
    expect(records2.map((r) => r.at(-1))).toEqual(["Certificado", "", codeOf(bruno), `${codeOf(carla)} (revogado)`, ""]);
  });
});
