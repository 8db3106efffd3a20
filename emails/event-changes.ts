// Messages to everyone registered when the organizers change the event: new times, venue or link,
// sessions dropped from the programme, or the whole event cancelled.
import { z } from "zod";

import { eventCard, list, note, paragraph, quote, sessionList } from "./blocks";
import { greeting, quoted, UPDATED_INVITE_ATTACHED } from "./common";
import { defineTemplate } from "./define";
import { eventSummary, sessionSummary, text } from "./schemas";
import type { EventSummary, SessionSummary } from "./types";

export type EventoAlteradoProps = { personName: string; event: EventSummary; changes: string[] };
export type SessaoCanceladaProps = { personName: string; event: EventSummary; sessions: SessionSummary[] };
export type EventoCanceladoProps = { personName: string; event: EventSummary; reason: string; hadSeat?: boolean };

const registeredReason = (title: string) => `Você recebe esta mensagem porque tem inscrição em ${quoted(title)} no Apoia SUAS.`;

export const eventoAlterado = defineTemplate(
  "eventoAlterado",
  z.object({ personName: text(), event: eventSummary, changes: z.array(text()).min(1) }) satisfies z.ZodType<EventoAlteradoProps>,
  ({ personName, event, changes }) => ({
    subject: `Evento alterado: ${event.title}`,
    preheader: `${changes.length === 1 ? "Uma mudança" : `${changes.length} mudanças`} em ${quoted(event.title)}. Confira o que mudou.`,
    headline: "O evento mudou",
    blocks: [
      greeting(personName),
      paragraph(`A equipe organizadora alterou ${quoted(event.title)}. ${changes.length === 1 ? "O que mudou:" : "O que mudou, item por item:"}`),
      list(changes),
      note(UPDATED_INVITE_ATTACHED),
      eventCard(event, "O evento, já com as mudanças"),
      paragraph("Sua inscrição continua valendo. Se não puder mais participar, cancele a inscrição na página do evento para liberar a vaga."),
    ],
    reason: registeredReason(event.title),
  }),
);

export const sessaoCancelada = defineTemplate(
  "sessaoCancelada",
  z.object({ personName: text(), event: eventSummary, sessions: z.array(sessionSummary).min(1) }) satisfies z.ZodType<SessaoCanceladaProps>,
  ({ personName, event, sessions }) => {
    const one = sessions.length === 1;
    return {
      subject: `${one ? "Sessão cancelada" : "Sessões canceladas"}: ${event.title}`,
      preheader: `${one ? "Uma sessão" : `${sessions.length} sessões`} de ${quoted(event.title)} ${one ? "foi cancelada" : "foram canceladas"}.`,
      headline: one ? "Sessão cancelada" : "Sessões canceladas",
      blocks: [
        greeting(personName),
        paragraph(`A equipe organizadora cancelou ${one ? "uma sessão" : `${sessions.length} sessões`} de ${quoted(event.title)}.`),
        sessionList(one ? "A sessão cancelada" : "As sessões canceladas", sessions, event.zoneLabel),
        note(`${one ? "Ela sai" : "Elas saem"} da sua agenda: o convite atualizado segue anexo.`),
        paragraph("Sua inscrição continua valendo para o restante da programação."),
        eventCard(event, "A programação que continua"),
      ],
      reason: registeredReason(event.title),
    };
  },
);

export const eventoCancelado = defineTemplate(
  "eventoCancelado",
  z.object({ personName: text(), event: eventSummary, reason: text(), hadSeat: z.boolean().optional() }) satisfies z.ZodType<EventoCanceladoProps>,
  ({ personName, event, reason, hadSeat = true }) => ({
    subject: `Evento cancelado: ${event.title}`,
    preheader: `${quoted(event.title)} não vai mais acontecer.`,
    headline: "Evento cancelado",
    blocks: [
      greeting(personName),
      paragraph(`A equipe organizadora cancelou ${quoted(event.title)}. O evento não vai mais acontecer em nenhuma das datas abaixo.`),
      quote("Motivo informado pela organização:", reason),
      ...(hadSeat ? [note("O evento sai da sua agenda: o cancelamento do convite segue anexo.")] : []),
      eventCard(event, "O evento cancelado"),
    ],
    reason: `Você recebe esta mensagem porque tinha inscrição em ${quoted(event.title)} no Apoia SUAS.`,
  }),
);
