// When to try again, and when to give up: the outbox worker's decisions, pure.

export const MAX_ATTEMPTS = 8;
/** A server that says the address itself is wrong will not change its mind: fewer tries. */
export const MAX_ATTEMPTS_PERMANENT = 3;
export const MAX_BACKOFF_MS = 60 * 60_000;
export const LEASE_MS = 2 * 60_000;

export type SendFailure = { message: string; responseCode?: number; code?: string };

/** 5xx replies are permanent (RFC 5321 §4.2.1); 4xx replies, timeouts and resets are transient. */
export function isPermanent(failure: SendFailure): boolean {
  return failure.responseCode != null && failure.responseCode >= 500 && failure.responseCode < 600;
}

/** Delay before the attempt after `attempts` failures: base · 2^(attempts−1), capped, ±20 % jitter. */
export function backoffMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const raw = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return Math.round(raw * (0.8 + 0.4 * random()));
}

export type NextStep = { status: "PENDENTE"; nextAttemptAt: Date } | { status: "FALHOU" };

export function afterFailure(input: { attempts: number; failure: SendFailure; now: Date; baseMs: number; random?: () => number }): NextStep {
  const limit = isPermanent(input.failure) ? MAX_ATTEMPTS_PERMANENT : MAX_ATTEMPTS;
  if (input.attempts >= limit) return { status: "FALHOU" };
  return { status: "PENDENTE", nextAttemptAt: new Date(input.now.getTime() + backoffMs(input.attempts, input.baseMs, input.random)) };
}

/** "421 4.3.0 Tente mais tarde" / "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:2525", at most 500 characters. */
export function describeFailure(failure: SendFailure): string {
  const prefix = failure.responseCode ? `${failure.responseCode} ` : failure.code ? `${failure.code}: ` : "";
  return `${prefix}${failure.message}`.replace(/\s+/g, " ").trim().slice(0, 500);
}

/** Display names go into headers: no line breaks, no control characters, bounded length. */
export function headerSafe(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim().slice(0, max);
}
