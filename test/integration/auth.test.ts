import crypto from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { DomainError } from "~/lib/http.server";
import { formatCpf } from "~/modules/auth/cpf";
import { authenticate, changePassword, createAccount, LOGIN_LIMITS, updateProfile } from "~/modules/auth/auth.server";
import { grantOrganizerRole, listOrganizerRoles, revokeOrganizerRole } from "~/modules/auth/organizers.server";
import { hashPassword, verifyPassword } from "~/modules/auth/password.server";
import { signUpSchema } from "~/modules/auth/schemas";
import { endSession, loadActor, readSession } from "~/modules/auth/session.server";

import { backdateLoginAttempts, cpfFactory, federalOrganizer, sessionFactory, TEST_PASSWORD, userFactory } from "../support/factories";
import { rejection } from "../support/errors";

const unique = () => crypto.randomBytes(4).toString("hex");
const withCookie = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });
const uniqueIp = () => `10.${[1, 2, 3].map(() => crypto.randomInt(256)).join(".")}`;


describe("createAccount", () => {
  it("stores the e-mail in lower case and the CPF as bare digits", async () => {
    const cpf = cpfFactory();
    const email = `Maria.Silva.${unique()}@Exemplo.GOV.br`;
    const r = await createAccount({
      name: "Maria da Silva",
      email,
      password: "uma senha longa",
      cpf: formatCpf(cpf),
      enteId: "2927408",
      roleInEnte: "TECNICO",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const user = await db.user.findUniqueOrThrow({ where: { id: r.userId } });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.cpf).toBe(cpf);
  });

  it("normalizes the sign-up form the same way before the account is created", async () => {
    const cpf = cpfFactory();
    const input = signUpSchema.parse({
      name: "  João Pereira  ",
      email: `  Joao.${unique()}@Exemplo.gov.BR `,
      password: "uma senha longa",
      passwordConfirm: "uma senha longa",
      cpf: formatCpf(cpf),
      ente: "2611606",
      roleInEnte: "GESTOR",
    });
    const r = await createAccount({ ...input, enteId: input.ente! });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const user = await db.user.findUniqueOrThrow({ where: { id: r.userId } });
    expect(user).toMatchObject({ name: "João Pereira", email: input.email, cpf, enteId: "2611606" });
    expect(user.email).toBe(user.email.trim().toLowerCase());
  });

  it("refuses a second account with the same e-mail, in any letter case, with a Portuguese field error", async () => {
    const existing = await userFactory();
    const before = await db.user.count();
    const r = await createAccount({
      name: "Outra Pessoa",
      email: existing.email.toUpperCase(),
      password: "uma senha longa",
      enteId: "2927408",
      roleInEnte: "TECNICO",
    });
    expect(r).toEqual({ ok: false, fieldErrors: { email: ["Já existe uma conta com este e-mail. Entre ou use outro e-mail."] } });
    expect(await db.user.count()).toBe(before);
  });

  it("refuses a second account with the same CPF, however it is punctuated", async () => {
    const cpf = cpfFactory();
    await userFactory({ cpf });
    const before = await db.user.count();
    const r = await createAccount({
      name: "Outra Pessoa",
      email: `outra.${unique()}@teste.gov.br`,
      password: "uma senha longa",
      cpf: `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`,
      enteId: "2927408",
      roleInEnte: "TECNICO",
    });
    expect(r).toEqual({ ok: false, fieldErrors: { cpf: ["Este CPF já está cadastrado em outra conta."] } });
    expect(await db.user.count()).toBe(before);
  });
});

describe("passwords", () => {
  it("are stored as scrypt$… hashes that verify the right password only", async () => {
    const hash = await hashPassword("correta horse battery");
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("correta horse battery", hash)).toBe(true);
    expect(await verifyPassword("correta horse batterY", hash)).toBe(false);
    expect(await verifyPassword("qualquer", "md5$abc")).toBe(false);
  });

  it("are salted: the same password hashes differently twice", async () => {
    expect(await hashPassword("mesma senha")).not.toBe(await hashPassword("mesma senha"));
  });

  it("are changed only when the current password is right", async () => {
    const user = await userFactory();
    expect(await changePassword(user.userId, "senha errada", "nova senha forte")).toEqual({
      ok: false,
      fieldErrors: { currentPassword: ["Senha atual incorreta."] },
    });
    expect(await authenticate(user.email, TEST_PASSWORD, uniqueIp())).toEqual({ userId: user.userId });

    expect(await changePassword(user.userId, TEST_PASSWORD, "nova senha forte")).toEqual({ ok: true });
    const ip = uniqueIp();
    expect(await authenticate(user.email, "nova senha forte", ip)).toEqual({ userId: user.userId });
    expect(await authenticate(user.email, TEST_PASSWORD, ip)).toBeNull();
  });
});

describe("authenticate", () => {
  it("accepts the right password and records a successful attempt", async () => {
    const user = await userFactory();
    const ip = uniqueIp();
    expect(await authenticate(user.email, TEST_PASSWORD, ip)).toEqual({ userId: user.userId });
    expect(await db.loginAttempt.findMany({ where: { ip }, select: { email: true, succeeded: true } })).toEqual([
      { email: user.email, succeeded: true },
    ]);
  });

  it("returns null for a wrong password and for an unknown e-mail, recording failures", async () => {
    const user = await userFactory();
    const ip = uniqueIp();
    expect(await authenticate(user.email, "senha errada", ip)).toBeNull();
    expect(await authenticate(`ninguem.${unique()}@teste.gov.br`, TEST_PASSWORD, ip)).toBeNull();
    expect(await db.loginAttempt.count({ where: { ip, succeeded: false } })).toBe(2);
  });

  it(`blocks an e-mail with 429 after ${LOGIN_LIMITS.perEmail} failures, even when the right password comes next`, async () => {
    const user = await userFactory();
    // However the e-mail is written, it is the same account.
    const spellings = [user.email, user.email.toUpperCase(), ` ${user.email} `];
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) expect(await authenticate(spellings[i % 3]!, `errada-${i}`, uniqueIp())).toBeNull();

    const error = await rejection(authenticate(user.email, TEST_PASSWORD, uniqueIp()));
    expect(error.status).toBe(429);
    expect(error.message).toBe("Muitas tentativas de entrada sem sucesso. Por segurança, aguarde 15 minutos e tente de novo.");
    // Another person is not affected.
    const other = await userFactory();
    expect(await authenticate(other.email, TEST_PASSWORD, uniqueIp())).toEqual({ userId: other.userId });
  });

  it(`blocks every e-mail from an address after ${LOGIN_LIMITS.perIp} failures from it, but not the same e-mail elsewhere`, async () => {
    const ip = uniqueIp();
    const emails = Array.from({ length: LOGIN_LIMITS.perIp / 5 }, () => `alvo.${unique()}@teste.gov.br`);
    await Promise.all(
      emails.map(async (email) => {
        for (let i = 0; i < 5; i++) expect(await authenticate(email, "chute", ip)).toBeNull();
      }),
    );
    const victim = await userFactory();
    const error = await rejection(authenticate(victim.email, TEST_PASSWORD, ip));
    expect(error.status).toBe(429);
    expect(await authenticate(victim.email, TEST_PASSWORD, uniqueIp())).toEqual({ userId: victim.userId });
  });

  it("counts the failures of an over-long client address, which is stored cut to 64 characters", async () => {
    const ip = `2001:db8::${unique()}`.padEnd(100, "f");
    await Promise.all(
      Array.from({ length: LOGIN_LIMITS.perIp / 5 }, async () => {
        const email = `alvo.${unique()}@teste.gov.br`;
        for (let i = 0; i < 5; i++) await authenticate(email, "chute", ip);
      }),
    );
    expect(await db.loginAttempt.count({ where: { ip: ip.slice(0, 64) } })).toBe(LOGIN_LIMITS.perIp);
    const victim = await userFactory();
    expect((await rejection(authenticate(victim.email, TEST_PASSWORD, ip))).status).toBe(429);
  });

  it("forgets failures older than the window", async () => {
    const user = await userFactory();
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) await authenticate(user.email, "errada", uniqueIp());
    await expect(authenticate(user.email, TEST_PASSWORD, uniqueIp())).rejects.toThrow(DomainError);
    await backdateLoginAttempts(user.email, LOGIN_LIMITS.windowMinutes * 60_000 + 1000);
    expect(await authenticate(user.email, TEST_PASSWORD, uniqueIp())).toEqual({ userId: user.userId });
  });
});

describe("sessions", () => {
  it("are carried by a Set-Cookie whose token, sent back, identifies the person", async () => {
    const user = await userFactory({ ente: "29", organizes: ["29"] });
    const { setCookie, cookie } = await sessionFactory(user);
    expect(setCookie).toMatch(/^apoia_sessao=[^;]+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    const state = await readSession(withCookie(cookie));
    expect(state.kind).toBe("active");
    if (state.kind !== "active") return;
    expect(state.actor).toMatchObject({ userId: user.userId, email: user.email, ente: { id: "29", kind: "UF" } });
    expect(state.actor.organizerOf.map((e) => e.id)).toEqual(["29"]);
  });

  it("reads a missing or tampered cookie as anonymous", async () => {
    const user = await userFactory();
    const { cookie } = await sessionFactory(user);
    expect(await readSession(new Request("http://localhost/"))).toEqual({ kind: "anonymous" });
    const eq = cookie.indexOf("=");
    const middle = eq + Math.floor((cookie.length - eq) / 2);
    const tampered = cookie.slice(0, middle) + (cookie[middle] === "A" ? "B" : "A") + cookie.slice(middle + 1);
    expect(tampered).not.toBe(cookie);
    expect(await readSession(withCookie(tampered))).toEqual({ kind: "anonymous" });
  });

  it("slides the expiry forward when a session is used after more than a day", async () => {
    const user = await userFactory();
    const { cookie, sessionId } = await sessionFactory(user, { lastSeenDaysAgo: 2 });
    const before = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect((await readSession(withCookie(cookie))).kind).toBe("active");
    const after = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(after.lastSeenAt.getTime()).toBeGreaterThan(before.lastSeenAt.getTime());
    expect(after.expiresAt.getTime()).toBeGreaterThan(before.expiresAt.getTime());
    expect(after.expiresAt.getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
  });

  it("reads an expired session as expired and deletes its row", async () => {
    const user = await userFactory();
    const { cookie } = await sessionFactory(user, { expired: true });
    expect(await db.session.count({ where: { userId: user.userId } })).toBe(1);
    expect(await readSession(withCookie(cookie))).toEqual({ kind: "expired" });
    expect(await db.session.count({ where: { userId: user.userId } })).toBe(0);
  });

  it("are deleted by endSession, which clears the cookie", async () => {
    const user = await userFactory();
    const { cookie } = await sessionFactory(user);
    const cleared = await endSession(withCookie(cookie));
    expect(cleared).toMatch(/^apoia_sessao=;.*Max-Age=0/);
    expect(await db.session.count({ where: { userId: user.userId } })).toBe(0);
    expect((await readSession(withCookie(cookie))).kind).toBe("expired");
  });
});

describe("updateProfile", () => {
  it("keeps the CPF on file when none is given, and removes it with removeCpf", async () => {
    const cpf = cpfFactory();
    const user = await userFactory({ cpf, ente: "2927408" });
    expect(await updateProfile(user.userId, { name: "Nome Novo", enteId: "2611606", roleInEnte: "GESTOR" })).toEqual({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.userId } })).toMatchObject({
      name: "Nome Novo",
      cpf,
      enteId: "2611606",
      roleInEnte: "GESTOR",
    });

    expect(await updateProfile(user.userId, { name: "Nome Novo", removeCpf: true, enteId: "2611606", roleInEnte: "GESTOR" })).toEqual({
      ok: true,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).cpf).toBeNull();
  });

  it("stores a CPF given with punctuation as bare digits when the profile is saved", async () => {
    const user = await userFactory();
    const cpf = cpfFactory();
    expect(await updateProfile(user.userId, { name: "Fulana", cpf: formatCpf(cpf), enteId: "2927408", roleInEnte: "TECNICO" })).toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).cpf).toBe(cpf);
  });

  it("refuses a CPF that belongs to another account", async () => {
    const cpf = cpfFactory();
    await userFactory({ cpf });
    const user = await userFactory();
    expect(await updateProfile(user.userId, { name: "Fulana", cpf: formatCpf(cpf), enteId: "2927408", roleInEnte: "TECNICO" })).toEqual({
      ok: false,
      fieldErrors: { cpf: ["Este CPF já está cadastrado em outra conta."] },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).cpf).toBeNull();
  });
});

describe("organizer roles", () => {
  it("are granted and revoked only by administrators (403 for anyone else)", async () => {
    const federal = await federalOrganizer();
    const target = await userFactory({ ente: "29" });
    const grant = await rejection(grantOrganizerRole(federal, { email: target.email, enteId: "29" }));
    expect(grant.status).toBe(403);
    expect(grant.message).toBe("Somente administradores gerenciam as equipes organizadoras.");
    expect(await db.organizerRole.count({ where: { userId: target.userId } })).toBe(0);

    const role = await db.organizerRole.findFirstOrThrow({ where: { userId: federal.userId } });
    expect((await rejection(revokeOrganizerRole(federal, role.id))).status).toBe(403);
    expect((await rejection(listOrganizerRoles(federal))).status).toBe(403);
    expect(await db.organizerRole.count({ where: { id: role.id } })).toBe(1);
  });

  it("are granted by an administrator, with an audit entry, and the person then organizes for that UF", async () => {
    const admin = await userFactory({ isAdmin: true });
    const target = await userFactory({ ente: "29" });
    expect(await grantOrganizerRole(admin, { email: target.email, enteId: "29" })).toEqual({ ok: true });

    expect((await loadActor(target.userId))!.organizerOf.map((e) => e.id)).toEqual(["29"]);
    expect(await db.auditEntry.findMany({ where: { subject: `user:${target.userId}` }, select: { actorId: true, action: true, detail: true } })).toEqual([
      { actorId: admin.userId, action: "organizer.grant", detail: "ente:29" },
    ]);
    expect(await grantOrganizerRole(admin, { email: target.email, enteId: "29" })).toEqual({
      ok: false,
      fieldErrors: { email: ["Esta pessoa já organiza eventos por Bahia."] },
    });
  });

  it("cannot be granted for a municipality nor to an unknown e-mail", async () => {
    const admin = await userFactory({ isAdmin: true });
    expect(await grantOrganizerRole(admin, { email: `ninguem.${unique()}@teste.gov.br`, enteId: "2927408" })).toEqual({
      ok: false,
      fieldErrors: {
        email: ["Não há conta com este e-mail. Peça à pessoa que se cadastre primeiro."],
        ente: ["Escolha a União ou um estado."],
      },
    });
  });

  it("are revoked by an administrator, with an audit entry", async () => {
    const admin = await userFactory({ isAdmin: true });
    const target = await userFactory({ ente: "26", organizes: ["26"] });
    const role = await db.organizerRole.findFirstOrThrow({ where: { userId: target.userId } });
    await revokeOrganizerRole(admin, role.id);

    expect((await loadActor(target.userId))!.organizerOf).toEqual([]);
    expect(await db.auditEntry.findMany({ where: { subject: `user:${target.userId}` }, select: { actorId: true, action: true, detail: true } })).toEqual([
      { actorId: admin.userId, action: "organizer.revoke", detail: "ente:26" },
    ]);
    expect((await rejection(revokeOrganizerRole(admin, role.id))).status).toBe(404);
  });

  it("cannot be revoked by the last federal organizer from herself (409), but can once someone else joins", async () => {
    const admin = await userFactory({ isAdmin: true, ente: "BR", organizes: ["BR"] });
    // Leave her as the only member of the federal team.
    for (const r of await listOrganizerRoles(admin)) {
      if (r.ente.id === "BR" && r.user.id !== admin.userId) await revokeOrganizerRole(admin, r.id);
    }
    const own = await db.organizerRole.findFirstOrThrow({ where: { userId: admin.userId, enteId: "BR" } });

    const error = await rejection(revokeOrganizerRole(admin, own.id));
    expect(error.status).toBe(409);
    expect(error.message).toBe("Você é a última pessoa da equipe federal: atribua outra pessoa antes de sair.");
    expect(await db.organizerRole.count({ where: { id: own.id } })).toBe(1);

    const colleague = await userFactory({ ente: "BR" });
    expect(await grantOrganizerRole(admin, { email: colleague.email, enteId: "BR" })).toEqual({ ok: true });
    await revokeOrganizerRole(admin, own.id);
    expect(await db.organizerRole.count({ where: { enteId: "BR" } })).toBe(1);
  });
});
