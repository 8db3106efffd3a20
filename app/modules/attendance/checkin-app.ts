// The check-in page as an app installed on the organizer's phone. Browsers install a page only when
// its manifest names a start URL (Chromium refuses a manifest without one), and the app must open on
// the session's own check-in page, the one kept offline: so each session has its manifest, a pure
// function of the address (no database, no personal data: browsers fetch manifests without cookies).
import { SLUG_RE } from "~/modules/events/slug";

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const CHECKIN_THEME = "#1351b4";

export function checkinPagePath(slug: string, sessionId: string): string {
  return `/organizar/eventos/${slug}/checkin/${sessionId}`;
}

export function checkinManifestPath(slug: string, sessionId: string): string {
  return `${checkinPagePath(slug, sessionId)}/app.webmanifest`;
}

/** The web app manifest of a session's check-in page, or null for an address that cannot be one. */
export function checkinAppManifest(slug: string, sessionId: string) {
  if (!SLUG_RE.test(slug) || slug.length > 120 || !SESSION_ID.test(sessionId)) return null;
  const page = checkinPagePath(slug, sessionId);
  return {
    id: page,
    name: "Apoia SUAS — Check-in",
    short_name: "Check-in",
    description: "Registro de presença na porta das sessões presenciais do Apoia SUAS, também sem conexão.",
    lang: "pt-BR",
    dir: "ltr",
    start_url: page,
    scope: `/organizar/eventos/${slug}/checkin/`,
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: CHECKIN_THEME,
    icons: [
      { src: "/checkin-icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/checkin-icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/checkin-icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/checkin-icon-maskable.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
