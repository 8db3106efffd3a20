// Messages about one person's registration: confirmed, waitlisted, promoted, cancelled, removed.
import { z } from "zod";

import { badge, eventCard, note, paragraph, quote } from "./blocks";
import { CALENDAR_REMOVED, greeting, INVITE_ATTACHED, quoted } from "./common";
import { defineTemplate } from "./define";
import { eventSummary, text, webUrl } from "./schemas";
import type { EventSummary } from "./types";

export type RegistrationProps = { personName: string; event: EventSummary };
/** badgeUrl: the person's page with her check-in QR (events with on-site attendance); the QR itself goes inline */
export type ConfirmationProps = RegistrationProps & { badgeUrl?: string };
export type ListaDeEsperaProps = RegistrationProps & { position: number };
/** hadSeat: false when the person was only on the waitlist (nothing to remove from her calendar) */
export type InscricaoCanceladaProps = RegistrationProps & { hadSeat?: boolean };
export type InscricaoRemovidaProps = RegistrationProps & { reason: string; hadSeat?: boolean };

const confirmationProps: z.ZodType<ConfirmationProps> = z.object({ personName: text(), event: eventSummary, badgeUrl: webUrl().optional() });

const registeredReason = (title: string) => `Você recebe esta mensagem porque se inscreveu em ${quoted(title)} no Apoia SUAS.`;

export const inscricaoConfirmada = defineTemplate("inscricaoConfirmada", confirmationProps, ({ personName, event, badgeUrl }) => ({
  subject: `Inscrição confirmada: ${event.title}`,
  preheader: `Sua vaga em ${quoted(event.title)} está garantida. ${INVITE_ATTACHED}`,
  headline: "Inscrição confirmada",
  blocks: [
    greeting(personName),
    paragraph(`Sua inscrição em ${quoted(event.title)} está confirmada: a vaga é sua.`),
    note(INVITE_ATTACHED),
    ...(badgeUrl ? [badge(badgeUrl)] : []),
    eventCard(event),
    paragraph("Se não puder participar, cancele a inscrição na página do evento: a vaga passa para quem está na lista de espera."),
  ],
  reason: registeredReason(event.title),
}));

export const listaDeEspera = defineTemplate(
  "listaDeEspera",
  z.object({ personName: text(), event: eventSummary, position: z.int().positive() }) satisfies z.ZodType<ListaDeEsperaProps>,
  ({ personName, event, position }) => ({
    subject: `Lista de espera: ${event.title}`,
    preheader: `As vagas de ${quoted(event.title)} estão preenchidas; você é a pessoa nº ${position} da lista de espera.`,
    headline: "Você está na lista de espera",
    blocks: [
      greeting(personName),
      paragraph(`As vagas de ${quoted(event.title)} estão preenchidas e você entrou na lista de espera.`),
      note(`Sua posição na lista de espera: ${position}º lugar.`),
      paragraph(
        "Quando uma vaga abrir, a primeira pessoa da lista é promovida automaticamente, por ordem de chegada. " +
          "Você não precisa fazer nada: se chegar a sua vez, enviaremos um e-mail com a confirmação e o convite para a sua agenda.",
      ),
      eventCard(event),
      paragraph("Se não tiver mais interesse, saia da lista na página do evento."),
    ],
    reason: `Você recebe esta mensagem porque pediu inscrição em ${quoted(event.title)} no Apoia SUAS.`,
  }),
);

export const promovido = defineTemplate("promovido", confirmationProps, ({ personName, event, badgeUrl }) => ({
  subject: `Vaga aberta, inscrição confirmada: ${event.title}`,
  preheader: `Abriu uma vaga em ${quoted(event.title)} e a sua inscrição saiu da lista de espera. ${INVITE_ATTACHED}`,
  headline: "Abriu uma vaga: inscrição confirmada",
  blocks: [
    greeting(personName),
    paragraph(`Abriu uma vaga em ${quoted(event.title)} e chegou a sua vez na lista de espera: sua inscrição agora está confirmada.`),
    note(INVITE_ATTACHED),
    ...(badgeUrl ? [badge(badgeUrl)] : []),
    eventCard(event),
    paragraph("Se não puder mais participar, cancele a inscrição na página do evento: a vaga passa para a próxima pessoa da lista."),
  ],
  reason: `Você recebe esta mensagem porque estava na lista de espera de ${quoted(event.title)} no Apoia SUAS.`,
}));

export const inscricaoCancelada = defineTemplate(
  "inscricaoCancelada",
  z.object({ personName: text(), event: eventSummary, hadSeat: z.boolean().optional() }) satisfies z.ZodType<InscricaoCanceladaProps>,
  ({ personName, event, hadSeat = true }) => ({
  subject: `Inscrição cancelada: ${event.title}`,
  preheader: `Cancelamos a sua inscrição em ${quoted(event.title)}, como você pediu.`,
  headline: "Inscrição cancelada",
  blocks: [
    greeting(personName),
    paragraph(
      hadSeat
        ? `Sua inscrição em ${quoted(event.title)} foi cancelada, como você pediu.`
        : `Você saiu da lista de espera de ${quoted(event.title)}, como pediu.`,
    ),
    ...(hadSeat ? [note(CALENDAR_REMOVED)] : []),
    eventCard(event, "O evento cancelado para você"),
    paragraph("Mudou de ideia? Enquanto as inscrições estiverem abertas, você pode se inscrever de novo na página do evento."),
  ],
  reason: `Você recebe esta mensagem porque cancelou a sua inscrição em ${quoted(event.title)} no Apoia SUAS.`,
  }),
);

export const inscricaoRemovida = defineTemplate(
  "inscricaoRemovida",
  z.object({ personName: text(), event: eventSummary, reason: text(), hadSeat: z.boolean().optional() }) satisfies z.ZodType<InscricaoRemovidaProps>,
  ({ personName, event, reason, hadSeat = true }) => ({
    subject: `Inscrição removida: ${event.title}`,
    preheader: `A equipe organizadora removeu a sua inscrição em ${quoted(event.title)}.`,
    headline: "Sua inscrição foi removida",
    blocks: [
      greeting(personName),
      paragraph(`A equipe organizadora de ${quoted(event.title)} removeu a sua inscrição.`),
      quote("Motivo informado pela organização:", reason),
      ...(hadSeat ? [note(CALENDAR_REMOVED)] : []),
      eventCard(event),
      paragraph(`Em caso de dúvida, procure a equipe organizadora: ${event.organizer}.`),
    ],
    reason: `Você recebe esta mensagem porque tinha inscrição em ${quoted(event.title)} no Apoia SUAS.`,
  }),
);
