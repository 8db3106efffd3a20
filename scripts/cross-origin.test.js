import { describe, expect, it } from "vitest";

import { crossOriginVerdict } from "./cross-origin.js";

const host = "apoia.suas.gov.br";

describe("crossOriginVerdict", () => {
  it.each(["GET", "HEAD", "OPTIONS", "get"])("allows the safe method %s whatever the headers say", (method) => {
    expect(crossOriginVerdict({ method, host, origin: "https://malicioso.example", secFetchSite: "cross-site" })).toBe("allow");
  });

  it.each([
    ["cross-site", "deny"],
    ["same-site", "deny"],
    ["same-origin", "allow"],
    ["none", "allow"],
  ])("answers a POST with Sec-Fetch-Site %s with %s", (secFetchSite, verdict) => {
    expect(crossOriginVerdict({ method: "POST", host, secFetchSite })).toBe(verdict);
  });

  it("trusts Sec-Fetch-Site over Origin when a browser sends both", () => {
    expect(crossOriginVerdict({ method: "POST", host, origin: `https://${host}`, secFetchSite: "cross-site" })).toBe("deny");
    expect(crossOriginVerdict({ method: "POST", host, origin: "https://malicioso.example", secFetchSite: "same-origin" })).toBe("allow");
  });

  it("allows a POST whose Origin is the Host it was sent to", () => {
    expect(crossOriginVerdict({ method: "POST", host, origin: `https://${host}` })).toBe("allow");
    expect(crossOriginVerdict({ method: "POST", host: "localhost:3000", origin: "http://localhost:3000" })).toBe("allow");
  });

  it.each(["https://malicioso.example", "https://apoia.suas.gov.br.malicioso.example", "http://localhost:3001", "null", "não é url"])(
    "denies a POST from the origin %j",
    (origin) => {
      expect(crossOriginVerdict({ method: "POST", host, origin })).toBe("deny");
    },
  );

  it("allows a POST without Origin nor Sec-Fetch-Site (not sent by a browser page)", () => {
    expect(crossOriginVerdict({ method: "POST", host })).toBe("allow");
    expect(crossOriginVerdict({ method: "DELETE", host, origin: "", secFetchSite: "" })).toBe("allow");
  });

  it("allows the APP_URL origin behind a proxy that changes the Host", () => {
    const appUrl = "https://apoia.suas.gov.br/";
    expect(crossOriginVerdict({ method: "POST", host: "127.0.0.1:3000", origin: "https://apoia.suas.gov.br", appUrl })).toBe("allow");
    expect(crossOriginVerdict({ method: "POST", host: "127.0.0.1:3000", origin: "http://apoia.suas.gov.br", appUrl })).toBe("deny");
    expect(crossOriginVerdict({ method: "POST", host: "127.0.0.1:3000", origin: "https://malicioso.example", appUrl })).toBe("deny");
  });
});
