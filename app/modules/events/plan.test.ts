import { describe, expect, it } from "vitest";

import type { Actor } from "~/modules/auth/actor";
import {
  ABAIRA,
  BAHIA,
  BAHIA_ORGANIZER,
  FEDERAL_ORGANIZER,
  FEIRA_DE_SANTANA,
  makeActor,
  PARTICIPANT,
  PERNAMBUCO,
  PETROLINA,
  RECIFE,
  SALVADOR,
  UNIAO,
} from "~/modules/test-fixtures";

import { eventSpan, MAX_SESSION_HOURS, MAX_WORKLOAD_HOURS, planErrors, type EventPlan } from "./plan";

const at = (iso: string) => new Date(iso);

/** A valid online national event of the Union: two sessions on 3 and 4 December 2026 (Brasília). */
function federalPlan(overrides: Partial<EventPlan> = {}): EventPlan {
  return {
    title: "Encontro Nacional de Gestores do SUAS",
    type: "ENCONTRO",
    scope: "NACIONAL",
    scopeRegion: null,
    format: "ONLINE",
    organizerEnte: UNIAO,
    timeZone: "America/Sao_Paulo",
    sessions: [
      { title: "Abertura", startsAt: at("2026-12-03T12:00:00Z"), endsAt: at("2026-12-03T15:00:00Z") },
      { title: "Oficinas", startsAt: at("2026-12-04T12:00:00Z"), endsAt: at("2026-12-04T20:00:00Z") },
    ],
    venueName: null,
    venueAddress: null,
    venueMunicipio: null,
    audience: { kind: "TODOS" },
    visibility: "PUBLICO",
    capacity: 500,
    invitationQuota: 2,
    registrationOpensAt: at("2026-11-01T11:00:00Z"),
    registrationClosesAt: at("2026-12-02T21:00:00Z"),
    workloadMinutes: 11 * 60,
    descriptionMd: "Programação completa em breve.",
    ...overrides,
  };
}

/** A valid on-site state event of Bahia in Salvador, open to Bahia and its municipalities. */
function bahiaPlan(overrides: Partial<EventPlan> = {}): EventPlan {
  return federalPlan({
    title: "Oficina estadual de vigilância socioassistencial",
    type: "OFICINA",
    scope: "ESTADUAL",
    format: "PRESENCIAL",
    organizerEnte: BAHIA,
    venueName: "Centro de Convenções",
    venueAddress: "Av. Octávio Mangabeira, s/n",
    venueMunicipio: SALVADOR,
    audience: { kind: "UF", uf: "BA" },
    ...overrides,
  });
}

describe("planErrors: valid plans", () => {
  it("finds nothing wrong with a complete federal plan", () => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan())).toEqual({});
  });

  it("finds nothing wrong with a complete state plan of Bahia", () => {
    expect(planErrors(BAHIA_ORGANIZER, bahiaPlan())).toEqual({});
  });

  it("accepts an unlimited capacity", () => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ capacity: null }))).toEqual({});
  });

  it("lets the Union hold a regional event for the states of a region", () => {
    const plan = federalPlan({ scope: "REGIONAL", scopeRegion: "Nordeste", audience: { kind: "REGIAO", region: "Nordeste" } });
    expect(planErrors(FEDERAL_ORGANIZER, plan)).toEqual({});
  });

  it("lets the Union hold an on-site event in any state", () => {
    const plan = federalPlan({ format: "HIBRIDO", venueName: "Auditório", venueAddress: "Rua da Aurora, 1", venueMunicipio: RECIFE });
    expect(planErrors(FEDERAL_ORGANIZER, plan)).toEqual({});
  });

  it("lets registrations close exactly when the last session ends", () => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ registrationClosesAt: at("2026-12-04T20:00:00Z") }))).toEqual({});
  });

  it(`accepts a session of exactly ${MAX_SESSION_HOURS} hours`, () => {
    const sessions = [{ title: null, startsAt: at("2026-12-03T12:00:00Z"), endsAt: at("2026-12-04T12:00:00Z") }];
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ sessions }))).toEqual({});
  });

  it(`accepts a workload of exactly ${MAX_WORKLOAD_HOURS} hours`, () => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ workloadMinutes: MAX_WORKLOAD_HOURS * 60 }))).toEqual({});
  });
});

describe("planErrors: the organizer", () => {
  it.each<[string, Actor, EventPlan]>([
    ["a state organizer plans for the Union", BAHIA_ORGANIZER, federalPlan()],
    ["the federal organizer plans for Bahia", FEDERAL_ORGANIZER, bahiaPlan()],
    ["a participant plans for the Union", PARTICIPANT, federalPlan()],
  ])("reports only the organizer when %s", (_case, actor, plan) => {
    expect(planErrors(actor, plan)).toEqual({ organizerEnteId: ["Você não organiza eventos em nome deste ente."] });
  });

  it("reports only the organizer even when the rest of the plan is also wrong", () => {
    const broken = federalPlan({ sessions: [], workloadMinutes: 0, format: "PRESENCIAL", scope: "REGIONAL" });
    expect(planErrors(BAHIA_ORGANIZER, broken)).toEqual({ organizerEnteId: ["Você não organiza eventos em nome deste ente."] });
  });

  it("refuses a municipality as organizer, even to a person listed as organizing it", () => {
    const municipalTeam = makeActor(SALVADOR, [SALVADOR]);
    const plan = bahiaPlan({ scope: "MUNICIPAL", organizerEnte: SALVADOR });
    expect(planErrors(municipalTeam, plan)).toEqual({ organizerEnteId: ["Você não organiza eventos em nome deste ente."] });
  });
});

describe("planErrors: what a state may plan", () => {
  it.each(["NACIONAL", "REGIONAL"] as const)("refuses the %s scope to Bahia", (scope) => {
    const errors = planErrors(BAHIA_ORGANIZER, bahiaPlan({ scope, scopeRegion: "Nordeste" }));
    expect(errors.scope).toEqual(["Um estado organiza eventos de abrangência estadual ou municipal/local."]);
  });

  it("lets Bahia plan a municipal/local event", () => {
    expect(planErrors(BAHIA_ORGANIZER, bahiaPlan({ scope: "MUNICIPAL" }))).toEqual({});
  });

  it.each([
    ["TODOS", { kind: "TODOS" }],
    ["REGIAO", { kind: "REGIAO", region: "Nordeste", includeMunicipios: true }],
  ] as const)("refuses the %s audience to Bahia", (_kind, audience) => {
    const errors = planErrors(BAHIA_ORGANIZER, bahiaPlan({ audience }));
    expect(errors.audienceKind).toEqual(["Um estado convida apenas o próprio estado e os seus municípios."]);
  });

  it("refuses to Bahia an audience of another UF", () => {
    const errors = planErrors(BAHIA_ORGANIZER, bahiaPlan({ audience: { kind: "UF", uf: "PE" } }));
    expect(errors.audienceUfId).toEqual(["O público-alvo precisa ser do seu estado (BA)."]);
  });

  it("refuses to Bahia a porte audience of another UF", () => {
    const errors = planErrors(BAHIA_ORGANIZER, bahiaPlan({ audience: { kind: "PORTE", portes: ["GRANDE"], uf: "PE" } }));
    expect(errors.audienceUfId).toEqual(["O público-alvo precisa ser do seu estado (BA)."]);
  });

  it("refuses to Bahia a porte audience of the whole country", () => {
    const errors = planErrors(BAHIA_ORGANIZER, bahiaPlan({ audience: { kind: "PORTE", portes: ["GRANDE"] } }));
    expect(errors.audienceUfId).toEqual(["O público-alvo precisa ser do seu estado (BA)."]);
  });

  it("lets Bahia invite municipalities of some portes of its own state", () => {
    expect(planErrors(BAHIA_ORGANIZER, bahiaPlan({ audience: { kind: "PORTE", portes: ["PP1", "PP2"], uf: "BA" } }))).toEqual({});
  });

  it("lets Bahia invite a list of its own municipalities and itself", () => {
    const listEntes = [BAHIA, SALVADOR, FEIRA_DE_SANTANA];
    const audience = { kind: "LISTA" as const, enteIds: listEntes.map((e) => e.id), listEntes };
    expect(planErrors(BAHIA_ORGANIZER, bahiaPlan({ audience }))).toEqual({});
  });

  it("refuses to Bahia a list with entes of other UFs and names them", () => {
    const listEntes = [SALVADOR, RECIFE, ABAIRA, PETROLINA];
    const audience = { kind: "LISTA" as const, enteIds: listEntes.map((e) => e.id), listEntes };
    const errors = planErrors(BAHIA_ORGANIZER, bahiaPlan({ audience }));
    expect(errors.audienceEntes).toEqual(["Só é possível convidar entes do seu estado (BA). Fora dele: Recife, Petrolina."]);
  });

  it("refuses to Bahia a list that includes the Union or another state", () => {
    const listEntes = [UNIAO, PERNAMBUCO, SALVADOR];
    const audience = { kind: "LISTA" as const, enteIds: listEntes.map((e) => e.id), listEntes };
    const errors = planErrors(BAHIA_ORGANIZER, bahiaPlan({ audience }));
    expect(errors.audienceEntes).toEqual(["Só é possível convidar entes do seu estado (BA). Fora dele: União, Pernambuco."]);
  });

  it("names at most five foreign entes of a list", () => {
    const foreign = Array.from({ length: 7 }, (_, i) => ({ ...RECIFE, id: `26000${i}`, name: `Município PE ${i + 1}` }));
    const audience = { kind: "LISTA" as const, enteIds: foreign.map((e) => e.id), listEntes: foreign };
    const [message] = planErrors(BAHIA_ORGANIZER, bahiaPlan({ audience })).audienceEntes ?? [];
    expect(message).toBe(
      "Só é possível convidar entes do seu estado (BA). Fora dele: Município PE 1, Município PE 2, Município PE 3, Município PE 4, Município PE 5.",
    );
  });

  it("refuses to Bahia a venue in another UF", () => {
    const errors = planErrors(BAHIA_ORGANIZER, bahiaPlan({ venueMunicipio: RECIFE }));
    expect(errors).toEqual({ venueMunicipio: ["O local precisa ficar em um município do seu estado (BA)."] });
  });
});

describe("planErrors: format, scope and audience details", () => {
  it.each(["PRESENCIAL", "HIBRIDO"] as const)("requires the venue's name, address and municipality for the %s format", (format) => {
    const errors = planErrors(FEDERAL_ORGANIZER, federalPlan({ format }));
    expect(errors).toEqual({
      venueName: ["Informe o nome do local (parte presencial)."],
      venueAddress: ["Informe o endereço do local (parte presencial)."],
      venueMunicipio: ["Informe o município do local (parte presencial)."],
    });
  });

  it("does not require a venue for an online event", () => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ format: "ONLINE" }))).not.toHaveProperty("venueName");
  });

  it("requires the region of a regional event", () => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ scope: "REGIONAL", scopeRegion: null }))).toEqual({
      scopeRegion: ["Escolha a região do evento regional."],
    });
  });

  it.each([
    ["REGIAO", { kind: "REGIAO", region: null }, "audienceRegion", "Escolha a região do público-alvo."],
    ["UF", { kind: "UF", uf: null }, "audienceUfId", "Escolha o estado do público-alvo."],
    ["PORTE", { kind: "PORTE", portes: [] }, "audiencePortes", "Marque ao menos um porte."],
    ["LISTA", { kind: "LISTA", enteIds: [] }, "audienceEntes", "Informe ao menos um ente."],
  ] as const)("requires the details of a %s audience", (_kind, audience, field, message) => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ audience }))).toEqual({ [field]: [message] });
  });
});

describe("planErrors: sessions", () => {
  const session = (startsAt: string, endsAt: string) => ({ title: null, startsAt: at(startsAt), endsAt: at(endsAt) });

  it("requires at least one session", () => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ sessions: [] }))).toEqual({ sessions: ["Inclua ao menos uma sessão."] });
  });

  it("refuses a session that ends before it starts, pointing at that session", () => {
    const sessions = [session("2026-12-03T12:00:00Z", "2026-12-03T15:00:00Z"), session("2026-12-04T12:00:00Z", "2026-12-04T11:00:00Z")];
    const plan = federalPlan({ sessions, registrationClosesAt: at("2026-12-02T21:00:00Z") });
    expect(planErrors(FEDERAL_ORGANIZER, plan)).toEqual({ "sessions[1].end": ["O fim deve ser depois do início."] });
  });

  it("refuses a session that ends when it starts", () => {
    const sessions = [session("2026-12-03T12:00:00Z", "2026-12-03T12:00:00Z")];
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ sessions }))).toEqual({ "sessions[0].end": ["O fim deve ser depois do início."] });
  });

  it(`refuses a session longer than ${MAX_SESSION_HOURS} hours`, () => {
    const sessions = [session("2026-12-03T12:00:00Z", "2026-12-04T12:01:00Z")];
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ sessions }))).toEqual({
      "sessions[0].end": ["Uma sessão dura no máximo 24 horas."],
    });
  });
});

describe("planErrors: registration window", () => {
  it("refuses registrations that close before they open", () => {
    const plan = federalPlan({ registrationOpensAt: at("2026-12-02T21:00:00Z"), registrationClosesAt: at("2026-11-01T11:00:00Z") });
    expect(planErrors(FEDERAL_ORGANIZER, plan)).toEqual({ registrationClosesAt: ["O fim das inscrições deve ser depois do início."] });
  });

  it("refuses registrations that close the moment they open", () => {
    const plan = federalPlan({ registrationOpensAt: at("2026-11-01T11:00:00Z"), registrationClosesAt: at("2026-11-01T11:00:00Z") });
    expect(planErrors(FEDERAL_ORGANIZER, plan)).toEqual({ registrationClosesAt: ["O fim das inscrições deve ser depois do início."] });
  });

  it("refuses registrations that close after the last session ends", () => {
    const plan = federalPlan({ registrationClosesAt: at("2026-12-04T20:01:00Z") });
    expect(planErrors(FEDERAL_ORGANIZER, plan)).toEqual({
      registrationClosesAt: ["As inscrições devem terminar até o fim da última sessão."],
    });
  });

  it("lets registrations stay open during the event, until the last session ends", () => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ registrationClosesAt: at("2026-12-04T13:00:00Z") }))).toEqual({});
  });
});

describe("planErrors: workload and capacity", () => {
  it("requires a workload", () => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ workloadMinutes: 0 }))).toEqual({ workloadHours: ["Informe a carga horária."] });
  });

  it(`refuses a workload over ${MAX_WORKLOAD_HOURS} hours`, () => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ workloadMinutes: MAX_WORKLOAD_HOURS * 60 + 1 }))).toEqual({
      workloadHours: ["A carga horária máxima é 2000 horas."],
    });
  });

  it("refuses a capacity of zero seats", () => {
    expect(planErrors(FEDERAL_ORGANIZER, federalPlan({ capacity: 0 }))).toEqual({ capacity: ["A capacidade deve ser de ao menos 1 vaga."] });
  });
});

describe("planErrors: several problems at once", () => {
  it("reports every problem of a state plan, each under its field", () => {
    const plan = bahiaPlan({
      scope: "NACIONAL",
      audience: { kind: "TODOS" },
      venueMunicipio: RECIFE,
      workloadMinutes: 0,
    });
    expect(planErrors(BAHIA_ORGANIZER, plan)).toEqual({
      scope: ["Um estado organiza eventos de abrangência estadual ou municipal/local."],
      audienceKind: ["Um estado convida apenas o próprio estado e os seus municípios."],
      venueMunicipio: ["O local precisa ficar em um município do seu estado (BA)."],
      workloadHours: ["Informe a carga horária."],
    });
  });
});

describe("eventSpan", () => {
  it("goes from the start of the earliest session to the end of the latest", () => {
    const span = eventSpan([
      { startsAt: at("2026-12-04T12:00:00Z"), endsAt: at("2026-12-04T20:00:00Z") },
      { startsAt: at("2026-12-03T12:00:00Z"), endsAt: at("2026-12-03T15:00:00Z") },
      { startsAt: at("2026-12-05T12:00:00Z"), endsAt: at("2026-12-05T14:00:00Z") },
    ]);
    expect(span).toEqual({ startsAt: at("2026-12-03T12:00:00Z"), endsAt: at("2026-12-05T14:00:00Z") });
  });

  it("takes the latest end even when a longer session starts earlier", () => {
    const span = eventSpan([
      { startsAt: at("2026-12-03T08:00:00Z"), endsAt: at("2026-12-03T23:00:00Z") },
      { startsAt: at("2026-12-03T12:00:00Z"), endsAt: at("2026-12-03T13:00:00Z") },
    ]);
    expect(span).toEqual({ startsAt: at("2026-12-03T08:00:00Z"), endsAt: at("2026-12-03T23:00:00Z") });
  });

  it("is the session itself for a single session", () => {
    const only = { startsAt: at("2026-12-03T12:00:00Z"), endsAt: at("2026-12-03T15:00:00Z") };
    expect(eventSpan([only])).toEqual(only);
  });
});
