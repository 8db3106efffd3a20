// Sign-up and profile flows as the routes need them: the ente chosen in the picker is resolved
// here, so the routes only parse, call and answer.
import { resolveEnte } from "~/modules/entes/entes.server";

import { createAccount, updateProfile, type FieldErrors } from "./auth.server";
import type { ProfileInput, SignUpInput } from "./schemas";

async function resolveChosenEnte(input: { ente?: string; enteBusca?: string }) {
  const r = await resolveEnte({ id: input.ente, text: input.enteBusca }, { what: "o município ou estado onde você trabalha" });
  return r.ok ? { ok: true as const, enteId: r.ente.id } : { ok: false as const, fieldErrors: { ente: [r.message] } as FieldErrors };
}

export async function signUp(input: SignUpInput) {
  const ente = await resolveChosenEnte(input);
  if (!ente.ok) return ente;
  return createAccount({
    name: input.name,
    email: input.email,
    password: input.password,
    cpf: input.cpf,
    enteId: ente.enteId,
    roleInEnte: input.roleInEnte,
  });
}

export async function saveProfile(userId: string, input: ProfileInput) {
  const ente = await resolveChosenEnte(input);
  if (!ente.ok) return ente;
  return updateProfile(userId, { name: input.name, cpf: input.cpf, removeCpf: input.removeCpf, enteId: ente.enteId, roleInEnte: input.roleInEnte });
}
