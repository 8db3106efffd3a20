// Certificates on a real migrated database: who qualifies (online, at the door, adjusted; per event
// or per day), the background run in batches, revocation, reissue, public verification and the PDF.
// Events are in the future and every call gets the `now` it happens at (after the event), except
// where the job looks for events that really ended.
import crypto from "node:crypto";

import { afterEach, describe, expect, it, vi } from "vitest";

import { db } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { updateProfile } from "~/modules/auth/auth.server";
import { maskCpf } from "~/modules/auth/cpf";
import { adjustPresence } from "~/modules/attendance/attendance.server";
import { recordScans } from "~/modules/attendance/checkin.server";
import { recordRoomEvent } from "~/modules/attendance/presence.server";
import { eventStandings } from "~/modules/attendance/standing.server";
import {
  certificatePdf,
  issueNextBatch,
  myCertificates,
  reissueCertificate,
  requestIssuing,
  revokeCertificate,
  startRunsForEndedEvents,
  updateCertificateSettings,
  verifyCertificate,
  VERIFICATIONS_PER_MINUTE,
  type CertificateSettings,
} from "~/modules/certificates/certificates.server";
import { formatCode } from "~/modules/certificates/code";
import type { EventFormInput } from "~/modules/events/event-form";
import { cancelMyRegistration, register } from "~/modules/registration/registration.server";
import { roomNameFor } from "~/modules/rooms/policy";
import { formatShortDate } from "~/lib/time";

import { rejection } from "../support/errors";
import { bahiaOrganizer, cpfFactory, eventFactory, federalOrganizer, localDay, pernambucoOrganizer, schedule, userFactory } from "../support/factories";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const TZ = "America/Sao_Paulo";

type Session = { id: string; startsAt: Date; endsAt: Date };
type Person = { actor: Actor; registrationId: string; cpf: string };

const hex = () => crypto.randomBytes(6).toString("hex");
const at = (s: Session, minute: number) => new Date(s.startsAt.getTime() + minute * MIN);

/** A published hybrid event of the Bahia team (Salvador and online), with its sessions in order and a moment after it ended. */
async function bahiaEvent(organizer: Actor, overrides: Partial<EventFormInput> = {}) {
  const event = await eventFactory(organizer, {
    format: "HIBRIDO",
    venueName: "Centro de Convenções",
    venueAddress: "Av. Octávio Mangabeira",
    venueMunicipio: "2927408",
    ...overrides,
  });
  const sessions: Session[] = await db.eventSession.findMany({
    where: { eventId: event.id },
    orderBy: { position: "asc" },
    select: { id: true, startsAt: true, endsAt: true },
  });
  return { event, slug: event.slug, sessions, after: new Date(event.endsAt.getTime() + 2 * HOUR) };
}

/** Two sessions on the same day, 09:00–12:00 and 14:00–17:00 (6 h), ten days from now. */
const twoSessions = (): Partial<EventFormInput> => ({
  sessions: [
    { date: localDay(10), start: "09:00", end: "12:00" },
    { date: localDay(10), start: "14:00", end: "17:00" },
  ],
  workloadHours: "6",
});

async function participant(eventId: string, name: string): Promise<Person> {
  const cpf = cpfFactory();
  const actor = await userFactory({ name, cpf });
  const r = await register(actor, eventId);
  expect(r.status).toBe("CONFIRMADA");
  return { actor, registrationId: r.registrationId, cpf };
}

/** Online presence in the session's room from minute `from` to minute `to` after its start, as the LiveKit webhooks report it. */
async function online(p: Person, s: Session, from: number, to: number) {
  const sid = `PA_${hex()}`;
  const common = { roomName: roomNameFor(s.id), identity: `p:${p.registrationId}`, participantSid: sid, joinedAt: at(s, from) };
  await recordRoomEvent({ id: `EV_${hex()}`, kind: "participant_joined", at: at(s, from), ...common });
  await recordRoomEvent({ id: `EV_${hex()}`, kind: "participant_left", at: at(s, to), ...common });
}

/** A scan at the door (found by name) `minute` minutes after the session's start, synced the next day. */
async function door(organizer: Actor, p: Person, s: Session, kind: "ENTRADA" | "SAIDA", minute: number) {
  const [result] = await recordScans(organizer, s.id, [{ id: crypto.randomUUID(), kind, at: at(s, minute).toISOString(), method: "busca", registrationId: p.registrationId }], new Date(s.endsAt.getTime() + DAY));
  expect(result).toMatchObject({ ok: true });
}

/** Runs the job until it has nothing left to do; returns how many steps it took. */
async function drain(now: Date, batchSize?: number): Promise<number> {
  for (let steps = 0; steps < 1_000; steps++) {
    if (!(await issueNextBatch(now, batchSize))) return steps;
  }
  throw new Error("the certificate job never finished");
}

const certificatesOf = (eventId: string) => db.certificate.findMany({ where: { eventId }, orderBy: { issuedAt: "asc" } });
const settings = (s: Partial<CertificateSettings>): CertificateSettings => ({ threshold: 75, scope: "EVENTO", hours: "INTEGRAL", responsibleName: "", responsibleRole: "", ...s });

/** A finished event whose certificates were issued to `names` (each present from start to end, by a door entry with no exit). */
async function issuedScene(names: string[]) {
  const organizer = await bahiaOrganizer({ name: "Coordenação Estadual da Bahia" });
  const scene = await bahiaEvent(organizer);
  const people: Person[] = [];
  for (const name of names) {
    const p = await participant(scene.event.id, name);
    await door(organizer, p, scene.sessions[0]!, "ENTRADA", 0);
    people.push(p);
  }
  await requestIssuing(organizer, scene.slug, scene.after);
  await drain(scene.after);
  const certs = await certificatesOf(scene.event.id);
  expect(certs).toHaveLength(names.length);
  const codeOf = (p: Person) => certs.find((c) => c.registrationId === p.registrationId)!.code;
  return { organizer, ...scene, people, codeOf };
}

describe("issuing certificates", () => {
  it("certifies exactly those who reach 75 % online, at the door (an entry with no exit counts until the end) or by the organizers' adjustment, once, with an e-mail each", async () => {
    const organizer = await bahiaOrganizer();
    const { event, slug, sessions, after } = await bahiaEvent(organizer, twoSessions());
    const [s1, s2] = sessions as [Session, Session];
    const ana = await participant(event.id, "Ana Conceição");
    const bruno = await participant(event.id, "Bruno Araújo");
    const carla = await participant(event.id, "Carla Simões");
    const davi = await participant(event.id, "Davi Güths");
    const eva = await participant(event.id, "Eva Nóbrega");

    // Ana: all of the morning online, and 100 min of the afternoon over a reconnection (counted once): 280/360.
    await online(ana, s1, 0, 180);
    await online(ana, s2, 0, 60);
    await online(ana, s2, 55, 100);
    // Bruno, at the door: in the morning an entry and no exit (until 12:00), in the afternoon 90 min: 270/360, exactly 75 %.
    await door(organizer, bruno, s1, "ENTRADA", 0);
    await door(organizer, bruno, s2, "ENTRADA", 0);
    await door(organizer, bruno, s2, "SAIDA", 90);
    // Carla: only the morning, 50 %.
    await online(carla, s1, 0, 180);
    // Davi: the afternoon online; the morning he followed on a colleague's phone, as the organizers attest.
    await online(davi, s2, 0, 180);
    await adjustPresence(organizer, slug, { registrationId: davi.registrationId, sessionId: s1.id, minutes: 150, reason: "Acompanhou pelo celular de uma colega" });
    // Eva gave up her seat before the event: she is not looked at.
    await cancelMyRegistration(eva.actor, event.id);

    const { runId } = await requestIssuing(organizer, slug, after);
    expect(await drain(after)).toBeGreaterThan(0);

    const certs = await certificatesOf(event.id);
    expect(certs.map((c) => c.registrationId).sort()).toEqual([ana, bruno, davi].map((p) => p.registrationId).sort());
    expect(certs.find((c) => c.registrationId === bruno.registrationId)).toMatchObject({
      personName: "Bruno Araújo",
      userId: bruno.actor.userId,
      cpfMasked: maskCpf(bruno.cpf),
      eventTitle: event.title,
      eventType: "Oficina",
      place: "Salvador (BA) e online",
      hoursMinutes: 360,
      hoursMode: "INTEGRAL",
      organizer: expect.stringContaining("Bahia"),
      revokedAt: null,
      supersededById: null,
    });
    expect(await db.certificateRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "CONCLUIDA", total: 4, issued: 3, skipped: 1, finishedAt: after, lastError: null });

    const mail = await db.outboxMessage.findMany({ where: { eventId: event.id, purpose: "certificado" } });
    expect(mail.map((m) => m.key).sort()).toEqual(certs.map((c) => `certificado:${c.id}`).sort());
    for (const c of certs) {
      const m = mail.find((x) => x.key === `certificado:${c.id}`)!;
      expect(m.toEmail).toBe([ana, bruno, davi].find((p) => p.registrationId === c.registrationId)!.actor.email);
      expect(m.text).toContain(formatCode(c.code));
    }

    // Asking again (or the job starting again) issues nothing new: only Carla is looked at, and she still falls short.
    const second = await requestIssuing(organizer, slug, after);
    expect(second.runId).not.toBe(runId);
    await drain(after);
    expect(await db.certificateRun.findUniqueOrThrow({ where: { id: second.runId } })).toMatchObject({ status: "CONCLUIDA", total: 1, issued: 0, skipped: 1 });
    expect(await db.certificate.count({ where: { eventId: event.id } })).toBe(3);
    expect(await db.outboxMessage.count({ where: { eventId: event.id, purpose: "certificado" } })).toBe(3);
  });

  it("under “75 % por período”, refuses someone with 100 % on the first day and 60 % on the second, whom the whole-event rule certifies", async () => {
    const organizer = await bahiaOrganizer();
    const { event, slug, sessions, after } = await bahiaEvent(organizer, { ...schedule({ sessionDays: [10, 11] }), workloadHours: "6" });
    const [day1, day2] = sessions as [Session, Session];
    const fernanda = await participant(event.id, "Fernanda Lúcia");
    const gil = await participant(event.id, "Gil Peçanha");
    await door(organizer, fernanda, day1, "ENTRADA", 0);
    await door(organizer, fernanda, day1, "SAIDA", 180);
    await online(fernanda, day2, 0, 108);
    // Gil: 80 % on each day.
    await online(gil, day1, 0, 144);
    await online(gil, day2, 36, 180);

    await updateCertificateSettings(organizer, slug, settings({ scope: "PERIODO" }));
    const [standing] = await eventStandings(event.id, { registrationIds: [fernanda.registrationId], now: after });
    expect(standing!.qualification).toMatchObject({ qualifies: false, share: 0.8 });
    expect(standing!.qualification.periods.map((p) => [p.share, p.met])).toEqual([
      [1, true],
      [0.6, false],
    ]);
    await requestIssuing(organizer, slug, after);
    await drain(after);
    expect((await certificatesOf(event.id)).map((c) => c.registrationId)).toEqual([gil.registrationId]);

    await updateCertificateSettings(organizer, slug, settings({ scope: "EVENTO" }));
    await requestIssuing(organizer, slug, after);
    await drain(after);
    expect((await certificatesOf(event.id)).map((c) => c.registrationId).sort()).toEqual([fernanda.registrationId, gil.registrationId].sort());
  });

  it("states the minutes attended, up to the workload, under hours “PRESENCA”, and the workload under “INTEGRAL”", async () => {
    const organizer = await bahiaOrganizer();
    // One 4-hour session with a workload of 3 h 30 min.
    const { event, slug, sessions, after } = await bahiaEvent(organizer, { sessions: [{ date: localDay(10), start: "09:00", end: "13:00" }], workloadHours: "3,5" });
    const [s] = sessions as [Session];
    const helena = await participant(event.id, "Helena Magalhães");
    const igor = await participant(event.id, "Igor Estêvão");
    await door(organizer, helena, s, "ENTRADA", 0);
    await door(organizer, helena, s, "SAIDA", 195);
    await door(organizer, igor, s, "ENTRADA", 0);

    await updateCertificateSettings(organizer, slug, settings({ hours: "PRESENCA" }));
    await requestIssuing(organizer, slug, after);
    await drain(after);
    const certs = await certificatesOf(event.id);
    const of = (p: Person) => certs.find((c) => c.registrationId === p.registrationId)!;
    expect(of(helena)).toMatchObject({ hoursMinutes: 195, hoursMode: "PRESENCA" });
    expect(of(igor)).toMatchObject({ hoursMinutes: 210, hoursMode: "PRESENCA" }); // 240 present, capped at the workload
    expect(await verifyCertificate(of(helena).code, "192.0.2.10", after)).toMatchObject({ status: "VALIDO", hours: "3 horas e 15 minutos", hoursMode: "PRESENCA" });

    // Under INTEGRAL, a reissue states the workload; the certificate already issued to Igor keeps what it says.
    await updateCertificateSettings(organizer, slug, settings({ hours: "INTEGRAL" }));
    const { code } = await reissueCertificate(organizer, of(helena).code, after);
    expect(await db.certificate.findUniqueOrThrow({ where: { code } })).toMatchObject({ hoursMinutes: 210, hoursMode: "INTEGRAL" });
    expect(await verifyCertificate(code, "192.0.2.10", after)).toMatchObject({ status: "VALIDO", hours: "3 horas e 30 minutos", hoursMode: "INTEGRAL" });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: of(igor).id } })).toMatchObject({ hoursMinutes: 210, hoursMode: "PRESENCA" });
  });

  it("issues in batches by arrival order, resumes where it stopped when called again (as a new process would) and never issues twice", async () => {
    const organizer = await bahiaOrganizer();
    const { event, slug, sessions, after } = await bahiaEvent(organizer);
    const [s] = sessions as [Session];
    const people: Person[] = [];
    for (const name of ["Júlia", "Kauã", "Luíza", "Márcio", "Nádia"]) people.push(await participant(event.id, `${name} Teste`));
    // Everyone but the third comes in.
    for (const [i, p] of people.entries()) if (i !== 2) await door(organizer, p, s, "ENTRADA", 0);
    const seqs = (await db.registration.findMany({ where: { eventId: event.id }, orderBy: { seq: "asc" }, select: { id: true, seq: true } })).map((r) => r.seq);

    const { runId } = await requestIssuing(organizer, slug, after);
    const run = () => db.certificateRun.findUniqueOrThrow({ where: { id: runId } });
    expect(await issueNextBatch(after, 2)).toBe(true);
    expect(await run()).toMatchObject({ status: "EM_ANDAMENTO", total: 5, issued: 2, skipped: 0, lastSeq: seqs[1] });
    expect(await db.certificate.count({ where: { eventId: event.id } })).toBe(2);

    // The server restarts here: the run is still open, asking again finds it, and the job goes on from the third registration.
    expect(await requestIssuing(organizer, slug, after)).toEqual({ runId });
    expect(await issueNextBatch(after, 2)).toBe(true);
    expect(await run()).toMatchObject({ status: "EM_ANDAMENTO", issued: 3, skipped: 1, lastSeq: seqs[3] });
    expect(await drain(after, 2)).toBe(1);
    expect(await run()).toMatchObject({ status: "CONCLUIDA", total: 5, issued: 4, skipped: 1, lastSeq: seqs[4] });
    expect(await drain(after, 2)).toBe(0);

    const certs = await certificatesOf(event.id);
    expect(certs.map((c) => c.registrationId).sort()).toEqual(people.filter((_, i) => i !== 2).map((p) => p.registrationId).sort());
    expect(await db.outboxMessage.count({ where: { eventId: event.id, purpose: "certificado" } })).toBe(4);
    expect(await db.certificateRun.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("issues once even when two job loops take the same batch at the same time", async () => {
    const organizer = await bahiaOrganizer();
    const { event, slug, sessions, after } = await bahiaEvent(organizer);
    for (const name of ["Otávio", "Paula", "Quitéria", "Rômulo"]) await door(organizer, await participant(event.id, `${name} Teste`), sessions[0]!, "ENTRADA", 0);
    const { runId } = await requestIssuing(organizer, slug, after);
    await Promise.all([drain(after, 3), drain(after, 3)]);
    const certs = await certificatesOf(event.id);
    expect(certs).toHaveLength(4);
    expect(new Set(certs.map((c) => c.registrationId)).size).toBe(4);
    expect(await db.outboxMessage.count({ where: { eventId: event.id, purpose: "certificado" } })).toBe(4);
    expect(await db.certificateRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "CONCLUIDA", issued: 4, skipped: 0 });
  });

  it("opens one run for each published event that has ended, and never a second one", async () => {
    const federal = await federalOrganizer();
    const past = schedule({ sessionDays: [-10], opensIn: -30, closesIn: -11 });
    const endedA = await eventFactory(federal, past);
    const endedB = await eventFactory(federal, past);
    const draft = await eventFactory(federal, past, { publish: false });
    const cancelled = await eventFactory(federal, past, { cancelled: "Evento adiado sem nova data" });
    const upcoming = await eventFactory(federal, schedule({ sessionDays: [5] }));
    const requested = await eventFactory(federal, past);
    const { runId } = await requestIssuing(federal, requested.slug);
    const runsOf = (eventId: string) => db.certificateRun.findMany({ where: { eventId } });

    await startRunsForEndedEvents();
    expect(await runsOf(endedA.id)).toMatchObject([{ status: "PENDENTE", requestedById: null }]);
    expect(await runsOf(endedB.id)).toHaveLength(1);
    expect(await runsOf(requested.id)).toMatchObject([{ id: runId, requestedById: federal.userId }]);
    for (const e of [draft, cancelled, upcoming]) expect(await runsOf(e.id)).toEqual([]);

    // Again before the runs are done, and again after: nothing new.
    expect(await startRunsForEndedEvents()).toBe(0);
    await drain(new Date());
    expect(await runsOf(endedA.id)).toMatchObject([{ status: "CONCLUIDA", total: 0, issued: 0 }]);
    expect(await startRunsForEndedEvents()).toBe(0);
    for (const e of [endedA, endedB, requested]) expect(await runsOf(e.id)).toHaveLength(1);
  });

  it("lets only the event's organizers ask, and only for a published event that has started", async () => {
    const organizer = await bahiaOrganizer();
    const { event, slug, after } = await bahiaEvent(organizer);
    const someone = await participant(event.id, "Sônia Participante");
    expect((await rejection(requestIssuing(await pernambucoOrganizer(), slug, after))).status).toBe(403);
    expect((await rejection(requestIssuing(await federalOrganizer(), slug, after))).status).toBe(403);
    expect((await rejection(requestIssuing(someone.actor, slug, after))).status).toBe(403);
    expect((await rejection(requestIssuing(organizer, "evento-que-nao-existe", after))).status).toBe(404);
    expect((await rejection(requestIssuing(organizer, slug, new Date(event.startsAt.getTime() - HOUR)))).status).toBe(409);
    const draft = await eventFactory(organizer, {}, { publish: false });
    expect((await rejection(requestIssuing(organizer, draft.slug, after))).status).toBe(409);
    expect(await db.certificateRun.count({ where: { eventId: { in: [event.id, draft.id] } } })).toBe(0);
  });
});

describe("revoking a certificate", () => {
  it("records the reason once: revoking again says so and keeps the first date and reason; short reasons and other teams are refused", async () => {
    const s = await issuedScene(["Tânia Revogada", "Ulisses Válido"]);
    const [tania, ulisses] = s.people as [Person, Person];
    const code = s.codeOf(tania);
    const first = new Date(s.after.getTime() + DAY);

    expect((await rejection(revokeCertificate(s.organizer, s.codeOf(ulisses), "  erro ", first))).status).toBe(400);
    expect((await rejection(revokeCertificate(await pernambucoOrganizer(), code, "Inscrição em nome de outra pessoa", first))).status).toBe(403);
    expect((await rejection(revokeCertificate(await federalOrganizer(), code, "Inscrição em nome de outra pessoa", first))).status).toBe(403);
    expect((await rejection(revokeCertificate(tania.actor, code, "Não quero mais este certificado", first))).status).toBe(403);
    expect((await rejection(revokeCertificate(s.organizer, "ZZZZ-ZZZZ-ZZZZ", "Inscrição em nome de outra pessoa", first))).status).toBe(404);

    expect(await revokeCertificate(s.organizer, formatCode(code).toLowerCase(), "  Inscrição em nome de outra pessoa ", first)).toEqual({ alreadyRevoked: false });
    expect(await revokeCertificate(s.organizer, code, "Outro motivo, dias depois", new Date(first.getTime() + 3 * DAY))).toEqual({ alreadyRevoked: true });
    expect(await db.certificate.findUniqueOrThrow({ where: { code } })).toMatchObject({ revokedAt: first, revokedReason: "Inscrição em nome de outra pessoa", revokedById: s.organizer.userId });
    expect(await db.certificate.findUniqueOrThrow({ where: { code: s.codeOf(ulisses) } })).toMatchObject({ revokedAt: null });

    expect(await verifyCertificate(code, "192.0.2.20", first)).toMatchObject({
      status: "REVOGADO",
      personName: "Tânia Revogada",
      revokedAt: formatShortDate(first, TZ),
      revokedReason: "Inscrição em nome de outra pessoa",
    });
    expect(await myCertificates(tania.actor)).toMatchObject([{ code: formatCode(code), status: "REVOGADO", revokedReason: "Inscrição em nome de outra pessoa" }]);
  });

  it("is not undone by a later run: the revoked registration gets no new certificate", async () => {
    const s = await issuedScene(["Vera Revogada"]);
    const [vera] = s.people as [Person];
    await revokeCertificate(s.organizer, s.codeOf(vera), "Presença registrada por engano", s.after);
    const { runId } = await requestIssuing(s.organizer, s.slug, s.after);
    await drain(s.after);
    expect(await db.certificateRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "CONCLUIDA", total: 0, issued: 0 });
    expect(await db.certificate.count({ where: { registrationId: vera.registrationId } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { eventId: s.event.id, purpose: "certificado" } })).toBe(1);
  });
});

describe("reissuing a certificate", () => {
  it("after a name change gives a new code with the new name; the old one verifies as superseded and leaves “Meus certificados”", async () => {
    const s = await issuedScene(["Joao da Silva"]);
    const [joao] = s.people as [Person];
    const oldCode = s.codeOf(joao);
    const ok = await updateProfile(joao.actor.userId, { name: "João da Silva Araújo", enteId: "2927408", roleInEnte: "TECNICO" });
    expect(ok).toEqual({ ok: true });

    expect((await rejection(reissueCertificate(joao.actor, oldCode, s.after))).status).toBe(403);
    expect((await rejection(reissueCertificate(await federalOrganizer(), oldCode, s.after))).status).toBe(403);
    const { code } = await reissueCertificate(s.organizer, formatCode(oldCode), s.after);
    expect(code).not.toBe(oldCode);
    const [old, fresh] = await Promise.all([db.certificate.findUniqueOrThrow({ where: { code: oldCode } }), db.certificate.findUniqueOrThrow({ where: { code } })]);
    expect(fresh).toMatchObject({ personName: "João da Silva Araújo", registrationId: joao.registrationId, supersededById: null, revokedAt: null });
    expect(old).toMatchObject({ personName: "Joao da Silva", supersededById: fresh.id });

    expect(await verifyCertificate(oldCode, "192.0.2.30", s.after)).toMatchObject({ status: "SUBSTITUIDO", personName: "Joao da Silva" });
    expect(await verifyCertificate(code, "192.0.2.30", s.after)).toMatchObject({ status: "VALIDO", personName: "João da Silva Araújo" });
    expect((await myCertificates(joao.actor)).map((c) => [c.code, c.status])).toEqual([[formatCode(code), "VALIDO"]]);
    const mail = await db.outboxMessage.findUniqueOrThrow({ where: { key: `certificado:${fresh.id}` } });
    expect(mail).toMatchObject({ toEmail: joao.actor.email, subject: expect.stringMatching(/^Certificado reemitido/) });
    expect(mail.text).toContain(formatCode(code));

    // The superseded one cannot be reissued; the job does not issue a third.
    expect((await rejection(reissueCertificate(s.organizer, oldCode, s.after))).status).toBe(409);
    await requestIssuing(s.organizer, s.slug, s.after);
    await drain(s.after);
    expect(await db.certificate.count({ where: { registrationId: joao.registrationId } })).toBe(2);
  });

  it("reissues once when asked twice at the same time", async () => {
    const s = await issuedScene(["Xavier Duplo"]);
    const [xavier] = s.people as [Person];
    const results = await Promise.allSettled([reissueCertificate(s.organizer, s.codeOf(xavier), s.after), reissueCertificate(s.organizer, s.codeOf(xavier), s.after)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(refused.reason).toMatchObject({ status: 409 });
    expect(await db.certificate.count({ where: { registrationId: xavier.registrationId } })).toBe(2);
    expect(await db.certificate.count({ where: { registrationId: xavier.registrationId, supersededById: null } })).toBe(1);
  });

  it("is refused when the person no longer qualifies under the current rule", async () => {
    const s = await issuedScene(["Yara Ajustada"]);
    const [yara] = s.people as [Person];
    await adjustPresence(s.organizer, s.slug, { registrationId: yara.registrationId, sessionId: s.sessions[0]!.id, minutes: 60, reason: "Saiu no intervalo e não voltou" });
    expect((await rejection(reissueCertificate(s.organizer, s.codeOf(yara), s.after))).status).toBe(409);
    expect(await db.certificate.count({ where: { registrationId: yara.registrationId } })).toBe(1);
  });
});

/** The 8 random bytes from which the code generator makes `code` (the top 4 bits are unused). */
function bytesFor(code: string): Buffer {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  let value = 0n;
  for (const ch of code) value = (value << 5n) | BigInt(alphabet.indexOf(ch));
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(value);
  return bytes;
}

describe("verifying a certificate by its code", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("finds the same certificate however the code is typed: lower case, spaces, dashes, O for 0, l or I for 1", async () => {
    const KNOWN = "7Q0Z1K0MW1TX";
    const realRandomBytes = crypto.randomBytes;
    let handedOut = false;
    vi.spyOn(crypto, "randomBytes").mockImplementation(((size: number) => {
      if (size === 8 && !handedOut) {
        handedOut = true;
        return bytesFor(KNOWN);
      }
      return realRandomBytes(size);
    }) as typeof crypto.randomBytes);
    const s = await issuedScene(["Zélia Conferida"]);
    vi.restoreAllMocks();
    expect(s.codeOf(s.people[0]!)).toBe(KNOWN);

    const ip = "192.0.2.40";
    for (const typed of ["7Q0Z-1K0M-W1TX", "7q0z1k0mw1tx", " 7Q0Z 1K0M W1TX ", "7QOZ-1KOM-W1TX", "7qoz-iko m-wltx", "7Q0Z–1K0M—W1TX"]) {
      expect(await verifyCertificate(typed, ip, s.after), typed).toMatchObject({
        status: "VALIDO",
        code: "7Q0Z-1K0M-W1TX",
        personName: "Zélia Conferida",
        eventTitle: s.event.title,
        place: "Salvador (BA) e online",
        hours: "3 horas",
        revokedAt: null,
      });
    }
  });

  it("answers INEXISTENTE to an unknown code and to garbage", async () => {
    const ip = "192.0.2.50";
    expect(await verifyCertificate("ABCD-EFGH-JKMN", ip)).toEqual({ status: "INEXISTENTE", code: "ABCD-EFGH-JKMN" });
    expect(await verifyCertificate("abcd efgh jkmn", ip)).toEqual({ status: "INEXISTENTE", code: "ABCD-EFGH-JKMN" });
    expect(await verifyCertificate("isto não é um código", ip)).toMatchObject({ status: "INEXISTENTE" });
    expect(await verifyCertificate("", ip)).toMatchObject({ status: "INEXISTENTE" });
    expect(await verifyCertificate("x".repeat(5_000), ip)).toEqual({ status: "INEXISTENTE", code: "x".repeat(40) });
    expect(await verifyCertificate("'; DROP TABLE \"Certificate\"; --", ip)).toMatchObject({ status: "INEXISTENTE" });
  });

  it("shows nothing about the person beyond her name: no CPF, e-mail or ids, whether valid, revoked or superseded", async () => {
    const s = await issuedScene(["Alice Sigilosa", "Beatriz Sigilosa"]);
    const [alice, beatriz] = s.people as [Person, Person];
    await revokeCertificate(s.organizer, s.codeOf(beatriz), "Inscrição duplicada no evento", s.after);
    const oldAlice = s.codeOf(alice);
    const { code: newAlice } = await reissueCertificate(s.organizer, oldAlice, s.after);
    const certIds = (await certificatesOf(s.event.id)).map((c) => c.id);
    const results = [];
    for (const code of [newAlice, oldAlice, s.codeOf(beatriz)]) results.push(await verifyCertificate(code, "192.0.2.60", s.after));
    expect(results.map((r) => r.status)).toEqual(["VALIDO", "SUBSTITUIDO", "REVOGADO"]);
    for (const [i, p] of [alice, alice, beatriz].entries()) {
      const serialized = JSON.stringify(results[i]);
      const masked = maskCpf(p.cpf)!;
      for (const secret of [p.cpf, masked, masked.slice(4, 11), p.actor.email, p.actor.userId, p.registrationId, s.event.id, ...certIds]) {
        expect(serialized).not.toContain(secret);
      }
      expect(Object.keys(results[i]!).sort()).toEqual(
        ["code", "dates", "eventTitle", "eventType", "hours", "hoursMode", "issuedAt", "organizer", "personName", "place", "revokedAt", "revokedReason", "status"].sort(),
      );
    }
  });

  it(`allows ${VERIFICATIONS_PER_MINUTE} look-ups a minute from one address, then 429 there while other addresses go on, and again after a minute`, async () => {
    const s = await issuedScene(["Carolina Consultada"]);
    const code = s.codeOf(s.people[0]!);
    const t0 = new Date(s.after.getTime() + DAY);
    const seconds = (n: number) => new Date(t0.getTime() + n * 1000);
    for (let i = 0; i < VERIFICATIONS_PER_MINUTE; i++) {
      const r = await verifyCertificate(i % 2 ? code : `AAAA-AAAA-${String(i).padStart(4, "0")}`, "198.51.100.1", seconds(i));
      expect(r.status).toBe(i % 2 ? "VALIDO" : "INEXISTENTE");
    }
    expect((await rejection(verifyCertificate(code, "198.51.100.1", seconds(40)))).status).toBe(429);
    expect((await rejection(verifyCertificate("lixo", "198.51.100.1", seconds(59)))).status).toBe(429);
    expect(await verifyCertificate(code, "198.51.100.2", seconds(40))).toMatchObject({ status: "VALIDO" });
    // A minute after the first look-ups, the oldest ones no longer count.
    expect(await verifyCertificate(code, "198.51.100.1", seconds(61))).toMatchObject({ status: "VALIDO" });
    expect(await verifyCertificate(code, "198.51.100.1", seconds(62 + VERIFICATIONS_PER_MINUTE))).toMatchObject({ status: "VALIDO" });
  });
});

describe("the certificate PDF", () => {
  const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

  it("is drawn for the holder and the event's organizers, and for nobody else", async () => {
    const s = await issuedScene(["Débora Nogueira Brandão", "Edson Outro"]);
    const [debora, edson] = s.people as [Person, Person];
    const code = s.codeOf(debora);
    for (const who of [debora.actor, s.organizer]) {
      const pdf = await certificatePdf(who, formatCode(code).toLowerCase());
      expect(isPdf(pdf.bytes)).toBe(true);
      expect(pdf.bytes.length).toBeGreaterThan(1_000);
      expect(pdf.filename).toBe(`certificado-${formatCode(code)}.pdf`);
    }
    expect((await rejection(certificatePdf(edson.actor, code))).status).toBe(403);
    expect((await rejection(certificatePdf(await federalOrganizer(), code))).status).toBe(403);
    expect((await rejection(certificatePdf(await pernambucoOrganizer(), code))).status).toBe(403);
    expect((await rejection(certificatePdf(debora.actor, "ZZZZ-ZZZZ-ZZZZ"))).status).toBe(404);
    expect((await rejection(certificatePdf(debora.actor, "não é código"))).status).toBe(404);
  });

  it("is gone (410) once the certificate is revoked or superseded, while the new one downloads", async () => {
    const s = await issuedScene(["Fábio Revogado", "Gisele Substituída"]);
    const [fabio, gisele] = s.people as [Person, Person];
    await revokeCertificate(s.organizer, s.codeOf(fabio), "Não esteve presente de fato", s.after);
    const { code } = await reissueCertificate(s.organizer, s.codeOf(gisele), s.after);
    for (const who of [fabio.actor, s.organizer]) expect((await rejection(certificatePdf(who, s.codeOf(fabio)))).status).toBe(410);
    for (const who of [gisele.actor, s.organizer]) expect((await rejection(certificatePdf(who, s.codeOf(gisele)))).status).toBe(410);
    expect(isPdf((await certificatePdf(gisele.actor, code)).bytes)).toBe(true);
  });
});
