// zod configured for Portuguese messages; shared by server and browser. Field-specific
// messages in the schemas take precedence over these defaults.
import { z } from "zod";

z.config(z.locales.ptBR());

export { z };

/** An e-mail address as we accept it: trimmed, lower case, at most 254 characters. */
export const emailField = z
  .string({ message: "Informe seu e-mail." })
  .trim()
  .toLowerCase()
  .max(254, "E-mail longo demais.")
  .pipe(z.email({ message: "E-mail inválido: confira se está no formato nome@dominio.gov.br." }));

/** A required text with pt-BR messages for empty and too long. */
export function text(label: string, { min = 1, max }: { min?: number; max: number }) {
  return z
    .string({ message: `Informe ${label}.` })
    .trim()
    .min(min, min <= 1 ? `Informe ${label}.` : `${capitalize(label)} precisa ter ao menos ${min} caracteres.`)
    .max(max, `${capitalize(label)} pode ter no máximo ${max} caracteres.`);
}

/** An optional text: empty becomes undefined. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${capitalize(label)} pode ter no máximo ${max} caracteres.`)
    .optional()
    .transform((v) => (v ? v : undefined));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
