import { describe, expect, it } from "vitest";

import { formatCpf, isValidCpf, maskCpf, normalizeCpf } from "./cpf";

describe("isValidCpf", () => {
  it.each(["52998224725", "11144477735", "12345678909"])("accepts the real CPF %s written as bare digits", (cpf) => {
    expect(isValidCpf(cpf)).toBe(true);
  });

  it.each(["529.982.247-25", "111.444.777-35", " 529 982 247 25 ", "529.982.247/25"])(
    "tolerates punctuation and spaces around the digits of %j",
    (cpf) => {
      expect(isValidCpf(cpf)).toBe(true);
    },
  );

  it("rejects a CPF whose first check digit is wrong", () => {
    expect(isValidCpf("529.982.247-35")).toBe(false);
  });

  it("rejects a CPF whose second check digit is wrong", () => {
    expect(isValidCpf("529.982.247-26")).toBe(false);
  });

  it("rejects a CPF whose body was mistyped even though the check digits are the original ones", () => {
    expect(isValidCpf("529.982.248-25")).toBe(false);
  });

  it("treats a remainder of 10 as check digit 0", () => {
    // 123.456.789: the first check digit's remainder is 10, so the digit is 0 (not 1, nor "10")
    expect(isValidCpf("123.456.789-09")).toBe(true);
    expect(isValidCpf("123.456.789-19")).toBe(false);
  });

  it.each(["000.000.000-00", "111.111.111-11", "222.222.222-22", "999.999.999-99"])(
    "rejects %s, whose digits are all equal although the arithmetic would pass",
    (cpf) => {
      expect(isValidCpf(cpf)).toBe(false);
    },
  );

  it.each(["", "5299822472", "529982247251", "529.982.247", "abc.def.ghi-jk"])("rejects %j, which does not have 11 digits", (cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
  });
});

describe("normalizeCpf", () => {
  it("keeps only the digits", () => {
    expect(normalizeCpf("529.982.247-25")).toBe("52998224725");
    expect(normalizeCpf(" 111 444 777/35 ")).toBe("11144477735");
  });

  it("returns an empty string when there are no digits", () => {
    expect(normalizeCpf("---")).toBe("");
  });
});

describe("maskCpf", () => {
  it("shows only the middle six digits, as the federal government does in public", () => {
    expect(maskCpf("529.982.247-25")).toBe("***.982.247-**");
    expect(maskCpf("11144477735")).toBe("***.444.777-**");
  });

  it.each([null, undefined, ""])("returns null when there is no CPF (%j)", (cpf) => {
    expect(maskCpf(cpf)).toBeNull();
  });

  it("returns null rather than a misleading mask when the CPF does not have 11 digits", () => {
    expect(maskCpf("529.982.247")).toBeNull();
  });
});

describe("formatCpf", () => {
  it("formats 11 digits as 000.000.000-00", () => {
    expect(formatCpf("52998224725")).toBe("529.982.247-25");
  });

  it("reformats an already punctuated or oddly spaced CPF", () => {
    expect(formatCpf(" 529 982 247 25")).toBe("529.982.247-25");
  });

  it("returns the input unchanged when it does not have 11 digits", () => {
    expect(formatCpf("1234")).toBe("1234");
  });
});
