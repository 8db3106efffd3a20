// URL filters of the organizer's participant list and CSV export. Pure.
import { fromUrlValue, ufAbbrValue, urlValue } from "~/lib/url-values";
import { z } from "~/lib/zod";

import { REGISTRATION_STATUSES } from "./rules";

export const participantFiltersSchema = z.object({
  uf: ufAbbrValue("UF inválida.").optional(),
  municipio: z.string().regex(/^\d{7}$/, "Código IBGE de município inválido (7 dígitos).").optional(),
  situacao: fromUrlValue(REGISTRATION_STATUSES, "Situação desconhecida.").optional(),
  q: z.string().trim().max(100, "Busca longa demais.").optional(),
  pagina: z.coerce.number({ message: "Página inválida." }).int().min(1, "Página inválida.").max(100_000).default(1),
});

export function parseParticipantFilters(params: URLSearchParams) {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  const parsed = participantFiltersSchema.safeParse(raw);
  if (!parsed.success) return { ok: false as const, message: parsed.error.issues[0]?.message ?? "Filtros inválidos." };
  const { uf, municipio, situacao, q, pagina } = parsed.data;
  return { ok: true as const, filters: { uf, municipio, status: situacao, q }, page: pagina };
}

export const statusSlug = urlValue;
