// The federal team's weekly look at participation, in Chromium: the dashboard, narrowed to a region,
// the UF table downloaded as XLSX (opened here with a spreadsheet library), Bahia's map by
// municipality, then the priority list and three municipalities invited to an upcoming event in one step.
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { rebuildAllFacts } from "~/modules/metrics/facts.server";
import { register } from "~/modules/registration/registration.server";

import { launchBrowser, logIn, newPage } from "../support/browser";
import { eventFactory, federalOrganizer, schedule, TEST_PASSWORD, userFactory } from "../support/factories";

describe("the federal participation dashboard", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("filters by region, downloads the UF table as XLSX, opens Bahia's municipal map, and invites three municipalities from the priority list", async () => {
    const federal = await federalOrganizer({ name: "Fernanda Painel" });
    // A past federal event with people from Salvador (BA) and Recife (PE) present.
    const past = await eventFactory(federal, { ...schedule({ sessionDays: [-8], opensIn: -20, closesIn: -9 }), format: "ONLINE", title: "Oficina passada do painel" });
    const session = await db.eventSession.findFirstOrThrow({ where: { eventId: past.id } });
    for (const ente of ["2927408", "2611606"]) {
      const person = await userFactory({ ente });
      const { registrationId } = await register(person, past.id, new Date(past.registrationOpensAt.getTime() + 3_600_000));
      await db.presenceInterval.create({
        data: { sessionId: session.id, registrationId, participantSid: `PA_${ente}`, identity: `p:${registrationId}`, startedAt: session.startsAt, endedAt: session.endsAt, source: "webhook" },
      });
    }
    await rebuildAllFacts();
    const upcoming = await eventFactory(federal, { title: "Encontro para municípios ainda não alcançados", capacity: 100 });

    const { page, done } = await newPage(browser);
    await logIn(page, federal.email, TEST_PASSWORD);
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Painel" }).click();
    await page.getByRole("heading", { name: "Participação no Brasil" }).waitFor();
    await page.getByRole("img", { name: /Cobertura de municípios por UF/ }).or(page.getByRole("group", { name: /Cobertura de municípios por UF/ })).first().waitFor();

    // Narrow to the Nordeste.
    await page.getByLabel("Região", { exact: true }).selectOption("Nordeste");
    await page.getByRole("button", { name: "Aplicar filtros" }).click();
    await page.getByRole("heading", { name: "Participação na região Nordeste" }).waitFor();
    const ufTable = page.getByRole("table", { name: "Participação por UF" });
    expect(await ufTable.getByRole("row").count()).toBe(10); // header + 9 UFs of the Nordeste
    await ufTable.getByRole("row", { name: /Bahia/ }).waitFor();

    // Download the UF table as XLSX and read it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "XLSX (a tabela por UF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^participacao-ufs-\d{4}-\d{2}-a-\d{4}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getRow(2).getCell(1).value)).toContain("Período:");
    const rows = sheet.getRows(5, sheet.rowCount - 4)!.map((r) => [r.getCell(1).value, r.getCell(5).value, r.getCell(6).value]);
    expect(rows.map((r) => r[0])).toEqual(["AL", "BA", "CE", "MA", "PB", "PE", "PI", "RN", "SE"]);
    expect(rows.find((r) => r[0] === "BA")![2]).toBeGreaterThanOrEqual(1); // presentes
    expect(rows.find((r) => r[0] === "PE")![2]).toBeGreaterThanOrEqual(1);

    // Bahia's dashboard: its municipalities on the map, Salvador reached, the others hatched.
    await ufTable.getByRole("link", { name: /Bahia/ }).click();
    await page.getByRole("heading", { name: "Participação: Bahia" }).waitFor();
    const map = page.getByRole("img", { name: "Pessoas presentes por município da Bahia" });
    await map.waitFor();
    expect(await map.locator("path.chart-map-area").count()).toBe(417);
    expect(await map.locator('path[data-area="2927408"]').getAttribute("class")).toMatch(/chart-map-c\d/);
    expect(await map.locator("path.chart-map-sem-dados").count()).toBeGreaterThanOrEqual(400);
    expect(await map.locator("desc").textContent()).toMatch(/de 417 municípios com dados \(\d+: ninguém presente\)/);

    // The priority list, Bahia's Pequeno Porte I municipalities, three of them invited.
    await page.getByRole("link", { name: "Municípios da Bahia que ainda precisam de apoio" }).click();
    await page.getByRole("heading", { name: /Prioridades de apoio técnico/ }).waitFor();
    await page.getByLabel("UF", { exact: true }).fill("BA");
    await page.getByLabel("Porte", { exact: true }).selectOption({ label: "Pequeno Porte I" });
    await page.getByRole("button", { name: "Aplicar" }).click();
    // The heading already names Bahia: wait for the filtered list itself.
    await page.waitForURL(/[?&]porte=pp1/);
    await page.getByRole("heading", { name: "Prioridades de apoio técnico: Bahia" }).waitFor();
    await page.waitForLoadState("networkidle");
    const boxes = page.getByRole("checkbox", { name: /^Convidar / });
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const box = boxes.nth(i);
      names.push((await box.getAttribute("value"))!);
      await box.check();
    }
    await page.getByLabel("Evento", { exact: true }).selectOption(upcoming.slug);
    await page.getByLabel("Vagas por município").fill("3");
    await page.getByRole("button", { name: "Convidar os marcados" }).click();
    await page.waitForURL(`**/organizar/eventos/${upcoming.slug}/convites`);
    await page.getByText(/3 município\(s\) convidado\(s\) a partir da lista de prioridades/).waitFor();
    const invited = await db.enteInvitation.findMany({ where: { eventId: upcoming.id }, select: { enteId: true, quota: true } });
    expect(invited.map((i) => i.enteId).sort()).toEqual(names.sort());
    expect(invited.every((i) => i.quota === 3)).toBe(true);
    await done();
  });
});
