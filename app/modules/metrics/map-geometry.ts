// Rounds an SVG path made of absolute polygons ("M x y x y … Z", the form of IBGE-derived
// drawings) to whole units, dropping points that fall on the previous one. A ring left with fewer
// than three points keeps one decimal, so that no small municipality disappears. Pure.

type Point = [number, number];

function ring(numbers: number[], digits: number): Point[] {
  const factor = 10 ** digits;
  const out: Point[] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const p: Point = [Math.round(numbers[i]! * factor) / factor, Math.round(numbers[i + 1]! * factor) / factor];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

export function simplifyPath(d: string): string {
  const rings = d
    .split(/M/i)
    .map((part) => part.replace(/Z/gi, " ").trim())
    .filter(Boolean)
    .map((part) => part.split(/[\s,]+/).map(Number).filter(Number.isFinite));
  return rings
    .map((numbers) => {
      let points = ring(numbers, 0);
      if (points.length < 3) points = ring(numbers, 1);
      return `M${points.map(([x, y]) => `${x} ${y}`).join(" ")}Z`;
    })
    .join("");
}

/**
 * Top of a map's scale for counts with a long tail (the capital has hundreds, most municipalities a
 * handful): the 90th percentile of the positive values, rounded up to a multiple of 5 so that the
 * five classes have whole limits. Values above it fall in the darkest class ("X ou mais").
 */
export function mapScaleTop(values: readonly number[]): number {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (!positive.length) return 5;
  const p90 = positive[Math.min(positive.length - 1, Math.ceil(positive.length * 0.9) - 1)]!;
  return Math.max(5, Math.ceil(p90 / 5) * 5);
}
