// The calendar follows the event, end to end: register in the browser → the invite arrives by
// real SMTP → the organizer moves the session → the update with SEQUENCE+1 arrives → the
// participant cancels → the CANCEL arrives, always for the same UID.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { sessionUid } from "~/modules/calendar/ics";

import { baseUrl, inviteOf, launchBrowser, logIn, newPage, waitForMail } from "../support/browser";
import { eventFactory, federalOrganizer, TEST_PASSWORD, userFactory } from "../support/factories";
import { parseIcs } from "../support/ics";

describe("e-mail and calendar invites that follow the event", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sends the invite, its update with a higher SEQUENCE, and the cancellation, for the same session UID", async () => {
    const organizer = await federalOrganizer();
    const title = `Videoconferência sobre o CadÚnico ${Date.now()}`;
    const event = await eventFactory(organizer, {
      title,
      type: "VIDEOCONFERENCIA",
      timeZone: "America/Rio_Branco",
      sessions: [{ date: "2031-08-20", start: "09:00", end: "11:00" }],
      registrationOpensAt: "2026-01-01T00:00",
      registrationClosesAt: "2031-08-19T18:00",
    });
    const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
    const person = await userFactory({ name: "Francisca das Chagas" });

    // 1. She registers in the browser; the confirmation with the invite arrives.
    const participant = await newPage(browser);
    await logIn(participant.page, person.email, TEST_PASSWORD);
    await participant.page.goto(`/eventos/${event.slug}`);
    await participant.page.getByRole("button", { name: "Inscrever-me" }).click();
    await participant.page.getByText(`Inscrição confirmada em “${title}”.`).waitFor();
    const confirmation = await waitForMail(person.email, /^Inscrição confirmada/);
    expect(confirmation.parsed.subject).toBe(`Inscrição confirmada: ${title}`);
    expect(confirmation.parsed.text).toContain("Francisca das Chagas");
    expect(confirmation.parsed.html).toContain("horário do Acre (UTC−5)");
    const invite = parseIcs(inviteOf(confirmation));
    expect(invite.method).toBe("REQUEST");
    expect(invite.events).toHaveLength(1);
    expect(invite.events[0]).toMatchObject({ uid: sessionUid(session.id), sequence: 0, tzid: "America/Rio_Branco", start: new Date("2031-08-20T14:00:00Z") });
    expect(invite.events[0]!.attendees[0]).toMatchObject({ email: person.email, partstat: "ACCEPTED" });

    // 2. The organizer moves the session in the browser; the update arrives with SEQUENCE 1.
    const org = await newPage(browser);
    await logIn(org.page, organizer.email, TEST_PASSWORD);
    await org.page.goto(`/organizar/eventos/${event.slug}/editar`);
    await org.page.getByLabel("Início", { exact: true }).fill("14:00");
    await org.page.getByLabel("Término").fill("16:00");
    await org.page.getByRole("button", { name: "Salvar alterações" }).click();
    await org.page.getByText("Alterações salvas.").waitFor();
    const update = await waitForMail(person.email, /^Evento alterado/);
    expect(update.parsed.text).toContain("das 09:00 às 11:00 para");
    expect(update.parsed.text).toContain("das 14:00 às 16:00");
    const updated = parseIcs(inviteOf(update));
    expect(updated.method).toBe("REQUEST");
    expect(updated.events[0]).toMatchObject({ uid: sessionUid(session.id), sequence: 1, start: new Date("2031-08-20T19:00:00Z") });

    // The organizer sees the delivery status of the event's messages.
    await org.page.goto(`/organizar/eventos/${event.slug}/mensagens`);
    await org.page.getByRole("row", { name: /Inscrição confirmada/ }).getByText("Entregue ao servidor de e-mail").waitFor();
    await org.done();

    // 3. She cancels; the CANCEL arrives for the same UID with a higher SEQUENCE.
    await participant.page.goto(`/eventos/${event.slug}`);
    await participant.page.getByRole("button", { name: "Cancelar minha inscrição" }).click();
    await participant.page.getByText("foi cancelada").waitFor();
    const cancellation = await waitForMail(person.email, /^Inscrição cancelada/);
    const cancel = parseIcs(inviteOf(cancellation));
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.events[0]).toMatchObject({ uid: sessionUid(session.id), status: "CANCELLED", sequence: 2 });
    expect(confirmation.messageId).not.toBe(update.messageId);
    await participant.done();
  });

  it("offers a private calendar address in the profile that serves the person's sessions", async () => {
    const organizer = await federalOrganizer();
    const event = await eventFactory(organizer, { title: `Encontro para a agenda ${Date.now()}` });
    const person = await userFactory();
    const { page, done } = await newPage(browser);
    await logIn(page, person.email, TEST_PASSWORD);
    await page.goto(`/eventos/${event.slug}`);
    await page.getByRole("button", { name: "Inscrever-me" }).click();
    await page.getByText("Inscrição confirmada").first().waitFor();
    await page.goto("/perfil");
    await page.getByRole("button", { name: "Criar endereço de assinatura" }).click();
    const address = await page.getByLabel("Endereço da sua agenda (pessoal: não compartilhe)").inputValue();
    expect(address).toMatch(/\/calendario\/[A-Za-z0-9_-]+\.ics$/);
    const res = await fetch(address.replace(/^https?:\/\/[^/]+/, baseUrl()));
    expect(res.headers.get("content-type")).toContain("text/calendar");
    expect(parseIcs(await res.text()).events.map((e) => e.summary)).toEqual([event.title]);
    await done();
  });
});
