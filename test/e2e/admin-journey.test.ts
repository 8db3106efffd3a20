// The administrator grants and revokes organizer roles in the browser, with the ente picker.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";

import { launchBrowser, logIn, newPage } from "../support/browser";
import { TEST_PASSWORD, userFactory } from "../support/factories";

describe("administration of the organizing teams", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("grants a state team role with the picker, shows it, and revokes it", async () => {
    const admin = await userFactory({ isAdmin: true, name: "Administradora" });
    const person = await userFactory({ name: "Nova Organizadora", ente: "28" });
    const { page, done } = await newPage(browser);
    await logIn(page, admin.email, TEST_PASSWORD);
    await page.getByRole("link", { name: "Administração" }).click();
    await page.waitForURL("**/admin/organizadores");
    await page.getByLabel("E-mail da pessoa (já cadastrada)").fill(person.email);
    await page.getByRole("combobox", { name: "Organiza por" }).fill("Sergi");
    await page.getByRole("option", { name: /Sergipe/ }).click();
    await page.getByRole("button", { name: "Atribuir" }).click();
    await page.getByText(`${person.email} agora organiza eventos.`).waitFor();
    expect(await db.organizerRole.count({ where: { userId: person.userId, enteId: "28" } })).toBe(1);

    await page.getByRole("button", { name: /Revogar Nova Organizadora de Sergipe/ }).click();
    await page.getByText("Atribuição revogada.").waitFor();
    expect(await db.organizerRole.count({ where: { userId: person.userId } })).toBe(0);
    await done();
  });

  it("shows the errors of an invalid grant next to the fields", async () => {
    const admin = await userFactory({ isAdmin: true });
    const { page, done } = await newPage(browser);
    await logIn(page, admin.email, TEST_PASSWORD);
    await page.goto("/admin/organizadores");
    await page.getByLabel("E-mail da pessoa (já cadastrada)").fill("ninguem@lugar-nenhum.gov.br");
    await page.getByRole("combobox", { name: "Organiza por" }).fill("Lugar Inexistente");
    await page.getByRole("button", { name: "Atribuir" }).click();
    await page.getByText("Não há conta com este e-mail. Peça à pessoa que se cadastre primeiro.").first().waitFor();
    await page.getByText(/Não encontramos “Lugar Inexistente”/).first().waitFor();
    await done();
  });
});
