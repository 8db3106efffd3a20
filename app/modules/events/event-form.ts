// The event form: one schema for the browser (instant feedback) and the server (the rule).
// Dates are wall-clock values in the event's time zone; the server turns them into UTC.
import { isValidLocalDate, isValidLocalDateTime, isValidLocalTime } from "~/lib/time";
import { optionalText, text, z } from "~/lib/zod";
import { PORTES, REGIONS, TIME_ZONES } from "~/modules/entes/federation";

import { AUDIENCE_KINDS, EVENT_TYPES, FORMATS, SCOPES, VISIBILITIES } from "./vocabulary";

export const MAX_SESSIONS = 60;

const localDate = z
  .string({ message: "Informe a data." })
  .refine(isValidLocalDate, "Data inválida: use o formato dd/mm/aaaa.");
const localTime = (what: string) =>
  z.string({ message: `Informe o horário de ${what}.` }).refine(isValidLocalTime, "Horário inválido: use hh:mm.");
const localDateTime = (what: string) =>
  z.string({ message: `Informe ${what}.` }).refine(isValidLocalDateTime, "Data e hora inválidas.");

export const sessionFormSchema = z
  .object({
    id: z.string().max(40).optional(),
    title: optionalText("o título da sessão", 200),
    date: localDate,
    start: localTime("início"),
    end: localTime("término"),
  })
  // Only compare two valid times: an invalid one already has its own message.
  .refine((s) => !isValidLocalTime(s.start) || !isValidLocalTime(s.end) || s.end > s.start, {
    path: ["end"],
    message: "O término deve ser depois do início.",
  });

/** "8", "8,5", "8.5" hours → minutes */
export const workloadHours = z
  .string({ message: "Informe a carga horária em horas." })
  .trim()
  .regex(/^\d{1,4}([.,]\d{1,2})?$/, "Carga horária inválida: use horas, como 8 ou 4,5.")
  .transform((v) => Math.round(Number(v.replace(",", ".")) * 60));

export const eventFormSchema = z.object({
  title: text("o título", { min: 5, max: 200 }),
  type: z.enum(EVENT_TYPES, { message: "Escolha o tipo de evento." }),
  scope: z.enum(SCOPES, { message: "Escolha a abrangência." }),
  scopeRegion: z.enum(REGIONS, { message: "Região inválida." }).optional(),
  format: z.enum(FORMATS, { message: "Escolha o formato." }),
  organizerEnteId: z.string({ message: "Escolha o ente organizador." }).regex(/^(BR|\d{2})$/, "Ente organizador inválido."),
  timeZone: z.enum(TIME_ZONES, { message: "Escolha o fuso horário." }),
  sessions: z
    .array(sessionFormSchema, { message: "Inclua ao menos uma sessão." })
    .min(1, "Inclua ao menos uma sessão.")
    .max(MAX_SESSIONS, `No máximo ${MAX_SESSIONS} sessões.`),
  venueName: optionalText("o nome do local", 200),
  venueAddress: optionalText("o endereço", 300),
  venueMunicipio: z.string().max(7).optional(),
  venueMunicipioBusca: optionalText("o município do local", 120),
  audienceKind: z.enum(AUDIENCE_KINDS, { message: "Escolha quem pode se inscrever." }),
  audienceRegion: z.enum(REGIONS, { message: "Região inválida." }).optional(),
  audienceIncludeMunicipios: z.boolean().optional(),
  audienceUfId: z.string().regex(/^\d{2}$/, "Estado inválido.").optional(),
  audienceUfIdBusca: optionalText("o estado", 120),
  audiencePortes: z.array(z.enum(PORTES, { message: "Porte inválido." })).max(PORTES.length).optional(),
  audienceEntes: optionalText("a lista de entes", 60_000),
  visibility: z.enum(VISIBILITIES, { message: "Escolha a visibilidade." }),
  capacity: z
    .number({ message: "Informe a capacidade como um número inteiro de vagas." })
    .int("Informe a capacidade como um número inteiro de vagas.")
    .min(1, "A capacidade deve ser de ao menos 1 vaga.")
    .max(1_000_000, "Capacidade grande demais.")
    .optional(),
  invitationQuota: z
    .number({ message: "Informe as vagas por ente como um número inteiro." })
    .int("Informe as vagas por ente como um número inteiro.")
    .min(1, "Ao menos 1 vaga por ente.")
    .max(500, "No máximo 500 vagas por ente.")
    .optional(),
  registrationOpensAt: localDateTime("o início das inscrições"),
  registrationClosesAt: localDateTime("o fim das inscrições"),
  workloadHours,
  descriptionMd: optionalText("a descrição", 20_000),
});

export type EventFormInput = z.input<typeof eventFormSchema>;
export type EventFormValues = z.output<typeof eventFormSchema>;

/** Splits a textarea of entes (one per line, or separated by ; ) into trimmed entries. */
export function splitEnteList(textValue: string | undefined): string[] {
  return (textValue ?? "")
    .split(/[\n;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
