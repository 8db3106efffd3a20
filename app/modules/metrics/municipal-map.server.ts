// Outlines of a UF's municipalities for the state dashboard's map, from the `mapa-brasil` package
// (MIT; IBGE's municipal mesh simplified, one SVG per UF with its paths in the order of a JSON list of
// IBGE codes). Read once per UF and kept in memory; coordinates rounded to whole units of the
// 800-wide drawing (less than half the bytes, no visible change at the size the page shows it).
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { mapScaleTop, simplifyPath } from "./map-geometry";

export type MunicipalShape = { id: string; name: string; path: string };
export type MunicipalGeometry = { viewBox: string; shapes: MunicipalShape[] };

export const MUNICIPAL_MAP_ATTRIBUTION = "Malha municipal: IBGE, via mapa-brasil (MIT)";

const requireFromHere = createRequire(import.meta.url);
let root: string | null = null;
function packageRoot(): string {
  root ??= path.dirname(requireFromHere.resolve("mapa-brasil/package.json"));
  return root;
}

const cache = new Map<string, Promise<MunicipalGeometry | null>>();

/**
 * The outlines of the municipalities of `uf` ("BA") whose IBGE codes are in `known` (lakes and
 * codes that no longer exist are left out), or null when the package has no drawing of the UF.
 */
export async function municipalGeometry(uf: string, known: ReadonlyMap<string, string>): Promise<MunicipalGeometry | null> {
  const key = uf.toLowerCase();
  if (!/^[a-z]{2}$/.test(key)) return null;
  let pending = cache.get(key);
  if (!pending) {
    pending = readGeometry(key).catch(() => null);
    cache.set(key, pending);
  }
  const all = await pending;
  if (!all) return null;
  return { viewBox: all.viewBox, shapes: all.shapes.filter((s) => known.has(s.id)).map((s) => ({ ...s, name: known.get(s.id)! })) };
}

async function readGeometry(uf: string): Promise<MunicipalGeometry | null> {
  const base = packageRoot();
  const [svg, list] = await Promise.all([
    fs.readFile(path.join(base, "data", "svg", "low", "municipios", `${uf}_municipios.svg`), "utf8"),
    fs.readFile(path.join(base, "data", "json", "municipios", `${uf}_municipios.json`), "utf8"),
  ]);
  const codes = (JSON.parse(list) as { CD_GEOCMU?: string; NM_MUNICIP?: string }[]).map((e) => String(e.CD_GEOCMU ?? ""));
  const paths = [...svg.matchAll(/<path\s+d="([^"]+)"/g)].map((m) => m[1]!);
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  // The drawing and the list go together by position: refuse a pair that does not match.
  if (!viewBox || !paths.length || paths.length !== codes.length) return null;
  return { viewBox, shapes: paths.map((d, i) => ({ id: codes[i]!, name: "", path: simplifyPath(d) })) };
}

/**
 * The state dashboard's map: the UF's outlines, the top of the scale of people present, and the
 * municipalities without an outline (named under the map). Null when the UF has no drawing.
 */
export async function stateMunicipalMap(uf: string, municipios: readonly { id: string; name: string; people: number }[]) {
  const geometry = await municipalGeometry(uf, new Map(municipios.map((m) => [m.id, m.name])));
  if (!geometry) return null;
  const drawn = new Set(geometry.shapes.map((s) => s.id));
  return {
    ...geometry,
    attribution: MUNICIPAL_MAP_ATTRIBUTION,
    top: mapScaleTop(municipios.map((m) => m.people)),
    missing: municipios.filter((m) => !drawn.has(m.id)).map((m) => m.name),
  };
}
