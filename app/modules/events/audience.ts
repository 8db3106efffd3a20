// Who may register for an event: the audience rule, as a pure function of the person's ente.
import { PORTE_SHORT_LABELS, type EnteRef, type Porte } from "~/modules/entes/federation";

import type { AudienceKind } from "./vocabulary";

export type AudienceSpec = {
  kind: AudienceKind;
  /** REGIAO */
  region?: string | null;
  /** REGIAO: also the municipalities of the region (not only the state teams) */
  includeMunicipios?: boolean;
  /** UF and (optionally) PORTE: the UF's abbreviation, e.g. "BA" */
  uf?: string | null;
  /** PORTE */
  portes?: readonly string[];
  /** LISTA: IBGE codes of the entes */
  enteIds?: readonly string[];
};

export function isInAudience(audience: AudienceSpec, ente: Pick<EnteRef, "id" | "kind" | "uf" | "region" | "porte">): boolean {
  switch (audience.kind) {
    case "TODOS":
      return true;
    case "REGIAO":
      if (!audience.region || ente.region !== audience.region) return false;
      return ente.kind === "UF" || (!!audience.includeMunicipios && ente.kind === "MUNICIPIO");
    case "UF":
      return !!audience.uf && ente.kind !== "UNIAO" && ente.uf === audience.uf;
    case "PORTE":
      return (
        ente.kind === "MUNICIPIO" &&
        !!ente.porte &&
        (audience.portes ?? []).includes(ente.porte) &&
        (!audience.uf || ente.uf === audience.uf)
      );
    case "LISTA":
      return (audience.enteIds ?? []).includes(ente.id);
  }
}

/** The audience in a sentence, for the event page. `ufName` and `listNames` are display names. */
export function describeAudience(audience: AudienceSpec, names: { ufName?: string; listNames?: string[] } = {}): string {
  switch (audience.kind) {
    case "TODOS":
      return "Aberto a qualquer pessoa cadastrada na plataforma.";
    case "REGIAO":
      return audience.includeMunicipios
        ? `Equipes dos estados e municípios da região ${audience.region}.`
        : `Equipes estaduais da região ${audience.region}.`;
    case "UF":
      return `Equipes do estado ${names.ufName ? `(${names.ufName}) ` : ""}e de seus municípios.`;
    case "PORTE": {
      const portes = (audience.portes ?? []).map((p) => PORTE_SHORT_LABELS[p as Porte] ?? p);
      const list = portes.length > 1 ? `${portes.slice(0, -1).join(", ")} e ${portes.at(-1)}` : (portes[0] ?? "");
      return `Municípios de ${list}${names.ufName ? ` do estado ${names.ufName}` : " de todo o país"}.`;
    }
    case "LISTA": {
      const n = names.listNames ?? [];
      if (!n.length) return "Entes convidados.";
      const shown = n.slice(0, 12).join(", ");
      return `Entes convidados: ${shown}${n.length > 12 ? ` e mais ${n.length - 12}` : ""}.`;
    }
  }
}

/** The audience of an event row as stored (see prisma/schema.prisma, Event.audience*). */
export type StoredAudience = {
  audienceKind: string;
  audienceRegion: string | null;
  audienceIncludeMunicipios: boolean;
  audiencePortes: string | null;
  audienceUf: { uf: string | null } | null;
  audienceEntes: { enteId: string }[];
};

export function audienceOf(event: StoredAudience): AudienceSpec {
  return {
    kind: event.audienceKind as AudienceKind,
    region: event.audienceRegion,
    includeMunicipios: event.audienceIncludeMunicipios,
    uf: event.audienceUf?.uf ?? null,
    portes: event.audiencePortes ? event.audiencePortes.split(",") : [],
    enteIds: event.audienceEntes.map((a) => a.enteId),
  };
}
