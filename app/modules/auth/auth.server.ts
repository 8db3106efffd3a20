// Accounts: sign-up, login with rate limiting, profile and password changes.
import { db } from "~/lib/db.server";
import { tooManyRequests } from "~/lib/http.server";

import { searchKey } from "~/modules/entes/federation";

import { normalizeCpf } from "./cpf";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server";

/** Failed logins allowed per e-mail, and per client address, in the window below. */
export const LOGIN_LIMITS = { perEmail: 5, perIp: 30, windowMinutes: 15 } as const;

export type FieldErrors = Record<string, string[]>;

/** E-mails and CPFs are stored in one form (the unique indexes compare exact text), whoever calls. */
const normalizeEmail = (email: string) => email.trim().toLowerCase();
const cpfOrUndefined = (cpf: string | undefined) => (cpf ? normalizeCpf(cpf) || undefined : undefined);

export async function emailTaken(email: string, exceptUserId?: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } });
  return !!user && user.id !== exceptUserId;
}

export async function cpfTaken(cpf: string | undefined, exceptUserId?: string): Promise<boolean> {
  const digits = cpfOrUndefined(cpf);
  if (!digits) return false;
  const user = await db.user.findUnique({ where: { cpf: digits }, select: { id: true } });
  return !!user && user.id !== exceptUserId;
}

export type NewAccount = {
  name: string;
  email: string;
  password: string;
  cpf?: string;
  enteId: string;
  roleInEnte: string;
};

export type CreateAccountResult = { ok: true; userId: string } | { ok: false; fieldErrors: FieldErrors };

export async function createAccount(account: NewAccount): Promise<CreateAccountResult> {
  const input = { ...account, email: normalizeEmail(account.email), cpf: cpfOrUndefined(account.cpf) };
  const fieldErrors: FieldErrors = {};
  if (await emailTaken(input.email)) fieldErrors.email = ["Já existe uma conta com este e-mail. Entre ou use outro e-mail."];
  if (await cpfTaken(input.cpf)) fieldErrors.cpf = ["Este CPF já está cadastrado em outra conta."];
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        name: input.name,
        searchName: searchKey(input.name),
        email: input.email,
        passwordHash,
        cpf: input.cpf ?? null,
        enteId: input.enteId,
        roleInEnte: input.roleInEnte,
      },
      select: { id: true },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    // Two sign-ups with the same e-mail at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") {
      return { ok: false, fieldErrors: { email: ["Já existe uma conta com este e-mail ou CPF."] } };
    }
    throw error;
  }
}

async function recentFailures(where: { email?: string; ip?: string }): Promise<number> {
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
  return db.loginAttempt.count({ where: { ...where, succeeded: false, createdAt: { gte: since } } });
}

/**
 * Checks e-mail and password. Throws 429 when this e-mail or this client address failed too often
 * recently (checked before the password, so guessing stops even with the right one).
 */
export async function authenticate(rawEmail: string, password: string, rawIp: string): Promise<{ userId: string } | null> {
  const email = normalizeEmail(rawEmail);
  // Counted as stored: an address longer than the column keeps is compared by the same 64 characters.
  const ip = rawIp.slice(0, 64);
  if ((await recentFailures({ email })) >= LOGIN_LIMITS.perEmail || (await recentFailures({ ip })) >= LOGIN_LIMITS.perIp) {
    throw tooManyRequests(
      `Muitas tentativas de entrada sem sucesso. Por segurança, aguarde ${LOGIN_LIMITS.windowMinutes} minutos e tente de novo.`,
    );
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  await db.loginAttempt.create({ data: { email, ip, succeeded: ok && !!user } });
  return ok && user ? { userId: user.id } : null;
}

export async function updateProfile(
  userId: string,
  input: { name: string; cpf?: string; removeCpf?: boolean; enteId: string; roleInEnte: string },
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  if (await cpfTaken(input.cpf, userId)) return { ok: false, fieldErrors: { cpf: ["Este CPF já está cadastrado em outra conta."] } };
  const cpf = cpfOrUndefined(input.cpf) ?? (input.removeCpf ? null : undefined);
  await db.user.update({
    where: { id: userId },
    data: { name: input.name, searchName: searchKey(input.name), ...(cpf !== undefined ? { cpf } : {}), enteId: input.enteId, roleInEnte: input.roleInEnte },
  });
  return { ok: true };
}

export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    return { ok: false, fieldErrors: { currentPassword: ["Senha atual incorreta."] } };
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
  return { ok: true };
}

export async function profileOf(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true, cpf: true, roleInEnte: true, calendarToken: true, ente: { select: { id: true, name: true, uf: true, kind: true } } },
  });
}

/** Old login attempts are only useful inside the rate-limit window. */
export async function pruneLoginAttempts(): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - 24 * 60 * 60_000) } },
  });
  return count;
}
