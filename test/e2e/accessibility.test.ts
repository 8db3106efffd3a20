// WCAG 2.1 A/AA checks with axe-core on the main pages, as each kind of user sees them,
// including forms showing their errors.
import fs from "node:fs";
import { createRequire } from "node:module";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { baseUrl, launchBrowser, logIn } from "../support/browser";
import { bahiaOrganizer, eventFactory, federalOrganizer, TEST_PASSWORD, userFactory } from "../support/factories";

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type AxeResult = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  )) as AxeResult;
  return result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}

describe("accessibility of the main pages (axe-core, WCAG 2.1 AA)", () => {
  let browser: Browser;
  let slug = "";
  let sessionId = "";
  let people: { technician: string; bahia: string; admin: string; federal: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { title: "Seminário acessível para todas as pessoas", capacity: 20 });
    slug = event.slug;
    const { db } = await import("~/lib/db.server");
    sessionId = (await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } })).id;
    const technician = await userFactory({ name: "Técnica Acessível" });
    const bahia = await bahiaOrganizer();
    const admin = await userFactory({ isAdmin: true });
    people = { technician: technician.email, bahia: bahia.email, admin: admin.email, federal: federal.email };
    const { register } = await import("~/modules/registration/registration.server");
    await register(technician, event.id);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function page(as?: string) {
    // axe is injected as a script: this test context alone bypasses the CSP to allow it.
    const context = await browser.newContext({ baseURL: baseUrl(), locale: "pt-BR", bypassCSP: true });
    const p = await context.newPage();
    if (as) await logIn(p, as, TEST_PASSWORD);
    return { p, close: () => context.close() };
  }

  it.each([
    ["the home page", "/"],
    ["the catalog", "/eventos"],
    ["the login page", "/entrar"],
    ["the sign-up page", "/cadastro"],
    ["the not-found page", "/pagina-que-nao-existe"],
    ["the forgotten-password page", "/esqueci-a-senha"],
    ["the expired reset link page", "/redefinir-senha/link-que-nao-vale"],
    ["the certificate verification form", "/certificados/validar"],
    ["the verification page of an unknown code", "/certificados/validar/AAAA-BBBB-CCCC"],
    ["a municipality's public participation page", "/entes/2927408"],
    ["a state's public participation page", "/entes/29"],
  ])("%s has no WCAG violations for an anonymous visitor", async (_name, path) => {
    const { p, close } = await page();
    await p.goto(path);
    expect(await violations(p)).toEqual([]);
    await close();
  });

  it("the event page has no WCAG violations for a signed-in technician", async () => {
    const { p, close } = await page(people.technician);
    await p.goto(`/eventos/${slug}`);
    expect(await violations(p)).toEqual([]);
    await close();
  });

  it("the sign-up form with its error messages has no WCAG violations", async () => {
    const { p, close } = await page();
    await p.goto("/cadastro");
    await p.getByRole("button", { name: "Criar conta" }).click();
    await p.locator(".error-summary").waitFor();
    expect(await violations(p)).toEqual([]);
    await close();
  });

  it.each([
    ["Minhas inscrições", "/minhas-inscricoes", "technician"],
    ["the organizer home", "/organizar", "bahia"],
    ["the new event form", "/organizar/eventos/novo", "bahia"],
    ["the organizer administration", "/admin/organizadores", "admin"],
    ["the participant list", "/organizar/eventos/SLUG/inscricoes", "federal"],
    ["the event management page", "/organizar/eventos/SLUG", "federal"],
    ["the event edit form", "/organizar/eventos/SLUG/editar", "federal"],
    ["the event's message delivery page", "/organizar/eventos/SLUG/mensagens", "federal"],
    ["the profile with its calendar section", "/perfil", "technician"],
    ["the presence table", "/organizar/eventos/SLUG/presenca", "federal"],
    ["the organizer's live room page", "/organizar/eventos/SLUG/salas/SESSION", "federal"],
    ["the room page before it opens", "/sala/SESSION", "technician"],
    ["the invitations page", "/organizar/eventos/SLUG/convites", "federal"],
    ["my registration page (presence and certificate)", "/minhas-inscricoes/SLUG", "technician"],
    ["Meus certificados", "/meus-certificados", "technician"],
    ["the organizers' certificates page", "/organizar/eventos/SLUG/certificados", "federal"],
    ["the national participation dashboard", "/painel", "federal"],
    ["a state's participation dashboard", "/painel/uf/BA", "bahia"],
    ["the priority list", "/painel/prioridades?uf=BA", "bahia"],
  ] as const)("%s has no WCAG violations", async (_name, path, who) => {
    const { p, close } = await page(people[who]);
    await p.goto(path.replace("SLUG", slug).replace("SESSION", sessionId));
    expect(await violations(p)).toEqual([]);
    await close();
  });

  it("the verification page of a valid certificate has no WCAG violations", async () => {
    const { db } = await import("~/lib/db.server");
    const event = await db.event.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const reg = await db.registration.findFirstOrThrow({ where: { eventId: event.id } });
    await db.certificate.create({
      data: {
        code: "A11Y0000CERT",
        eventId: event.id,
        registrationId: reg.id,
        userId: reg.userId,
        personName: "Técnica Acessível",
        eventTitle: "Seminário acessível para todas as pessoas",
        eventType: "Oficina",
        dates: "3 de dezembro de 2026",
        place: "Online",
        hoursMinutes: 180,
        hoursMode: "INTEGRAL",
        organizer: "União (Governo Federal)",
        responsibleName: "Fernanda Lima",
        responsibleRole: "Coordenadora",
      },
    });
    const { p, close } = await page();
    await p.goto("/certificados/validar/A11Y-0000-CERT");
    await p.getByText("Certificado válido.").waitFor();
    expect(await violations(p)).toEqual([]);
    await close();
  });

  it("the invitation page of a gestor, with its seats panel, has no WCAG violations", async () => {
    const { db } = await import("~/lib/db.server");
    const { inviteEntes } = await import("~/modules/invitations/invitations.server");
    const { invitationToken } = await import("~/modules/invitations/tokens.server");
    const bahia = await bahiaOrganizer();
    const event = await eventFactory(bahia, { visibility: "CONVITE", title: "Oficina com convite acessível" });
    const gestora = await userFactory({ ente: "2918407", roleInEnte: "GESTOR" });
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 2 });
    const link = await db.invitationLink.findUniqueOrThrow({ where: { eventId_email: { eventId: event.id, email: gestora.email } } });
    const { p, close } = await page(gestora.email);
    await p.goto(`/convites/${invitationToken(link.id)}`);
    await p.getByRole("heading", { name: /Vagas de Juazeiro/ }).waitFor();
    expect(await violations(p)).toEqual([]);
    await close();
  });
});
