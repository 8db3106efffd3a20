import { describe, expect, it } from "vitest";

import type { Actor } from "~/modules/auth/actor";
import { BAHIA, BAHIA_ORGANIZER, FEDERAL_ORGANIZER, makeActor, PARTICIPANT, PERNAMBUCO_ORGANIZER, SALVADOR, UNIAO } from "~/modules/test-fixtures";

import { canOnCertificates, CERTIFICATE_ACTIONS, type CertificateAction } from "./permissions";

type ActorName = "the federal organizer" | "the Bahia organizer" | "the Pernambuco organizer" | "the holder" | "another participant" | "an anonymous visitor";
const HOLDER = PARTICIPANT;
const ACTORS: Record<ActorName, Actor | null> = {
  "the federal organizer": FEDERAL_ORGANIZER,
  "the Bahia organizer": BAHIA_ORGANIZER,
  "the Pernambuco organizer": PERNAMBUCO_ORGANIZER,
  "the holder": HOLDER,
  "another participant": makeActor(SALVADOR, [], { userId: "someone-else" }),
  "an anonymous visitor": null,
};

const ACTION_PHRASES: Record<CertificateAction, string> = {
  check_in: "check people in at",
  see_presence: "see the presence table of",
  adjust_presence: "adjust a person's presence in",
  configure: "set the certificate rule of",
  issue: "issue the certificates of",
  revoke: "revoke a certificate of",
  reissue: "reissue a certificate of",
  download: "download the holder's certificate of",
};

type Owner = "the Union" | "Bahia";
const OWNERS: Record<Owner, { organizerEnteId: string; holderUserId: string }> = {
  "the Union": { organizerEnteId: UNIAO.id, holderUserId: HOLDER.userId },
  Bahia: { organizerEnteId: BAHIA.id, holderUserId: HOLDER.userId },
};

/** The rule, written as a table. */
function expected(actor: ActorName, action: CertificateAction, owner: Owner): boolean {
  const ownsIt = (actor === "the federal organizer" && owner === "the Union") || (actor === "the Bahia organizer" && owner === "Bahia");
  if (ownsIt) return true;
  if (action === "see_presence") return actor === "the federal organizer";
  if (action === "download") return actor === "the holder";
  return false;
}

const matrix = (Object.keys(ACTORS) as ActorName[]).flatMap((actor) =>
  (Object.keys(OWNERS) as Owner[]).flatMap((owner) =>
    CERTIFICATE_ACTIONS.map((action) => {
      const allowed = expected(actor, action, owner);
      return [actor, allowed ? "may" : "may not", ACTION_PHRASES[action], owner, action, allowed] as const;
    }),
  ),
);

describe("canOnCertificates permission matrix", () => {
  it("covers every actor × action × owner", () => {
    expect(matrix).toHaveLength(6 * 2 * CERTIFICATE_ACTIONS.length);
  });

  it.each(matrix)("%s %s %s an event of %s", (actor, _verdict, _phrase, owner, action, allowed) => {
    expect(canOnCertificates(ACTORS[actor], action, OWNERS[owner])).toBe(allowed);
  });
});

describe("canOnCertificates rules in words", () => {
  it("lets the federal team watch presence in a state event but not change it or its certificates", () => {
    expect(canOnCertificates(FEDERAL_ORGANIZER, "see_presence", OWNERS.Bahia)).toBe(true);
    for (const action of ["check_in", "adjust_presence", "configure", "issue", "revoke", "reissue", "download"] as const) {
      expect(canOnCertificates(FEDERAL_ORGANIZER, action, OWNERS.Bahia)).toBe(false);
    }
  });

  it("does not let a person download a certificate when there is no holder to compare with", () => {
    expect(canOnCertificates(HOLDER, "download", { organizerEnteId: BAHIA.id, holderUserId: null })).toBe(false);
  });

  it("does not let an administrator who organizes nothing manage certificates", () => {
    const admin = makeActor(SALVADOR, [], { isAdmin: true, userId: "admin" });
    for (const action of CERTIFICATE_ACTIONS) expect(canOnCertificates(admin, action, OWNERS.Bahia)).toBe(false);
  });
});
