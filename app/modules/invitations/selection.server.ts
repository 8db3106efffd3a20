// Which entes an organizer is about to invite: all UFs, the UFs of a region, the municipalities of
// a UF (all or by porte), a pasted list or an uploaded CSV — resolved, checked against what this
// organizer may invite, with every problem by line, before anything is saved.
import { db } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import type { EnteKind } from "~/modules/entes/federation";

import { decodeUpload, parseEnteRows, parsePersonRows, pastedLines, splitCsv, type CodeLookups, type EnteLookup, type Problem } from "./csv";
import { canInviteEnte, type InvitingEvent } from "./permissions";

export type EnteSelection =
  | { mode: "TODAS_UFS" }
  | { mode: "UFS_REGIAO"; region: string }
  | { mode: "MUNICIPIOS_UF"; uf: string; portes?: string[] }
  | { mode: "LISTA"; text: string }
  | { mode: "CSV"; bytes: Uint8Array };

export type Resolved = { entes: EnteLookup[]; extraEmails: Record<string, string[]>; problems: Problem[]; encoding?: string };

let cache: { entes: EnteLookup[]; lookups: CodeLookups } | undefined;
/** The federation (5,599 entes, never changed by the app) as lookups for CSV rows. */
async function federation() {
  if (cache) return cache;
  const entes = (await db.ente.findMany({ select: { id: true, kind: true, name: true, uf: true } })).map((e) => ({ ...e, kind: e.kind as EnteKind }));
  const byCode = new Map(entes.map((e) => [e.id, e]));
  const byPrefix = new Map(entes.filter((e) => e.kind === "MUNICIPIO").map((e) => [e.id.slice(0, 6), e]));
  const ufByAbbr = new Map(entes.filter((e) => e.kind === "UF").map((e) => [e.uf!, e]));
  cache = {
    entes,
    lookups: {
      findByCode: (c) => byCode.get(c),
      municipioByPrefix6: (p) => byPrefix.get(p),
      ufByAbbr: (a) => ufByAbbr.get(a.toUpperCase()),
    },
  };
  return cache;
}

function organizerUf(actor: Actor, event: InvitingEvent): string | undefined {
  const organizer = actor.organizerOf.find((e) => e.id === event.organizerEnteId);
  return organizer?.kind === "UF" ? (organizer.uf ?? undefined) : undefined;
}

export async function resolveEnteSelection(actor: Actor, event: InvitingEvent, input: EnteSelection): Promise<Resolved> {
  const { entes, lookups } = await federation();
  const allowedUf = organizerUf(actor, event);
  const allowed = (e: EnteLookup) => canInviteEnte(actor, event, e);
  switch (input.mode) {
    case "TODAS_UFS":
      return { entes: entes.filter((e) => e.kind === "UF" && allowed(e)), extraEmails: {}, problems: [] };
    case "UFS_REGIAO": {
      const ufs = await db.ente.findMany({ where: { kind: "UF", region: input.region }, select: { id: true } });
      const ids = new Set(ufs.map((u) => u.id));
      return { entes: entes.filter((e) => ids.has(e.id) && allowed(e)), extraEmails: {}, problems: [] };
    }
    case "MUNICIPIOS_UF": {
      const rows = await db.ente.findMany({
        where: { kind: "MUNICIPIO", uf: input.uf, ...(input.portes?.length ? { porte: { in: input.portes } } : {}) },
        select: { id: true },
      });
      const ids = new Set(rows.map((r) => r.id));
      const picked = entes.filter((e) => ids.has(e.id));
      const refused = picked.filter((e) => !allowed(e));
      return {
        entes: picked.filter(allowed),
        extraEmails: {},
        problems: refused.length ? [{ line: 0, message: `Você não pode convidar municípios de ${input.uf}.` }] : [],
      };
    }
    case "LISTA":
    case "CSV": {
      const decoded = input.mode === "CSV" ? decodeUpload(input.bytes) : null;
      const lines = decoded ? splitCsv(decoded.text).lines : pastedLines(input.mode === "LISTA" ? input.text : "");
      const kinds: ("UF" | "MUNICIPIO")[] = allowedUf ? ["MUNICIPIO", "UF"] : ["UF", "MUNICIPIO"];
      const { rows, problems } = parseEnteRows(lines, { ...lookups, kinds, allowedUf });
      const extraEmails: Record<string, string[]> = {};
      for (const r of rows) if (r.emails.length) extraEmails[r.ente.id] = r.emails;
      return { entes: rows.map((r) => r.ente), extraEmails, problems, encoding: decoded?.encoding };
    }
  }
}

export type PeopleSelection = { mode: "LISTA"; text: string } | { mode: "CSV"; bytes: Uint8Array };

export async function resolvePeopleSelection(actor: Actor, event: InvitingEvent, input: PeopleSelection) {
  const { lookups } = await federation();
  const decoded = input.mode === "CSV" ? decodeUpload(input.bytes) : null;
  const lines = decoded ? splitCsv(decoded.text).lines : pastedLines(input.mode === "LISTA" ? input.text : "");
  const { rows, problems } = parsePersonRows(lines, { ...lookups, allowedUf: organizerUf(actor, event) });
  return { rows: rows.map((r) => ({ email: r.email, enteId: r.ente?.id ?? null, ente: r.ente })), problems, encoding: decoded?.encoding };
}
