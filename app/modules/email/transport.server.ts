// How a message leaves: SMTP through nodemailer, or — in development without SMTP_URL — the local
// mailbox (the outbox rows themselves, read at /dev/caixa-de-saida). One place builds it.
import nodemailer, { type SendMailOptions, type Transporter, type TransportOptions } from "nodemailer";

import { env } from "~/lib/env.server";

import { headerSafe, type SendFailure } from "./delivery-policy";

/** An image the HTML shows by Content-ID (src="cid:…"), as a data: URL. */
export type InlineImage = { cid: string; filename: string; dataUrl: string };

export type OutgoingMessage = {
  id: string;
  toEmail: string;
  toName: string;
  subject: string;
  text: string;
  html: string;
  icsMethod: string | null;
  icsContent: string | null;
  inline?: InlineImage[];
};

export type SendResult = { ok: true; detail: string } | { ok: false; failure: SendFailure };

export type MailTransport = {
  name: "smtp" | "caixa-local";
  send(message: OutgoingMessage): Promise<SendResult>;
  close(): void;
};

function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "apoia-suas.local";
}

/** The stable Message-ID of an outbox message: a retry after a crash carries the same one. */
export function messageIdOf(outboxId: string, from = env.MAIL_FROM): string {
  return `<outbox.${outboxId}@${domainOf(from)}>`;
}

/** The nodemailer message for an outbox row (pure; tested). */
export function toMailOptions(m: OutgoingMessage, from: string): SendMailOptions {
  return {
    from,
    to: { name: headerSafe(m.toName), address: m.toEmail },
    subject: headerSafe(m.subject, 300),
    text: m.text,
    html: m.html,
    messageId: messageIdOf(m.id, from),
    headers: { "Auto-Submitted": "auto-generated", "X-Apoia-Suas-Mensagem": m.id },
    ...(m.inline?.length ? { attachments: m.inline.map((i) => ({ filename: i.filename, path: i.dataUrl, cid: i.cid, contentDisposition: "inline" as const })) } : {}),
    ...(m.icsMethod && m.icsContent
      ? { icalEvent: { method: m.icsMethod, filename: m.icsMethod === "CANCEL" ? "cancelamento.ics" : "convite.ics", content: m.icsContent } }
      : {}),
  };
}

export type SmtpOptions = { url: string; from: string; pool?: boolean; maxConnections?: number; timeoutMs?: number };

export function smtpTransport({ url, from, pool = true, maxConnections = 5, timeoutMs = 20_000 }: SmtpOptions): MailTransport {
  const transporter: Transporter = nodemailer.createTransport({
    url,
    pool,
    maxConnections,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Loopback test servers and internal relays often have no certificate a client could verify.
    tls: { rejectUnauthorized: !/^smtps?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url) },
  } as TransportOptions);
  return {
    name: "smtp",
    async send(message) {
      try {
        const info = await transporter.sendMail(toMailOptions(message, from));
        const rejected = (info.rejected ?? []).length;
        if (rejected) return { ok: false, failure: { message: `destinatário recusado: ${String(info.response ?? "")}`, responseCode: 550 } };
        return { ok: true, detail: String(info.response ?? "aceita") };
      } catch (error) {
        const e = error as { message?: string; responseCode?: number; code?: string };
        return { ok: false, failure: { message: e.message ?? String(error), responseCode: e.responseCode, code: e.code } };
      }
    },
    close() {
      transporter.close();
    },
  };
}

/** Development without SMTP: the message stays in the outbox, marked as delivered to the local mailbox. */
export function localMailbox(): MailTransport {
  return {
    name: "caixa-local",
    async send() {
      return { ok: true, detail: "guardada na caixa de saída local (/dev/caixa-de-saida)" };
    },
    close() {},
  };
}

export function configuredTransport(): MailTransport {
  if (env.SMTP_URL) return smtpTransport({ url: env.SMTP_URL, from: env.MAIL_FROM });
  if (env.NODE_ENV === "production") throw new Error("SMTP_URL é obrigatória em produção");
  return localMailbox();
}
