import { describe, expect, it } from "vitest";

import type { Actor } from "~/modules/auth/actor";
import {
  ABAIRA,
  AMAZONAS,
  BAHIA,
  BAHIA_ORGANIZER,
  FEDERAL_ORGANIZER,
  makeActor,
  PARTICIPANT,
  PERNAMBUCO,
  PERNAMBUCO_ORGANIZER,
  SALVADOR,
  UNIAO,
} from "~/modules/test-fixtures";

import { canCreateEventFor, canOnEvent, EVENT_ACTIONS, organizableEntes, type EventAction } from "./permissions";

type ActorName =
  | "the federal organizer"
  | "the Bahia organizer"
  | "the Pernambuco organizer"
  | "a plain participant"
  | "an anonymous visitor";
const ACTORS: Record<ActorName, Actor | null> = {
  "the federal organizer": FEDERAL_ORGANIZER,
  "the Bahia organizer": BAHIA_ORGANIZER,
  "the Pernambuco organizer": PERNAMBUCO_ORGANIZER,
  "a plain participant": PARTICIPANT,
  "an anonymous visitor": null,
};

/** How each action reads in a test name: "<actor> may <phrase> an event of <owner>". */
const ACTION_PHRASES: Record<EventAction, string> = {
  view_draft: "view the draft of",
  edit: "edit",
  publish: "publish",
  cancel: "cancel",
  duplicate: "duplicate",
  see_participants: "see the participants of",
  export_participants: "export the participants of",
  remove_registration: "remove a registration from",
};

type Owner = "the Union" | "Bahia";
const OWNERS: Record<Owner, { organizerEnteId: string }> = {
  "the Union": { organizerEnteId: UNIAO.id },
  Bahia: { organizerEnteId: BAHIA.id },
};

const FEDERAL_OVERSIGHT: EventAction[] = ["see_participants", "export_participants"];

/** The rule, written as a table: who may do what on an event of each owner. */
function expected(actor: ActorName, action: EventAction, owner: Owner): boolean {
  const ownsIt = (actor === "the federal organizer" && owner === "the Union") || (actor === "the Bahia organizer" && owner === "Bahia");
  if (ownsIt) return true;
  return actor === "the federal organizer" && FEDERAL_OVERSIGHT.includes(action);
}

const matrix = (Object.keys(ACTORS) as ActorName[]).flatMap((actor) =>
  (Object.keys(OWNERS) as Owner[]).flatMap((owner) =>
    EVENT_ACTIONS.map((action) => {
      const allowed = expected(actor, action, owner);
      return [actor, allowed ? "may" : "may not", ACTION_PHRASES[action], owner, action, allowed] as const;
    }),
  ),
);

describe("canOnEvent permission matrix", () => {
  it("covers every actor × action × owner", () => {
    expect(matrix).toHaveLength(5 * 2 * EVENT_ACTIONS.length);
  });

  it.each(matrix)("%s %s %s an event of %s", (actor, _verdict, _phrase, owner, action, allowed) => {
    expect(canOnEvent(ACTORS[actor], action, OWNERS[owner])).toBe(allowed);
  });
});

describe("canOnEvent rules in words", () => {
  it("lets the federal team see and export the participants of a state event", () => {
    expect(canOnEvent(FEDERAL_ORGANIZER, "see_participants", OWNERS.Bahia)).toBe(true);
    expect(canOnEvent(FEDERAL_ORGANIZER, "export_participants", OWNERS.Bahia)).toBe(true);
  });

  it("does not let the federal team edit, publish, cancel, duplicate or remove registrations of a state event", () => {
    for (const action of ["view_draft", "edit", "publish", "cancel", "duplicate", "remove_registration"] as const) {
      expect(canOnEvent(FEDERAL_ORGANIZER, action, OWNERS.Bahia)).toBe(false);
    }
  });

  it("does not let a state team see the participants of a federal event", () => {
    expect(canOnEvent(BAHIA_ORGANIZER, "see_participants", OWNERS["the Union"])).toBe(false);
  });

  it("does not let an administrator who organizes nothing manage events", () => {
    const admin = makeActor(SALVADOR, [], { isAdmin: true });
    for (const action of EVENT_ACTIONS) expect(canOnEvent(admin, action, OWNERS.Bahia)).toBe(false);
  });

  it("lets a person who organizes for both the Union and Bahia manage the events of both", () => {
    const both = makeActor(UNIAO, [UNIAO, BAHIA]);
    for (const action of EVENT_ACTIONS) {
      expect(canOnEvent(both, action, OWNERS.Bahia)).toBe(true);
      expect(canOnEvent(both, action, OWNERS["the Union"])).toBe(true);
    }
  });

  it("treats undefined like an anonymous visitor", () => {
    for (const action of EVENT_ACTIONS) expect(canOnEvent(undefined, action, OWNERS["the Union"])).toBe(false);
  });
});

describe("canCreateEventFor matrix", () => {
  const ENTES = { "the Union": UNIAO, Bahia: BAHIA, Pernambuco: PERNAMBUCO, Amazonas: AMAZONAS, Salvador: SALVADOR };
  type EnteName = keyof typeof ENTES;
  const may: Record<ActorName, EnteName[]> = {
    "the federal organizer": ["the Union"],
    "the Bahia organizer": ["Bahia"],
    "the Pernambuco organizer": ["Pernambuco"],
    "a plain participant": [],
    "an anonymous visitor": [],
  };
  const table = (Object.keys(ACTORS) as ActorName[]).flatMap((actor) =>
    (Object.keys(ENTES) as EnteName[]).map((ente) => {
      const allowed = may[actor].includes(ente);
      return [actor, allowed ? "may" : "may not", ente, allowed] as const;
    }),
  );

  it.each(table)("%s %s create an event on behalf of %s", (actor, _verdict, ente, allowed) => {
    expect(canCreateEventFor(ACTORS[actor], ENTES[ente])).toBe(allowed);
  });

  it("never allows a municipality as organizer, even for a person listed as organizing it", () => {
    const municipalOrganizer = makeActor(ABAIRA, [ABAIRA]);
    expect(canCreateEventFor(municipalOrganizer, ABAIRA)).toBe(false);
  });
});

describe("organizableEntes", () => {
  it("lists the Union and UFs the person organizes for", () => {
    expect(organizableEntes(makeActor(UNIAO, [UNIAO, BAHIA]))).toEqual([UNIAO, BAHIA]);
  });

  it("leaves out municipalities", () => {
    expect(organizableEntes(makeActor(ABAIRA, [ABAIRA, BAHIA]))).toEqual([BAHIA]);
  });

  it("is empty for participants and anonymous visitors", () => {
    expect(organizableEntes(PARTICIPANT)).toEqual([]);
    expect(organizableEntes(null)).toEqual([]);
  });
});
