import { describe, expect, it } from "vitest";

import { afterFailure, backoffMs, describeFailure, headerSafe, isPermanent, MAX_ATTEMPTS, MAX_ATTEMPTS_PERMANENT, MAX_BACKOFF_MS } from "./delivery-policy";

describe("delivery policy", () => {
  it("treats 5xx answers as permanent and 4xx answers, timeouts and resets as transient", () => {
    expect(isPermanent({ message: "x", responseCode: 550 })).toBe(true);
    expect(isPermanent({ message: "x", responseCode: 421 })).toBe(false);
    expect(isPermanent({ message: "x", code: "ETIMEDOUT" })).toBe(false);
    expect(isPermanent({ message: "x", code: "ECONNRESET" })).toBe(false);
  });

  it("doubles the delay after each failure, capped at one hour", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 30_000, mid))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20, 30_000, mid)).toBe(MAX_BACKOFF_MS);
  });

  it("spreads retries by ±20 % so that many messages do not retry at the same instant", () => {
    expect(backoffMs(1, 10_000, () => 0)).toBe(8_000);
    expect(backoffMs(1, 10_000, () => 1)).toBe(12_000);
  });

  it("schedules another attempt until the limit, then gives up", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const transient = { message: "timeout", code: "ETIMEDOUT" };
    expect(afterFailure({ attempts: 1, failure: transient, now, baseMs: 1_000, random: () => 0.5 })).toEqual({
      status: "PENDENTE",
      nextAttemptAt: new Date("2026-12-01T12:00:01Z"),
    });
    expect(afterFailure({ attempts: MAX_ATTEMPTS - 1, failure: transient, now, baseMs: 1_000 }).status).toBe("PENDENTE");
    expect(afterFailure({ attempts: MAX_ATTEMPTS, failure: transient, now, baseMs: 1_000 }).status).toBe("FALHOU");
  });

  it("gives up sooner on permanent refusals", () => {
    const now = new Date();
    const permanent = { message: "no such user", responseCode: 550 };
    expect(afterFailure({ attempts: MAX_ATTEMPTS_PERMANENT - 1, failure: permanent, now, baseMs: 1 }).status).toBe("PENDENTE");
    expect(afterFailure({ attempts: MAX_ATTEMPTS_PERMANENT, failure: permanent, now, baseMs: 1 }).status).toBe("FALHOU");
  });

  it("describes a failure with its SMTP code or error code, on one line, at most 500 characters", () => {
    expect(describeFailure({ message: "Mailbox\n unavailable", responseCode: 550 })).toBe("550 Mailbox unavailable");
    expect(describeFailure({ message: "connect refused", code: "ECONNREFUSED" })).toBe("ECONNREFUSED: connect refused");
    expect(describeFailure({ message: "x".repeat(900) })).toHaveLength(500);
  });

  it("strips line breaks and control characters from text that goes into headers", () => {
    expect(headerSafe("Maria\r\nBcc: x@y")).toBe("Maria Bcc: x@y");
    expect(headerSafe("a\u0000b\u0007c")).toBe("a b c");
    expect(headerSafe("x".repeat(400))).toHaveLength(200);
  });
});
