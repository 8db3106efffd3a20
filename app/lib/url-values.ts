// How coded values (enums such as VISITA_TECNICA or Centro-Oeste) appear in URLs: lower case with
// dashes ("visita-tecnica", "centro-oeste"), read back case-insensitively. Pure.
import { z } from "~/lib/zod";

export const urlValue = (v: string): string => v.toLowerCase().replace(/_/g, "-");

/** A zod schema turning a URL value back into one of `values`, or failing with `message`. */
export const fromUrlValue = <T extends string>(values: readonly T[], message: string) =>
  z.string().transform((v, ctx) => {
    const found = values.find((x) => urlValue(x) === v.toLowerCase());
    if (!found) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return found;
  });

/** A UF abbreviation in a URL ("ba", "BA"), read back in upper case. */
export const ufAbbrValue = (message = "UF inválida: use a sigla, como BA.") =>
  z
    .string()
    .regex(/^[A-Za-z]{2}$/, message)
    .transform((v) => v.toUpperCase());
