// The building blocks of a message body. A template lists its content once, as blocks; each block
// knows how to draw itself in e-mail-safe HTML (tables, inline styles) and how to read as plain
// text, so the two parts of every message always say the same thing.
import type { CSSProperties, ReactNode } from "react";

import type { EventSummary, SessionSummary } from "./types";

export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "note"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "quote"; label: string; text: string }
  | { kind: "action"; label: string; href: string; showUrl: boolean }
  | { kind: "link"; lead: string; label: string; href: string }
  | { kind: "details"; rows: { label: string; value: string }[] }
  | { kind: "sessions"; heading: string; zoneLabel: string; sessions: SessionSummary[] }
  | { kind: "event"; heading: string; event: EventSummary }
  | { kind: "badge"; pageUrl: string };

// ---------------------------------------------------------------------------------------------
// Builders: what templates call.

export const paragraph = (text: string): Block => ({ kind: "paragraph", text });

/** A highlighted paragraph: the one thing the reader must not miss ("O convite segue anexo."). */
export const note = (text: string): Block => ({ kind: "note", text });

export const list = (items: string[]): Block => ({ kind: "list", items });

/** Words written by someone else (the organizers' reason), set apart and kept line by line. */
export const quote = (label: string, text: string): Block => ({ kind: "quote", label, text });

/** A button; with showUrl the address is also written out for clients that block buttons. */
export const action = (label: string, href: string, { showUrl = false } = {}): Block => ({ kind: "action", label, href, showUrl });

/** A secondary choice, as a plain link after a lead-in ("Não vai participar? Recusar o convite"). */
export const textLink = (lead: string, label: string, href: string): Block => ({ kind: "link", lead, label, href });

export const details = (rows: { label: string; value: string }[]): Block => ({ kind: "details", rows });

export const sessionList = (heading: string, sessions: SessionSummary[], zoneLabel: string): Block => ({
  kind: "sessions",
  heading,
  zoneLabel,
  sessions,
});

/** The event's card: title linked to its page, type, organizer, place, workload and programme. */
export const EVENT_PAGE = "Ver a página do evento";

export const eventCard = (event: EventSummary, heading = "O evento"): Block => ({ kind: "event", heading, event });

/** The Content-ID of the check-in QR image the sender attaches to messages that carry a badge. */
export const BADGE_CID = "cracha@apoia-suas";
export const BADGE_FILENAME = "cracha-apoia-suas.png";

/** The personal check-in QR code (attached inline as BADGE_CID) with the page to print it. */
export const badge = (pageUrl: string): Block => ({ kind: "badge", pageUrl });

// ---------------------------------------------------------------------------------------------
// HTML. Inline styles only; tables for anything laid out side by side.

export const COLORS = {
  blue: "#1351B4",
  navy: "#071D41",
  text: "#333333",
  muted: "#555555",
  line: "#DDDDDD",
  highlight: "#EDF5FF",
  page: "#F8F8F8",
  footer: "#F0F0F0",
  white: "#FFFFFF",
} as const;

export const FONT = "Arial, Helvetica, sans-serif";

const base: CSSProperties = { fontFamily: FONT, fontSize: "16px", lineHeight: "24px", color: COLORS.text };
const p: CSSProperties = { ...base, margin: "0 0 16px" };
const h2: CSSProperties = { fontFamily: FONT, fontSize: "18px", lineHeight: "24px", color: COLORS.navy, margin: "0 0 8px", fontWeight: "bold" };
const link: CSSProperties = { color: COLORS.blue, textDecoration: "underline" };
const small: CSSProperties = { ...base, fontSize: "14px", lineHeight: "20px", color: COLORS.muted, margin: "0 0 16px" };

/** A table used for layout only. */
export function Grid({ style, width, children }: { style?: CSSProperties; width?: string; children: ReactNode }) {
  return (
    <table role="presentation" width={width} cellPadding={0} cellSpacing={0} border={0} style={{ borderCollapse: "collapse", ...style }}>
      <tbody>{children}</tbody>
    </table>
  );
}

/** Keeps the line breaks of free text (a reason typed in a form) without interpreting anything. */
function Lines({ text }: { text: string }) {
  const lines = text.split(/\r\n|\r|\n/);
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}

function SessionItems({ sessions }: { sessions: SessionSummary[] }) {
  return (
    <ul style={{ ...base, margin: "0 0 16px", paddingLeft: "24px" }}>
      {sessions.map((s, i) => (
        <li key={i} style={{ margin: "0 0 8px" }}>
          <strong>{s.title}</strong>
          <br />
          {s.range}
        </li>
      ))}
    </ul>
  );
}

/** A button that survives Outlook: a coloured cell around a padded link. */
function Button({ label, href, margin = "8px 0 16px" }: { label: string; href: string; margin?: string }) {
  return (
    <Grid style={{ margin }}>
      <tr>
        <td style={{ backgroundColor: COLORS.blue, borderRadius: "24px" }}>
          <a
            href={href}
            style={{
              display: "inline-block",
              padding: "12px 28px",
              fontFamily: FONT,
              fontSize: "16px",
              lineHeight: "24px",
              fontWeight: "bold",
              color: COLORS.white,
              textDecoration: "none",
              borderRadius: "24px",
            }}
          >
            {label}
          </a>
        </td>
      </tr>
    </Grid>
  );
}

function EventCardView({ heading, event }: { heading: string; event: EventSummary }) {
  const label: CSSProperties = { ...base, fontSize: "14px", color: COLORS.muted, padding: "2px 12px 2px 0", verticalAlign: "top", whiteSpace: "nowrap" };
  const value: CSSProperties = { ...base, padding: "2px 0", verticalAlign: "top" };
  return (
    <Grid width="100%" style={{ margin: "8px 0 24px", border: `1px solid ${COLORS.line}` }}>
      <tr>
        <td style={{ padding: "16px 20px" }}>
          <p style={{ ...small, margin: "0 0 4px", textTransform: "uppercase", letterSpacing: "0.5px" }}>{heading}</p>
          <h2 style={{ ...h2, fontSize: "20px", lineHeight: "28px" }}>
            <a href={event.url} style={{ ...link, color: COLORS.navy }}>
              {event.title}
            </a>
          </h2>
          <p style={{ ...small, margin: "0 0 12px" }}>
            {event.typeLabel} · {event.organizer}
          </p>
          <Grid style={{ margin: "0 0 12px" }}>
            <tr>
              <td style={label}>Onde</td>
              <td style={value}>{event.where}</td>
            </tr>
            <tr>
              <td style={label}>Carga horária</td>
              <td style={value}>{event.workload}</td>
            </tr>
            <tr>
              <td style={label}>Horários</td>
              <td style={value}>{event.zoneLabel}</td>
            </tr>
          </Grid>
          <p style={{ ...p, margin: "0 0 8px", fontWeight: "bold", color: COLORS.navy }}>Programação</p>
          <SessionItems sessions={event.sessions} />
          <Button label={EVENT_PAGE} href={event.url} margin="8px 0 0" />
        </td>
      </tr>
    </Grid>
  );
}

export function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case "paragraph":
      return <p style={p}>{block.text}</p>;
    case "note":
      return (
        <Grid width="100%" style={{ margin: "0 0 16px" }}>
          <tr>
            <td style={{ ...base, fontWeight: "bold", backgroundColor: COLORS.highlight, borderLeft: `4px solid ${COLORS.blue}`, padding: "12px 16px" }}>
              {block.text}
            </td>
          </tr>
        </Grid>
      );
    case "list":
      return (
        <ul style={{ ...base, margin: "0 0 16px", paddingLeft: "24px" }}>
          {block.items.map((item, i) => (
            <li key={i} style={{ margin: "0 0 8px" }}>
              {item}
            </li>
          ))}
        </ul>
      );
    case "quote":
      return (
        <>
          <p style={{ ...p, margin: "0 0 8px" }}>{block.label}</p>
          <Grid width="100%" style={{ margin: "0 0 16px" }}>
            <tr>
              <td style={{ ...base, fontStyle: "italic", borderLeft: `4px solid ${COLORS.line}`, padding: "4px 16px" }}>
                <Lines text={block.text} />
              </td>
            </tr>
          </Grid>
        </>
      );
    case "action":
      return (
        <>
          <Button label={block.label} href={block.href} />
          {block.showUrl ? (
            <p style={{ ...small, wordBreak: "break-all" }}>
              Se o botão não funcionar, copie e cole este endereço no navegador:{" "}
              <a href={block.href} style={link}>
                {block.href}
              </a>
            </p>
          ) : null}
        </>
      );
    case "link":
      return (
        <p style={p}>
          {block.lead}{" "}
          <a href={block.href} style={link}>
            {block.label}
          </a>
        </p>
      );
    case "details":
      return (
        <Grid width="100%" style={{ margin: "0 0 16px" }}>
          {block.rows.map((row, i) => (
            <tr key={i}>
              <td style={{ ...base, fontWeight: "bold", padding: "4px 12px 4px 0", verticalAlign: "top", whiteSpace: "nowrap" }}>{row.label}</td>
              <td style={{ ...base, padding: "4px 0", verticalAlign: "top" }}>{row.value}</td>
            </tr>
          ))}
        </Grid>
      );
    case "sessions":
      return (
        <>
          <h2 style={h2}>{block.heading}</h2>
          <p style={{ ...small, margin: "0 0 8px" }}>Horários: {block.zoneLabel}.</p>
          <SessionItems sessions={block.sessions} />
        </>
      );
    case "event":
      return <EventCardView heading={block.heading} event={block.event} />;
    case "badge":
      return (
        <>
          <h2 style={h2}>Seu crachá para o check-in</h2>
          <p style={{ ...p, margin: "0 0 8px" }}>Na entrada do evento presencial, mostre este QR code (no celular ou impresso):</p>
          <img src={`cid:${BADGE_CID}`} alt="QR code do seu crachá de check-in" width={200} height={200} style={{ display: "block", margin: "0 0 8px", border: 0 }} />
          <p style={small}>
            Ele também está em{" "}
            <a href={block.pageUrl} style={link}>
              Minhas inscrições
            </a>
            , pronto para imprimir.
          </p>
        </>
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Plain text: readable on its own, every address written out.

const bullets = (items: string[]) => items.map((item) => `- ${item}`).join("\n");
const sessionLines = (sessions: SessionSummary[]) => bullets(sessions.map((s) => `${s.title}: ${s.range}`));

export function blockText(block: Block): string {
  switch (block.kind) {
    case "paragraph":
    case "note":
      return block.text;
    case "list":
      return bullets(block.items);
    case "quote":
      return `${block.label}\n${block.text
        .split(/\r\n|\r|\n/)
        .map((line) => `  ${line}`)
        .join("\n")}`;
    case "action":
      return `${block.label}: ${block.href}`;
    case "link":
      return `${block.lead} ${block.label}: ${block.href}`;
    case "details":
      return block.rows.map((row) => `${row.label}: ${row.value}`).join("\n");
    case "sessions":
      return `${block.heading}\nHorários: ${block.zoneLabel}\n${sessionLines(block.sessions)}`;
    case "badge":
      return `SEU CRACHÁ PARA O CHECK-IN\nNa entrada do evento presencial, mostre o QR code do seu crachá (segue anexo, ${BADGE_FILENAME}). Ele também está em Minhas inscrições, pronto para imprimir: ${block.pageUrl}`;
    case "event": {
      const e = block.event;
      return [
        `${block.heading.toUpperCase()}`,
        `“${e.title}”`,
        `${e.typeLabel} · ${e.organizer}`,
        `Onde: ${e.where}`,
        `Carga horária: ${e.workload}`,
        `Horários: ${e.zoneLabel}`,
        `Programação:`,
        sessionLines(e.sessions),
        `${EVENT_PAGE}: ${e.url}`,
      ].join("\n");
    }
  }
}
