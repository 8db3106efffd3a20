import { describe, expect, it } from "vitest";

import {
  registrationAvailability,
  seatsLeft,
  seatsToPromote,
  statusForNewRequest,
  type RegistrationStatus,
  type RegistrationWindow,
} from "./rules";

describe("statusForNewRequest", () => {
  it("confirms every request when the event has no seat limit", () => {
    expect(statusForNewRequest({ capacity: null, confirmed: 10_000, waiting: 0 })).toBe("CONFIRMADA");
  });

  it("confirms a request when a seat is free and nobody is waiting", () => {
    expect(statusForNewRequest({ capacity: 30, confirmed: 29, waiting: 0 })).toBe("CONFIRMADA");
    expect(statusForNewRequest({ capacity: 1, confirmed: 0, waiting: 0 })).toBe("CONFIRMADA");
  });

  it("puts a request on the waitlist when a seat is free but others are already waiting (first come, first served)", () => {
    expect(statusForNewRequest({ capacity: 30, confirmed: 29, waiting: 2 })).toBe("ESPERA");
  });

  it("puts a request on the waitlist when every seat is taken", () => {
    expect(statusForNewRequest({ capacity: 30, confirmed: 30, waiting: 0 })).toBe("ESPERA");
  });

  it("puts a request on the waitlist when more are confirmed than the capacity (capacity was reduced)", () => {
    expect(statusForNewRequest({ capacity: 20, confirmed: 25, waiting: 0 })).toBe("ESPERA");
  });
});

describe("seatsToPromote", () => {
  it("promotes nobody when nobody is waiting", () => {
    expect(seatsToPromote({ capacity: 30, confirmed: 10, waiting: 0 })).toBe(0);
    expect(seatsToPromote({ capacity: null, confirmed: 10, waiting: 0 })).toBe(0);
  });

  it("promotes everyone waiting when the seat limit is removed", () => {
    expect(seatsToPromote({ capacity: null, confirmed: 30, waiting: 7 })).toBe(7);
  });

  it("promotes as many as there are free seats", () => {
    expect(seatsToPromote({ capacity: 30, confirmed: 28, waiting: 5 })).toBe(2);
  });

  it("promotes everyone waiting when there are more free seats than people waiting", () => {
    expect(seatsToPromote({ capacity: 50, confirmed: 28, waiting: 5 })).toBe(5);
  });

  it("promotes nobody when the event is full or over capacity", () => {
    expect(seatsToPromote({ capacity: 30, confirmed: 30, waiting: 5 })).toBe(0);
    expect(seatsToPromote({ capacity: 20, confirmed: 25, waiting: 5 })).toBe(0);
  });
});

describe("seatsLeft", () => {
  it("has no count when the event has no seat limit", () => {
    expect(seatsLeft({ capacity: null, confirmed: 10 })).toBeNull();
  });

  it("counts the free seats", () => {
    expect(seatsLeft({ capacity: 30, confirmed: 12 })).toBe(18);
    expect(seatsLeft({ capacity: 30, confirmed: 30 })).toBe(0);
  });

  it("never goes below zero when more are confirmed than the capacity", () => {
    expect(seatsLeft({ capacity: 20, confirmed: 25 })).toBe(0);
  });
});

describe("registrationAvailability", () => {
  const opens = new Date("2026-11-01T11:00:00Z"); // 08:00 in Brasília, 06:00 in Acre
  const closes = new Date("2026-12-02T21:00:00Z"); // 18:00 in Brasília, 16:00 in Acre
  const during = new Date("2026-11-15T15:00:00Z");
  const published: RegistrationWindow = {
    status: "PUBLICADO",
    registrationOpensAt: opens,
    registrationClosesAt: closes,
    timeZone: "America/Sao_Paulo",
  };
  const ask = (overrides: Partial<Parameters<typeof registrationAvailability>[0]> = {}) =>
    registrationAvailability({ event: published, now: during, signedIn: true, inAudience: true, current: null, ...overrides });

  it("lets a signed-in person of the audience register while registrations are open", () => {
    expect(ask()).toEqual({ ok: true });
  });

  it("lets a person who cancelled her registration register again", () => {
    expect(ask({ current: "CANCELADA" })).toEqual({ ok: true });
  });

  it("lets a person register at the very moment registrations open", () => {
    expect(ask({ now: opens })).toEqual({ ok: true });
  });

  it("refuses a cancelled event", () => {
    expect(ask({ event: { ...published, status: "CANCELADO" } })).toEqual({
      ok: false,
      reason: "cancelled",
      message: "Este evento foi cancelado.",
    });
  });

  it("refuses an event that is still a draft", () => {
    expect(ask({ event: { ...published, status: "RASCUNHO" } })).toEqual({
      ok: false,
      reason: "draft",
      message: "Este evento ainda não foi publicado.",
    });
  });

  it("tells a person with a confirmed registration that she is already registered", () => {
    expect(ask({ current: "CONFIRMADA" })).toEqual({ ok: false, reason: "already", message: "Sua inscrição está confirmada." });
  });

  it("tells a person on the waitlist that she is already waiting", () => {
    expect(ask({ current: "ESPERA" })).toEqual({ ok: false, reason: "already", message: "Você está na lista de espera." });
  });

  it("refuses a person removed by the organizers", () => {
    expect(ask({ current: "REMOVIDA" })).toEqual({
      ok: false,
      reason: "removed",
      message: "Sua inscrição foi removida pela organização. Em caso de dúvida, fale com a organização do evento.",
    });
  });

  it("says when registrations open, in the event's own time zone", () => {
    const early = new Date("2026-10-20T12:00:00Z");
    expect(ask({ now: early })).toEqual({ ok: false, reason: "not_open", message: "As inscrições abrem em 01/11/2026 às 08:00." });
    expect(ask({ now: early, event: { ...published, timeZone: "America/Rio_Branco" } })).toEqual({
      ok: false,
      reason: "not_open",
      message: "As inscrições abrem em 01/11/2026 às 06:00.",
    });
  });

  it("says when registrations closed, in the event's own time zone", () => {
    expect(ask({ now: new Date("2026-12-03T12:00:00Z") })).toEqual({
      ok: false,
      reason: "closed",
      message: "As inscrições foram encerradas em 02/12/2026 às 18:00.",
    });
  });

  it("considers registrations closed at the very moment they close", () => {
    expect(ask({ now: closes })).toMatchObject({ ok: false, reason: "closed" });
  });

  it("asks an anonymous visitor to sign in", () => {
    expect(ask({ signedIn: false, inAudience: false })).toEqual({
      ok: false,
      reason: "anonymous",
      message: "Entre na sua conta para se inscrever.",
    });
  });

  it("explains to a person outside the audience that her ente is not invited, naming it", () => {
    expect(ask({ inAudience: false, enteName: "Recife (PE)" })).toEqual({
      ok: false,
      reason: "not_in_audience",
      message:
        "Este evento é destinado a outro público: Recife (PE) não faz parte do público-alvo, por isso a inscrição não está disponível para você.",
    });
  });

  it("says 'o seu ente' when the ente's name is not known", () => {
    const result = ask({ inAudience: false });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("o seu ente não faz parte do público-alvo");
  });

  describe("precedence of the reasons", () => {
    const early = new Date("2026-10-20T12:00:00Z");
    const everythingWrong = { now: early, signedIn: false, inAudience: false };

    it.each<[string, Parameters<typeof ask>[0], string]>([
      ["a cancelled event over everything else", { ...everythingWrong, event: { ...published, status: "CANCELADO" }, current: "REMOVIDA" }, "cancelled"],
      ["a draft over the person's registration and the window", { ...everythingWrong, event: { ...published, status: "RASCUNHO" }, current: "CONFIRMADA" }, "draft"],
      ["an existing registration over the window, sign-in and audience", { ...everythingWrong, current: "ESPERA" }, "already"],
      ["a removal over the window, sign-in and audience", { ...everythingWrong, current: "REMOVIDA" }, "removed"],
      ["registrations not yet open over sign-in and audience", everythingWrong, "not_open"],
      ["closed registrations over sign-in and audience", { ...everythingWrong, now: new Date("2026-12-10T00:00:00Z") }, "closed"],
      ["signing in over the audience", { signedIn: false, inAudience: false }, "anonymous"],
    ])("puts %s", (_case, overrides, reason) => {
      expect(ask(overrides)).toMatchObject({ ok: false, reason });
    });
  });

  it.each<RegistrationStatus>(["CONFIRMADA", "ESPERA", "REMOVIDA"])(
    "never lets a person whose registration is %s register a second time, even inside the window",
    (current) => {
      expect(ask({ current }).ok).toBe(false);
    },
  );
});
