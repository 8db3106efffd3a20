// The certificate is ready: where to download it, its code, and where anyone can verify it.
import { z } from "zod";

import { action, details, eventCard, paragraph } from "./blocks";
import { greeting, quoted } from "./common";
import { defineTemplate } from "./define";
import { eventSummary, text, webUrl } from "./schemas";
import type { EventSummary } from "./types";

export type CertificadoProps = {
  personName: string;
  event: EventSummary;
  /** "XXXX-XXXX-XXXX" */
  code: string;
  hoursText: string;
  downloadUrl: string;
  verifyUrl: string;
  /** true when it replaces an earlier certificate (name corrected, reissue) */
  reissued?: boolean;
};

export const certificadoDisponivel = defineTemplate(
  "certificadoDisponivel",
  z.object({
    personName: text(),
    event: eventSummary,
    code: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    hoursText: text(),
    downloadUrl: webUrl(),
    verifyUrl: webUrl(),
    reissued: z.boolean().optional(),
  }) satisfies z.ZodType<CertificadoProps>,
  ({ personName, event, code, hoursText, downloadUrl, verifyUrl, reissued }) => ({
    subject: `${reissued ? "Certificado reemitido" : "Seu certificado"}: ${event.title}`,
    preheader: `Certificado de ${quoted(event.title)}, ${hoursText}. Código ${code}.`,
    headline: reissued ? "Certificado reemitido" : "Seu certificado está pronto",
    blocks: [
      greeting(personName),
      paragraph(
        reissued
          ? `Emitimos um novo certificado de ${quoted(event.title)}. O anterior continua verificável, marcado como substituído.`
          : `Seu certificado de participação em ${quoted(event.title)} está pronto.`,
      ),
      details([
        { label: "Carga horária", value: hoursText },
        { label: "Código de verificação", value: code },
      ]),
      action("Baixar o certificado (PDF)", downloadUrl, { showUrl: true }),
      paragraph(`Qualquer pessoa pode conferir a autenticidade pelo código, em ${verifyUrl}.`),
      paragraph("Seus certificados também ficam em “Meus certificados”, no Apoia SUAS."),
      eventCard(event),
    ],
    reason: `Você recebe esta mensagem porque participou de ${quoted(event.title)} no Apoia SUAS.`,
  }),
);
