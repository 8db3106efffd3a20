// What check-in devices send: scans (one or an offline batch) and the walk-in form. Shared by the
// browser (the walk-in form's instant feedback) and the server (the rule).
import { emailField, optionalText, text, z } from "~/lib/zod";
import { cpfField } from "~/modules/auth/schemas";
import { ROLE_IN_ENTE } from "~/modules/entes/federation";

/** At most this many scans per request: a long offline stretch is sent in several batches. */
export const SCAN_BATCH_MAX = 200;

const ID = /^[a-z0-9]{10,40}$/;

export const scanSchema = z
  .object({
    id: z.uuid({ message: "o identificador da leitura precisa ser um UUID" }),
    kind: z.enum(["ENTRADA", "SAIDA"], { message: "o tipo precisa ser ENTRADA ou SAIDA" }),
    at: z.iso.datetime({ offset: true, message: "a hora da leitura precisa estar no formato ISO 8601" }),
    method: z.enum(["qr", "busca"], { message: "o meio precisa ser qr ou busca" }),
    badge: z.string().max(300, "o código do crachá é longo demais").optional(),
    registrationId: z.string().regex(ID, "inscrição inválida").optional(),
    deviceId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "identificador do aparelho inválido")
      .optional(),
  })
  .refine((s) => (s.method === "qr" ? !!s.badge : !!s.registrationId), {
    message: "a leitura por QR precisa do código do crachá; a busca, da inscrição",
  });

export type ScanInput = z.infer<typeof scanSchema>;

export const syncBodySchema = z.object(
  {
    scans: z
      .array(scanSchema, { message: "envie a lista de leituras em “scans”" })
      .min(1, "envie ao menos uma leitura")
      .max(SCAN_BATCH_MAX, `envie no máximo ${SCAN_BATCH_MAX} leituras por vez`),
  },
  { message: "envie um objeto JSON com a lista de leituras em “scans”" },
);

/** A Portuguese sentence for the first problem of an invalid batch ("Leitura 3: …"). */
export function syncBodyProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "Leituras inválidas.";
  const [first, index] = issue.path;
  const where = first === "scans" && typeof index === "number" ? `Leitura ${index + 1}: ` : "";
  const message = where ? issue.message : issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  return `Leituras não aceitas. ${where}${message.replace(/\.$/, "")}.`;
}


/** "Inscrição na hora": someone at the door without a registration. */
export const walkInSchema = z.object({
  name: text("o nome completo", { min: 3, max: 120 }),
  email: emailField,
  cpf: cpfField,
  ente: z.string().trim().max(7).optional(),
  enteBusca: optionalText("o município ou estado", 120),
  roleInEnte: z.enum(ROLE_IN_ENTE, { message: "Escolha a função no ente." }),
});

export type WalkInInput = z.infer<typeof walkInSchema>;
