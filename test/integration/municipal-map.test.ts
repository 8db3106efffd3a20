// The municipal outlines shipped with mapa-brasil against the federation we seed from IBGE: every
// UF has a drawing, and only municipalities created after the mesh was drawn lack an outline.
import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { municipalGeometry } from "~/modules/metrics/municipal-map.server";

describe("municipal outlines", () => {
  it("cover 5,570 of the 5,571 municipalities, each outline matched to one IBGE code", async () => {
    const ufs = await db.ente.findMany({ where: { kind: "UF" }, select: { id: true, uf: true } });
    const municipios = await db.ente.findMany({ where: { kind: "MUNICIPIO" }, select: { id: true, name: true, parentId: true } });
    expect(ufs).toHaveLength(27);
    expect(municipios).toHaveLength(5571);
    let drawn = 0;
    const missing: string[] = [];
    for (const uf of ufs) {
      const own = new Map(municipios.filter((m) => m.parentId === uf.id).map((m) => [m.id, m.name]));
      const geometry = await municipalGeometry(uf.uf!, own);
      expect(geometry, uf.uf!).not.toBeNull();
      const ids = geometry!.shapes.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      drawn += ids.length;
      missing.push(...[...own.keys()].filter((id) => !ids.includes(id)));
    }
    expect(drawn + missing.length).toBe(5571);
    // Boa Esperança do Norte (MT), the newest municipality, is not in the mesh the package draws.
    expect(missing).toEqual(["5101837"]);
    expect(drawn).toBe(5570);
  });

  it("answers an unknown UF with no drawing", async () => {
    expect(await municipalGeometry("XX", new Map())).toBeNull();
    expect(await municipalGeometry("../../etc", new Map())).toBeNull();
  });
});
