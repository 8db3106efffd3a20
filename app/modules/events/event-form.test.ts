import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";

import { eventFormSchema, MAX_SESSIONS, splitEnteList } from "./event-form";

type Fields = Record<string, string | string[] | undefined>;

/** FormData as the browser sends it: repeated names for checkboxes, `sessions[i].x` for lists. */
function formData(fields: Fields): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

const COMPLETE: Fields = {
  title: "  Encontro Nacional de Gestores do SUAS ",
  type: "ENCONTRO",
  scope: "NACIONAL",
  format: "HIBRIDO",
  organizerEnteId: "BR",
  timeZone: "America/Sao_Paulo",
  "sessions[0].title": "Abertura",
  "sessions[0].date": "2026-12-03",
  "sessions[0].start": "09:00",
  "sessions[0].end": "12:00",
  "sessions[1].title": "",
  "sessions[1].date": "2026-12-04",
  "sessions[1].start": "14:00",
  "sessions[1].end": "18:30",
  venueName: "Auditório do MDS",
  venueAddress: "Esplanada dos Ministérios, Bloco A",
  venueMunicipio: "5300108",
  venueMunicipioBusca: "Brasília (DF)",
  audienceKind: "PORTE",
  audiencePortes: ["PP1", "PP2"],
  audienceUfId: "29",
  visibility: "PUBLICO",
  capacity: "120",
  registrationOpensAt: "2026-11-01T08:00",
  registrationClosesAt: "2026-12-02T18:00",
  workloadHours: "4,5",
  descriptionMd: "## Programação\n\nEm breve.",
};

const parse = (overrides: Fields = {}) => parseWithZod(formData({ ...COMPLETE, ...overrides }), { schema: eventFormSchema });

/** The field errors of a submission that is expected to fail. */
function errorsOf(overrides: Fields): Record<string, string[] | null> {
  const submission = parse(overrides);
  expect(submission.status).toBe("error");
  if (submission.status !== "error") throw new Error("the submission was expected to fail");
  return submission.error ?? {};
}

describe("eventFormSchema", () => {
  it("parses a complete submission into typed values", () => {
    const submission = parse();
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toEqual({
      title: "Encontro Nacional de Gestores do SUAS",
      type: "ENCONTRO",
      scope: "NACIONAL",
      format: "HIBRIDO",
      organizerEnteId: "BR",
      timeZone: "America/Sao_Paulo",
      sessions: [
        { title: "Abertura", date: "2026-12-03", start: "09:00", end: "12:00" },
        { title: undefined, date: "2026-12-04", start: "14:00", end: "18:30" },
      ],
      venueName: "Auditório do MDS",
      venueAddress: "Esplanada dos Ministérios, Bloco A",
      venueMunicipio: "5300108",
      venueMunicipioBusca: "Brasília (DF)",
      audienceKind: "PORTE",
      audiencePortes: ["PP1", "PP2"],
      audienceUfId: "29",
      visibility: "PUBLICO",
      capacity: 120,
      registrationOpensAt: "2026-11-01T08:00",
      registrationClosesAt: "2026-12-02T18:00",
      workloadHours: 270,
      descriptionMd: "## Programação\n\nEm breve.",
    });
  });

  it("reads a checked 'include municipalities' box as true", () => {
    const submission = parse({ audienceKind: "REGIAO", audienceRegion: "Nordeste", audienceIncludeMunicipios: "on" });
    expect(submission.status === "success" && submission.value).toMatchObject({ audienceRegion: "Nordeste", audienceIncludeMunicipios: true });
  });

  it("leaves the capacity undefined (unlimited) when the field is empty", () => {
    const submission = parse({ capacity: "" });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value.capacity).toBeUndefined();
  });

  it.each([
    ["4,5", 270],
    ["4.5", 270],
    ["8", 480],
    ["0,25", 15],
    [" 12 ", 720],
    ["1,33", 80],
  ])("turns a workload of %j hours into %i minutes", (hours, minutes) => {
    const submission = parse({ workloadHours: hours });
    expect(submission.status === "success" && submission.value.workloadHours).toBe(minutes);
  });

  it.each(["4,555", "-1", "oito", "4h", "12345"])("refuses the workload %j with a pt-BR hint", (hours) => {
    expect(errorsOf({ workloadHours: hours })).toEqual({ workloadHours: ["Carga horária inválida: use horas, como 8 ou 4,5."] });
  });

  it("asks for the workload when it is missing", () => {
    expect(errorsOf({ workloadHours: "" })).toEqual({ workloadHours: ["Informe a carga horária em horas."] });
  });

  it.each(["2026-02-30", "2026-13-01", "03/12/2026"])("refuses the session date %j", (date) => {
    expect(errorsOf({ "sessions[0].date": date })).toEqual({ "sessions[0].date": ["Data inválida: use o formato dd/mm/aaaa."] });
  });

  it("refuses an invalid session time without also blaming the other, valid, time", () => {
    expect(errorsOf({ "sessions[1].start": "25:00" })).toEqual({ "sessions[1].start": ["Horário inválido: use hh:mm."] });
    expect(errorsOf({ "sessions[0].start": "9:00", "sessions[0].end": "10:00" })).toEqual({
      "sessions[0].start": ["Horário inválido: use hh:mm."],
    });
  });

  it.each([
    ["08:00", "before"],
    ["09:00", "equal to"],
  ])("refuses a session whose end (%s) is %s its start", (end) => {
    expect(errorsOf({ "sessions[0].end": end })).toEqual({ "sessions[0].end": ["O término deve ser depois do início."] });
  });

  it("asks for a title when it is missing or empty", () => {
    expect(errorsOf({ title: undefined })).toEqual({ title: ["Informe o título."] });
    expect(errorsOf({ title: "" })).toEqual({ title: ["Informe o título."] });
  });

  it("trims a title before checking its length, so spaces do not count", () => {
    expect(errorsOf({ title: "   Cr   " })).toEqual({ title: ["O título precisa ter ao menos 5 caracteres."] });
  });

  it("refuses a title shorter than 5 characters", () => {
    expect(errorsOf({ title: "Cras" })).toEqual({ title: ["O título precisa ter ao menos 5 caracteres."] });
  });

  it.each(["abc", "1,5", "1.5"])("refuses the capacity %j, which is not a whole number", (capacity) => {
    expect(errorsOf({ capacity })).toEqual({ capacity: ["Informe a capacidade como um número inteiro de vagas."] });
  });

  it("refuses a capacity of zero", () => {
    expect(errorsOf({ capacity: "0" })).toEqual({ capacity: ["A capacidade deve ser de ao menos 1 vaga."] });
  });

  it("requires at least one session", () => {
    const withoutSessions = Object.fromEntries(Object.entries(COMPLETE).map(([k, v]) => [k, k.startsWith("sessions[") ? undefined : v]));
    expect(errorsOf(withoutSessions)).toEqual({ sessions: ["Inclua ao menos uma sessão."] });
  });

  it(`refuses more than ${MAX_SESSIONS} sessions`, () => {
    const many: Fields = {};
    for (let i = 0; i <= MAX_SESSIONS; i++) {
      many[`sessions[${i}].date`] = "2026-12-03";
      many[`sessions[${i}].start`] = "09:00";
      many[`sessions[${i}].end`] = "10:00";
    }
    expect(errorsOf(many)).toEqual({ sessions: [`No máximo ${MAX_SESSIONS} sessões.`] });
  });

  it("refuses an invalid registration date and time", () => {
    expect(errorsOf({ registrationOpensAt: "2026-11-31T08:00" })).toEqual({ registrationOpensAt: ["Data e hora inválidas."] });
  });

  it("asks for the end of registrations when it is missing", () => {
    expect(errorsOf({ registrationClosesAt: "" })).toEqual({ registrationClosesAt: ["Informe o fim das inscrições."] });
  });

  it.each([
    ["type", "PALESTRA", "Escolha o tipo de evento."],
    ["scope", "", "Escolha a abrangência."],
    ["format", "REMOTO", "Escolha o formato."],
    ["organizerEnteId", "2927408", "Ente organizador inválido."],
    ["timeZone", "Europe/Lisbon", "Escolha o fuso horário."],
    ["audienceKind", "", "Escolha quem pode se inscrever."],
    ["audiencePortes", ["PP1", "GIGANTE"], "Porte inválido."],
    ["audienceUfId", "BA", "Estado inválido."],
    ["visibility", "SECRETO", "Escolha a visibilidade."],
  ])("refuses %s=%j with %j", (field, value, message) => {
    const errors = errorsOf({ [field]: value });
    expect(Object.values(errors).flat()).toEqual([message]);
  });

  it("reports every invalid field of a submission at once", () => {
    const errors = errorsOf({ title: "", capacity: "abc", "sessions[0].end": "08:00" });
    expect(errors).toEqual({
      title: ["Informe o título."],
      capacity: ["Informe a capacidade como um número inteiro de vagas."],
      "sessions[0].end": ["O término deve ser depois do início."],
    });
  });
});

describe("splitEnteList", () => {
  it("splits one ente per line", () => {
    expect(splitEnteList("2927408 Salvador (BA)\n2611606 Recife (PE)")).toEqual(["2927408 Salvador (BA)", "2611606 Recife (PE)"]);
  });

  it("also splits on semicolons and trims every entry", () => {
    expect(splitEnteList(" Salvador ; Recife;Manaus ")).toEqual(["Salvador", "Recife", "Manaus"]);
  });

  it("drops blank lines, Windows line endings and repeated separators", () => {
    expect(splitEnteList("Salvador\r\n\r\n;;\nRecife\n\n")).toEqual(["Salvador", "Recife"]);
  });

  it("returns an empty list for an empty or missing value", () => {
    expect(splitEnteList("")).toEqual([]);
    expect(splitEnteList(undefined)).toEqual([]);
    expect(splitEnteList(" \n ; ")).toEqual([]);
  });
});
