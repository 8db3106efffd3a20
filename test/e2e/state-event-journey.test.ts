// The foundation's journey in real Chromium: a state team publishes an event for its
// municipalities; a technician of that state registers; one of another state is told he is not
// in the audience; another state's organizer cannot open the edit page.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { toLocalParts } from "~/lib/time";

import { launchBrowser, logIn, newPage } from "../support/browser";
import { bahiaOrganizer, pernambucoOrganizer, TEST_PASSWORD, userFactory } from "../support/factories";

const DAY = 86_400_000;
const local = (offsetDays: number) => toLocalParts(new Date(Date.now() + offsetDays * DAY), "America/Sao_Paulo");

describe("a state event from creation to registration", () => {
  let browser: Browser;
  const title = `Oficina estadual de vigilância socioassistencial ${Date.now()}`;
  let slug = "";
  let bahia: Awaited<ReturnType<typeof bahiaOrganizer>>;
  let salvador: Awaited<ReturnType<typeof userFactory>>;
  let recife: Awaited<ReturnType<typeof userFactory>>;
  let pernambuco: Awaited<ReturnType<typeof pernambucoOrganizer>>;

  beforeAll(async () => {
    browser = await launchBrowser();
    bahia = await bahiaOrganizer({ name: "Beatriz Organizadora", email: `bahia.${Date.now()}@teste.gov.br` });
    salvador = await userFactory({ name: "Joana Técnica de Salvador", ente: "2927408", email: `salvador.${Date.now()}@teste.gov.br` });
    recife = await userFactory({ name: "Pedro Técnico de Recife", ente: "2611606", email: `recife.${Date.now()}@teste.gov.br` });
    pernambuco = await pernambucoOrganizer({ email: `pe.${Date.now()}@teste.gov.br` });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("lets the Bahia state organizer create an on-site event for her municipalities and publish it", async () => {
    const { page, done } = await newPage(browser);
    await logIn(page, bahia.email, TEST_PASSWORD);
    await page.getByRole("link", { name: "Organizar", exact: true }).click();
    await page.getByRole("link", { name: "Criar evento" }).click();
    await page.waitForURL("**/organizar/eventos/novo");

    await page.getByLabel("Título", { exact: true }).fill(title);
    await page.getByLabel("Tipo").selectOption("OFICINA");
    await page.getByRole("radio", { name: "Presencial", exact: true }).check();
    await page.getByLabel("Data").fill(local(12).date);
    await page.getByLabel("Início", { exact: true }).fill("09:00");
    await page.getByLabel("Término").fill("17:00");
    await page.getByLabel("Nome do local").fill("Auditório da Secretaria");
    await page.getByLabel("Endereço").fill("Av. Luiz Viana Filho, 200");
    // The municipality picker suggests as you type and fills the IBGE code.
    await page.getByRole("combobox", { name: "Município" }).fill("Feira de San");
    await page.getByRole("option", { name: /Feira de Santana \(BA\)/ }).click();
    await expect(page.getByRole("combobox", { name: "Município" }).inputValue()).resolves.toBe("Feira de Santana (BA)");
    await page.getByRole("radio", { name: "Um estado e seus municípios" }).check();
    await page.getByLabel("Capacidade (vagas)").fill("30");
    await page.getByLabel("Carga horária (horas)").fill("8");
    await page.getByLabel("Início das inscrições").fill(`${local(-1).date}T08:00`);
    await page.getByLabel("Fim das inscrições").fill(`${local(11).date}T23:00`);
    await page.getByRole("button", { name: "Salvar rascunho" }).click();

    await page.getByText("Evento criado como rascunho").waitFor();
    slug = new URL(page.url()).pathname.split("/").at(-1)!;
    expect(slug).toMatch(/^oficina-estadual-de-vigilancia-socioassistencial/);
    await page.getByRole("button", { name: "Publicar" }).click();
    await page.getByText("Evento publicado.").waitFor();
    await expect(page.getByText("Publicado", { exact: true }).isVisible()).resolves.toBe(true);
    await done();
  });

  it("lets a municipal technician of Bahia find the event, register with one click and see it in Minhas inscrições", async () => {
    const { page, done } = await newPage(browser);
    await logIn(page, salvador.email, TEST_PASSWORD);
    await page.goto("/eventos?uf=BA&tipo=oficina");
    await page.getByRole("link", { name: title }).click();
    await page.waitForURL(`**/eventos/${slug}`);
    await page.getByText("Horários: horário de Brasília (UTC−3).").waitFor();
    await page.getByRole("button", { name: "Inscrever-me" }).click();
    await page.getByText(`Inscrição confirmada em “${title}”.`).waitFor();
    await expect(page.getByText("30 · 29 vagas restantes").isVisible()).resolves.toBe(true);

    await page.getByRole("link", { name: "Minhas inscrições" }).click();
    await page.waitForURL("**/minhas-inscricoes");
    const row = page.getByRole("row", { name: new RegExp(title) });
    await expect(row.getByText("Confirmada").isVisible()).resolves.toBe(true);
    await done();
  });

  it("tells a technician of another state that he is not in the audience, with no register button", async () => {
    const { page, done } = await newPage(browser);
    await logIn(page, recife.email, TEST_PASSWORD);
    await page.goto(`/eventos/${slug}`);
    await page.getByText("não faz parte do público-alvo").waitFor();
    expect(await page.getByRole("button", { name: "Inscrever-me" }).count()).toBe(0);
    await done();
  });

  it("refuses the edit page to an organizer of another state with a 403 page in Portuguese", async () => {
    const { page, done } = await newPage(browser);
    await logIn(page, pernambuco.email, TEST_PASSWORD);
    const response = await page.goto(`/organizar/eventos/${slug}/editar`);
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { name: "Acesso não permitido" }).waitFor();
    expect(await page.getByLabel("Título", { exact: true }).count()).toBe(0);
    await done();
  });

  it("lets a technician register without JavaScript, since every form works without it", async () => {
    const other = await userFactory({ name: "Cícero sem JavaScript", ente: "2900207" });
    const { page, done } = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, other.email, TEST_PASSWORD);
    await page.goto(`/eventos/${slug}`);
    await page.getByRole("button", { name: "Inscrever-me" }).click();
    await page.getByText(`Inscrição confirmada em “${title}”.`).waitFor();
    await done();
  });
});
