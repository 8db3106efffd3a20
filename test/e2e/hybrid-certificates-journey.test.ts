// A hybrid event end to end: one participant is checked in at the door with the code of her
// crachá, another attends online through the real LiveKit server (webhooks record her presence),
// the organizer sets the rule and asks for the certificates, both receive them by e-mail, download
// the PDF, and the public verification page shows them.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { register } from "~/modules/registration/registration.server";

import { baseUrl, launchBrowser, logIn, newPage, waitForMail } from "../support/browser";
import { bahiaOrganizer, eventFactory, TEST_PASSWORD, userFactory } from "../support/factories";
import { until } from "../support/wait";

describe("a hybrid event from the door and the room to verified certificates", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ media: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("gives a certificate to the person checked in on site and to the person who attended online, and anyone can verify both", async () => {
    const organizer = await bahiaOrganizer({ name: "Beatriz Organizadora" });
    const event = await eventFactory(organizer, {
      title: `Encontro híbrido de vigilância socioassistencial ${Date.now()}`,
      type: "ENCONTRO",
      format: "HIBRIDO",
      venueName: "Centro de convenções",
      venueAddress: "Av. Getúlio Vargas, 100",
      venueMunicipio: "2910800",
      capacity: 30,
    });
    const onSite = await userFactory({ name: "Ana Conceição Araújo", ente: "2910800" });
    const online = await userFactory({ name: "Bruno Gonçalves Araújo", ente: "2927408" });
    const [anaReg, brunoReg] = [await register(onSite, event.id), await register(online, event.id)];
    // The session is happening now: three minutes, from 20 seconds ago.
    const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
    await db.eventSession.update({ where: { id: session.id }, data: { startsAt: new Date(Date.now() - 20_000), endsAt: new Date(Date.now() + 160_000) } });
    await db.event.update({ where: { id: event.id }, data: { startsAt: new Date(Date.now() - 20_000), endsAt: new Date(Date.now() + 160_000) } });

    // Ana opens her registration page and shows her crachá; its code is what the QR carries.
    const ana = await newPage(browser);
    await logIn(ana.page, onSite.email, TEST_PASSWORD);
    await ana.page.goto(`/minhas-inscricoes/${event.slug}`);
    await ana.page.getByRole("heading", { name: "Crachá para o check-in" }).waitFor();
    const badgeCode = (await ana.page.getByTestId("codigo-cracha").textContent())!.trim();
    expect(badgeCode).toMatch(/^AS1\./);

    // At the door, the organizer's phone registers her entry with the code.
    const door = await newPage(browser, { phone: true });
    await logIn(door.page, organizer.email, TEST_PASSWORD);
    await door.page.goto(`/organizar/eventos/${event.slug}/checkin/${session.id}`);
    await door.page.getByLabel("Código do crachá").fill(badgeCode);
    await door.page.getByRole("button", { name: /Registrar entrada pelo código/ }).click();
    await door.page.getByRole("status").getByText(/Ana Conceição Araújo/).waitFor();
    await until("a entrada chegar ao servidor", () => db.checkIn.findFirst({ where: { registrationId: anaReg.registrationId, kind: "ENTRADA" } }));

    // Bruno joins the room online with his (fake) camera; the webhooks record his presence.
    const bruno = await newPage(browser);
    await logIn(bruno.page, online.email, TEST_PASSWORD);
    await bruno.page.goto(`/sala/${session.id}`);
    await bruno.page.getByLabel("Com a câmera ligada").check();
    await bruno.page.getByRole("button", { name: "Entrar na sala" }).click();
    const joined = await until("o webhook abrir a presença online", () =>
      db.presenceInterval.findFirst({ where: { sessionId: session.id, registrationId: brunoReg.registrationId, endedAt: null } }),
    );
    await new Promise((r) => setTimeout(r, Math.max(0, joined.startedAt.getTime() + 50_000 - Date.now())));
    await bruno.page.getByRole("button", { name: "Sair da sala" }).click();
    await until("o webhook fechar a presença online", () =>
      db.presenceInterval.findFirst({ where: { sessionId: session.id, registrationId: brunoReg.registrationId, endedAt: { not: null } } }),
    );

    // Bruno sees his presence explained on his page.
    await bruno.page.goto(`/minhas-inscricoes/${event.slug}`);
    await bruno.page.getByText(/Você esteve presente em .* do horário do evento; o mínimo é 75 %\./).waitFor();

    // The organizer sets a 20 % minimum for this short session and asks for the certificates.
    const org = await newPage(browser);
    await logIn(org.page, organizer.email, TEST_PASSWORD);
    await org.page.goto(`/organizar/eventos/${event.slug}/certificados`);
    await org.page.getByLabel("Presença mínima (%)").fill("20");
    await org.page.getByRole("button", { name: "Salvar a regra" }).click();
    await org.page.getByText("Regra do certificado salva.").waitFor();
    await org.page.getByRole("button", { name: "Emitir certificados agora" }).click();
    await org.page.getByText(/Emissão pedida/).waitFor();
    const certificates = await until(
      "os dois certificados",
      async () => {
        const rows = await db.certificate.findMany({ where: { eventId: event.id } });
        return rows.length === 2 ? rows : null;
      },
      60_000,
    );
    expect(certificates.map((c) => c.personName).sort()).toEqual(["Ana Conceição Araújo", "Bruno Gonçalves Araújo"]);
    await org.page.reload();
    await org.page.getByRole("cell", { name: /Ana Conceição Araújo/ }).waitFor();
    await org.done();

    // Each receives the e-mail with the code and the links.
    for (const person of [onSite, online]) {
      const mail = await waitForMail(person.email, /^Seu certificado: /, 30_000);
      const cert = certificates.find((c) => c.userId === person.userId)!;
      const shown = `${cert.code.slice(0, 4)}-${cert.code.slice(4, 8)}-${cert.code.slice(8)}`;
      expect(mail.parsed.text).toContain(shown);
      expect(mail.parsed.text).toContain(`${baseUrl()}/certificados/validar/${shown}`);
    }

    // Ana finds it in "Meus certificados" and downloads the PDF, which carries her name.
    await ana.page.goto("/meus-certificados");
    const anaCert = certificates.find((c) => c.userId === onSite.userId)!;
    const download = ana.page.getByRole("link", { name: /Baixar PDF/ });
    const href = (await download.getAttribute("href"))!;
    const pdf = await ana.page.request.get(href);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cert-")), "certificado.pdf");
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Ana Conceição Araújo");
    expect(text.replace(/\s+/g, " ")).toContain(`${anaCert.code.slice(0, 4)}-${anaCert.code.slice(4, 8)}-${anaCert.code.slice(8)}`);
    await ana.done();
    await bruno.done();
    await door.done();

    // Anyone verifies both, from the code typed in the form (any case, spaces) or the QR's address.
    const visitor = await newPage(browser);
    const brunoCert = certificates.find((c) => c.userId === online.userId)!;
    await visitor.page.goto("/certificados/validar");
    await visitor.page.getByLabel("Código de verificação").fill(` ${anaCert.code.toLowerCase().slice(0, 6)} ${anaCert.code.slice(6)} `);
    await visitor.page.getByRole("button", { name: "Validar" }).click();
    await visitor.page.getByText("Certificado válido.").waitFor();
    await visitor.page.getByText("Ana Conceição Araújo").waitFor();
    await visitor.page.goto(`/certificados/validar/${brunoCert.code}`);
    await visitor.page.getByText("Certificado válido.").waitFor();
    await visitor.page.getByText("Bruno Gonçalves Araújo").waitFor();
    expect(await visitor.page.content()).not.toContain(online.email);
    await visitor.done();
  }, 180_000);
});
