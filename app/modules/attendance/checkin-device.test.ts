import nodeCrypto from "node:crypto";

import { describe, expect, it } from "vitest";

import { searchKey } from "~/modules/entes/federation";

import { checkinAppManifest } from "./checkin-app";
import { cpfKeyOnDevice, findPeople, importBadgeKey, parseBadge, presentAfter, queryKind, verdictFor, verifyBadgeOnDevice, type DevicePerson } from "./checkin-device";

const subtle = globalThis.crypto.subtle;
const { privateKey, publicKey } = nodeCrypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
const jwk = publicKey.export({ format: "jwk" }) as JsonWebKey;

/** A badge as badge.server.ts signs it (ECDSA P-256, SHA-256, signature r||s in base64url). */
function sign(registrationId: string, eventId: string, key = privateKey): string {
  const body = `AS1.${registrationId}.${eventId}`;
  return `${body}.${nodeCrypto.sign("sha256", Buffer.from(body), { key, dsaEncoding: "ieee-p1363" }).toString("base64url")}`;
}

const person = (name: string, extra: Partial<DevicePerson> = {}): DevicePerson => ({
  registrationId: `reg${searchKey(name).replace(/\W/g, "")}0000`.slice(0, 20),
  name,
  searchName: searchKey(name),
  ente: "Salvador (BA)",
  cpfMasked: null,
  cpfKey: null,
  ...extra,
});

describe("badges checked on the device", () => {
  it("accepts a badge signed by the platform and reads its registration and event", async () => {
    const key = await importBadgeKey(subtle, jwk);
    expect(await verifyBadgeOnDevice(subtle, key, sign("cmregistration0001", "cmevent000000001"))).toEqual({ ok: true, registrationId: "cmregistration0001", eventId: "cmevent000000001" });
  });

  it("refuses a badge whose ids were changed after signing, and one signed with another key", async () => {
    const key = await importBadgeKey(subtle, jwk);
    const [, , event, signature] = sign("cmregistration0001", "cmevent000000001").split(".");
    const swapped = `AS1.cmregistration0002.${event}.${signature}`;
    expect(await verifyBadgeOnDevice(subtle, key, swapped)).toMatchObject({ ok: false, reason: "assinatura", message: "QR inválido: não foi emitido pelo Apoia SUAS." });
    const other = nodeCrypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    expect(await verifyBadgeOnDevice(subtle, key, sign("cmregistration0001", "cmevent000000001", other))).toMatchObject({ ok: false, reason: "assinatura" });
  });

  it("says that a QR that is not shaped like a badge is not a badge", async () => {
    const key = await importBadgeKey(subtle, jwk);
    for (const text of ["https://example.org", "AS1.x.y.z", "", "AS2.cmregistration0001.cmevent000000001." + "A".repeat(86)]) {
      expect(await verifyBadgeOnDevice(subtle, key, text)).toMatchObject({ ok: false, reason: "formato", message: "Este QR não é um crachá do Apoia SUAS." });
    }
    expect(parseBadge(`  ${sign("cmregistration0001", "cmevent000000001")}\n`)).toMatchObject({ registrationId: "cmregistration0001" });
  });
});

describe("finding people on the device", () => {
  const people = [person("Maria da Conceição"), person("José Antônio Souza"), person("Ana Maria Lima")];

  it("finds by name ignoring accents and case, every typed word anywhere in the name", () => {
    expect(findPeople(people, "conceicao", null).map((p) => p.name)).toEqual(["Maria da Conceição"]);
    expect(findPeople(people, "JOSE souza", null).map((p) => p.name)).toEqual(["José Antônio Souza"]);
    expect(findPeople(people, "maria", null).map((p) => p.name)).toEqual(["Maria da Conceição", "Ana Maria Lima"]);
    expect(findPeople(people, "ninguém", null)).toEqual([]);
  });

  it("finds by CPF through the same salted hash the server computes, never by partial digits", async () => {
    const eventId = "cmevent000000001";
    const cpf = "52998224725";
    const serverKey = nodeCrypto.createHash("sha256").update(`${eventId}:${cpf}`).digest("base64url").slice(0, 22);
    const typed = await cpfKeyOnDevice(subtle, "529.982.247-25", eventId);
    expect(typed).toBe(serverKey);
    const withCpf = [...people, person("Carla Dias", { cpfKey: serverKey, cpfMasked: "***.982.247-**" })];
    expect(queryKind("529.982.247-25")).toBe("cpf");
    expect(findPeople(withCpf, "529.982.247-25", typed).map((p) => p.name)).toEqual(["Carla Dias"]);
    expect(queryKind("529982")).toBe("cpf-incompleto");
    expect(findPeople(withCpf, "529982", null)).toEqual([]);
  });
});

describe("what a scan means on the device", () => {
  const maria = person("Maria da Conceição");
  const people = new Map([[maria.registrationId, maria]]);
  const refused = new Map([["cmcancelled000001", { registrationId: "cmcancelled000001", name: "Rita", message: "Rita cancelou a inscrição: presença não registrada." }]]);

  it("records an expected person's entry, and calls a second entry a repetition", () => {
    const base = { registrationId: maria.registrationId, people, refused, online: false };
    expect(verdictFor({ ...base, kind: "ENTRADA", present: new Set() })).toMatchObject({ kind: "aceita", message: "Entrada de Maria da Conceição registrada." });
    expect(verdictFor({ ...base, kind: "ENTRADA", present: new Set([maria.registrationId]) })).toMatchObject({ kind: "repetida" });
    expect(verdictFor({ ...base, kind: "SAIDA", present: new Set() })).toMatchObject({ kind: "aceita", message: "Saída de Maria da Conceição registrada." });
  });

  it("refuses a cancelled registration with its reason, and an unknown one offline; online the server is asked", () => {
    const base = { kind: "ENTRADA" as const, people, refused, present: new Set<string>() };
    expect(verdictFor({ ...base, registrationId: "cmcancelled000001", online: true })).toMatchObject({ kind: "recusada", message: "Rita cancelou a inscrição: presença não registrada." });
    expect(verdictFor({ ...base, registrationId: "cmunknown00000001", online: false })).toMatchObject({ kind: "recusada", message: "Inscrição não encontrada neste evento." });
    expect(verdictFor({ ...base, registrationId: "cmunknown00000001", online: true })).toMatchObject({ kind: "verificar" });
  });

  it("applies the device's scans over the server's list in time order", () => {
    const present = presentAfter(["a", "b"], [
      { registrationId: "c", kind: "ENTRADA", at: "2026-12-03T12:05:00.000Z" },
      { registrationId: "a", kind: "SAIDA", at: "2026-12-03T12:01:00.000Z" },
      { registrationId: "a", kind: "ENTRADA", at: "2026-12-03T12:00:00.000Z" },
    ]);
    expect([...present].sort()).toEqual(["b", "c"]);
  });
});

describe("the check-in page as an installed app", () => {
  it("opens on the session's own check-in page, within the event's check-in scope", () => {
    const manifest = checkinAppManifest("encontro-estadual-2026", "cmsession00000001")!;
    expect(manifest).toMatchObject({
      name: "Apoia SUAS — Check-in",
      lang: "pt-BR",
      display: "standalone",
      start_url: "/organizar/eventos/encontro-estadual-2026/checkin/cmsession00000001",
      scope: "/organizar/eventos/encontro-estadual-2026/checkin/",
    });
    expect(manifest.start_url.startsWith(manifest.scope)).toBe(true);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  });

  it("has no manifest for an address that cannot be a check-in page", () => {
    expect(checkinAppManifest("../admin", "x")).toBeNull();
    expect(checkinAppManifest("evento", "a/b")).toBeNull();
  });
});
