// Reading posted forms safely: size limit and malformed bodies become 413/400, never a 500.
import { DomainError } from "./http.server";

export const MAX_FORM_BYTES = 1_000_000;

const tooLarge = () => new DomainError(413, "O formulário enviado é grande demais (limite de 1 MB).");

export async function readFormData(request: Request): Promise<FormData> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_FORM_BYTES) throw tooLarge();
  // The header is optional (chunked uploads) and may lie, so the limit is also counted while reading.
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readAtMost(request, MAX_FORM_BYTES);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(400, "Não foi possível ler o formulário enviado.");
  }
  const type = request.headers.get("Content-Type");
  try {
    return await new Response(bytes, { headers: type ? { "Content-Type": type } : {} }).formData();
  } catch {
    throw new DomainError(400, "Não foi possível ler o formulário enviado.");
  }
}

async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The `intent` button that submitted the form (several actions on one page). */
export function intentOf(form: FormData): string {
  const v = form.get("intent");
  return typeof v === "string" ? v.slice(0, 50) : "";
}
