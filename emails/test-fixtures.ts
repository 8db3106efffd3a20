// Realistic props for every template, for the tests (imported by *.test.ts files only). The event
// happens in Rio Branco, so every date is formatted in the Acre zone, the way presenters do it.
import { formatRange, timeZoneLabel } from "~/lib/time";

import type { TemplateProps, TemplatePurpose } from "./index";
import type { EventSummary } from "./types";

const ZONE = "America/Rio_Branco";
const at = (iso: string) => new Date(iso);

export const ACRE_EVENT: EventSummary = {
  title: "Oficina de Vigilância Socioassistencial na Amazônia Ocidental",
  url: "https://apoiasuas.gov.br/eventos/oficina-vigilancia-socioassistencial-rio-branco",
  typeLabel: "Oficina",
  organizer: "Acre (governo estadual)",
  zoneLabel: timeZoneLabel(ZONE, at("2026-12-03T14:00:00Z")),
  where: "Auditório da Secretaria de Assistência Social, Rua Benjamin Constant, 1000 — Rio Branco (AC)",
  workload: "8 h",
  sessions: [
    { title: "Diagnóstico socioterritorial", range: formatRange(at("2026-12-03T14:00:00Z"), at("2026-12-03T17:00:00Z"), ZONE) },
    { title: "Indicadores do Censo SUAS", range: formatRange(at("2026-12-04T19:00:00Z"), at("2026-12-04T22:00:00Z"), ZONE) },
  ],
};

export const PERSON = "Maria da Conceição Araújo";

/** The municipality invited to the Acre event, as the platform labels it. */
export const INVITED_ENTE = "Cruzeiro do Sul (AC)";

export const FIXTURES: { [K in TemplatePurpose]: TemplateProps<K> } = {
  inscricaoConfirmada: { personName: PERSON, event: ACRE_EVENT },
  listaDeEspera: { personName: PERSON, event: ACRE_EVENT, position: 3 },
  promovido: { personName: PERSON, event: ACRE_EVENT },
  inscricaoCancelada: { personName: PERSON, event: ACRE_EVENT },
  inscricaoRemovida: {
    personName: PERSON,
    event: ACRE_EVENT,
    reason: "Inscrição duplicada: a secretaria já inscreveu outra técnica do CRAS.\nProcure a coordenação estadual se for engano.",
  },
  eventoAlterado: {
    personName: PERSON,
    event: ACRE_EVENT,
    changes: [
      "Sessão 1: de quinta-feira, 3 de dezembro, 09:00–12:00 para sexta-feira, 4 de dezembro, 14:00–17:00",
      "Local: de Centro de Convenções de Rio Branco para Auditório da Secretaria de Assistência Social",
    ],
  },
  sessaoCancelada: {
    personName: PERSON,
    event: ACRE_EVENT,
    sessions: [{ title: "Visita ao CRAS Cidade do Povo", range: "sábado, 5 de dezembro de 2026, das 08:00 às 11:00" }],
  },
  eventoCancelado: {
    personName: PERSON,
    event: ACRE_EVENT,
    reason: "Cheia do Rio Acre: a Defesa Civil interditou o prédio.",
  },
  lembrete: {
    personName: PERSON,
    event: ACRE_EVENT,
    session: ACRE_EVENT.sessions[0]!,
    startsIn: "em 24 horas",
    joinUrl: null,
  },
  convite: {
    personName: PERSON,
    event: ACRE_EVENT,
    invitedAs: INVITED_ENTE,
    quota: 2,
    acceptUrl: "https://apoiasuas.gov.br/convites/q7Xk2mP9dLr4?resposta=aceitar",
    declineUrl: "https://apoiasuas.gov.br/convites/q7Xk2mP9dLr4?resposta=recusar",
    expiresAt: "25/11/2026 às 23:59",
    organizer: "Coordenação de Gestão do SUAS do Acre",
  },
  indicacao: {
    personName: PERSON,
    event: ACRE_EVENT,
    nominatedBy: "José Ribamar de Souza",
    ente: INVITED_ENTE,
    status: "CONFIRMADA",
  },
  vagasEsgotadas: {
    personName: PERSON,
    event: ACRE_EVENT,
    ente: INVITED_ENTE,
    quota: 2,
  },
  redefinirSenha: {
    personName: PERSON,
    resetUrl: "https://apoiasuas.gov.br/redefinir-senha/6f1c2b7e9a",
    expiresInMinutes: 60,
  },
  certificadoDisponivel: {
    personName: PERSON,
    event: ACRE_EVENT,
    code: "K7QX-M2PA-9HTD",
    hoursText: "8 horas",
    downloadUrl: "https://apoiasuas.gov.br/certificados/K7QXM2PA9HTD/pdf",
    verifyUrl: "https://apoiasuas.gov.br/certificados/validar/K7QXM2PA9HTD",
  },
};

export const PURPOSES = Object.keys(FIXTURES) as TemplatePurpose[];
export const EVENT_PURPOSES = PURPOSES.filter((p) => p !== "redefinirSenha") as Exclude<TemplatePurpose, "redefinirSenha">[];

/** Any HTML tag: the plain-text part must have none. */
export const HTML_TAG = /<\/?[a-z][^>]*>/i;

/** What a reader sees of an HTML part, roughly: tags dropped, spaces collapsed, React's escapes decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/ {2,}/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}
