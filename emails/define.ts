// How a template is made: validate the props, build the content, render HTML and text in the
// shared layout, make the subject header-safe, and refuse to return anything that shows a missing
// value. Every template goes through defineTemplate, so these rules hold for all of them.
import { z } from "zod";

import { type MessageContent, renderHtml, renderText } from "./layout";
import type { RenderedEmail } from "./types";

export class EmailTemplateError extends Error {
  constructor(
    readonly purpose: string,
    detail: string,
  ) {
    super(`Modelo de e-mail "${purpose}": ${detail}`);
    this.name = "EmailTemplateError";
  }
}

export type Template<P> = (props: P) => RenderedEmail;

/**
 * Text a missing or mistyped value turns into when it is interpolated — as a word of its own: inside
 * a longer run of letters and digits (a link's random token, "NaNdo…") it is not a leak.
 */
const LEAKS = [
  { word: "undefined", pattern: /(?<![A-Za-z0-9_-])undefined(?![A-Za-z0-9_-])/ },
  { word: "null", pattern: /(?<![A-Za-z0-9_-])null(?![A-Za-z0-9_-])/ },
  { word: "NaN", pattern: /(?<![A-Za-z0-9_-])NaN(?![A-Za-z0-9_-])/ },
  { word: "[object Object]", pattern: /\[object Object\]/ },
] as const;

const PART_NAMES = { subject: "no assunto", html: "no HTML", text: "no texto" } as const;

/** Throws when a rendered part shows a value that was never filled in. */
export function assertNoLeaks(purpose: string, email: RenderedEmail): RenderedEmail {
  for (const part of ["subject", "html", "text"] as const) {
    const leak = LEAKS.find((l) => l.pattern.test(email[part]));
    if (leak) throw new EmailTemplateError(purpose, `"${leak.word}" ${PART_NAMES[part]}: falta um valor.`);
  }
  return email;
}

/**
 * One line, no control characters: CR and LF (and the other line separators) become spaces, so no
 * value can end the Subject header and start another one.
 */
export function subjectLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
}

export function defineTemplate<P>(purpose: string, schema: z.ZodType<P>, build: (props: P) => MessageContent): Template<P> {
  return (props: P) => {
    const parsed = schema.safeParse(props);
    if (!parsed.success) throw new EmailTemplateError(purpose, `dados inválidos\n${z.prettifyError(parsed.error)}`);
    const content = build(parsed.data);
    const subject = subjectLine(content.subject);
    if (!subject) throw new EmailTemplateError(purpose, "assunto vazio.");
    const normalized: MessageContent = { ...content, subject };
    return assertNoLeaks(purpose, {
      subject,
      html: renderHtml(normalized),
      text: renderText(normalized).replace(/\r\n?/g, "\n"),
    });
  };
}
