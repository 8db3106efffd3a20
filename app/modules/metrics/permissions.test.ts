import { describe, expect, it } from "vitest";

import type { Actor } from "~/modules/auth/actor";
import { BAHIA, BAHIA_ORGANIZER, FEDERAL_ORGANIZER, makeActor, PARTICIPANT, PERNAMBUCO_ORGANIZER, SALVADOR } from "~/modules/test-fixtures";

import { canOnMetrics, canSeeEnteAggregates, METRICS_ACTIONS, type MetricsAction } from "./permissions";

type ActorName = "the federal organizer" | "the Bahia organizer" | "the Pernambuco organizer" | "a plain participant" | "an anonymous visitor";
const ACTORS: Record<ActorName, Actor | null> = {
  "the federal organizer": FEDERAL_ORGANIZER,
  "the Bahia organizer": BAHIA_ORGANIZER,
  "the Pernambuco organizer": PERNAMBUCO_ORGANIZER,
  "a plain participant": PARTICIPANT,
  "an anonymous visitor": null,
};
type Target = "Brazil as a whole" | "Bahia";
const TARGETS: Record<Target, { uf?: string }> = { "Brazil as a whole": {}, Bahia: { uf: "BA" } };
const PHRASES: Record<MetricsAction, string> = {
  see_national: "see the national dashboard of",
  see_uf: "see the state dashboard of",
  see_priorities: "see the priority list of",
  see_ente_names: "see the names of the participants from",
  invite_from_priorities: "invite from the priority list of",
};

function expected(actor: ActorName, action: MetricsAction, target: Target): boolean {
  if (actor === "the federal organizer") return true;
  if (actor === "the Bahia organizer") return target === "Bahia" && action !== "see_national";
  return false;
}

const matrix = (Object.keys(ACTORS) as ActorName[]).flatMap((actor) =>
  (Object.keys(TARGETS) as Target[]).flatMap((target) =>
    METRICS_ACTIONS.map((action) => {
      const allowed = expected(actor, action, target);
      return [actor, allowed ? "may" : "may not", PHRASES[action], target, action, allowed] as const;
    }),
  ),
);

describe("canOnMetrics permission matrix", () => {
  it("covers every actor × action × target", () => {
    expect(matrix).toHaveLength(5 * 2 * METRICS_ACTIONS.length);
  });

  it.each(matrix)("%s %s %s %s", (actor, _verdict, _phrase, target, action, allowed) => {
    expect(canOnMetrics(ACTORS[actor], action, TARGETS[target])).toBe(allowed);
  });
});

describe("metrics rules in words", () => {
  it("keeps a state team that also organizes another state within the states it organizes", () => {
    const both = makeActor(BAHIA, [BAHIA, { ...BAHIA, id: "26", uf: "PE", name: "Pernambuco" }]);
    expect(canOnMetrics(both, "see_uf", { uf: "PE" })).toBe(true);
    expect(canOnMetrics(both, "see_uf", { uf: "SP" })).toBe(false);
  });

  it("makes the aggregate figures of any ente public, even to an anonymous visitor", () => {
    expect(canSeeEnteAggregates()).toBe(true);
    expect(canOnMetrics(makeActor(SALVADOR, []), "see_ente_names", { uf: "BA" })).toBe(false);
  });
});
