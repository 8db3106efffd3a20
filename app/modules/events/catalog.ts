// The public catalog's URL filters (pt-BR parameter names and values). Pure.
import { fromUrlValue, ufAbbrValue, urlValue } from "~/lib/url-values";
import { z } from "~/lib/zod";

import { EVENT_TYPES, FORMATS, SCOPES, type EventType, type Format, type Scope } from "./vocabulary";

export const CATALOG_PAGE_SIZE = 12;

export const catalogFiltersSchema = z.object({
  tipo: fromUrlValue(EVENT_TYPES, "Tipo de evento desconhecido.").optional(),
  formato: fromUrlValue(FORMATS, "Formato desconhecido.").optional(),
  abrangencia: fromUrlValue(SCOPES, "Abrangência desconhecida.").optional(),
  uf: ufAbbrValue().optional(),
  quando: z.enum(["proximos", "passados", "todos"], { message: "Período inválido." }).default("proximos"),
  q: z.string().trim().max(100, "Busca longa demais.").optional(),
  pagina: z.coerce
    .number({ message: "Página inválida." })
    .int("Página inválida.")
    .min(1, "Página inválida.")
    .max(10_000, "Página inválida.")
    .default(1),
});

export type CatalogFilters = {
  tipo?: EventType;
  formato?: Format;
  abrangencia?: Scope;
  uf?: string;
  quando: "proximos" | "passados" | "todos";
  q?: string;
  pagina: number;
};

export function parseCatalogParams(params: URLSearchParams):
  | { ok: true; filters: CatalogFilters }
  | { ok: false; message: string } {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  const parsed = catalogFiltersSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Filtros inválidos." };
  return { ok: true, filters: parsed.data as CatalogFilters };
}

export { urlValue as filterValue };
