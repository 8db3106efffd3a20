// The organizer's check-in desk on a phone, in real Chromium: a participant's badge read by the
// (fake) camera, and a check-in by name made offline, kept across a reload served by the service
// worker, and sent once when the connection comes back.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

import type { Browser } from "playwright-core";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { badgePayload } from "~/modules/attendance/badge.server";
import { checkinCounts } from "~/modules/attendance/checkin.server";
import { register } from "~/modules/registration/registration.server";

import { baseUrl, launchBrowser, logIn, newPage } from "../support/browser";
import { bahiaOrganizer, eventFactory, TEST_PASSWORD, userFactory } from "../support/factories";
import { until } from "../support/wait";

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * A camera recording of the badge: its QR drawn as a PNG, the gray levels as the Y plane of a few
 * identical YUV4MPEG2 4:2:0 frames (U and V at 128, no color), which Chromium's fake camera loops.
 */
async function badgeVideo(payload: string, file: string): Promise<void> {
  const [width, height] = [640, 480];
  const qr = PNG.sync.read(await QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 4, width: 440 }));
  const y = Buffer.alloc(width * height, 255);
  const left = Math.floor((width - qr.width) / 2);
  const top = Math.floor((height - qr.height) / 2);
  for (let row = 0; row < qr.height; row++) {
    for (let col = 0; col < qr.width; col++) {
      const i = (row * qr.width + col) * 4;
      y[(top + row) * width + left + col] = Math.round(0.299 * qr.data[i]! + 0.587 * qr.data[i + 1]! + 0.114 * qr.data[i + 2]!);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 5 }, () => frame)]));
}

describe("the organizer's check-in desk on a phone", () => {
  let browser: Browser;
  let organizer: Actor;
  let slug = "";
  let sessionId = "";
  let camera: { registrationId: string };
  let offline: { registrationId: string };
  const videoFile = path.join(os.tmpdir(), `cracha-${process.pid}-${Date.now()}.y4m`);

  beforeAll(async () => {
    organizer = await bahiaOrganizer({ name: "Organizadora da Bahia" });
    const event = await eventFactory(organizer, {
      title: `Encontro presencial de teste ${Date.now()}`,
      format: "PRESENCIAL",
      capacity: 10,
      venueName: "Auditório da SEADES",
      venueAddress: "Av. Luís Viana Filho, 200",
      venueMunicipio: "2927408",
    });
    slug = event.slug;
    const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
    sessionId = session.id;
    await db.eventSession.update({ where: { id: sessionId }, data: { startsAt: new Date(Date.now() - 20 * 60_000), endsAt: new Date(Date.now() + 3 * 3_600_000) } });
    camera = await register(await userFactory({ name: "Maria Câmera" }), event.id);
    offline = await register(await userFactory({ name: "Joana Sem Rede" }), event.id);
    await badgeVideo(await badgePayload(camera.registrationId, event.id), videoFile);
    browser = await launchBrowser({ videoFile });
  });

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(videoFile, { force: true });
  });

  it("reads a participant's badge with the phone's camera and records her entry", async () => {
    const { page, context, done } = await newPage(browser, { phone: true });
    await logIn(page, organizer.email, TEST_PASSWORD);
    await page.goto(`/organizar/eventos/${slug}`);
    await page.getByRole("link", { name: /abrir o check-in/ }).first().click();
    await page.waitForURL(`**/organizar/eventos/${slug}/checkin/${sessionId}`);
    await page.getByRole("heading", { name: /^Check-in:/ }).waitFor();
    await page.getByText("— horário de Brasília (UTC−3)", { exact: false }).waitFor();
    await page.locator(".checkin-count", { hasText: "Presentes 0 de 2 esperados" }).waitFor();
    // Installable as an app on the phone (test browsers are incognito, which alone prevents installing).
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);

    await page.getByRole("button", { name: "Ler QR com a câmera" }).click();
    await page.getByRole("status").filter({ hasText: "Entrada de Maria Câmera registrada." }).waitFor({ timeout: 30_000 });
    const rows = await until("a entrada chegar ao servidor", async () => {
      const found = await db.checkIn.findMany({ where: { sessionId, registrationId: camera.registrationId } });
      return found.length ? found : null;
    });
    expect(rows.map((r) => [r.kind, r.method])).toEqual([["ENTRADA", "qr"]]);
    await page.locator(".checkin-count", { hasText: "Presentes 1 de 2 esperados" }).waitFor();
    await page.locator(".checkin-scan", { hasText: "Maria Câmera" }).getByText("Enviada").waitFor();
    await page.getByRole("button", { name: "Desligar a câmera" }).click();
    await page.getByRole("button", { name: "Ler QR com a câmera" }).waitFor();
    // The phone screen: nothing wider than 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await done();
  });

  it("checks someone in by name while offline, keeps it across a reload served by the service worker, and sends it once back online", async () => {
    const inside = `Presentes ${(await checkinCounts(sessionId)).present + 1} de 2 esperados`;
    const { page, context, done } = await newPage(browser, { phone: true });
    await logIn(page, organizer.email, TEST_PASSWORD);
    await page.goto(`/organizar/eventos/${slug}/checkin/${sessionId}`);
    await page.getByText("Esta página funciona sem conexão neste aparelho.").waitFor({ timeout: 30_000 });

    await context.setOffline(true);
    await page.getByText(/^Sem conexão:/).first().waitFor();
    await page.getByLabel("Nome ou CPF").fill("joana sem");
    await page.getByRole("button", { name: "Registrar entrada de Joana Sem Rede" }).click();
    await page.getByRole("status").filter({ hasText: "Entrada de Joana Sem Rede registrada. Sem conexão: será enviada quando a conexão voltar." }).waitFor();
    await page.locator(".checkin-scan", { hasText: "Joana Sem Rede" }).getByText("Aguardando envio").waitFor();
    await page.locator(".checkin-count", { hasText: inside }).waitFor();

    // Reloaded without a connection: the page comes from the service worker, the scan from IndexedDB.
    await page.reload();
    await page.getByRole("heading", { name: /^Check-in:/ }).waitFor();
    await page.locator(".checkin-scan", { hasText: "Joana Sem Rede" }).getByText("Aguardando envio").waitFor();
    await page.locator(".checkin-count", { hasText: inside }).waitFor();
    expect(await db.checkIn.count({ where: { sessionId, registrationId: offline.registrationId } })).toBe(0);

    await context.setOffline(false);
    await page.locator(".checkin-scan", { hasText: "Joana Sem Rede" }).getByText("Enviada").waitFor({ timeout: 30_000 });
    await page.getByText("Conectado: todas as leituras foram enviadas.").waitFor();
    const rows = await db.checkIn.findMany({ where: { sessionId, registrationId: offline.registrationId } });
    expect(rows.map((r) => [r.kind, r.method])).toEqual([["ENTRADA", "busca"]]);
    await done();
  });

  it("has no WCAG 2.1 AA violations in its content on a phone, with search results and a refused code on screen", async () => {
    // axe is injected as a script: this context alone bypasses the CSP to allow it.
    const context = await browser.newContext({ baseURL: baseUrl(), locale: "pt-BR", bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await logIn(page, organizer.email, TEST_PASSWORD);
    await page.goto(`/organizar/eventos/${slug}/checkin/${sessionId}`);
    await page.getByLabel("Nome ou CPF").fill("maria");
    await page.getByRole("button", { name: "Registrar entrada de Maria Câmera" }).waitFor();
    await page.getByLabel("Código do crachá").fill("não é um crachá");
    await page.getByRole("button", { name: "Registrar entrada pelo código" }).click();
    await page.getByRole("status").filter({ hasText: "Este QR não é um crachá do Apoia SUAS." }).waitFor();
    await page.locator(".checkin-scan", { hasText: "Crachá não reconhecido" }).getByText("Recusada").waitFor();
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate(() =>
      // The page's own content: the site's header and footer are checked by accessibility.test.ts.
      (window as unknown as { axe: { run: (c: object, o: object) => Promise<unknown> } }).axe.run(
        { include: [["#conteudo"]] },
        { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } },
      ),
    )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    expect(result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
    await context.close();
  });

  it("registers someone who arrived without a registration from the phone and counts her in", async () => {
    const { page, done } = await newPage(browser, { phone: true });
    await logIn(page, organizer.email, TEST_PASSWORD);
    await page.goto(`/organizar/eventos/${slug}/checkin/${sessionId}`);
    await page.getByText("Conectado: todas as leituras foram enviadas.").waitFor();
    const email = `na.porta.${Date.now()}@teste.gov.br`;
    const form = page.locator("#inscricao-na-hora");
    await form.getByLabel("Nome completo").fill("Lúcia na Porta");
    await form.getByLabel("E-mail").fill(email);
    await form.getByRole("combobox", { name: "Ente onde trabalha" }).fill("Juazeiro");
    await page.getByRole("option", { name: /^Juazeiro \(BA\)/ }).click();
    await form.getByLabel("Função no ente").selectOption("TECNICO");
    await form.getByRole("button", { name: "Inscrever e registrar entrada" }).click();
    await page.getByRole("status").filter({ hasText: "Inscrição na hora: Entrada de Lúcia na Porta registrada." }).waitFor();
    expect(await form.getByRole("combobox", { name: "Ente onde trabalha" }).inputValue()).toBe("");
    const registration = await db.registration.findFirstOrThrow({ where: { user: { email } }, include: { checkIns: true, user: true } });
    expect(registration).toMatchObject({ status: "CONFIRMADA", user: { enteId: "2918407" } });
    expect(registration.checkIns.map((c) => [c.sessionId, c.method])).toEqual([[sessionId, "avulso"]]);
    await page.getByLabel("Nome ou CPF").fill("lucia");
    await page.locator(".checkin-person", { hasText: "Lúcia na Porta" }).getByText("Presente").waitFor();
    await done();
  });
});
