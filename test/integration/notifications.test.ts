// Every registration and event change writes its message (and invite) in the same transaction,
// to the right people, with iCalendar that calendars will follow.
import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { sessionUid } from "~/modules/calendar/ics";
import { scheduleReminders } from "~/modules/email/notifications.server";
import { eventFormSchema } from "~/modules/events/event-form";
import { cancelEvent, eventFormDefaults, updateEvent } from "~/modules/events/events.server";
import { cancelMyRegistration, register, removeRegistration } from "~/modules/registration/registration.server";

import { eventFactory, federalOrganizer, userFactory } from "../support/factories";
import { parseIcs } from "../support/ics";

async function messagesTo(userId: string, eventId?: string) {
  return db.outboxMessage.findMany({ where: { userId, ...(eventId ? { eventId } : {}) }, orderBy: { createdAt: "asc" } });
}

describe("messages about a registration", () => {
  it("confirms a seat with an invite: one VEVENT per session, stable UIDs, the person as attendee", async () => {
    const organizer = await federalOrganizer();
    const event = await eventFactory(organizer, {
      title: "Oficina com duas sessões",
      timeZone: "America/Rio_Branco",
      sessions: [
        { date: "2031-05-10", start: "09:00", end: "12:00", title: "Manhã" },
        { date: "2031-05-10", start: "14:00", end: "17:00", title: "Tarde" },
      ],
      registrationOpensAt: "2026-01-01T00:00",
      registrationClosesAt: "2031-05-09T18:00",
    });
    const joana = await userFactory({ name: "Joana Conceição" });
    await register(joana, event.id);
    const [m] = await messagesTo(joana.userId);
    expect(m).toMatchObject({ purpose: "inscricao-confirmada", toEmail: joana.email, status: "PENDENTE", icsMethod: "REQUEST" });
    expect(m!.subject).toBe("Inscrição confirmada: Oficina com duas sessões");
    expect(m!.text).toContain("horário do Acre (UTC−5)");
    const ics = parseIcs(m!.icsContent!);
    const sessions = await db.eventSession.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } });
    expect(ics.method).toBe("REQUEST");
    expect(ics.timezones).toEqual(["America/Rio_Branco"]);
    expect(ics.events.map((e) => e.uid)).toEqual(sessions.map((s) => sessionUid(s.id)));
    expect(ics.events[0]).toMatchObject({ sequence: 0, tzid: "America/Rio_Branco", start: new Date("2031-05-10T14:00:00Z") });
    expect(ics.events[0]!.attendees).toEqual([{ email: joana.email, cn: "Joana Conceição", partstat: "ACCEPTED" }]);
    expect(ics.events[0]!.description).toContain(`/eventos/${event.slug}`);
  });

  it("tells the waitlisted their position, without an invite, and promotes the first with an invite when a seat frees", async () => {
    const organizer = await federalOrganizer();
    const event = await eventFactory(organizer, { capacity: 1 });
    const [ana, bia] = [await userFactory({ name: "Ana" }), await userFactory({ name: "Bia" })];
    await register(ana, event.id);
    await register(bia, event.id);
    const [waiting] = await messagesTo(bia.userId);
    expect(waiting).toMatchObject({ purpose: "lista-de-espera", icsMethod: null });
    expect(waiting!.text).toMatch(/posição na lista de espera: 1º/i);

    await cancelMyRegistration(ana, event.id);
    const anaMessages = await messagesTo(ana.userId);
    expect(anaMessages.map((m) => m.purpose)).toEqual(["inscricao-confirmada", "inscricao-cancelada"]);
    const cancel = parseIcs(anaMessages[1]!.icsContent!);
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.events[0]).toMatchObject({ status: "CANCELLED", sequence: 1 });
    expect(cancel.events[0]!.uid).toBe(parseIcs(anaMessages[0]!.icsContent!).events[0]!.uid);

    const biaMessages = await messagesTo(bia.userId);
    expect(biaMessages.map((m) => [m.purpose, m.icsMethod])).toEqual([
      ["lista-de-espera", null],
      ["promovido", "REQUEST"],
    ]);
  });

  it("sends a newer invite when a person registers again after cancelling, so it supersedes the cancellation", async () => {
    const organizer = await federalOrganizer();
    const event = await eventFactory(organizer);
    const p = await userFactory();
    await register(p, event.id);
    await cancelMyRegistration(p, event.id);
    await register(p, event.id);
    const sequences = (await messagesTo(p.userId)).map((m) => [m.purpose, parseIcs(m.icsContent!).events[0]!.sequence]);
    expect(sequences).toEqual([
      ["inscricao-confirmada", 0],
      ["inscricao-cancelada", 1],
      ["inscricao-confirmada", 2],
    ]);
  });

  it("tells a person removed by the organizers why, with the calendar cancellation", async () => {
    const organizer = await federalOrganizer();
    const event = await eventFactory(organizer);
    const p = await userFactory();
    const { registrationId } = await register(p, event.id);
    await removeRegistration(organizer, registrationId, "Inscrição em duplicidade");
    const removed = (await messagesTo(p.userId)).at(-1)!;
    expect(removed).toMatchObject({ purpose: "inscricao-removida", icsMethod: "CANCEL" });
    expect(removed.text).toContain("Inscrição em duplicidade");
  });

  it("writes nothing when the registration is refused", async () => {
    const organizer = await federalOrganizer();
    const event = await eventFactory(organizer, { audienceKind: "UF", audienceUfId: "29" });
    const recife = await userFactory({ ente: "2611606" });
    await expect(register(recife, event.id)).rejects.toMatchObject({ status: 403 });
    expect(await messagesTo(recife.userId)).toEqual([]);
  });
});

describe("messages about the event", () => {
  async function setup() {
    const organizer = await federalOrganizer();
    const event = await eventFactory(organizer, {
      capacity: 1,
      sessions: [
        { date: "2031-06-10", start: "09:00", end: "12:00", title: "Abertura" },
        { date: "2031-06-11", start: "09:00", end: "12:00", title: "Encerramento" },
      ],
      registrationOpensAt: "2026-01-01T00:00",
      registrationClosesAt: "2031-06-09T18:00",
    });
    const confirmed = await userFactory({ name: "Confirmada" });
    const waiting = await userFactory({ name: "Esperando" });
    await register(confirmed, event.id);
    await register(waiting, event.id);
    return { organizer, event, confirmed, waiting };
  }

  it("sends confirmed participants only what changed and an invite with a higher SEQUENCE; a removed session gets its CANCEL", async () => {
    const { organizer, event, confirmed, waiting } = await setup();
    const defaults = await eventFormDefaults(event.id);
    const keptSession = defaults.sessions[0]!;
    const r = await updateEvent(organizer, event.slug, eventFormSchema.parse({ ...defaults, sessions: [{ ...keptSession, start: "14:00", end: "17:00" }] }));
    expect(r.ok).toBe(true);
    const msgs = await messagesTo(confirmed.userId);
    const changed = msgs.find((m) => m.purpose === "evento-alterado")!;
    expect(changed.text).toContain("Sessão 1 (Abertura): de terça-feira, 10 de junho de 2031, das 09:00 às 12:00 para terça-feira, 10 de junho de 2031, das 14:00 às 17:00.");
    const invite = parseIcs(changed.icsContent!);
    expect(invite.method).toBe("REQUEST");
    expect(invite.events).toHaveLength(1);
    expect(invite.events[0]).toMatchObject({ uid: sessionUid(keptSession.id!), sequence: 1, start: new Date("2031-06-10T17:00:00Z") });
    const removed = msgs.find((m) => m.purpose === "sessao-cancelada")!;
    const cancel = parseIcs(removed.icsContent!);
    expect(cancel).toMatchObject({ method: "CANCEL" });
    expect(cancel.events.map((e) => [e.uid, e.status])).toEqual([[sessionUid(defaults.sessions[1]!.id!), "CANCELLED"]]);
    expect((await messagesTo(waiting.userId)).map((m) => m.purpose)).toEqual(["lista-de-espera"]);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).icsSequence).toBe(1);
  });

  it("sends nothing when only the description changes, and nothing about drafts", async () => {
    const { organizer, event, confirmed } = await setup();
    const defaults = await eventFormDefaults(event.id);
    await updateEvent(organizer, event.slug, eventFormSchema.parse({ ...defaults, descriptionMd: "Nova descrição" }));
    expect((await messagesTo(confirmed.userId)).map((m) => m.purpose)).toEqual(["inscricao-confirmada"]);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).icsSequence).toBe(0);

    const draft = await eventFactory(organizer, {}, { publish: false });
    const d = await eventFormDefaults(draft.id);
    await updateEvent(organizer, draft.slug, eventFormSchema.parse({ ...d, title: "Outro título de rascunho" }));
    expect(await db.outboxMessage.count({ where: { eventId: draft.id } })).toBe(0);
  });

  it("tells everyone when the event is cancelled; only those with a seat get the calendar CANCEL", async () => {
    const { organizer, event, confirmed, waiting } = await setup();
    await cancelEvent(organizer, event.slug, "Mudança de agenda do ministério");
    const toConfirmed = (await messagesTo(confirmed.userId)).at(-1)!;
    const toWaiting = (await messagesTo(waiting.userId)).at(-1)!;
    expect(toConfirmed).toMatchObject({ purpose: "evento-cancelado", icsMethod: "CANCEL" });
    expect(parseIcs(toConfirmed.icsContent!).events.every((e) => e.status === "CANCELLED" && e.sequence === 1)).toBe(true);
    expect(toWaiting).toMatchObject({ purpose: "evento-cancelado", icsMethod: null });
    expect(toWaiting.text).toContain("Mudança de agenda do ministério");
  });
});

describe("reminders", () => {
  it("sends the 24-hour and the 1-hour reminder once each, and new ones when the session moves", async () => {
    const organizer = await federalOrganizer();
    const start = new Date(Date.now() + 30 * 86_400_000);
    const event = await eventFactory(organizer, { format: "ONLINE" });
    const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
    await db.eventSession.update({ where: { id: session.id }, data: { startsAt: start, endsAt: new Date(start.getTime() + 3 * 3_600_000) } });
    const p = await userFactory();
    await register(p, event.id);

    const reminders = async () => (await messagesTo(p.userId)).filter((m) => m.purpose.startsWith("lembrete"));
    expect(await db.$transaction((tx) => scheduleReminders(tx, new Date(start.getTime() - 25 * 3_600_000)))).toBe(0);
    await db.$transaction((tx) => scheduleReminders(tx, new Date(start.getTime() - 23 * 3_600_000)));
    await db.$transaction((tx) => scheduleReminders(tx, new Date(start.getTime() - 22 * 3_600_000)));
    expect((await reminders()).map((m) => m.purpose)).toEqual(["lembrete-24h"]);
    expect((await reminders())[0]!.text).toContain(`/eventos/${event.slug}`);
    await db.$transaction((tx) => scheduleReminders(tx, new Date(start.getTime() - 30 * 60_000)));
    expect((await reminders()).map((m) => m.purpose)).toEqual(["lembrete-24h", "lembrete-1h"]);

    const moved = new Date(start.getTime() + 86_400_000);
    await db.eventSession.update({ where: { id: session.id }, data: { startsAt: moved, endsAt: new Date(moved.getTime() + 3_600_000) } });
    await db.$transaction((tx) => scheduleReminders(tx, new Date(moved.getTime() - 20 * 3_600_000)));
    expect((await reminders()).map((m) => m.purpose)).toEqual(["lembrete-24h", "lembrete-1h", "lembrete-24h"]);
  });
});
