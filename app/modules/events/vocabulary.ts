// The event vocabulary of CNAS Resolution nº 3/2019 (Art. 4) and its Portuguese labels.

export const EVENT_TYPES = ["ENCONTRO", "SEMINARIO", "OFICINA", "VIDEOCONFERENCIA", "TRANSMISSAO", "VISITA_TECNICA"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  ENCONTRO: "Encontro",
  SEMINARIO: "Seminário",
  OFICINA: "Oficina",
  VIDEOCONFERENCIA: "Videoconferência",
  TRANSMISSAO: "Transmissão ao vivo",
  VISITA_TECNICA: "Visita técnica",
};

export const SCOPES = ["NACIONAL", "REGIONAL", "ESTADUAL", "MUNICIPAL"] as const;
export type Scope = (typeof SCOPES)[number];
export const SCOPE_LABELS: Record<Scope, string> = {
  NACIONAL: "Nacional",
  REGIONAL: "Regional",
  ESTADUAL: "Estadual",
  MUNICIPAL: "Municipal/local",
};

export const FORMATS = ["PRESENCIAL", "ONLINE", "HIBRIDO"] as const;
export type Format = (typeof FORMATS)[number];
export const FORMAT_LABELS: Record<Format, string> = {
  PRESENCIAL: "Presencial",
  ONLINE: "Online",
  HIBRIDO: "Híbrido (presencial e online)",
};
export const hasOnSitePart = (format: string) => format === "PRESENCIAL" || format === "HIBRIDO";

export const AUDIENCE_KINDS = ["TODOS", "REGIAO", "UF", "PORTE", "LISTA"] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];
export const AUDIENCE_KIND_LABELS: Record<AudienceKind, string> = {
  TODOS: "Qualquer pessoa cadastrada",
  REGIAO: "Os estados de uma região",
  UF: "Um estado e seus municípios",
  PORTE: "Municípios de determinado porte",
  LISTA: "Uma lista de entes",
};

export const VISIBILITIES = ["PUBLICO", "CONVITE"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  PUBLICO: "Pública: aparece na agenda de eventos",
  CONVITE: "Somente por convite: fora da agenda, visível para o público-alvo",
};

export const EVENT_STATUSES = ["RASCUNHO", "PUBLICADO", "CANCELADO"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  RASCUNHO: "Rascunho",
  PUBLICADO: "Publicado",
  CANCELADO: "Cancelado",
};

export function label<K extends string>(labels: Record<K, string>, key: string): string {
  return (labels as Record<string, string>)[key] ?? key;
}
