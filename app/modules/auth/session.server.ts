// Login sessions: the cookie holds a random token (signed); the database keeps its SHA-256 with
// an expiry. Logging out or expiring deletes the row, so a stolen old cookie is worthless.
import crypto from "node:crypto";

import { createCookie, redirect } from "@remix-run/node";

import { db } from "~/lib/db.server";
import { env, isProduction } from "~/lib/env.server";
import type { EnteKind, EnteRef } from "~/modules/entes/federation";

import type { Actor } from "./actor";

export const SESSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const sessionCookie = createCookie("apoia_sessao", {
  httpOnly: true,
  sameSite: "lax",
  secure: isProduction,
  path: "/",
  secrets: [env.SESSION_SECRET],
  maxAge: SESSION_DAYS * 24 * 60 * 60,
});

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Creates a session row and returns the Set-Cookie header value that carries it. */
export async function startSession(userId: string, userAgent: string | null): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * DAY_MS),
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
  });
  return sessionCookie.serialize(token);
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 && value.length < 100 ? value : null;
}

export async function endSession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
  return sessionCookie.serialize("", { maxAge: 0 });
}

export type SessionState =
  | { kind: "anonymous" }
  | { kind: "expired" }
  | { kind: "active"; actor: Actor; sessionId: string };

const toEnteRef = (e: { id: string; kind: string; name: string; uf: string | null; region: string | null; porte: string | null }): EnteRef => ({
  id: e.id,
  kind: e.kind as EnteKind,
  name: e.name,
  uf: e.uf,
  region: e.region,
  porte: e.porte,
});

const enteSelect = { id: true, kind: true, name: true, uf: true, region: true, porte: true } as const;

export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      roleInEnte: true,
      ente: { select: { ...enteSelect, timeZone: true } },
      organizerRoles: { select: { ente: { select: enteSelect } }, orderBy: { enteId: "asc" } },
    },
  });
  if (!user) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    ente: toEnteRef(user.ente),
    roleInEnte: user.roleInEnte,
    timeZone: user.ente.timeZone,
    organizerOf: user.organizerRoles.map((r) => toEnteRef(r.ente)),
  };
}

export async function readSession(request: Request): Promise<SessionState> {
  const token = await readToken(request);
  if (!token) return { kind: "anonymous" };
  const id = hashToken(token);
  const session = await db.session.findUnique({ where: { id }, select: { userId: true, expiresAt: true, lastSeenAt: true } });
  if (!session) return { kind: "expired" };
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await db.session.deleteMany({ where: { id } });
    return { kind: "expired" };
  }
  const actor = await loadActor(session.userId);
  if (!actor) return { kind: "expired" };
  if (now - session.lastSeenAt.getTime() > DAY_MS) {
    // Sliding expiry, refreshed at most once a day.
    await db.session.updateMany({
      where: { id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_DAYS * DAY_MS) },
    });
  }
  return { kind: "active", actor, sessionId: id };
}

export async function getActor(request: Request): Promise<Actor | null> {
  const state = await readSession(request);
  return state.kind === "active" ? state.actor : null;
}

function loginRedirect(request: Request, reason?: "sessao-expirada") {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  if (reason) params.set("motivo", reason);
  return redirect(`/entrar?${params}`, {
    headers: reason ? { "Set-Cookie": `apoia_sessao=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax` } : {},
  });
}

/** The signed-in person, or a redirect to /entrar that brings her back here afterwards. */
export async function requireActor(request: Request): Promise<Actor> {
  const state = await readSession(request);
  if (state.kind === "active") return state.actor;
  throw loginRedirect(request, state.kind === "expired" ? "sessao-expirada" : undefined);
}

export async function deleteUserSessions(userId: string, exceptId?: string): Promise<void> {
  await db.session.deleteMany({ where: { userId, ...(exceptId ? { id: { not: exceptId } } : {}) } });
}
