// Password reset by e-mailed link: single use, valid for an hour, stored as a hash. Asking never
// reveals whether an e-mail has an account.
import crypto from "node:crypto";

import { templates } from "@emails/index";

import { db } from "~/lib/db.server";
import { DomainError } from "~/lib/http.server";
import { enqueue } from "~/modules/email/outbox.server";
import { appLink } from "~/modules/email/notifications.server";

import { hashPassword } from "./password.server";
import { RESET_MINUTES } from "./schemas";

export { RESET_MINUTES };
/** requests per account per hour: beyond it, no new link is sent (the answer stays the same) */
const MAX_REQUESTS_PER_HOUR = 3;

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export async function requestPasswordReset(email: string, now = new Date()): Promise<void> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, email: true } });
  if (!user) return;
  const recent = await db.passwordResetToken.count({
    where: { userId: user.id, createdAt: { gte: new Date(now.getTime() - 60 * 60_000) } },
  });
  if (recent >= MAX_REQUESTS_PER_HOUR) return;
  const token = crypto.randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.create({
      data: { id: hash(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000) },
    });
    await enqueue(tx, {
      key: `redefinir-senha:${row.id}`,
      purpose: "redefinir-senha",
      toEmail: user.email,
      toName: user.name,
      userId: user.id,
      ...templates.redefinirSenha({ personName: user.name, resetUrl: appLink(`/redefinir-senha/${token}`), expiresInMinutes: RESET_MINUTES }),
    });
  });
}

function validToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{40,60}$/.test(token);
}

/** 410 when the link is unknown, used or expired. */
export async function checkResetToken(token: string, now = new Date()): Promise<{ userId: string }> {
  const row = validToken(token) ? await db.passwordResetToken.findUnique({ where: { id: hash(token) } }) : null;
  if (!row || row.usedAt || row.expiresAt <= now) {
    throw new DomainError(410, "Este link de redefinição de senha não vale mais (já foi usado ou expirou). Peça um novo.");
  }
  return { userId: row.userId };
}

/** Sets the new password, spends the link and ends every open session of the account. */
export async function resetPassword(token: string, newPassword: string, now = new Date()): Promise<{ userId: string }> {
  const { userId } = await checkResetToken(token, now);
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const spent = await tx.passwordResetToken.updateMany({ where: { id: hash(token), usedAt: null }, data: { usedAt: now } });
    if (spent.count !== 1) throw new DomainError(410, "Este link de redefinição de senha já foi usado. Peça um novo.");
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId } });
  });
  return { userId };
}
