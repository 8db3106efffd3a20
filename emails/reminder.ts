// The reminder before each session: 24 hours and 1 hour ahead, with the way in (the room's link for
// online sessions, the place otherwise).
import { z } from "zod";

import { action, details, eventCard, note, paragraph } from "./blocks";
import { greeting, quoted } from "./common";
import { defineTemplate } from "./define";
import { eventSummary, sessionSummary, text, webUrl } from "./schemas";
import type { EventSummary, SessionSummary } from "./types";

export type LembreteProps = {
  personName: string;
  event: EventSummary;
  session: SessionSummary;
  /** "em 24 horas", "em 1 hora" */
  startsIn: string;
  /** The online room; null for sessions in person. */
  joinUrl: string | null;
};

export const lembrete = defineTemplate(
  "lembrete",
  z.object({
    personName: text(),
    event: eventSummary,
    session: sessionSummary,
    startsIn: text(),
    joinUrl: webUrl().nullable(),
  }) satisfies z.ZodType<LembreteProps>,
  ({ personName, event, session, startsIn, joinUrl }) => {
    const several = event.sessions.length > 1;
    const what = several ? `${quoted(session.title)}, de ${quoted(event.title)},` : quoted(event.title);
    return {
      subject: `Começa ${startsIn}: ${event.title}`,
      preheader: `${session.range}, ${event.zoneLabel}.${joinUrl ? " O link da sala está neste e-mail." : ` Local: ${event.where}.`}`,
      headline: `Começa ${startsIn}`,
      blocks: [
        greeting(personName),
        paragraph(`Lembrete: ${what} começa ${startsIn}.`),
        details([
          { label: "Sessão", value: session.title },
          { label: "Quando", value: session.range },
          { label: "Horários", value: event.zoneLabel },
        ]),
        ...(joinUrl
          ? [action("Entrar na sala", joinUrl, { showUrl: true }), paragraph("Entre alguns minutos antes para testar o áudio e o vídeo.")]
          : [note(`Local: ${event.where}`), paragraph("Chegue alguns minutos antes para o credenciamento.")]),
        eventCard(event),
        paragraph("Se não puder mais participar, cancele a inscrição na página do evento para liberar a vaga."),
      ],
      reason: `Você recebe esta mensagem porque tem inscrição confirmada em ${quoted(event.title)} no Apoia SUAS.`,
    };
  },
);
