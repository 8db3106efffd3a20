import { describe, expect, it } from "vitest";

import { codeFromBytes, formatCode, normalizeCode } from "./code";

describe("certificate codes", () => {
  it("are 12 Crockford base32 characters shown in three groups", () => {
    const code = codeFromBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(formatCode(code)).toMatch(/^.{4}-.{4}-.{4}$/);
  });

  it("differ for different random bytes and repeat for the same", () => {
    const a = codeFromBytes(new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9]));
    expect(codeFromBytes(new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9]))).toBe(a);
    expect(codeFromBytes(new Uint8Array([9, 9, 9, 9, 9, 9, 9, 8]))).not.toBe(a);
  });

  it("accept what people type: lower case, spaces, dashes, and O/I/L for 0/1", () => {
    expect(normalizeCode("k7qx-m2pa-9htd")).toBe("K7QXM2PA9HTD");
    expect(normalizeCode(" K7QX M2PA 9HTD ")).toBe("K7QXM2PA9HTD");
    expect(normalizeCode("1O1O-ILIL-0000")).toBe("101011110000");
  });

  it("refuse anything that cannot be a code", () => {
    expect(normalizeCode("K7QX-M2PA")).toBeNull();
    expect(normalizeCode("K7QX-M2PA-9HTU")).toBeNull();
    expect(normalizeCode("<script>")).toBeNull();
    expect(normalizeCode("")).toBeNull();
  });
});
