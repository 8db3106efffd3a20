// The one frame around every message: platform header on gov.br blue, the content, and a footer
// saying why the person receives it and that nobody reads replies. Rendered to static HTML with
// React (which escapes every value) and, from the same content, to plain text.
import type { CSSProperties } from "react";
import { renderToStaticMarkup } from "react-dom/server";

import { type Block, BlockView, blockText, COLORS, FONT, Grid } from "./blocks";

export const PLATFORM = "Apoia SUAS — Apoio técnico do SUAS";
export const AUTOMATIC_NOTICE = "Mensagem automática do Apoia SUAS; não responda a este e-mail.";

export type MessageContent = {
  /** The header line of the message; also the document title. */
  subject: string;
  /** Shown by mail clients next to the subject, hidden in the message itself. */
  preheader: string;
  /** The message's own heading ("Inscrição confirmada"). */
  headline: string;
  blocks: Block[];
  /** Why this person receives this message, for the footer. */
  reason: string;
};

// Zero-width non-joiners and no-break spaces after the preheader keep clients from filling the
// preview with the first lines of the body.
const PREHEADER_FILLER = "\u200c\u00a0".repeat(60);

export function Layout({ subject, preheader, headline, blocks, reason }: MessageContent) {
  return (
    <html lang="pt-BR">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="x-apple-disable-message-reformatting" />
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{subject}</title>
      </head>
      <body style={{ margin: 0, padding: 0, backgroundColor: COLORS.page }}>
        <div
          style={{
            display: "none",
            fontSize: "1px",
            lineHeight: "1px",
            maxHeight: 0,
            maxWidth: 0,
            opacity: 0,
            overflow: "hidden",
            // Outlook's own property; React writes it as mso-hide.
            ...({ msoHide: "all" } as CSSProperties),
          }}
        >
          {preheader}
          {PREHEADER_FILLER}
        </div>
        <Grid width="100%" style={{ backgroundColor: COLORS.page }}>
          <tr>
            <td align="center" style={{ padding: "24px 12px" }}>
              <Grid width="600" style={{ width: "100%", maxWidth: "600px", backgroundColor: COLORS.white }}>
                <tr>
                  <td style={{ backgroundColor: COLORS.navy, padding: "20px 32px" }}>
                    <p style={{ margin: 0, fontFamily: FONT, fontSize: "18px", lineHeight: "24px", fontWeight: "bold", color: COLORS.white }}>{PLATFORM}</p>
                  </td>
                </tr>
                <tr>
                  <td style={{ backgroundColor: COLORS.blue, height: "4px", fontSize: "1px", lineHeight: "4px" }}>&nbsp;</td>
                </tr>
                <tr>
                  <td style={{ padding: "28px 32px 12px" }}>
                    <h1 style={{ margin: "0 0 20px", fontFamily: FONT, fontSize: "24px", lineHeight: "32px", fontWeight: "bold", color: COLORS.navy }}>
                      {headline}
                    </h1>
                    {blocks.map((block, i) => (
                      <BlockView key={i} block={block} />
                    ))}
                  </td>
                </tr>
                <tr>
                  <td style={{ backgroundColor: COLORS.footer, padding: "20px 32px", borderTop: `1px solid ${COLORS.line}` }}>
                    <p style={{ margin: "0 0 8px", fontFamily: FONT, fontSize: "13px", lineHeight: "20px", color: COLORS.muted }}>{reason}</p>
                    <p style={{ margin: 0, fontFamily: FONT, fontSize: "13px", lineHeight: "20px", color: COLORS.muted }}>{AUTOMATIC_NOTICE}</p>
                  </td>
                </tr>
              </Grid>
            </td>
          </tr>
        </Grid>
      </body>
    </html>
  );
}

export function renderHtml(content: MessageContent): string {
  return `<!doctype html>${renderToStaticMarkup(<Layout {...content} />)}`;
}

export function renderText({ headline, blocks, reason }: MessageContent): string {
  return [
    PLATFORM,
    "",
    headline,
    "=".repeat(headline.length),
    "",
    blocks.map(blockText).join("\n\n"),
    "",
    "-- ",
    reason,
    AUTOMATIC_NOTICE,
    "",
  ].join("\n");
}
