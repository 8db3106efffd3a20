// Invitations end to end: the Bahia state team invites all its Pequeno Porte I municipalities with
// 2 seats each; a gestor accepts from the e-mailed link and nominates a colleague; the organizer
// sees one municipality answered and reminds the rest.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";

import { launchBrowser, logIn, newPage, waitForMail } from "../support/browser";
import { bahiaOrganizer, eventFactory, TEST_PASSWORD, userFactory } from "../support/factories";

describe("inviting a state's small municipalities", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("goes from the bulk invitation to an accepted seat, a nominated colleague and a reminder for the rest", async () => {
    const bahia = await bahiaOrganizer({ name: "Equipe da Bahia" });
    const title = `Oficina para municípios de Pequeno Porte I ${Date.now()}`;
    const event = await eventFactory(bahia, { title, visibility: "CONVITE", capacity: 900 });
    const gestor = await userFactory({ name: "Gestor de Abaré", ente: "2900207", roleInEnte: "GESTOR" });
    const colega = await userFactory({ name: "Colega de Abaré", ente: "2900207", roleInEnte: "TECNICO" });
    const outroGestor = await userFactory({ name: "Gestora de Abaíra", ente: "2900108", roleInEnte: "GESTOR" });
    const pp1 = await db.ente.count({ where: { uf: "BA", kind: "MUNICIPIO", porte: "PP1" } });

    // The organizer invites every Pequeno Porte I municipality of Bahia, 2 seats each, after a preview.
    const org = await newPage(browser);
    await logIn(org.page, bahia.email, TEST_PASSWORD);
    await org.page.goto(`/organizar/eventos/${event.slug}`);
    await org.page.getByRole("link", { name: "Convites" }).click();
    await org.page.getByLabel("Pequeno Porte I (até 20.000 hab.)").check();
    await org.page.getByLabel("Vagas por ente").fill("2");
    await org.page.getByRole("button", { name: "Revisar a lista" }).first().click();
    const confirm = org.page.getByRole("button", { name: `Convidar ${pp1} entes com 2 vagas cada` });
    await confirm.waitFor();
    await confirm.click();
    await org.page.getByText(`${pp1} entes convidados`).waitFor();

    // The gestor of Abaré receives the invitation, accepts it and nominates a colleague.
    const mail = await waitForMail(gestor.email, /^Convite:/);
    expect(mail.parsed.subject).toBe(`Convite: ${title}`);
    expect(mail.parsed.text).toContain("2 vagas");
    const link = /https?:\/\/[^\s]+\/convites\/[A-Za-z0-9._-]+/.exec(mail.parsed.text ?? "")![0];
    const g = await newPage(browser);
    await logIn(g.page, gestor.email, TEST_PASSWORD);
    await g.page.goto(new URL(link).pathname);
    await g.page.getByRole("button", { name: "Aceitar o convite" }).click();
    await g.page.getByText(`Inscrição confirmada em “${title}”.`).waitFor();
    await g.page.getByText("1 de 2 vagas ocupadas").waitFor();
    await g.page.getByLabel("E-mail do(a) colega").fill(colega.email);
    await g.page.getByRole("button", { name: "Indicar" }).click();
    await g.page.getByText("Colega de Abaré foi indicada(o) e está com a inscrição confirmada.").waitFor();
    await g.page.getByText("Todas as vagas estão ocupadas.").waitFor();
    const nomination = await waitForMail(colega.email, /indicado\(a\)/);
    expect(nomination.parsed.text).toContain("Gestor de Abaré");
    await g.done();

    // The organizer sees one municipality answered, filters those without an answer and reminds them.
    await org.page.goto(`/organizar/eventos/${event.slug}/convites`);
    await org.page.getByText(`Sem resposta: ${pp1 - 1}`).waitFor();
    await org.page.getByRole("row", { name: /Abaré \(BA\)/ }).getByText("Aceito").waitFor();
    await org.page.getByRole("row", { name: /Abaré \(BA\)/ }).getByText("2 de 2").waitFor();
    await org.page.getByRole("button", { name: `Lembrar quem não respondeu (${pp1 - 1})` }).click();
    await org.page.getByText(/Lembrete enviado: \d+ e-mails para \d+ entes sem resposta/).waitFor();
    expect(await org.page.getByRole("row", { name: /Abaré \(BA\)/ }).count()).toBe(0);
    const reminder = await waitForMail(outroGestor.email, /^Lembrete de convite:/);
    expect(reminder.parsed.subject).toBe(`Lembrete de convite: ${title}`);
    await org.done();
  });
});
