// What a check-in device decides by itself, also offline: whether a QR is a badge signed by the
// platform (ECDSA P-256 over "AS1.<registration>.<event>", checked with WebCrypto and the public key
// of the sheet), who a typed CPF is (the same salted hash as the server's cpfKey), who a typed name
// is, and what a scan means for the people present. Pure: the crypto is passed in (the browser's
// crypto.subtle, or Node's in tests).
import { searchKey } from "~/modules/entes/federation";

export type Kind = "ENTRADA" | "SAIDA";

export type DevicePerson = { registrationId: string; name: string; searchName: string; ente: string; cpfMasked: string | null; cpfKey: string | null };
export type DeviceRefused = { registrationId: string; name: string; message: string };

const PREFIX = "AS1";
const ID = /^[a-z0-9]{10,40}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{80,90}$/;

export type BadgeParts = { body: string; registrationId: string; eventId: string; signature: string };

/** The parts of a badge payload, or null when it is not shaped like one. */
export function parseBadge(payload: string): BadgeParts | null {
  const parts = payload.trim().split(".");
  if (parts.length !== 4 || parts[0] !== PREFIX || !ID.test(parts[1]!) || !ID.test(parts[2]!) || !SIGNATURE.test(parts[3]!)) return null;
  return { body: parts.slice(0, 3).join("."), registrationId: parts[1]!, eventId: parts[2]!, signature: parts[3]! };
}

export type DeviceBadgeCheck = { ok: true; registrationId: string; eventId: string } | { ok: false; reason: "formato" | "assinatura"; message: string };

export const BADGE_MESSAGES = {
  formato: "Este QR não é um crachá do Apoia SUAS.",
  assinatura: "QR inválido: não foi emitido pelo Apoia SUAS.",
  outroEvento: "Este QR é de outro evento.",
  desconhecida: "Inscrição não encontrada neste evento.",
} as const;

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Imports the sheet's public key once (ECDSA P-256, verify only). */
export function importBadgeKey(subtle: SubtleCrypto, publicJwk: JsonWebKey): Promise<CryptoKey> {
  const { kty, crv, x, y } = publicJwk;
  return subtle.importKey("jwk", { kty, crv, x, y }, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
}

/** Checks a scanned QR with the platform's public key, as the server does (signature r||s, SHA-256). */
export async function verifyBadgeOnDevice(subtle: SubtleCrypto, key: CryptoKey, payload: string): Promise<DeviceBadgeCheck> {
  const parts = parseBadge(payload);
  if (!parts) return { ok: false, reason: "formato", message: BADGE_MESSAGES.formato };
  let valid = false;
  try {
    valid = await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, fromBase64Url(parts.signature), new TextEncoder().encode(parts.body));
  } catch {
    valid = false;
  }
  return valid ? { ok: true, registrationId: parts.registrationId, eventId: parts.eventId } : { ok: false, reason: "assinatura", message: BADGE_MESSAGES.assinatura };
}

/** The device's copy of the server's cpfKey: sha256("<event id>:<11 digits>"), base64url, 22 characters. */
export async function cpfKeyOnDevice(subtle: SubtleCrypto, cpf: string, eventId: string): Promise<string> {
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(`${eventId}:${cpf.replace(/\D/g, "")}`));
  return toBase64Url(new Uint8Array(digest)).slice(0, 22);
}

/** What the search field holds: a CPF (11 digits, with or without punctuation), part of one, or a name. */
export function queryKind(query: string): "cpf" | "cpf-incompleto" | "nome" | "vazia" {
  const q = query.trim();
  if (!q) return "vazia";
  if (/^[\d.\-\s]+$/.test(q)) return q.replace(/\D/g, "").length === 11 ? "cpf" : "cpf-incompleto";
  return "nome";
}

/**
 * The expected people matching a typed name (every word, accents and case ignored, anywhere in the
 * name) or a CPF (its hash, computed by the caller with cpfKeyOnDevice).
 */
export function findPeople<P extends DevicePerson>(people: readonly P[], query: string, typedCpfKey: string | null, limit = 20): P[] {
  const kind = queryKind(query);
  if (kind === "cpf") return typedCpfKey ? people.filter((p) => p.cpfKey === typedCpfKey).slice(0, limit) : [];
  if (kind !== "nome") return [];
  const words = searchKey(query).split(" ").filter(Boolean);
  if (!words.length) return [];
  const out: P[] = [];
  for (const p of people) {
    const name = p.searchName || searchKey(p.name);
    if (words.every((w) => name.includes(w))) out.push(p);
    if (out.length >= limit) break;
  }
  // Names starting with the first word come first.
  return out.sort((a, b) => Number(!a.searchName.startsWith(words[0]!)) - Number(!b.searchName.startsWith(words[0]!)));
}

export type Verdict =
  /** recorded on the device, to be sent */
  | { kind: "aceita"; registrationId: string; name: string; message: string }
  /** not on the device's list but the server may know her (online): sent, the server answers */
  | { kind: "verificar"; registrationId: string; name: null; message: string }
  /** already in that state on this device: nothing recorded */
  | { kind: "repetida"; registrationId: string; name: string; message: string }
  /** refused: nothing recorded */
  | { kind: "recusada"; registrationId: string | null; name: string | null; message: string };

const KIND_WORD: Record<Kind, string> = { ENTRADA: "Entrada", SAIDA: "Saída" };

export function recordedMessage(kind: Kind, name: string): string {
  return `${KIND_WORD[kind]} de ${name} registrada.`;
}

/**
 * What a scan of a registration means here: the device's list says who is expected, who was refused
 * (cancelled, removed, waitlisted) and who is in. An entry for someone already in is a repetition;
 * exits are always recorded (her entry may have been made on another device).
 */
export function verdictFor(input: {
  registrationId: string;
  kind: Kind;
  people: ReadonlyMap<string, DevicePerson>;
  refused: ReadonlyMap<string, DeviceRefused>;
  present: ReadonlySet<string>;
  online: boolean;
}): Verdict {
  const { registrationId, kind } = input;
  const person = input.people.get(registrationId);
  if (!person) {
    const refused = input.refused.get(registrationId);
    if (refused) return { kind: "recusada", registrationId, name: refused.name, message: refused.message };
    if (input.online) return { kind: "verificar", registrationId, name: null, message: "Crachá válido, conferindo a inscrição com o servidor…" };
    return { kind: "recusada", registrationId, name: null, message: BADGE_MESSAGES.desconhecida };
  }
  if (kind === "ENTRADA" && input.present.has(registrationId)) {
    return { kind: "repetida", registrationId, name: person.name, message: `${person.name} já está presente: entrada registrada antes.` };
  }
  return { kind: "aceita", registrationId, name: person.name, message: recordedMessage(kind, person.name) };
}

/** Who is in after the device's own scans not yet reflected by the server, applied in time order. */
export function presentAfter(serverPresent: Iterable<string>, scans: readonly { registrationId: string | null; kind: Kind; at: string }[]): Set<string> {
  const present = new Set(serverPresent);
  for (const s of [...scans].sort((a, b) => a.at.localeCompare(b.at))) {
    if (!s.registrationId) continue;
    if (s.kind === "ENTRADA") present.add(s.registrationId);
    else present.delete(s.registrationId);
  }
  return present;
}
