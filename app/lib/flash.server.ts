// One-time notices shown after a redirect ("Inscrição confirmada."), carried in a short-lived cookie.
import { createCookie } from "@remix-run/node";

import { env, isProduction } from "./env.server";

export type Flash = { kind: "success" | "info" | "error"; message: string };

const flashCookie = createCookie("apoia_aviso", {
  httpOnly: true,
  sameSite: "lax",
  secure: isProduction,
  path: "/",
  maxAge: 60,
  secrets: [env.SESSION_SECRET],
});

export async function flashHeader(flash: Flash): Promise<string> {
  return flashCookie.serialize({ kind: flash.kind, message: flash.message.slice(0, 500) });
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const value: unknown = await flashCookie.parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return { flash: null, clear: null };
  const v = value as Partial<Flash>;
  const flash =
    typeof v.message === "string" && (v.kind === "success" || v.kind === "info" || v.kind === "error")
      ? { kind: v.kind, message: v.message }
      : null;
  return { flash, clear: await flashCookie.serialize("", { maxAge: 0 }) };
}

/** A redirect that shows a notice on the next page. */
export async function redirectWithFlash(to: string, flash: Flash, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashHeader(flash));
  headers.set("Location", to);
  return new Response(null, { status: 302, headers });
}
