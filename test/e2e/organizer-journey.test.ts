// The federal team runs an event in real Chromium: follows registrations, exports the sheet,
// removes a registration (the waitlist moves), edits the agenda, duplicates and cancels.
import fs from "node:fs";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { toLocalParts } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { register } from "~/modules/registration/registration.server";

import { launchBrowser, logIn, newPage } from "../support/browser";
import { cpfFactory, eventFactory, federalOrganizer, TEST_PASSWORD, userFactory } from "../support/factories";

describe("the federal team running an event", () => {
  let browser: Browser;
  let organizer: Actor;
  let slug = "";
  let eventId = "";
  const people: Actor[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    organizer = await federalOrganizer();
    const event = await eventFactory(organizer, { title: `Videoconferência nacional de teste ${Date.now()}`, capacity: 2, type: "VIDEOCONFERENCIA" });
    slug = event.slug;
    eventId = event.id;
    people.push(await userFactory({ name: "Ana Primeira", ente: "2927408", cpf: cpfFactory() }));
    people.push(await userFactory({ name: "=HYPERLINK(\"http://x\")", ente: "2611606" }));
    people.push(await userFactory({ name: "Carla Terceira", ente: "1302603" }));
    for (const p of people) await register(p, eventId);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the registrations with filters and exports them as a spreadsheet Excel opens with accents", async () => {
    const { page, done } = await newPage(browser);
    await logIn(page, organizer.email, TEST_PASSWORD);
    await page.goto(`/organizar/eventos/${slug}`);
    await page.getByText("2 confirmadas de 2 vagas, 1 na lista de espera").waitFor();
    await page.getByRole("link", { name: "Ver inscrições" }).click();
    await page.getByText("3 inscrições com esses filtros.").waitFor();

    await page.getByLabel("Situação").selectOption("espera");
    await page.getByRole("button", { name: "Filtrar" }).click();
    await page.getByText("1 inscrição com esses filtros.").waitFor();
    await page.getByRole("cell", { name: /^Carla Terceira/ }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Baixar planilha (CSV)" }).click()]);
    expect(download.suggestedFilename()).toBe(`inscricoes-${slug}.csv`);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("Nome;E-mail;CPF;Função;Ente;Código IBGE;UF;Situação;Posição na espera;Inscrição em");
    expect(csv).toContain("Carla Terceira");
    expect(csv).toContain("Manaus;1302603;AM;Lista de espera;1;");
    expect(csv).not.toContain("Ana Primeira");
    await done();
  });

  it("removes a confirmed registration with a reason and the first in the waitlist takes the seat", async () => {
    const { page, done } = await newPage(browser);
    await logIn(page, organizer.email, TEST_PASSWORD);
    await page.goto(`/organizar/eventos/${slug}/inscricoes`);
    await page.getByLabel("Motivo da remoção de Ana Primeira").fill("Inscrição duplicada pela secretaria");
    await page.getByRole("row", { name: /Ana Primeira/ }).getByRole("button", { name: "Remover" }).click();
    await page.getByText("Inscrição removida.").waitFor();
    const statuses = await db.registration.findMany({ where: { eventId }, select: { userId: true, status: true, removalReason: true } });
    const of = (a: Actor) => statuses.find((s) => s.userId === a.userId)!;
    expect(of(people[0]!)).toMatchObject({ status: "REMOVIDA", removalReason: "Inscrição duplicada pela secretaria" });
    expect(of(people[2]!).status).toBe("CONFIRMADA");
    await page.getByRole("row", { name: /Carla Terceira/ }).getByText("Confirmada").waitFor();
    await done();
  });

  it("adds a session to the agenda and the event page shows both in the event's time zone", async () => {
    const { page, done } = await newPage(browser);
    await logIn(page, organizer.email, TEST_PASSWORD);
    await page.goto(`/organizar/eventos/${slug}/editar`);
    await page.getByRole("button", { name: "Adicionar sessão" }).click();
    const second = page.locator(".session-row").nth(1);
    await second.getByLabel("Título da sessão (opcional)").fill("Segunda parte");
    const day = toLocalParts(new Date(Date.now() + 11 * 86_400_000), "America/Sao_Paulo").date;
    await second.getByLabel("Data").fill(day);
    await second.getByLabel("Início").fill("14:00");
    await second.getByLabel("Término").fill("16:30");
    await page.getByLabel("Fim das inscrições").fill(`${day}T12:00`);
    await page.getByRole("button", { name: "Salvar alterações" }).click();
    await page.getByText("Alterações salvas.").waitFor();
    await page.goto(`/eventos/${slug}`);
    await page.getByText("Segunda parte", { exact: true }).waitFor();
    await page.getByText(/das 14:00 às 16:30/).waitFor();
    expect(await db.eventSession.count({ where: { eventId } })).toBe(2);
    await done();
  });

  it("duplicates the event as a draft copy and cancels the original with a reason shown to everyone", async () => {
    const { page, done } = await newPage(browser);
    await logIn(page, organizer.email, TEST_PASSWORD);
    await page.goto(`/organizar/eventos/${slug}`);
    await page.getByRole("button", { name: "Duplicar" }).click();
    await page.getByText("Cópia criada como rascunho.").waitFor();
    await expect(page.getByLabel("Título", { exact: true }).inputValue()).resolves.toMatch(/^Cópia de Videoconferência nacional de teste/);

    await page.goto(`/organizar/eventos/${slug}`);
    await page.getByText("Cancelar este evento").click();
    await page.getByLabel("Motivo do cancelamento").fill("Mudança na agenda do ministério");
    await page.getByRole("button", { name: "Cancelar o evento" }).click();
    await page.getByText("Evento cancelado.").waitFor();
    await page.goto(`/eventos/${slug}`);
    await page.getByText("Este evento foi cancelado. Motivo: Mudança na agenda do ministério").waitFor();
    await done();
  });
});
