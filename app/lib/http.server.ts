// Domain errors and their one mapping to HTTP. Domain modules throw DomainError (no Request or
// Response there); every loader and action is wrapped in `route()`, which turns them into
// responses the error boundaries show in Portuguese.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { ZodError } from "zod";

export type DomainErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429;

export class DomainError extends Error {
  constructor(
    readonly status: DomainErrorStatus,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const badRequest = (message = "Pedido inválido.") => new DomainError(400, message);
export const forbidden = (message = "Você não tem permissão para fazer isso.") => new DomainError(403, message);
export const notFound = (message = "Não encontramos o que você procurava.") => new DomainError(404, message);
export const conflict = (message: string) => new DomainError(409, message);
export const tooManyRequests = (message: string) => new DomainError(429, message);

export type ErrorPayload = { message: string };

export function toErrorResponse(error: unknown): Response | undefined {
  if (error instanceof Response) return error;
  if (error instanceof DomainError) {
    return json<ErrorPayload>({ message: error.message }, { status: error.status });
  }
  if (error instanceof ZodError) {
    return json<ErrorPayload>({ message: "Parâmetros inválidos no endereço ou no formulário." }, { status: 400 });
  }
  if (isPrismaNotFound(error)) {
    return json<ErrorPayload>({ message: "Não encontramos o que você procurava." }, { status: 404 });
  }
  return undefined;
}

function isPrismaNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2025";
}

/** Wraps a loader or action: domain errors become HTTP responses, everything else stays a 500. */
export function route<A extends LoaderFunctionArgs | ActionFunctionArgs, T>(fn: (args: A) => Promise<T>) {
  return async (args: A): Promise<T> => {
    try {
      return await fn(args);
    } catch (error) {
      const response = toErrorResponse(error);
      if (response) throw response;
      throw error;
    }
  };
}

/** A same-site path to go back to after login; anything else falls back to `fallback`. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\r\n]/.test(to) || to.length > 500) return fallback;
  return to;
}
