import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "~/modules/auth/actor";
import { parseParticipantFilters } from "~/modules/registration/filters";
import { listParticipants, participantsCsv } from "~/modules/registration/participants.server";
import { cancelMyRegistration, register } from "~/modules/registration/registration.server";

import { parseCsv } from "../support/csv";
import { bahiaOrganizer, cpfFactory, eventFactory, federalOrganizer, pernambucoOrganizer, userFactory } from "../support/factories";
import { rejection } from "../support/errors";


const HEADER = ["Nome", "E-mail", "CPF", "Função", "Ente", "Código IBGE", "UF", "Situação", "Posição na espera", "Inscrição em"];
const INJECTION = '=HYPERLINK("http://malicioso.example/?x=1","Clique aqui")';

describe("participants of a Bahia event", () => {
  let bahia: Actor;
  let slug: string;
  const people: Record<string, Actor> = {};
  const cpf = cpfFactory();

  beforeAll(async () => {
    bahia = await bahiaOrganizer();
    const event = await eventFactory(bahia, { capacity: 3 });
    slug = event.slug;
    people.ana = await userFactory({ name: "Ana Souza", ente: "2927408", cpf, roleInEnte: "GESTOR" });
    people.bruno = await userFactory({ name: "Bruno Lima", ente: "2910800" });
    people.carla = await userFactory({ name: "Carla Dias", ente: "2927408" });
    people.hacker = await userFactory({ name: INJECTION, ente: "29" });
    people.davi = await userFactory({ name: "Davi Reis", ente: "2910800" });
    for (const key of ["ana", "bruno", "carla", "hacker", "davi"]) await register(people[key]!, event.id);
    // Carla gives up her seat: the first in line (the "hacker") is confirmed.
    await cancelMyRegistration(people.carla!, event.id);
  });

  async function names(filters: Parameters<typeof listParticipants>[2], actor: Actor = bahia) {
    return (await listParticipants(actor, slug, filters)).rows.map((r) => r.name);
  }

  it("lists everyone, confirmed first, then waiting, with counts and the UFs present", async () => {
    const list = await listParticipants(bahia, slug, {});
    expect(list.total).toBe(5);
    expect(list.rows.map((r) => [r.name, r.status, r.waitlistPosition])).toEqual([
      ["Ana Souza", "CONFIRMADA", null],
      ["Bruno Lima", "CONFIRMADA", null],
      [INJECTION, "CONFIRMADA", null],
      ["Davi Reis", "ESPERA", 1],
      ["Carla Dias", "CANCELADA", null],
    ]);
    expect(list.counts).toEqual({ CONFIRMADA: 3, ESPERA: 1, CANCELADA: 1 });
    expect(list.ufs).toEqual(["BA"]);
    expect(list.municipios.map((m) => m.label)).toEqual(expect.arrayContaining(["Feira de Santana (BA)", "Salvador (BA)"]));
    expect(list.municipios.map((m) => m.label)).toEqual([...list.municipios.map((m) => m.label)].sort((a, b) => a.localeCompare(b, "pt-BR")));
    expect(list.rows.find((r) => r.name === "Ana Souza")).toMatchObject({
      cpf: `***.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-**`,
      roleInEnte: "Gestor(a)",
      enteName: "Salvador",
      statusLabel: "Confirmada",
    });
  });

  it("filters by municipality, status and name, as the URL parameters give them", async () => {
    const parse = (q: string) => {
      const r = parseParticipantFilters(new URLSearchParams(q));
      if (!r.ok) throw new Error(r.message);
      return r.filters;
    };
    expect(await names(parse("municipio=2910800"))).toEqual(["Bruno Lima", "Davi Reis"]);
    expect(await names(parse("situacao=espera"))).toEqual(["Davi Reis"]);
    expect(await names(parse("situacao=confirmada&municipio=2927408"))).toEqual(["Ana Souza"]);
    expect(await names(parse("q=souza"))).toEqual(["Ana Souza"]);
    expect(await names(parse("q=DÁVI"))).toEqual(["Davi Reis"]);
    expect(await names(parse(`q=${people.bruno!.email.slice(0, 12).toUpperCase()}`))).toEqual(["Bruno Lima"]);
    expect(parseParticipantFilters(new URLSearchParams("situacao=perdida"))).toEqual({ ok: false, message: "Situação desconhecida." });
  });

  it("pages in status order without loading every row", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { capacity: 3 });
    const people = await Promise.all(Array.from({ length: 5 }, (_, i) => userFactory({ name: `Pessoa ${String(i).padStart(2, "0")}` })));
    for (const p of people) await register(p, event.id);
    await cancelMyRegistration(people[0]!, event.id); // Pessoa 00 cancels; Pessoa 03 is promoted
    const all = (await listParticipants(federal, event.slug, {})).rows.map((r) => `${r.name}:${r.status}`);
    expect(all).toEqual(["Pessoa 01:CONFIRMADA", "Pessoa 02:CONFIRMADA", "Pessoa 03:CONFIRMADA", "Pessoa 04:ESPERA", "Pessoa 00:CANCELADA"]);
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push((await listParticipants(federal, event.slug, {}, page, 2)).rows.map((r) => r.name));
    expect(pages).toEqual([["Pessoa 01", "Pessoa 02"], ["Pessoa 03", "Pessoa 04"], ["Pessoa 00"]]);
  });

  it("filters by the UF of the participant's ente", async () => {
    const federal = await federalOrganizer();
    const national = await eventFactory(federal);
    const [salvador, recife, pernambucoTeam] = await Promise.all([
      userFactory({ name: "Eva Bahia", ente: "2927408" }),
      userFactory({ name: "Fabio Recife", ente: "2611606" }),
      userFactory({ name: "Gil Estado", ente: "26" }),
    ]);
    for (const p of [salvador, recife, pernambucoTeam]) await register(p, national.id);
    const list = async (uf: string) => (await listParticipants(federal, national.slug, { uf })).rows.map((r) => r.name);
    expect(await list("PE")).toEqual(["Fabio Recife", "Gil Estado"]);
    expect(await list("BA")).toEqual(["Eva Bahia"]);
    expect((await listParticipants(federal, national.slug, {})).ufs).toEqual(["BA", "PE"]);
  });

  it("lets the federal team see and export a Bahia event's participants", async () => {
    const federal = await federalOrganizer();
    expect((await listParticipants(federal, slug, {})).total).toBe(5);
    const csv = await participantsCsv(federal, slug, {});
    expect(parseCsv(csv.body.slice(1))).toHaveLength(6);
  });

  it("refuses the Pernambuco team with 403, for the list and the export", async () => {
    const pernambuco = await pernambucoOrganizer();
    for (const attempt of [listParticipants(pernambuco, slug, {}), participantsCsv(pernambuco, slug, {})]) {
      const error = await rejection(attempt);
      expect(error.status).toBe(403);
    }
  });

  it("refuses a participant with 403", async () => {
    expect((await rejection(listParticipants(people.ana!, slug, {}))).status).toBe(403);
  });

  describe("the CSV export", () => {
    it("is UTF-8 with a BOM, semicolon-separated with CRLF records and a Portuguese header", async () => {
      const { filename, body } = await participantsCsv(bahia, slug, {});
      expect(filename).toBe(`inscricoes-${slug}.csv`);
      expect(body.startsWith("\uFEFF")).toBe(true);
      expect(body.slice(1).split("\r\n")[0]).toBe(HEADER.join(";"));
      expect(body.endsWith("\r\n")).toBe(true);
      expect(body.replace(/\r\n/g, "")).not.toMatch(/\n/);
      const records = parseCsv(body.slice(1));
      expect(records).toHaveLength(6);
      expect(records.every((r) => r.length === HEADER.length)).toBe(true);
    });

    it("masks the CPF and writes the ente, status and waitlist position", async () => {
      const records = parseCsv((await participantsCsv(bahia, slug, {})).body.slice(1));
      const ana = records.find((r) => r[0] === "Ana Souza")!;
      expect(ana.slice(0, 9)).toEqual([
        "Ana Souza",
        people.ana!.email,
        `***.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-**`,
        "Gestor(a)",
        "Salvador",
        "2927408",
        "BA",
        "Confirmada",
        "",
      ]);
      expect(ana[9]).toMatch(/^\d{2}\/\d{2}\/\d{4} às \d{2}:\d{2}$/);
      expect(records.find((r) => r[0] === "Davi Reis")!.slice(7, 9)).toEqual(["Lista de espera", "1"]);
      expect((await participantsCsv(bahia, slug, {})).body).not.toContain(cpf);
    });

    it("neutralizes a name that a spreadsheet would run as a formula", async () => {
      const { body } = await participantsCsv(bahia, slug, {});
      const row = parseCsv(body.slice(1)).find((r) => r[0]!.includes("HYPERLINK"))!;
      expect(row[0]).toBe(`'${INJECTION}`);
      expect(body).toContain(`"'=HYPERLINK(""http://malicioso.example/?x=1"",""Clique aqui"")"`);
    });

    it("follows the same filters as the list", async () => {
      const records = parseCsv((await participantsCsv(bahia, slug, { status: "CONFIRMADA", municipio: "2927408" })).body.slice(1));
      expect(records.map((r) => r[0])).toEqual(["Nome", "Ana Souza"]);
    });
  });
});
