// Messages about invitations: the invitation itself (to an ente, with its seats, or to one person),
// the nomination of a colleague into one of the ente's seats, and the notice that the seats are all
// taken.
import { z } from "zod";

import { action, badge, eventCard, list, note, paragraph, textLink } from "./blocks";
import { greeting, INVITE_ATTACHED, quoted } from "./common";
import { defineTemplate } from "./define";
import { eventSummary, text, webUrl } from "./schemas";
import type { EventSummary } from "./types";

export type ConviteProps = {
  /** null when the address has no account yet */
  personName: string | null;
  event: EventSummary;
  /** The ente invited ("Salvador (BA)", "Bahia (governo estadual)"); the person's own name for a personal invitation. */
  invitedAs: string;
  /** The ente's seats; null for a personal invitation. */
  quota: number | null;
  acceptUrl: string;
  declineUrl: string;
  /** Already formatted, in the event's time zone (the message names it after the date): "10/12/2026 às 23:59" */
  expiresAt: string;
  /** Who invites: "Bahia (governo estadual)", a team or a person. */
  organizer: string;
  isReminder?: boolean;
};

export type IndicacaoProps = {
  personName: string;
  event: EventSummary;
  /** The gestor who nominated the person. */
  nominatedBy: string;
  /** The invited ente whose seat the person takes: "Salvador (BA)". */
  ente: string;
  /** CONFIRMADA: she has the seat (the calendar invite is attached); ESPERA: the event is full, she is on the waitlist. */
  status: "CONFIRMADA" | "ESPERA";
  /** the person's page with her check-in QR (events with on-site attendance); the QR itself goes inline */
  badgeUrl?: string;
};

export type VagasEsgotadasProps = {
  /** null when the address has no account yet */
  personName: string | null;
  event: EventSummary;
  ente: string;
  quota: number;
  /** This recipient's invitation page, where a gestor swaps nominees; when given, linked from the message. */
  invitationUrl?: string;
};

// ---------------------------------------------------------------------------------------------
// Wording about entes. Labels come as the platform shows them: "Salvador (BA)" for a municipality,
// "Bahia (governo estadual)" for a state government.

const MUNICIPALITY = /\([A-Z]{2}\)$/;

/** "o município de Salvador (BA)"; other entes by their label ("Bahia (governo estadual)"). */
const enteSubject = (label: string) => (MUNICIPALITY.test(label) ? `o município de ${label}` : label);

/** "convidado" agrees with "o município"; any other label gets the neutral form. */
const invitedWord = (label: string) => (MUNICIPALITY.test(label) ? "convidado" : "convidado(a)");

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const seats = (n: number) => (n === 1 ? "1 vaga" : `${n} vagas`);

const enteReason = (ente: string, title: string) =>
  `Você recebe esta mensagem porque ${enteSubject(ente)} foi ${invitedWord(ente)} para ${quoted(title)} no Apoia SUAS e este endereço está entre os destinatários do convite.`;

const seatCount = () => z.int().positive();

// ---------------------------------------------------------------------------------------------

export const convite = defineTemplate(
  "convite",
  z.object({
    personName: text().nullable(),
    event: eventSummary,
    invitedAs: text(),
    quota: seatCount().nullable(),
    acceptUrl: webUrl(),
    declineUrl: webUrl(),
    expiresAt: text(),
    organizer: text(),
    isReminder: z.boolean().optional(),
  }) satisfies z.ZodType<ConviteProps>,
  ({ personName, event, invitedAs, quota, acceptUrl, declineUrl, expiresAt, organizer, isReminder = false }) => {
    const title = quoted(event.title);
    const deadline = `Responda até ${expiresAt}, ${event.zoneLabel}: depois disso, o link deixa de valer.`;
    const forEnte = quota !== null;
    const who = forEnte ? enteSubject(invitedAs) : "você";

    // The organizer is a label ("Bahia (governo estadual)", a team's name): it goes where no
    // article or contraction ("do", "da") would be needed.
    const lead = isReminder
      ? forEnte
        ? `Lembrete: o convite para ${who} participar de ${title} ainda não foi respondido. Quem convida: ${organizer}.`
        : `Lembrete: você ainda não respondeu ao convite para participar de ${title}. Quem convida: ${organizer}.`
      : `${organizer} convida ${who} para participar de ${title}.`;

    const acceptance = !forEnte
      ? "Ao aceitar, a sua inscrição no evento é feita na hora, e você recebe a confirmação por e-mail."
      : quota === 1
        ? `Ao aceitar, você se inscreve no evento e ocupa a vaga de ${invitedAs}. Depois, um(a) gestor(a) de ${invitedAs} pode trocar a pessoa inscrita por um(a) colega do mesmo ente, na página do convite.`
        : `Ao aceitar, você se inscreve no evento e ocupa uma das ${quota} vagas de ${invitedAs}. Depois, um(a) gestor(a) de ${invitedAs} pode indicar colegas do mesmo ente na página do convite, até completar as ${quota} vagas.`;

    const noAccount = forEnte
      ? `Este endereço ainda não tem conta no Apoia SUAS: o botão “Aceitar o convite” leva à criação da conta, com o campo do ente já preenchido com ${invitedAs}; a inscrição é feita assim que a conta estiver pronta.`
      : "Este endereço ainda não tem conta no Apoia SUAS: o botão “Aceitar o convite” leva à criação da conta, com os dados do convite já preenchidos; a inscrição é feita assim que a conta estiver pronta.";

    return {
      subject: `${isReminder ? "Lembrete de convite" : "Convite"}: ${event.title}`,
      preheader: isReminder
        ? `O convite para ${title} ainda espera resposta. Responda até ${expiresAt}.`
        : `${organizer} convida ${who} para ${title}${forEnte ? ` (${seats(quota)})` : ""}. Responda até ${expiresAt}.`,
      headline: isReminder ? "O convite ainda espera resposta" : "Você recebeu um convite",
      blocks: [
        greeting(personName),
        paragraph(lead),
        note(forEnte ? `${capitalize(who)} tem ${seats(quota)}. ${deadline}` : `O convite é pessoal, para ${invitedAs}. ${deadline}`),
        action("Aceitar o convite", acceptUrl, { showUrl: true }),
        textLink("Não vai participar?", "Recusar o convite", declineUrl),
        paragraph(acceptance),
        ...(personName === null ? [paragraph(noAccount)] : []),
        eventCard(event, "O evento"),
      ],
      reason: forEnte ? enteReason(invitedAs, event.title) : `Você recebe esta mensagem porque foi convidado(a) para ${title} no Apoia SUAS.`,
    };
  },
);

export const indicacao = defineTemplate(
  "indicacao",
  z.object({
    personName: text(),
    event: eventSummary,
    nominatedBy: text(),
    ente: text(),
    status: z.enum(["CONFIRMADA", "ESPERA"]),
    badgeUrl: webUrl().optional(),
  }) satisfies z.ZodType<IndicacaoProps>,
  ({ personName, event, nominatedBy, ente, status, badgeUrl }) => {
    const title = quoted(event.title);
    const confirmed = status === "CONFIRMADA";
    return {
      subject: `${confirmed ? "Você foi indicado(a), inscrição confirmada" : "Você foi indicado(a), lista de espera"}: ${event.title}`,
      preheader: `${nominatedBy} indicou você para ${title}. ${confirmed ? `Sua inscrição está confirmada. ${INVITE_ATTACHED}` : "Você está na lista de espera."}`,
      headline: confirmed ? "Você foi indicado(a): inscrição confirmada" : "Você foi indicado(a): lista de espera",
      blocks: [
        greeting(personName),
        paragraph(`Você foi indicado(a) por ${nominatedBy} para participar de ${title}, em uma das vagas de ${ente}.`),
        ...(confirmed
          ? [paragraph("Sua inscrição está confirmada: a vaga é sua."), note(INVITE_ATTACHED), ...(badgeUrl ? [badge(badgeUrl)] : [])]
          : [
              paragraph("As vagas do evento estão preenchidas, por isso a sua inscrição entrou na lista de espera."),
              paragraph(
                "Quando uma vaga abrir, a primeira pessoa da lista é promovida automaticamente, por ordem de chegada. " +
                  "Você não precisa fazer nada: se chegar a sua vez, enviaremos um e-mail com a confirmação e o convite para a sua agenda.",
              ),
            ]),
        eventCard(event),
        paragraph(
          confirmed
            ? `Se não puder participar, cancele a inscrição na página do evento ou avise ${nominatedBy}: assim a vaga de ${ente} fica livre para outra pessoa do ente.`
            : `Se não tiver interesse, saia da lista na página do evento ou avise ${nominatedBy}.`,
        ),
      ],
      reason: `Você recebe esta mensagem porque ${enteSubject(ente)} foi ${invitedWord(ente)} para ${title} no Apoia SUAS e ${nominatedBy} indicou você para uma das vagas.`,
    };
  },
);

export const vagasEsgotadas = defineTemplate(
  "vagasEsgotadas",
  z.object({
    personName: text().nullable(),
    event: eventSummary,
    ente: text(),
    quota: seatCount(),
    invitationUrl: webUrl().optional(),
  }) satisfies z.ZodType<VagasEsgotadasProps>,
  ({ personName, event, ente, quota, invitationUrl }) => {
    const title = quoted(event.title);
    const one = quota === 1;
    const taken = one ? `A vaga de ${ente} em ${title} está ocupada` : `As ${quota} vagas de ${ente} em ${title} estão ocupadas`;
    return {
      subject: `Vagas de ${ente} esgotadas: ${event.title}`,
      preheader: `${taken}. Um(a) gestor(a) do ente ainda pode trocar as pessoas indicadas.`,
      headline: "As vagas do ente estão esgotadas",
      blocks: [
        greeting(personName),
        paragraph(`${taken}: ${one ? "ela já tem uma pessoa inscrita" : "todas já têm uma pessoa inscrita"}.`),
        note(`Outras pessoas de ${ente} só conseguem se inscrever pelo convite quando uma vaga for liberada.`),
        paragraph("O que ainda dá para fazer:"),
        list([
          `Trocar uma pessoa inscrita por outra: um(a) gestor(a) de ${ente} pode fazer isso na página do convite${invitationUrl ? "" : " (o link está no e-mail do convite)"}.`,
          `Liberar uma vaga: quem está inscrito(a) e não puder participar cancela a inscrição na página do evento, e a vaga volta para ${ente}.`,
          `Pedir mais vagas: fale com a organização do evento — ${event.organizer}.`,
        ]),
        ...(invitationUrl ? [action("Abrir a página do convite", invitationUrl, { showUrl: true })] : []),
        eventCard(event),
      ],
      reason: enteReason(ente, event.title),
    };
  },
);
