import { describe, expect, it } from "vitest";

import {
  ABAIRA,
  AMAZONAS,
  BAHIA,
  FEIRA_DE_SANTANA,
  MANAUS,
  PERNAMBUCO,
  PETROLINA,
  RECIFE,
  SALVADOR,
  SEM_PORTE,
  UNIAO,
} from "~/modules/test-fixtures";

import { audienceOf, describeAudience, isInAudience, type AudienceSpec, type StoredAudience } from "./audience";

const EVERYONE = [UNIAO, BAHIA, PERNAMBUCO, AMAZONAS, SALVADOR, FEIRA_DE_SANTANA, ABAIRA, RECIFE, PETROLINA, MANAUS, SEM_PORTE];
const namesIn = (audience: AudienceSpec) => EVERYONE.filter((e) => isInAudience(audience, e)).map((e) => e.name);

describe("isInAudience", () => {
  describe("TODOS", () => {
    it("lets every ente in, the Union included", () => {
      expect(namesIn({ kind: "TODOS" })).toEqual(EVERYONE.map((e) => e.name));
    });
  });

  describe("REGIAO", () => {
    it("lets in only the state teams of the region when municipalities are not included", () => {
      expect(namesIn({ kind: "REGIAO", region: "Nordeste" })).toEqual(["Bahia", "Pernambuco"]);
      expect(namesIn({ kind: "REGIAO", region: "Nordeste", includeMunicipios: false })).toEqual(["Bahia", "Pernambuco"]);
    });

    it("also lets in the region's municipalities when they are included", () => {
      expect(namesIn({ kind: "REGIAO", region: "Nordeste", includeMunicipios: true })).toEqual([
        "Bahia",
        "Pernambuco",
        "Salvador",
        "Feira de Santana",
        "Abaíra",
        "Recife",
        "Petrolina",
        "Município Sem Censo",
      ]);
    });

    it("keeps out states and municipalities of other regions", () => {
      const norte: AudienceSpec = { kind: "REGIAO", region: "Norte", includeMunicipios: true };
      expect(namesIn(norte)).toEqual(["Amazonas", "Manaus"]);
    });

    it("never lets the Union in", () => {
      expect(isInAudience({ kind: "REGIAO", region: "Nordeste", includeMunicipios: true }, UNIAO)).toBe(false);
    });

    it("lets nobody in when the region is missing", () => {
      expect(namesIn({ kind: "REGIAO", region: null, includeMunicipios: true })).toEqual([]);
    });
  });

  describe("UF", () => {
    it("lets in the state ente and its municipalities", () => {
      expect(namesIn({ kind: "UF", uf: "BA" })).toEqual(["Bahia", "Salvador", "Feira de Santana", "Abaíra", "Município Sem Censo"]);
    });

    it("keeps out the Union and other UFs with their municipalities", () => {
      const audience: AudienceSpec = { kind: "UF", uf: "BA" };
      for (const ente of [UNIAO, PERNAMBUCO, RECIFE, AMAZONAS, MANAUS]) expect(isInAudience(audience, ente)).toBe(false);
    });

    it("lets nobody in when the UF is missing", () => {
      expect(namesIn({ kind: "UF", uf: null })).toEqual([]);
    });
  });

  describe("PORTE", () => {
    it("lets in municipalities of the chosen portes in the whole country when no UF is given", () => {
      expect(namesIn({ kind: "PORTE", portes: ["METROPOLE"] })).toEqual(["Salvador", "Recife", "Manaus"]);
      expect(namesIn({ kind: "PORTE", portes: ["PP1", "GRANDE"] })).toEqual(["Feira de Santana", "Abaíra", "Petrolina"]);
    });

    it("limits the municipalities to the UF when one is given", () => {
      expect(namesIn({ kind: "PORTE", portes: ["METROPOLE", "GRANDE"], uf: "PE" })).toEqual(["Recife", "Petrolina"]);
    });

    it("keeps out the Union and the state teams, which have no porte", () => {
      const audience: AudienceSpec = { kind: "PORTE", portes: ["PP1", "PP2", "MEDIO", "GRANDE", "METROPOLE"], uf: "BA" };
      expect(isInAudience(audience, UNIAO)).toBe(false);
      expect(isInAudience(audience, BAHIA)).toBe(false);
    });

    it("keeps out a municipality whose porte is unknown", () => {
      const audience: AudienceSpec = { kind: "PORTE", portes: ["PP1", "PP2", "MEDIO", "GRANDE", "METROPOLE"] };
      expect(isInAudience(audience, SEM_PORTE)).toBe(false);
    });

    it("lets nobody in when no porte is chosen", () => {
      expect(namesIn({ kind: "PORTE", portes: [] })).toEqual([]);
      expect(namesIn({ kind: "PORTE" })).toEqual([]);
    });
  });

  describe("LISTA", () => {
    it("lets in exactly the listed entes, whatever their kind", () => {
      expect(namesIn({ kind: "LISTA", enteIds: [UNIAO.id, PERNAMBUCO.id, SALVADOR.id] })).toEqual(["União", "Pernambuco", "Salvador"]);
    });

    it("does not extend a listed state to its municipalities", () => {
      expect(isInAudience({ kind: "LISTA", enteIds: [BAHIA.id] }, SALVADOR)).toBe(false);
    });

    it("lets nobody in when the list is empty", () => {
      expect(namesIn({ kind: "LISTA", enteIds: [] })).toEqual([]);
      expect(namesIn({ kind: "LISTA" })).toEqual([]);
    });
  });
});

describe("describeAudience", () => {
  it("describes an open event", () => {
    expect(describeAudience({ kind: "TODOS" })).toBe("Aberto a qualquer pessoa cadastrada na plataforma.");
  });

  it("describes a region's state teams", () => {
    expect(describeAudience({ kind: "REGIAO", region: "Nordeste" })).toBe("Equipes estaduais da região Nordeste.");
  });

  it("describes a region's states and municipalities", () => {
    expect(describeAudience({ kind: "REGIAO", region: "Norte", includeMunicipios: true })).toBe(
      "Equipes dos estados e municípios da região Norte.",
    );
  });

  it("describes a state and its municipalities, naming the state when known", () => {
    expect(describeAudience({ kind: "UF", uf: "BA" }, { ufName: "Bahia" })).toBe("Equipes do estado (Bahia) e de seus municípios.");
    expect(describeAudience({ kind: "UF", uf: "BA" })).toBe("Equipes do estado e de seus municípios.");
  });

  it("describes one porte in the whole country", () => {
    expect(describeAudience({ kind: "PORTE", portes: ["METROPOLE"] })).toBe("Municípios de Metrópole de todo o país.");
  });

  it("joins several portes with commas and a final 'e', within a state", () => {
    expect(describeAudience({ kind: "PORTE", portes: ["PP1", "PP2", "MEDIO"], uf: "BA" }, { ufName: "Bahia" })).toBe(
      "Municípios de Pequeno Porte I, Pequeno Porte II e Médio Porte do estado Bahia.",
    );
  });

  it("describes an invitation list by its names", () => {
    expect(describeAudience({ kind: "LISTA" }, { listNames: ["Salvador (BA)", "Recife (PE)"] })).toBe(
      "Entes convidados: Salvador (BA), Recife (PE).",
    );
  });

  it("shows at most twelve names of a long invitation list and counts the rest", () => {
    const names = Array.from({ length: 15 }, (_, i) => `Ente ${i + 1}`);
    expect(describeAudience({ kind: "LISTA" }, { listNames: names })).toBe(
      `Entes convidados: ${names.slice(0, 12).join(", ")} e mais 3.`,
    );
  });

  it("describes an invitation list without names", () => {
    expect(describeAudience({ kind: "LISTA" })).toBe("Entes convidados.");
  });
});

describe("audienceOf", () => {
  const row: StoredAudience = {
    audienceKind: "PORTE",
    audienceRegion: null,
    audienceIncludeMunicipios: false,
    audiencePortes: "PP1,GRANDE",
    audienceUf: { uf: "BA" },
    audienceEntes: [],
  };

  it("maps a stored PORTE row to an audience with its UF abbreviation and portes", () => {
    expect(audienceOf(row)).toEqual({
      kind: "PORTE",
      region: null,
      includeMunicipios: false,
      uf: "BA",
      portes: ["PP1", "GRANDE"],
      enteIds: [],
    });
  });

  it("maps a stored LISTA row to the ids of its entes", () => {
    const audience = audienceOf({
      ...row,
      audienceKind: "LISTA",
      audiencePortes: null,
      audienceUf: null,
      audienceEntes: [{ enteId: SALVADOR.id }, { enteId: RECIFE.id }],
    });
    expect(audience).toMatchObject({ kind: "LISTA", uf: null, portes: [], enteIds: [SALVADOR.id, RECIFE.id] });
  });

  it("maps a stored REGIAO row with its region and municipalities flag", () => {
    const audience = audienceOf({
      ...row,
      audienceKind: "REGIAO",
      audienceRegion: "Nordeste",
      audienceIncludeMunicipios: true,
      audiencePortes: null,
      audienceUf: null,
    });
    expect(audience).toMatchObject({ kind: "REGIAO", region: "Nordeste", includeMunicipios: true });
  });

  it("produces an audience that isInAudience evaluates like the original", () => {
    const audience = audienceOf(row);
    expect(isInAudience(audience, FEIRA_DE_SANTANA)).toBe(true);
    expect(isInAudience(audience, SALVADOR)).toBe(false);
    expect(isInAudience(audience, PETROLINA)).toBe(false);
  });
});
