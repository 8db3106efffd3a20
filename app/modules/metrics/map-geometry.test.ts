import { describe, expect, it } from "vitest";

import { mapScaleTop, simplifyPath } from "./map-geometry";

describe("simplifyPath", () => {
  it("rounds every ring to whole units and drops points that fall together", () => {
    expect(simplifyPath("M 428.7458 293.7938 433.7343 286.0624 433.9 286.2 451.2068 289.1695 428.7458 293.7938 Z")).toBe("M429 294 434 286 451 289 429 294Z");
  });

  it("keeps every ring of a municipality made of several pieces", () => {
    expect(simplifyPath("M 1 1 10 1 10 10 Z M 20 20 30 20 30 30 Z")).toBe("M1 1 10 1 10 10ZM20 20 30 20 30 30Z");
  });

  it("keeps one decimal for a ring that whole units would reduce to a point", () => {
    expect(simplifyPath("M 5.01 5.02 5.31 5.04 5.22 5.38 Z")).toBe("M5 5 5.3 5 5.2 5.4Z");
  });
});

describe("mapScaleTop", () => {
  it("takes the 90th percentile of the positive values, rounded up to a multiple of five", () => {
    const values = [0, 0, ...Array.from({ length: 18 }, (_, i) => i + 1), 300, 900];
    // 20 positive values: the 18th is 18, rounded up to 20
    expect(mapScaleTop(values)).toBe(20);
  });

  it("never goes below five, so that small states keep whole class limits", () => {
    expect(mapScaleTop([0, 1, 2])).toBe(5);
    expect(mapScaleTop([])).toBe(5);
    expect(mapScaleTop([0, 0])).toBe(5);
  });
});
