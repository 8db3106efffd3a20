// Administrators grant and revoke organizer roles (the federal team organizes for the Union, a
// state team for its UF). Every change is kept in the audit trail.
import { db } from "~/lib/db.server";
import { conflict, forbidden, notFound } from "~/lib/http.server";
import { resolveEnte } from "~/modules/entes/entes.server";

import type { Actor } from "./actor";

export function canManageOrganizers(actor: Actor | null | undefined): boolean {
  return !!actor?.isAdmin;
}

function requireAdmin(actor: Actor) {
  if (!canManageOrganizers(actor)) throw forbidden("Somente administradores gerenciam as equipes organizadoras.");
}

export async function listOrganizerRoles(actor: Actor) {
  requireAdmin(actor);
  return db.organizerRole.findMany({
    select: {
      id: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, ente: { select: { name: true, uf: true, kind: true } } } },
      ente: { select: { id: true, name: true, kind: true, uf: true } },
      grantedBy: { select: { name: true } },
    },
    orderBy: [{ enteId: "asc" }, { createdAt: "asc" }],
  });
}

export type GrantResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> };

export async function grantOrganizerRole(
  actor: Actor,
  input: { email: string; ente?: string; enteId?: string; enteBusca?: string },
): Promise<GrantResult> {
  requireAdmin(actor);
  const [user, resolved] = await Promise.all([
    db.user.findUnique({ where: { email: input.email }, select: { id: true } }),
    resolveEnte({ id: input.ente ?? input.enteId, text: input.enteBusca }, { kinds: ["UNIAO", "UF"], what: "a União ou um estado" }),
  ]);
  const fieldErrors: Record<string, string[]> = {};
  if (!user) fieldErrors.email = ["Não há conta com este e-mail. Peça à pessoa que se cadastre primeiro."];
  if (!resolved.ok) fieldErrors.ente = [resolved.message];
  if (!user || !resolved.ok) return { ok: false, fieldErrors };
  const ente = resolved.ente;
  const existing = await db.organizerRole.findUnique({ where: { userId_enteId: { userId: user.id, enteId: ente.id } } });
  if (existing) return { ok: false, fieldErrors: { email: [`Esta pessoa já organiza eventos por ${ente.name}.`] } };
  await db.$transaction([
    db.organizerRole.create({ data: { userId: user.id, enteId: ente.id, grantedById: actor.userId } }),
    db.auditEntry.create({
      data: { actorId: actor.userId, action: "organizer.grant", subject: `user:${user.id}`, detail: `ente:${ente.id}` },
    }),
  ]);
  return { ok: true };
}

export async function revokeOrganizerRole(actor: Actor, roleId: string): Promise<void> {
  requireAdmin(actor);
  const role = await db.organizerRole.findUnique({ where: { id: roleId }, select: { id: true, userId: true, enteId: true } });
  if (!role) throw notFound("Esta atribuição não existe mais.");
  if (role.userId === actor.userId && role.enteId === "BR") {
    const others = await db.organizerRole.count({ where: { enteId: "BR", id: { not: role.id } } });
    if (!others) throw conflict("Você é a última pessoa da equipe federal: atribua outra pessoa antes de sair.");
  }
  await db.$transaction([
    db.organizerRole.delete({ where: { id: role.id } }),
    db.auditEntry.create({
      data: { actorId: actor.userId, action: "organizer.revoke", subject: `user:${role.userId}`, detail: `ente:${role.enteId}` },
    }),
  ]);
}
