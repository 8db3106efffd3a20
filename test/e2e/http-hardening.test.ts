// The running server against hostile requests: forged cross-site posts, oversized and malformed
// bodies, unknown addresses and bad parameters get a clear status, never a 500.
import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";

import { baseUrl } from "../support/browser";
import { federalOrganizer, eventFactory, TEST_PASSWORD, userFactory } from "../support/factories";

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/entrar`, {
    method: "POST",
    body: new URLSearchParams({ email, password: TEST_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

describe("HTTP hardening of the running server", () => {
  it("refuses a registration form posted from another site (CSRF) and stores nothing", async () => {
    const organizer = await federalOrganizer();
    const event = await eventFactory(organizer);
    const person = await userFactory();
    const cookie = await signIn(person.email);
    const res = await fetch(`${baseUrl()}/eventos/${event.slug}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: "https://site-malicioso.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=inscrever",
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("proteção contra CSRF");
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);

    const sameSite = await fetch(`${baseUrl()}/eventos/${event.slug}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: baseUrl(), "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=inscrever",
      redirect: "manual",
    });
    expect(sameSite.status).toBe(302);
    expect(await db.registration.count({ where: { eventId: event.id, status: "CONFIRMADA" } })).toBe(1);
  });

  it("answers 413 to an oversized form and 400 to a body that is not a form", async () => {
    const big = await fetch(`${baseUrl()}/entrar`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `email=${"a".repeat(2_000_000)}`,
    });
    expect(big.status).toBe(413);
    const garbage = await fetch(`${baseUrl()}/entrar`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
      body: "isto não é multipart",
    });
    expect(garbage.status).toBe(400);
  });

  it.each([
    ["/eventos?pagina=abc", 400],
    ["/eventos?tipo=festa", 400],
    ["/eventos?uf=XYZ", 400],
    ["/eventos/evento-que-nao-existe", 404],
    ["/eventos/..%2F..%2Fetc%2Fpasswd", 404],
    ["/organizar/eventos/nao-existe/inscricoes.csv?situacao=qualquer", 302],
    ["/api/entes?q=" + "x".repeat(500), 400],
    ["/endereco/que/nao/existe", 404],
    ["/redefinir-senha/link-forjado-ou-expirado", 410],
    ["/dev/caixa-de-saida", 404],
    ["/calendario/token-que-nao-existe-aaaaaaaaaaaa.ics", 404],
    ["/calendario/sem-extensao", 404],
    ["/eventos/nao-existe/calendario.ics", 404],
    ["/organizar/eventos/x/mensagens?situacao=qualquer", 302],
  ])("answers %s with %i, never a 500", async (path, status) => {
    const res = await fetch(`${baseUrl()}${path}`, { redirect: "manual" });
    expect(res.status).toBe(status);
  });

  it("reports health with the database status", async () => {
    const res = await fetch(`${baseUrl()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("sends security headers and a CSP nonce on every page", async () => {
    const res = await fetch(`${baseUrl()}/`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await res.text()).toContain(`nonce="${nonce}"`);
  });

  it("limits login attempts per e-mail with a 429 in Portuguese", async () => {
    const person = await userFactory();
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${baseUrl()}/entrar`, { method: "POST", body: new URLSearchParams({ email: person.email, password: "errada-errada" }) });
      expect(r.status).toBe(400);
    }
    const blocked = await fetch(`${baseUrl()}/entrar`, { method: "POST", body: new URLSearchParams({ email: person.email, password: TEST_PASSWORD }) });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("Muitas tentativas");
  });
});
