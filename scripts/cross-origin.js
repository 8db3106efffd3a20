// Cross-site request forgery check for state-changing requests, in the manner of Go's
// net/http CrossOriginProtection: browsers say where a request comes from (Sec-Fetch-Site, or
// Origin); requests from another site are refused. Requests without either header do not come
// from a browser page (webhooks, curl) and carry no ambient cookie risk.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * @param {{ method: string, host: string, origin?: string, secFetchSite?: string, appUrl?: string }} req
 * @returns {"allow" | "deny"}
 */
export function crossOriginVerdict({ method, host, origin, secFetchSite, appUrl }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return "allow";
  if (secFetchSite) {
    return secFetchSite === "same-origin" || secFetchSite === "none" ? "allow" : "deny";
  }
  if (!origin) return "allow";
  if (origin === "null") return "deny";
  try {
    const o = new URL(origin);
    if (o.host === host) return "allow";
    if (appUrl && o.origin === new URL(appUrl).origin) return "allow";
  } catch {
    return "deny";
  }
  return "deny";
}
