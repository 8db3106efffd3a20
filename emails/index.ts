// The e-mail templates, keyed by purpose. Each is a function (props) => { subject, html, text }
// that validates its props and throws rather than render a message with a missing value.
import { redefinirSenha } from "./account";
import { certificadoDisponivel } from "./certificates";
import { eventoAlterado, eventoCancelado, sessaoCancelada } from "./event-changes";
import { convite, indicacao, vagasEsgotadas } from "./invitations";
import { inscricaoCancelada, inscricaoConfirmada, inscricaoRemovida, listaDeEspera, promovido } from "./registration";
import { lembrete } from "./reminder";

export const templates = {
  inscricaoConfirmada,
  listaDeEspera,
  promovido,
  inscricaoCancelada,
  inscricaoRemovida,
  eventoAlterado,
  sessaoCancelada,
  eventoCancelado,
  lembrete,
  convite,
  indicacao,
  vagasEsgotadas,
  redefinirSenha,
  certificadoDisponivel,
} as const;

export type TemplatePurpose = keyof typeof templates;
/** The props of one template: `TemplateProps<"lembrete">`. */
export type TemplateProps<K extends TemplatePurpose> = Parameters<(typeof templates)[K]>[0];

export { EmailTemplateError, subjectLine } from "./define";
export type { RedefinirSenhaProps } from "./account";
export type { CertificadoProps } from "./certificates";
export type { EventoAlteradoProps, EventoCanceladoProps, SessaoCanceladaProps } from "./event-changes";
export type { ConviteProps, IndicacaoProps, VagasEsgotadasProps } from "./invitations";
export type { InscricaoCanceladaProps, InscricaoRemovidaProps, ListaDeEsperaProps, RegistrationProps } from "./registration";
export type { LembreteProps } from "./reminder";
export type { EventSummary, RenderedEmail, SessionSummary } from "./types";
