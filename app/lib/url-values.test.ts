import { describe, expect, it } from "vitest";

import { fromUrlValue, urlValue } from "./url-values";

describe("URL values", () => {
  it("writes codes in lower case with dashes", () => {
    expect(urlValue("VISITA_TECNICA")).toBe("visita-tecnica");
    expect(urlValue("Centro-Oeste")).toBe("centro-oeste");
  });

  it("reads them back whatever the case, and refuses the rest with the given message", () => {
    const schema = fromUrlValue(["VISITA_TECNICA", "OFICINA"] as const, "Tipo desconhecido.");
    expect(schema.parse("visita-tecnica")).toBe("VISITA_TECNICA");
    expect(schema.parse("Oficina")).toBe("OFICINA");
    const wrong = schema.safeParse("visita_tecnica");
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe("Tipo desconhecido.");
  });
});
