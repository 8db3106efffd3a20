import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { authenticate } from "~/modules/auth/auth.server";
import { checkResetToken, requestPasswordReset, resetPassword } from "~/modules/auth/password-reset.server";
import { startSession } from "~/modules/auth/session.server";

import { rejection } from "../support/errors";
import { userFactory } from "../support/factories";

async function linkFor(userId: string): Promise<string> {
  const m = await db.outboxMessage.findFirstOrThrow({ where: { userId, purpose: "redefinir-senha" }, orderBy: { createdAt: "desc" } });
  const url = /https?:\/\/\S+\/redefinir-senha\/([A-Za-z0-9_-]+)/.exec(m.text);
  return url![1]!;
}

describe("password reset by e-mailed link", () => {
  it("e-mails a link that sets a new password once, and ends every open session", async () => {
    const p = await userFactory();
    await startSession(p.userId, null);
    await requestPasswordReset(p.email.toUpperCase());
    const message = await db.outboxMessage.findFirstOrThrow({ where: { userId: p.userId } });
    expect(message).toMatchObject({ purpose: "redefinir-senha", toEmail: p.email, subject: "Redefinição de senha do Apoia SUAS" });
    const token = await linkFor(p.userId);
    await resetPassword(token, "nova senha segura");
    expect(await authenticate(p.email, "nova senha segura", "10.0.0.1")).toEqual({ userId: p.userId });
    expect(await db.session.count({ where: { userId: p.userId } })).toBe(0);
    const again = await rejection(resetPassword(token, "outra senha segura"));
    expect(again.status).toBe(410);
  });

  it("answers the same for an unknown e-mail, sending nothing", async () => {
    const before = await db.outboxMessage.count();
    await requestPasswordReset("ninguem@nenhum-lugar.gov.br");
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it("refuses an expired, forged or malformed link with 410", async () => {
    const p = await userFactory();
    await requestPasswordReset(p.email, new Date(Date.now() - 2 * 60 * 60_000));
    const token = await linkFor(p.userId);
    expect((await rejection(checkResetToken(token))).status).toBe(410);
    expect((await rejection(checkResetToken("x".repeat(43)))).status).toBe(410);
    expect((await rejection(checkResetToken("../../etc/passwd"))).status).toBe(410);
  });

  it("sends at most three links per hour for one account", async () => {
    const p = await userFactory();
    for (let i = 0; i < 5; i++) await requestPasswordReset(p.email);
    expect(await db.outboxMessage.count({ where: { userId: p.userId, purpose: "redefinir-senha" } })).toBe(3);
  });
});
