// Messages about the person's account.
import { z } from "zod";

import { action, note, paragraph } from "./blocks";
import { greeting } from "./common";
import { defineTemplate } from "./define";
import { text, webUrl } from "./schemas";

export type RedefinirSenhaProps = { personName: string; resetUrl: string; expiresInMinutes: number };

const duration = (minutes: number) => {
  if (minutes % 60 === 0) return minutes === 60 ? "1 hora" : `${minutes / 60} horas`;
  return minutes === 1 ? "1 minuto" : `${minutes} minutos`;
};

export const redefinirSenha = defineTemplate(
  "redefinirSenha",
  z.object({ personName: text(), resetUrl: webUrl(), expiresInMinutes: z.int().positive() }) satisfies z.ZodType<RedefinirSenhaProps>,
  ({ personName, resetUrl, expiresInMinutes }) => ({
    subject: "Redefinição de senha do Apoia SUAS",
    preheader: `Use o link deste e-mail para criar uma nova senha. Ele vale por ${duration(expiresInMinutes)}.`,
    headline: "Redefinição de senha",
    blocks: [
      greeting(personName),
      paragraph("Recebemos um pedido para redefinir a senha da sua conta no Apoia SUAS. Para criar uma nova senha, use o botão abaixo."),
      action("Criar nova senha", resetUrl, { showUrl: true }),
      note(`O link vale por ${duration(expiresInMinutes)}. Depois disso, peça uma nova redefinição na página de entrada.`),
      paragraph("Se você não pediu a redefinição, ignore este e-mail: sua senha continua a mesma."),
      paragraph("Nunca pedimos a sua senha por e-mail."),
    ],
    reason: "Você recebe esta mensagem porque foi pedida a redefinição de senha da conta ligada a este endereço no Apoia SUAS.",
  }),
);
