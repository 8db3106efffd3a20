// Form schemas for accounts, shared by the browser (instant feedback) and the server (the rule).
import { emailField, optionalText, text, z } from "~/lib/zod";
import { ROLE_IN_ENTE } from "~/modules/entes/federation";

import { isValidCpf, normalizeCpf } from "./cpf";

export const PASSWORD_MIN = 8;

const password = z
  .string({ message: "Informe a senha." })
  .min(PASSWORD_MIN, `A senha precisa ter ao menos ${PASSWORD_MIN} caracteres.`)
  .max(128, "A senha pode ter no máximo 128 caracteres.");

/** An optional CPF, checked (check digits) and kept as 11 digits. */
export const cpfField = z
  .string()
  .trim()
  .max(20, "CPF inválido.")
  .optional()
  .refine((v) => !v || isValidCpf(v), "CPF inválido: confira os dígitos.")
  .transform((v) => (v ? normalizeCpf(v) : undefined));

const enteChoice = {
  ente: z.string().trim().max(7).optional(),
  enteBusca: optionalText("o município ou estado", 120),
};

const roleInEnte = z.enum(ROLE_IN_ENTE, { message: "Escolha sua função no ente." });

export const signUpSchema = z
  .object({
    name: text("seu nome completo", { min: 3, max: 120 }),
    email: emailField,
    password,
    passwordConfirm: z.string({ message: "Repita a senha." }),
    cpf: cpfField,
    ...enteChoice,
    roleInEnte,
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "As senhas não conferem." });

export const logInSchema = z.object({
  email: emailField,
  password: z.string({ message: "Informe a senha." }).max(128, "Senha longa demais."),
  redirectTo: z.string().max(500).optional(),
});

export const profileSchema = z.object({
  name: text("seu nome completo", { min: 3, max: 120 }),
  /** empty keeps the CPF on file; removeCpf clears it */
  cpf: cpfField,
  removeCpf: z.boolean().optional(),
  ...enteChoice,
  roleInEnte,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ message: "Informe a senha atual." }).max(128),
    password,
    passwordConfirm: z.string({ message: "Repita a nova senha." }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "As senhas não conferem." });

export type SignUpInput = z.infer<typeof signUpSchema>;
export type ProfileInput = z.infer<typeof profileSchema>;

/** The administrator's grant form: an e-mail and the Union or a UF, chosen in the ente picker. */
export const grantSchema = z.object({
  email: emailField,
  ente: z.string().trim().max(7).optional(),
  enteBusca: optionalText("a União ou o estado", 120),
});

/** How long a password reset link stays valid. */
export const RESET_MINUTES = 60;
