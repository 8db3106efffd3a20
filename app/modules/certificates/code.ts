// Verification codes: 12 Crockford base32 characters (60 random bits), shown as XXXX-XXXX-XXXX.
// Typing is forgiving: case, spaces, dashes and the look-alikes O/0 and I/L/1 are the same code. Pure.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 12 characters from 8 random bytes (the caller passes them: crypto.randomBytes(8)). */
export function codeFromBytes(bytes: Uint8Array): string {
  let value = 0n;
  for (const b of bytes.slice(0, 8)) value = (value << 8n) | BigInt(b);
  let out = "";
  for (let i = 0; i < 12; i++) {
    out = ALPHABET[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}

export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** The code a person typed (or the QR carried), or null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(s) ? s : null;
}
