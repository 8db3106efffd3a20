// The dashboards through their route modules: who gets which page, bad filters and codes answered
// with the right 4xx in Portuguese, exports that open in a spreadsheet, and invitations sent from
// the priority list.
import crypto from "node:crypto";

import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { rebuildAllFacts } from "~/modules/metrics/facts.server";
import { register } from "~/modules/registration/registration.server";
import { loader as enteLoader } from "~/routes/entes.$codigo";
import { loader as exportLoader } from "~/routes/painel.exportar";
import { loader as nationalLoader } from "~/routes/painel._index";
import { action as prioritiesAction, loader as prioritiesLoader } from "~/routes/painel.prioridades";
import { loader as stateLoader } from "~/routes/painel.uf.$uf";

import { bahiaOrganizer, eventFactory, federalOrganizer, schedule, sessionFactory, userFactory } from "../support/factories";
import { callRoute, jsonOf } from "../support/routes";

let federal: Actor;
let bahia: Actor;
let participant: Actor;
const cookies = new Map<string, string>();
const cookieOf = async (a: Actor) => cookies.get(a.userId) ?? (cookies.set(a.userId, (await sessionFactory(a)).cookie), cookies.get(a.userId)!);

beforeAll(async () => {
  federal = await federalOrganizer();
  bahia = await bahiaOrganizer();
  participant = await userFactory({ ente: "2927408", name: "Técnica de Salvador" });
  const event = await eventFactory(federal, { ...schedule({ sessionDays: [-10], opensIn: -20, closesIn: -11 }), format: "ONLINE" });
  const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
  const { registrationId } = await register(participant, event.id, new Date(event.registrationOpensAt.getTime() + 3_600_000));
  await db.presenceInterval.create({
    data: { sessionId: session.id, registrationId, participantSid: "PA_x", identity: `p:${registrationId}`, startedAt: session.startsAt, endedAt: session.endsAt, source: "webhook" },
  });
  await rebuildAllFacts();
});

describe("the national dashboard page", () => {
  it("shows the federal team Brazil's figures, by UF and region", async () => {
    const { response } = await callRoute(nationalLoader, "/painel", { cookie: await cookieOf(federal) });
    const d = await jsonOf<{ totals: { registrations: number; present: number }; ufs: { uf: string; registrations: number }[]; regions: unknown[] }>(response);
    expect(d.totals).toMatchObject({ registrations: 1, present: 1 });
    expect(d.ufs).toHaveLength(27);
    expect(d.ufs.find((u) => u.uf === "BA")!.registrations).toBe(1);
    expect(d.regions).toHaveLength(5);
  });

  it("narrows to one region's UFs", async () => {
    const { response } = await callRoute(nationalLoader, "/painel?regiao=Nordeste", { cookie: await cookieOf(federal) });
    const d = await jsonOf<{ ufs: { uf: string }[]; totals: { coverage: { total: number } } }>(response);
    expect(d.ufs.map((u) => u.uf)).toEqual(["AL", "BA", "CE", "MA", "PB", "PE", "PI", "RN", "SE"]);
    expect(d.totals.coverage.total).toBe(1794);
  });

  it("takes a state team to its state's dashboard, keeping the filters", async () => {
    const { response } = await callRoute(nationalLoader, "/painel?de=2026-01&ate=2026-06", { cookie: await cookieOf(bahia) });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/painel/uf/BA?de=2026-01&ate=2026-06");
  });

  it("refuses a participant with 403 and sends the anonymous to sign in", async () => {
    expect((await callRoute(nationalLoader, "/painel", { cookie: await cookieOf(participant) })).response.status).toBe(403);
    expect((await callRoute(nationalLoader, "/painel")).response.status).toBe(302);
  });

  it("answers a reversed period with 400, the message, and the default figures", async () => {
    const { response } = await callRoute(nationalLoader, "/painel?de=2026-06&ate=2026-01", { cookie: await cookieOf(federal) });
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toMatchObject({ error: "O período está invertido: o início vem depois do fim." });
  });
});

describe("the state dashboard page", () => {
  it("shows Bahia its municipalities, sorted as asked", async () => {
    const { response } = await callRoute(stateLoader, "/painel/uf/BA?ordem=inscricoes", { params: { uf: "BA" }, cookie: await cookieOf(bahia) });
    const d = await jsonOf<{ municipios: { id: string; registrations: number }[] }>(response);
    expect(d.municipios).toHaveLength(417);
    expect(d.municipios[0]).toMatchObject({ id: "2927408", registrations: 1 });
  });

  it("draws Bahia by municipality: Salvador with its one person present, the other 416 hatched as not reached", async () => {
    const { response } = await callRoute(stateLoader, "/painel/uf/BA", { cookie: await cookieOf(bahia), params: { uf: "BA" } });
    const d = await jsonOf<{ map: { viewBox: string; shapes: { id: string; name: string; path: string }[]; top: number; missing: string[] } | null; municipios: { id: string; people: number }[] }>(response);
    expect(d.map).not.toBeNull();
    expect(d.map!.viewBox).toMatch(/^0 0 \d+ \d+$/);
    expect(d.map!.shapes).toHaveLength(417);
    expect(new Set(d.map!.shapes.map((s) => s.id))).toEqual(new Set(d.municipios.map((m) => m.id)));
    expect(d.map!.shapes.find((s) => s.id === "2927408")).toMatchObject({ name: "Salvador", path: expect.stringMatching(/^M[\d. ]+Z/) });
    expect(d.map!.missing).toEqual([]);
    expect(d.municipios.filter((m) => m.people > 0).map((m) => m.id)).toEqual(["2927408"]);
    expect(d.map!.top).toBe(5);
  });

  it("refuses another state's dashboard with 403 and an unknown UF with 404", async () => {
    expect((await callRoute(stateLoader, "/painel/uf/PE", { params: { uf: "PE" }, cookie: await cookieOf(bahia) })).response.status).toBe(403);
    expect((await callRoute(stateLoader, "/painel/uf/XX", { params: { uf: "XX" }, cookie: await cookieOf(federal) })).response.status).toBe(404);
  });
});

describe("an ente's public page", () => {
  it("shows anyone a municipality's figures and history without names", async () => {
    const { response } = await callRoute(enteLoader, "/entes/2927408", { params: { codigo: "2927408" } });
    const d = await jsonOf<{ totals: { registrations: number }; history: unknown[]; people: unknown }>(response);
    expect(d).toMatchObject({ totals: { registrations: 1 }, people: null });
    expect(d.history).toHaveLength(1);
  });

  it("answers an unknown IBGE code with 404 and a malformed one with 400", async () => {
    expect((await callRoute(enteLoader, "/entes/2999998", { params: { codigo: "2999998" } })).response.status).toBe(404);
    expect((await callRoute(enteLoader, "/entes/salvador", { params: { codigo: "salvador" } })).response.status).toBe(400);
  });
});

describe("exports", () => {
  it("gives the UF table as an XLSX with the filters above it", async () => {
    const { response } = await callRoute(exportLoader, "/painel/exportar?tabela=ufs&arquivo=xlsx&tipo=OFICINA", { cookie: await cookieOf(federal) });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getRow(2).getCell(1).value)).toContain("tipo: Oficina");
    expect(sheet.getRow(4).getCell(1).value).toBe("UF");
    const ba = sheet.getRows(5, 27)!.find((r) => r.getCell(1).value === "BA")!;
    expect(ba.getCell(5).value).toBe(1); // Inscrições confirmadas
  });

  it("gives Bahia its municipalities as CSV but not the national tables", async () => {
    const ok = await callRoute(exportLoader, "/painel/exportar?tabela=municipios&arquivo=csv&uf=BA", { cookie: await cookieOf(bahia) });
    expect(ok.response.status).toBe(200);
    const text = await ok.response.text();
    expect(text).toContain("2927408;Salvador;Metrópole;");
    expect(text.split("\r\n").filter((l) => /^\d{7};/.test(l))).toHaveLength(417);
    expect((await callRoute(exportLoader, "/painel/exportar?tabela=ufs&arquivo=csv", { cookie: await cookieOf(bahia) })).response.status).toBe(403);
  });

  it("gives Bahia the state against federal events", async () => {
    const { response } = await callRoute(exportLoader, "/painel/exportar?tabela=organizadores&arquivo=csv&uf=BA", { cookie: await cookieOf(bahia) });
    expect(response.status).toBe(200);
    const lines = (await response.text()).split("\r\n");
    expect(lines).toContain("Organizador;Eventos oferecidos;Eventos;Inscrições confirmadas;Presentes;Taxa de presença (%);Horas certificadas;Pessoas alcançadas");
    expect(lines.find((l) => l.startsWith("União (eventos federais);"))).toMatch(/^União \(eventos federais\);\d+;1;1;1;100;/);
  });

  it("gives anyone a municipality's history, and the names behind it only to the teams that follow it", async () => {
    const history = await callRoute(exportLoader, "/painel/exportar?tabela=historico&arquivo=csv&ente=2927408");
    expect(history.response.status).toBe(200);
    const text = await history.response.text();
    expect(text).toContain("Apoia SUAS — participação: Salvador (BA)");
    expect(text).toContain("Evento;Tipo;Data (no fuso do evento);Organizador;Inscrições confirmadas;Presentes;Horas certificadas");
    expect(text).not.toContain("Técnica de Salvador");
    expect((await callRoute(exportLoader, "/painel/exportar?tabela=historico&arquivo=csv&ente=9999999")).response.status).toBe(404);

    const anonymous = await callRoute(exportLoader, "/painel/exportar?tabela=pessoas&arquivo=csv&ente=2927408");
    expect(anonymous.response.status).toBe(302);
    expect((await callRoute(exportLoader, "/painel/exportar?tabela=pessoas&arquivo=csv&ente=2927408", { cookie: await cookieOf(participant) })).response.status).toBe(403);
    const named = await callRoute(exportLoader, "/painel/exportar?tabela=pessoas&arquivo=xlsx&ente=2927408", { cookie: await cookieOf(bahia) });
    expect(named.response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await named.response.arrayBuffer()) as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getRows(1, book.worksheets[0]!.rowCount)!.map((r) => r.getCell(1).value);
    expect(rows).toContain("Técnica de Salvador");
  });

  it.each([
    ["tabela=colunas&arquivo=csv", "Tabela desconhecida."],
    ["tabela=pessoas&arquivo=csv", "Informe o ente (ente=código IBGE) desta tabela."],
    ["tabela=historico&arquivo=csv&ente=123", "Código IBGE inválido: são 2 dígitos para uma UF ou 7 para um município."],
    ["tabela=ufs&arquivo=pdf", "Tipo de arquivo desconhecido: use csv ou xlsx."],
    ["tabela=ufs&arquivo=csv&de=2026-06&ate=2025-01", "O período está invertido: o início vem depois do fim."],
    ["tabela=municipios&arquivo=csv&uf=ZZZ", "UF inválida: use a sigla, como BA."],
  ])("answers %s with 400 and a message", async (query, message) => {
    const { response } = await callRoute(exportLoader, `/painel/exportar?${query}`, { cookie: await cookieOf(federal) });
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toEqual({ message });
  });
});

describe("the priority list", () => {
  it("opens on the state team's own UF and lists its municipalities without participation", async () => {
    const redirected = await callRoute(prioritiesLoader, "/painel/prioridades", { cookie: await cookieOf(bahia) });
    expect(redirected.response.status).toBe(302);
    expect(redirected.response.headers.get("Location")).toBe("/painel/prioridades?uf=BA");
    const { response } = await callRoute(prioritiesLoader, "/painel/prioridades?uf=BA&ordem=populacao", { cookie: await cookieOf(bahia) });
    const d = await jsonOf<{ total: number; considered: number; items: { id: string }[] }>(response);
    expect(d).toMatchObject({ total: 416, considered: 417 });
    expect(d.items.map((m) => m.id)).not.toContain("2927408");
  });

  it("invites the ticked municipalities to the organizer's event and takes her to its invitations", async () => {
    const event = await eventFactory(bahia, { title: `Oficina para quem ainda não participou ${crypto.randomBytes(2).toString("hex")}` });
    const picked = ["2900108", "2900207", "2900306"];
    const { response } = await callRoute(prioritiesAction, "/painel/prioridades?uf=BA", {
      cookie: await cookieOf(bahia),
      form: [["evento", event.slug], ["vagas", "2"], ...picked.map((id) => ["municipio", id] as [string, string])],
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/organizar/eventos/${event.slug}/convites`);
    const invited = await db.enteInvitation.findMany({ where: { eventId: event.id }, select: { enteId: true, quota: true } });
    expect(invited.map((i) => i.enteId).sort()).toEqual(picked);
  });

  it("refuses an empty selection with 400 and a municipality of another state with 403", async () => {
    const event = await eventFactory(bahia);
    const empty = await callRoute(prioritiesAction, "/painel/prioridades", { cookie: await cookieOf(bahia), form: [["evento", event.slug], ["vagas", "2"]] });
    expect(empty.response.status).toBe(400);
    expect(await jsonOf(empty.response)).toEqual({ error: "Marque ao menos um município." });
    const foreign = await callRoute(prioritiesAction, "/painel/prioridades", {
      cookie: await cookieOf(bahia),
      form: [["evento", event.slug], ["vagas", "2"], ["municipio", "2611606"]],
    });
    expect(foreign.response.status).toBe(403);
    expect(await db.enteInvitation.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("answers bad options with 400 in Portuguese", async () => {
    const { response } = await callRoute(prioritiesLoader, "/painel/prioridades?uf=BA&meses=0", { cookie: await cookieOf(bahia) });
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toEqual({ message: "Meses: de 1 a 60." });
  });
});
