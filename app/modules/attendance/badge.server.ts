// The personal QR code of a registration (the "crachá"): the registration and event ids signed
// with the platform's ECDSA P-256 key, so check-in devices validate it offline with the public key.
// Format: AS1.<registration id>.<event id>.<signature, base64url of r||s>
import crypto from "node:crypto";

import QRCode from "qrcode";

import { db } from "~/lib/db.server";

const KEY_ID = "checkin-v1";
let cached: Promise<{ privateKey: crypto.KeyObject; publicJwk: JsonWebKey }> | undefined;

/** The signing key, created on first use and kept in the database. */
function signingKey() {
  return (cached ??= (async () => {
    let row = await db.signingKey.findUnique({ where: { id: KEY_ID } });
    if (!row) {
      const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
      try {
        row = await db.signingKey.create({
          data: {
            id: KEY_ID,
            publicJwk: JSON.stringify(publicKey.export({ format: "jwk" })),
            privatePkcs8: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
          },
        });
      } catch {
        row = await db.signingKey.findUniqueOrThrow({ where: { id: KEY_ID } }); // created concurrently
      }
    }
    return {
      privateKey: crypto.createPrivateKey({ key: Buffer.from(row.privatePkcs8, "base64"), format: "der", type: "pkcs8" }),
      publicJwk: JSON.parse(row.publicJwk) as JsonWebKey,
    };
  })());
}

const PREFIX = "AS1";
const ID = /^[a-z0-9]{10,40}$/;

export async function badgePayload(registrationId: string, eventId: string): Promise<string> {
  const { privateKey } = await signingKey();
  const body = `${PREFIX}.${registrationId}.${eventId}`;
  const signature = crypto.sign("sha256", Buffer.from(body), { key: privateKey, dsaEncoding: "ieee-p1363" });
  return `${body}.${signature.toString("base64url")}`;
}

export type BadgeCheck = { ok: true; registrationId: string; eventId: string } | { ok: false; reason: "formato" | "assinatura" };

export async function verifyBadge(payload: string): Promise<BadgeCheck> {
  const parts = payload.trim().split(".");
  if (parts.length !== 4 || parts[0] !== PREFIX || !ID.test(parts[1]!) || !ID.test(parts[2]!) || !/^[A-Za-z0-9_-]{80,90}$/.test(parts[3]!)) {
    return { ok: false, reason: "formato" };
  }
  const { publicJwk } = await signingKey();
  const key = crypto.createPublicKey({ key: publicJwk as crypto.JsonWebKey, format: "jwk" });
  const ok = crypto.verify("sha256", Buffer.from(parts.slice(0, 3).join(".")), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(parts[3]!, "base64url"));
  return ok ? { ok: true, registrationId: parts[1]!, eventId: parts[2]! } : { ok: false, reason: "assinatura" };
}

/** What check-in devices need to validate badges offline. */
export async function badgePublicKey(): Promise<JsonWebKey> {
  return (await signingKey()).publicJwk;
}

/** The badge as a PNG data: URL (for e-mails and the printable page). */
export async function badgeQrDataUrl(registrationId: string, eventId: string): Promise<string> {
  return QRCode.toDataURL(await badgePayload(registrationId, eventId), { errorCorrectionLevel: "M", margin: 2, width: 320 });
}
