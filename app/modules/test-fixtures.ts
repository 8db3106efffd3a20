// Shared fixtures for the unit tests of the pure modules: a few real entes of the federation
// (IBGE codes) and actors built from them. Imported by *.test.ts files only.
import type { Actor } from "~/modules/auth/actor";
import type { EnteRef } from "~/modules/entes/federation";

export const UNIAO: EnteRef = { id: "BR", kind: "UNIAO", name: "União", uf: null, region: null, porte: null };

export const BAHIA: EnteRef = { id: "29", kind: "UF", name: "Bahia", uf: "BA", region: "Nordeste", porte: null };
export const PERNAMBUCO: EnteRef = { id: "26", kind: "UF", name: "Pernambuco", uf: "PE", region: "Nordeste", porte: null };
export const AMAZONAS: EnteRef = { id: "13", kind: "UF", name: "Amazonas", uf: "AM", region: "Norte", porte: null };

export const SALVADOR: EnteRef = { id: "2927408", kind: "MUNICIPIO", name: "Salvador", uf: "BA", region: "Nordeste", porte: "METROPOLE" };
export const FEIRA_DE_SANTANA: EnteRef = {
  id: "2910800",
  kind: "MUNICIPIO",
  name: "Feira de Santana",
  uf: "BA",
  region: "Nordeste",
  porte: "GRANDE",
};
export const ABAIRA: EnteRef = { id: "2900108", kind: "MUNICIPIO", name: "Abaíra", uf: "BA", region: "Nordeste", porte: "PP1" };
export const RECIFE: EnteRef = { id: "2611606", kind: "MUNICIPIO", name: "Recife", uf: "PE", region: "Nordeste", porte: "METROPOLE" };
export const PETROLINA: EnteRef = { id: "2611101", kind: "MUNICIPIO", name: "Petrolina", uf: "PE", region: "Nordeste", porte: "GRANDE" };
export const MANAUS: EnteRef = { id: "1302603", kind: "MUNICIPIO", name: "Manaus", uf: "AM", region: "Norte", porte: "METROPOLE" };
/** A municipality whose population (and so porte) is not known. */
export const SEM_PORTE: EnteRef = { id: "2999999", kind: "MUNICIPIO", name: "Município Sem Censo", uf: "BA", region: "Nordeste", porte: null };

export function makeActor(ente: EnteRef, organizerOf: EnteRef[] = [], overrides: Partial<Actor> = {}): Actor {
  return {
    userId: `user-${ente.id}-${organizerOf.map((e) => e.id).join("-") || "participant"}`,
    name: "Maria da Silva",
    email: "maria@exemplo.gov.br",
    isAdmin: false,
    ente,
    roleInEnte: "TECNICO",
    timeZone: "America/Sao_Paulo",
    organizerOf,
    ...overrides,
  };
}

/** Member of the federal team who organizes events for the Union. */
export const FEDERAL_ORGANIZER = makeActor(UNIAO, [UNIAO]);
/** State team of Bahia, organizing for Bahia. */
export const BAHIA_ORGANIZER = makeActor(BAHIA, [BAHIA]);
/** State team of Pernambuco, organizing for Pernambuco. */
export const PERNAMBUCO_ORGANIZER = makeActor(PERNAMBUCO, [PERNAMBUCO]);
/** A municipal worker of Salvador who organizes nothing. */
export const PARTICIPANT = makeActor(SALVADOR, []);
