import { describe, expect, it } from "vitest";

import { BAHIA, BAHIA_ORGANIZER, FEDERAL_ORGANIZER, makeActor, PERNAMBUCO, RECIFE, SALVADOR, UNIAO } from "~/modules/test-fixtures";

import { canInviteEnte, canInvitePeople, canNominateFor, canSeeInvitations } from "./permissions";

const unionEvent = { organizerEnteId: "BR" };
const bahiaEvent = { organizerEnteId: "29" };
const PE_ORGANIZER = makeActor(PERNAMBUCO, [PERNAMBUCO]);
const participant = makeActor(SALVADOR);

describe("who may invite which ente", () => {
  it.each([
    ["the federal team", FEDERAL_ORGANIZER, unionEvent, BAHIA, true],
    ["the federal team", FEDERAL_ORGANIZER, unionEvent, RECIFE, true],
    ["the federal team", FEDERAL_ORGANIZER, unionEvent, UNIAO, false],
    ["the federal team", FEDERAL_ORGANIZER, bahiaEvent, SALVADOR, false],
    ["the Bahia team", BAHIA_ORGANIZER, bahiaEvent, SALVADOR, true],
    ["the Bahia team", BAHIA_ORGANIZER, bahiaEvent, BAHIA, true],
    ["the Bahia team", BAHIA_ORGANIZER, bahiaEvent, RECIFE, false],
    ["the Bahia team", BAHIA_ORGANIZER, bahiaEvent, PERNAMBUCO, false],
    ["the Bahia team", BAHIA_ORGANIZER, unionEvent, SALVADOR, false],
    ["the Pernambuco team", PE_ORGANIZER, bahiaEvent, SALVADOR, false],
    ["a participant", participant, bahiaEvent, SALVADOR, false],
    ["nobody signed in", null, bahiaEvent, SALVADOR, false],
  ] as const)("%s → event of %j, inviting %j: %s", (_who, actor, event, ente, expected) => {
    expect(canInviteEnte(actor, event, ente)).toBe(expected);
  });

  it("lets only the event's organizers invite people by e-mail", () => {
    expect(canInvitePeople(BAHIA_ORGANIZER, bahiaEvent)).toBe(true);
    expect(canInvitePeople(FEDERAL_ORGANIZER, bahiaEvent)).toBe(false);
    expect(canInvitePeople(PE_ORGANIZER, bahiaEvent)).toBe(false);
    expect(canInvitePeople(null, bahiaEvent)).toBe(false);
  });

  it("shows a state's invitation lists only to its organizers and to the federal team", () => {
    expect(canSeeInvitations(BAHIA_ORGANIZER, bahiaEvent)).toBe(true);
    expect(canSeeInvitations(FEDERAL_ORGANIZER, bahiaEvent)).toBe(true);
    expect(canSeeInvitations(PE_ORGANIZER, bahiaEvent)).toBe(false);
    expect(canSeeInvitations(participant, bahiaEvent)).toBe(false);
  });
});

describe("who may nominate on an ente's seats", () => {
  const gestora = makeActor(SALVADOR, [], { roleInEnte: "GESTOR" });
  const tecnica = makeActor(SALVADOR, [], { roleInEnte: "TECNICO" });
  it("lets a gestor of the invited ente nominate, and a technician only once she accepted its invitation", () => {
    expect(canNominateFor(gestora, SALVADOR, { acceptedByActor: false })).toBe(true);
    expect(canNominateFor(tecnica, SALVADOR, { acceptedByActor: false })).toBe(false);
    expect(canNominateFor(tecnica, SALVADOR, { acceptedByActor: true })).toBe(true);
  });

  it("never lets someone of another ente nominate", () => {
    expect(canNominateFor(makeActor(RECIFE, [], { roleInEnte: "GESTOR" }), SALVADOR, { acceptedByActor: true })).toBe(false);
    expect(canNominateFor(null, SALVADOR, { acceptedByActor: true })).toBe(false);
  });
});
