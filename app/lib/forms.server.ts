// Reading posted forms safely: size limit and malformed bodies become 413/400, never a 500.
import { DomainError } from "./http.server";

export const MAX_FORM_BYTES = 1_000_000;

export async function readFormData(request: Request): Promise<FormData> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_FORM_BYTES) throw new DomainError(413, "O formulário enviado é grande demais (limite de 1 MB).");
  try {
    return await request.formData();
  } catch {
    throw new DomainError(400, "Não foi possível ler o formulário enviado.");
  }
}

/** The `intent` button that submitted the form (several actions on one page). */
export function intentOf(form: FormData): string {
  const v = form.get("intent");
  return typeof v === "string" ? v.slice(0, 50) : "";
}
