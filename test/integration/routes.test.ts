import crypto from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { MAX_FORM_BYTES } from "~/lib/forms.server";
import * as signUpRoute from "~/routes/cadastro";
import * as logInRoute from "~/routes/entrar";
import * as eventRoute from "~/routes/eventos.$slug";
import * as catalogRoute from "~/routes/eventos._index";
import * as healthRoute from "~/routes/healthz";
import * as editRoute from "~/routes/organizar.eventos.$slug.editar";
import * as profileRoute from "~/routes/perfil";
import * as csvRoute from "~/routes/organizar.eventos.$slug.inscricoes[.]csv";

import { readSession } from "~/modules/auth/session.server";

import { bahiaOrganizer, eventFactory, federalOrganizer, pernambucoOrganizer, sessionFactory, TEST_PASSWORD, userFactory } from "../support/factories";
import { callRoute, jsonOf } from "../support/routes";

const unique = () => crypto.randomBytes(4).toString("hex");

type ConformReply = { status: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };

function signUpForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: "Maria da Conceição",
    email: `maria.${unique()}@teste.gov.br`,
    password: "senha-bem-longa",
    passwordConfirm: "senha-bem-longa",
    cpf: "",
    ente: "2927408",
    enteBusca: "Salvador (BA)",
    roleInEnte: "TECNICO",
    ...overrides,
  };
}

describe("GET /eventos/:slug", () => {
  it("throws a 404 response with a Portuguese message for an unknown event", async () => {
    const { response, thrown } = await callRoute(eventRoute.loader, "/eventos/nao-existe", { params: { slug: "nao-existe" } });
    expect(thrown).toBe(true);
    expect(response.status).toBe(404);
    expect(await jsonOf(response)).toEqual({ message: "Evento não encontrado." });
  });

  it("answers a published event with its page data", async () => {
    const event = await eventFactory(await federalOrganizer());
    const { response, thrown } = await callRoute(eventRoute.loader, `/eventos/${event.slug}`, { params: { slug: event.slug } });
    expect(thrown).toBe(false);
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({ event: { slug: event.slug, title: event.title }, me: { signedIn: false } });
  });
});

describe("POST /eventos/:slug", () => {
  it("sends an anonymous registration to /entrar, bringing her back afterwards, and stores nothing", async () => {
    const event = await eventFactory(await federalOrganizer());
    const { response, thrown } = await callRoute(eventRoute.action, `/eventos/${event.slug}`, {
      params: { slug: event.slug },
      form: { intent: "inscrever" },
    });
    expect(thrown).toBe(true);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/entrar?redirectTo=${encodeURIComponent(`/eventos/${event.slug}`)}`);
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("registers a signed-in person and redirects back to the event with a notice", async () => {
    const event = await eventFactory(await federalOrganizer());
    const person = await userFactory();
    const { cookie } = await sessionFactory(person);
    const { response } = await callRoute(eventRoute.action, `/eventos/${event.slug}`, { params: { slug: event.slug }, cookie, form: { intent: "inscrever" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/eventos/${event.slug}`);
    expect(response.headers.get("Set-Cookie")).toMatch(/^apoia_aviso=/);
    expect(await db.registration.findFirst({ where: { eventId: event.id, userId: person.userId } })).toMatchObject({ status: "CONFIRMADA" });
  });

  it("answers 400 to an unknown intent", async () => {
    const event = await eventFactory(await federalOrganizer());
    const { cookie } = await sessionFactory(await userFactory());
    const { response, thrown } = await callRoute(eventRoute.action, `/eventos/${event.slug}`, { params: { slug: event.slug }, cookie, form: { intent: "hackear" } });
    expect(thrown).toBe(true);
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toEqual({ message: "Ação desconhecida." });
  });

  it("sends a person whose session expired to /entrar with the reason, clearing the cookie", async () => {
    const event = await eventFactory(await federalOrganizer());
    const { cookie } = await sessionFactory(await userFactory(), { expired: true });
    const { response } = await callRoute(eventRoute.action, `/eventos/${event.slug}`, { params: { slug: event.slug }, cookie, form: { intent: "inscrever" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/entrar\?redirectTo=.*&motivo=sessao-expirada$/);
    expect(response.headers.get("Set-Cookie")).toMatch(/^apoia_sessao=; Path=\/; Max-Age=0/);
  });
});

describe("GET /eventos (catalog)", () => {
  it.each([
    ["tipo=xyz", "Filtro inválido: Tipo de evento desconhecido."],
    ["pagina=abc", "Filtro inválido: Página inválida."],
    ["pagina=0", "Filtro inválido: Página inválida."],
    ["uf=Bahia", "Filtro inválido: UF inválida: use a sigla, como BA."],
    ["quando=ontem", "Filtro inválido: Período inválido."],
  ])("answers ?%s with 400 and a Portuguese message", async (query, message) => {
    const { response, thrown } = await callRoute(catalogRoute.loader, `/eventos?${query}`);
    expect(thrown).toBe(true);
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toEqual({ message });
  });

  it("answers valid filters with the list", async () => {
    const { response } = await callRoute(catalogRoute.loader, "/eventos?tipo=oficina&formato=online&uf=ba&pagina=1");
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({ filters: { tipo: "OFICINA", formato: "ONLINE", uf: "BA", pagina: 1 }, pages: 1 });
  });
});

describe("POST /cadastro", () => {
  async function signUp(form: Record<string, string> | [string, string][]) {
    const before = await db.user.count();
    const result = await callRoute(signUpRoute.action, "/cadastro", { form });
    return { ...result, created: (await db.user.count()) - before };
  }

  it("creates the account, starts a session and redirects", async () => {
    const form = signUpForm({ email: `Nova.${unique()}@Teste.gov.br` });
    const { response, created } = await signUp(form);
    expect(response.status).toBe(302);
    expect(created).toBe(1);
    expect(response.headers.get("Location")).toBe("/eventos");
    expect(response.headers.get("Set-Cookie")).toContain("apoia_sessao=");
    expect(await db.user.findUnique({ where: { email: form.email!.toLowerCase() } })).toMatchObject({ enteId: "2927408" });
  });

  it("answers an empty form with 400 and a Portuguese error for each required field", async () => {
    const { response, created } = await signUp({});
    expect(response.status).toBe(400);
    expect(created).toBe(0);
    const reply = await jsonOf<ConformReply>(response);
    expect(reply.error).toMatchObject({
      name: ["Informe seu nome completo."],
      email: ["Informe seu e-mail."],
      password: ["Informe a senha."],
      passwordConfirm: ["Repita a senha."],
      roleInEnte: ["Escolha sua função no ente."],
    });
  });

  it("answers oversized fields with 400 and length errors", async () => {
    const { response, created } = await signUp(
      signUpForm({ name: "N".repeat(121), email: `${"a".repeat(250)}@teste.gov.br`, password: "s".repeat(129), passwordConfirm: "s".repeat(129), enteBusca: "x".repeat(200) }),
    );
    expect(response.status).toBe(400);
    expect(created).toBe(0);
    const reply = await jsonOf<ConformReply>(response);
    expect(reply.error).toMatchObject({
      name: ["Seu nome completo pode ter no máximo 120 caracteres."],
      email: ["E-mail longo demais."],
      password: ["A senha pode ter no máximo 128 caracteres."],
      enteBusca: ["O município ou estado pode ter no máximo 120 caracteres."],
    });
  });

  it("answers garbage values with 400, never echoing the password back", async () => {
    const { response, created } = await signUp(
      signUpForm({ email: "isto não é e-mail", cpf: "123.456.789-00", roleInEnte: "IMPERADOR", ente: "99999999", password: "curta", passwordConfirm: "outra" }),
    );
    expect(response.status).toBe(400);
    expect(created).toBe(0);
    const reply = await jsonOf<ConformReply>(response);
    expect(Object.keys(reply.error ?? {}).sort()).toEqual(expect.arrayContaining(["cpf", "email", "ente", "password", "roleInEnte"]));
    expect(reply.error?.cpf).toEqual(["CPF inválido: confira os dígitos."]);
    expect(reply.error?.password).toEqual(["A senha precisa ter ao menos 8 caracteres."]);
    expect(JSON.stringify(reply)).not.toContain("curta");
  });

  it("answers an ente that cannot be resolved with 400 and the picker's message", async () => {
    const { response, created } = await signUp(signUpForm({ ente: "", enteBusca: "Bom Jesus" }));
    expect(response.status).toBe(400);
    expect(created).toBe(0);
    const reply = await jsonOf<ConformReply>(response);
    expect(reply.error?.ente?.[0]).toMatch(/^Há 5 entes com esse nome\./);
  });

  it("answers a taken e-mail with 400 on the e-mail field", async () => {
    const existing = await userFactory();
    const { response, created } = await signUp(signUpForm({ email: existing.email }));
    expect(response.status).toBe(400);
    expect(created).toBe(0);
    expect((await jsonOf<ConformReply>(response)).error?.email).toEqual(["Já existe uma conta com este e-mail. Entre ou use outro e-mail."]);
  });

  it("answers a body over the size limit with 413, even without a Content-Length header", async () => {
    const big = `name=${"x".repeat(MAX_FORM_BYTES + 10)}`;
    const declared = await callRoute(signUpRoute.action, "/cadastro", {
      body: big,
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(big.length) },
    });
    expect(declared.response.status).toBe(413);

    const bytes = new TextEncoder().encode(big);
    const streamed = await callRoute(signUpRoute.action, "/cadastro", {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
          controller.close();
        },
      }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(streamed.thrown).toBe(true);
    expect(streamed.response.status).toBe(413);
    expect(await jsonOf(streamed.response)).toEqual({ message: "O formulário enviado é grande demais (limite de 1 MB)." });
  });
});

describe("POST /entrar", () => {
  it("answers a wrong password with 400 and “E-mail ou senha incorretos.”, without a session", async () => {
    const person = await userFactory();
    const { response, thrown } = await callRoute(logInRoute.action, "/entrar", { form: { email: person.email, password: "senha-errada" } });
    expect(thrown).toBe(false);
    expect(response.status).toBe(400);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    const reply = await jsonOf<ConformReply>(response);
    expect(reply.error?.[""]).toEqual(["E-mail ou senha incorretos."]);
    expect(JSON.stringify(reply)).not.toContain("senha-errada");
    expect(await db.loginAttempt.findFirst({ where: { email: person.email } })).toMatchObject({ ip: "127.0.0.1", succeeded: false });
  });

  it("signs in with the right password and goes to a same-site redirectTo only", async () => {
    const person = await userFactory();
    const ok = await callRoute(logInRoute.action, "/entrar", { form: { email: person.email.toUpperCase(), password: TEST_PASSWORD, redirectTo: "/minhas-inscricoes" } });
    expect(ok.response.status).toBe(302);
    expect(ok.response.headers.get("Location")).toBe("/minhas-inscricoes");
    expect(ok.response.headers.get("Set-Cookie")).toMatch(/^apoia_sessao=/);

    const offsite = await callRoute(logInRoute.action, "/entrar", { form: { email: person.email, password: TEST_PASSWORD, redirectTo: "//malicioso.example/" } });
    expect(offsite.response.headers.get("Location")).toBe("/");
  });

  it("answers 400 to a malformed e-mail", async () => {
    const { response } = await callRoute(logInRoute.action, "/entrar", { form: { email: "@@", password: "x" } });
    expect(response.status).toBe(400);
    expect((await jsonOf<ConformReply>(response)).error?.email).toEqual(["E-mail inválido: confira se está no formato nome@dominio.gov.br."]);
  });
});

describe("POST /perfil (password change)", () => {
  it("answers a wrong current password with 400 on that field and keeps the old password", async () => {
    const person = await userFactory();
    const { cookie } = await sessionFactory(person);
    const { response } = await callRoute(profileRoute.action, "/perfil", {
      cookie,
      form: { intent: "senha", currentPassword: "nao-e-esta", password: "nova-senha-forte", passwordConfirm: "nova-senha-forte" },
    });
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toMatchObject({ form: "senha", result: { error: { currentPassword: ["Senha atual incorreta."] } } });
    const login = await callRoute(logInRoute.action, "/entrar", { form: { email: person.email, password: TEST_PASSWORD } });
    expect(login.response.status).toBe(302);
  });

  it("changes the password and ends the person's other sessions, keeping the current one", async () => {
    const person = await userFactory();
    const current = await sessionFactory(person);
    const other = await sessionFactory(person);
    const { response } = await callRoute(profileRoute.action, "/perfil", {
      cookie: current.cookie,
      form: { intent: "senha", currentPassword: TEST_PASSWORD, password: "nova-senha-forte", passwordConfirm: "nova-senha-forte" },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/perfil");
    const withCookie = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });
    expect((await readSession(withCookie(current.cookie))).kind).toBe("active");
    expect((await readSession(withCookie(other.cookie))).kind).toBe("expired");
    const login = await callRoute(logInRoute.action, "/entrar", { form: { email: person.email, password: "nova-senha-forte" } });
    expect(login.response.status).toBe(302);
  });
});

describe("GET /organizar/eventos/:slug/editar", () => {
  it("answers 403 to the Pernambuco team for a Bahia event", async () => {
    const event = await eventFactory(await bahiaOrganizer());
    const { cookie } = await sessionFactory(await pernambucoOrganizer());
    const { response, thrown } = await callRoute(editRoute.loader, `/organizar/eventos/${event.slug}/editar`, { params: { slug: event.slug }, cookie });
    expect(thrown).toBe(true);
    expect(response.status).toBe(403);
    expect(await jsonOf(response)).toEqual({ message: "Este evento é organizado por outro ente: você não pode fazer isso com ele." });
  });

  it("answers the Bahia team with the form defaults of its event", async () => {
    const bahia = await bahiaOrganizer();
    const event = await eventFactory(bahia);
    const { cookie } = await sessionFactory(bahia);
    const { response } = await callRoute(editRoute.loader, `/organizar/eventos/${event.slug}/editar`, { params: { slug: event.slug }, cookie });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({ slug: event.slug, defaults: { title: event.title, organizerEnteId: "29" } });
  });

  it("sends an anonymous visitor to /entrar", async () => {
    const event = await eventFactory(await bahiaOrganizer());
    const { response } = await callRoute(editRoute.loader, `/organizar/eventos/${event.slug}/editar`, { params: { slug: event.slug } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/entrar\?redirectTo=/);
  });
});

describe("GET /organizar/eventos/:slug/inscricoes.csv", () => {
  it("answers a semicolon CSV download to the organizers", async () => {
    const bahia = await bahiaOrganizer();
    const event = await eventFactory(bahia);
    const { cookie } = await sessionFactory(bahia);
    const { response, thrown } = await callRoute(csvRoute.loader, `/organizar/eventos/${event.slug}/inscricoes.csv`, { params: { slug: event.slug }, cookie });
    expect(thrown).toBe(false);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="inscricoes-${event.slug}.csv"`);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain("Nome;E-mail;CPF;");
  });

  it("answers 400 to an invalid filter and 403 to another state's team", async () => {
    const event = await eventFactory(await bahiaOrganizer());
    const { cookie: pe } = await sessionFactory(await pernambucoOrganizer());
    const denied = await callRoute(csvRoute.loader, `/organizar/eventos/${event.slug}/inscricoes.csv`, { params: { slug: event.slug }, cookie: pe });
    expect(denied.response.status).toBe(403);
    const { cookie } = await sessionFactory(await federalOrganizer());
    const bad = await callRoute(csvRoute.loader, `/organizar/eventos/${event.slug}/inscricoes.csv?municipio=abc`, { params: { slug: event.slug }, cookie });
    expect(bad.response.status).toBe(400);
  });
});

describe("GET /healthz", () => {
  it('answers {"status":"ok","db":"ok"} uncached', async () => {
    const { response, thrown } = await callRoute(healthRoute.loader, "/healthz");
    expect(thrown).toBe(false);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });
});
