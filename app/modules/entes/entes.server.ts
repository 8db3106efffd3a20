// Finding entes: the picker's search (by name or IBGE code) and the resolution of what a person
// typed into a form without JavaScript ("Bom Jesus (PI)", "2927408", "Bahia").
import { db } from "~/lib/db.server";

import { enteDisplayName, searchKey, type EnteKind, type EnteRef } from "./federation";

export type EnteOption = EnteRef & { label: string; timeZone: string };

const select = { id: true, kind: true, name: true, uf: true, region: true, porte: true, timeZone: true } as const;

function toOption(e: { id: string; kind: string; name: string; uf: string | null; region: string | null; porte: string | null; timeZone: string }): EnteOption {
  const ref = { ...e, kind: e.kind as EnteKind };
  return { ...ref, label: enteDisplayName(ref) };
}

export type EnteSearch = {
  q: string;
  kinds?: readonly EnteKind[];
  /** restrict to one UF (its state government and its municipalities) */
  uf?: string;
  limit?: number;
};

const KIND_ORDER: Record<string, number> = { UNIAO: 0, UF: 1, MUNICIPIO: 2 };

/** Name or IBGE-code search; exact matches first, then prefixes, then the rest, larger places first. */
export async function searchEntes({ q, kinds, uf, limit = 10 }: EnteSearch): Promise<EnteOption[]> {
  const { name, ufHint } = splitUfHint(q);
  const key = searchKey(name);
  const digits = q.replace(/\D/g, "");
  if (!key && !ufHint) return [];
  const byCode = /^\d+$/.test(q.trim());
  const rows = await db.ente.findMany({
    where: {
      ...(kinds ? { kind: { in: [...kinds] } } : {}),
      ...(uf ? { uf } : {}),
      ...(byCode
        ? { id: { startsWith: digits } }
        : { ...(key ? { searchName: { contains: key } } : {}), ...(ufHint ? { uf: ufHint } : {}) }),
    },
    select: { ...select, population: true, searchName: true },
    take: 400,
  });
  const score = (e: (typeof rows)[number]) =>
    e.searchName === key ? 0 : e.searchName.startsWith(key) ? 1 : e.searchName.includes(` ${key}`) ? 2 : 3;
  rows.sort(
    (a, b) =>
      score(a) - score(b) ||
      (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
      (b.population ?? 0) - (a.population ?? 0) ||
      a.name.localeCompare(b.name, "pt-BR"),
  );
  return rows.slice(0, Math.min(Math.max(limit, 1), 50)).map(({ population: _p, searchName: _s, ...e }) => toOption(e));
}

export async function getEnte(id: string): Promise<EnteOption | null> {
  if (!/^(BR|\d{2}|\d{7})$/.test(id)) return null;
  const e = await db.ente.findUnique({ where: { id }, select });
  return e ? toOption(e) : null;
}

/** "Bom Jesus (PI)", "Bom Jesus - PI", "Bom Jesus/PI" → name and UF. */
function splitUfHint(text: string): { name: string; ufHint?: string } {
  const m = text.trim().match(/^(.*?)\s*(?:\(([A-Za-z]{2})\)|[-/–]\s*([A-Za-z]{2}))\s*$/);
  if (m && m[1]) return { name: m[1], ufHint: (m[2] ?? m[3])!.toUpperCase() };
  const gov = text.trim().match(/^(.*?)\s*\(governo estadual\)\s*$/i);
  if (gov && gov[1]) return { name: gov[1] };
  return { name: text };
}

export type EnteResolution =
  | { ok: true; ente: EnteOption }
  | { ok: false; message: string; suggestions: EnteOption[] };

/**
 * What the person chose: the picker's hidden id when JavaScript ran, else the typed text.
 * Ambiguous or unknown text gives a Portuguese message with suggestions.
 */
export async function resolveEnte(
  input: { id?: string | null; text?: string | null },
  opts: { kinds?: readonly EnteKind[]; uf?: string; what?: string } = {},
): Promise<EnteResolution> {
  const what = opts.what ?? "o município ou estado";
  const allowed = (e: EnteOption) => (!opts.kinds || opts.kinds.includes(e.kind)) && (!opts.uf || e.uf === opts.uf);
  if (input.id) {
    const ente = await getEnte(input.id.trim());
    if (ente && allowed(ente)) return { ok: true, ente };
  }
  const text = (input.text ?? "").trim();
  if (!text) return { ok: false, message: `Escolha ${what}.`, suggestions: [] };
  if (text.length > 120) return { ok: false, message: "Texto longo demais.", suggestions: [] };
  const code = /^(BR|\d{7}|\d{2})(?=$|\s|[-–—:])/i.exec(text)?.[1];
  if (code) {
    const ente = await getEnte(code.toUpperCase());
    if (ente && allowed(ente)) return { ok: true, ente };
    return { ok: false, message: `Nenhum ente permitido aqui tem o código IBGE ${code}.`, suggestions: [] };
  }
  const { name, ufHint } = splitUfHint(text);
  const candidates = await searchEntes({ q: text, kinds: opts.kinds, uf: opts.uf, limit: 50 });
  const key = searchKey(name);
  const exact = candidates.filter(
    (e) => searchKey(e.name) === key || searchKey(e.label) === searchKey(text) || (e.kind === "UF" && searchKey(e.uf ?? "") === key && !ufHint),
  );
  if (exact.length === 1) return { ok: true, ente: exact[0]! };
  if (exact.length > 1) {
    return {
      ok: false,
      message: `Há ${exact.length} entes com esse nome. Escreva também a UF, como “${exact[0]!.name} (${exact[0]!.uf})”, ou escolha na lista.`,
      suggestions: exact.slice(0, 10),
    };
  }
  return {
    ok: false,
    message: candidates.length
      ? `Não encontramos exatamente “${text}”. Você quis dizer um destes?`
      : `Não encontramos “${text}”. Digite o nome do município ou estado, ou o código IBGE.`,
    suggestions: candidates.slice(0, 10),
  };
}

export async function listUfs(): Promise<EnteOption[]> {
  const rows = await db.ente.findMany({ where: { kind: "UF" }, select, orderBy: { name: "asc" } });
  return rows.map(toOption);
}

/** Municipalities count per UF abbreviation (for audience previews). */
export async function countMunicipios(where: { uf?: string; region?: string; portes?: string[] }): Promise<number> {
  return db.ente.count({
    where: {
      kind: "MUNICIPIO",
      ...(where.uf ? { uf: where.uf } : {}),
      ...(where.region ? { region: where.region } : {}),
      ...(where.portes ? { porte: { in: where.portes } } : {}),
    },
  });
}
