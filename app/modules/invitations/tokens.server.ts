// Invitation links: /convites/<id>.<mac>. The MAC (HMAC-SHA256 with the server's secret) makes the
// link unguessable and lets reminders carry the same link without storing it.
import crypto from "node:crypto";

import { env } from "~/lib/env.server";

function mac(linkId: string): string {
  return crypto.createHmac("sha256", env.SESSION_SECRET).update(`convite:${linkId}`).digest("base64url").slice(0, 32);
}

export function invitationToken(linkId: string): string {
  return `${linkId}.${mac(linkId)}`;
}

/** The link id of a well-formed, authentic token; null for anything else (forged, truncated, garbage). */
export function linkIdOf(token: string): string | null {
  const m = /^([a-z0-9]{10,40})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(mac(m[1]!));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? m[1]! : null;
}
