import { describe, expect, it } from "vitest";

import { invitationToken, linkIdOf } from "./tokens.server";

describe("invitation links", () => {
  it("carry their id and a MAC that only the server can make", () => {
    const token = invitationToken("cm1a2b3c4d5e6f7g8h9i0j");
    expect(token).toMatch(/^cm1a2b3c4d5e6f7g8h9i0j\.[A-Za-z0-9_-]{32}$/);
    expect(linkIdOf(token)).toBe("cm1a2b3c4d5e6f7g8h9i0j");
    expect(invitationToken("cm1a2b3c4d5e6f7g8h9i0j")).toBe(token);
  });

  it("refuse a forged, altered, truncated or malformed token", () => {
    const token = invitationToken("cm1a2b3c4d5e6f7g8h9i0j");
    expect(linkIdOf(token.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).toBeNull();
    expect(linkIdOf(`cmoutroidqualquer123.${token.split(".")[1]}`)).toBeNull();
    expect(linkIdOf(token.slice(0, -3))).toBeNull();
    expect(linkIdOf("")).toBeNull();
    expect(linkIdOf("../../etc/passwd")).toBeNull();
  });
});
