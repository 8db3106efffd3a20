import { describe, expect, it } from "vitest";

import { diffEvent, type EventShape } from "./changes";

const base: EventShape = {
  title: "Oficina do PAIF",
  format: "PRESENCIAL",
  timeZone: "America/Sao_Paulo",
  venue: "Auditório — Salvador (BA)",
  sessions: [
    { id: "s1", title: "Manhã", startsAt: new Date("2026-12-03T12:00:00Z"), endsAt: new Date("2026-12-03T15:00:00Z") },
    { id: "s2", title: "", startsAt: new Date("2026-12-03T17:00:00Z"), endsAt: new Date("2026-12-03T20:00:00Z") },
  ],
};

describe("what changed in an event", () => {
  it("reports nothing, and no calendar update, when nothing changed", () => {
    expect(diffEvent(base, structuredClone(base))).toEqual({ changes: [], removedSessions: [], calendarChanged: false });
  });

  it("says which session moved, from when to when, in the event's zone", () => {
    const after = structuredClone(base);
    after.sessions[0] = { ...after.sessions[0]!, startsAt: new Date("2026-12-04T17:00:00Z"), endsAt: new Date("2026-12-04T20:00:00Z") };
    const d = diffEvent(base, after);
    expect(d.changes).toEqual([
      "Sessão 1 (Manhã): de quinta-feira, 3 de dezembro de 2026, das 09:00 às 12:00 para sexta-feira, 4 de dezembro de 2026, das 14:00 às 17:00.",
    ]);
    expect(d.calendarChanged).toBe(true);
  });

  it("lists a new venue and a new format", () => {
    const d = diffEvent(base, { ...base, format: "HIBRIDO", venue: "Centro de Convenções — Salvador (BA)" });
    expect(d.changes).toEqual([
      "Formato: de Presencial para Híbrido (presencial e online).",
      "Local: de “Auditório — Salvador (BA)” para “Centro de Convenções — Salvador (BA)”.",
    ]);
  });

  it("returns the removed sessions so their calendar entries can be cancelled, and announces new ones", () => {
    const after = structuredClone(base);
    after.sessions = [after.sessions[0]!, { id: "s3", title: "Tarde", startsAt: new Date("2026-12-05T17:00:00Z"), endsAt: new Date("2026-12-05T19:00:00Z") }];
    const d = diffEvent(base, after);
    expect(d.removedSessions.map((s) => s.id)).toEqual(["s2"]);
    expect(d.changes).toEqual([
      "Nova sessão — Sessão 2 (Tarde): sábado, 5 de dezembro de 2026, das 14:00 às 16:00.",
      "Sessão cancelada — sessão: quinta-feira, 3 de dezembro de 2026, das 14:00 às 17:00.",
    ]);
  });

  it("counts a new title as a change, since calendars show it", () => {
    expect(diffEvent(base, { ...base, title: "Oficina do PAIF — 2ª edição" }).changes).toEqual([
      "Título: de “Oficina do PAIF” para “Oficina do PAIF — 2ª edição”.",
    ]);
  });
});
