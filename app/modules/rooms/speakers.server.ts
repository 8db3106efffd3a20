// Speakers of an event, named by its organizers: they publish in the event's rooms.
import { db } from "~/lib/db.server";
import { notFound } from "~/lib/http.server";
import type { Actor } from "~/modules/auth/actor";
import { requireEventFor } from "~/modules/events/events.server";

export async function listSpeakers(eventId: string) {
  const rows = await db.eventSpeaker.findMany({
    where: { eventId },
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.user);
}

export async function addSpeaker(actor: Actor, slug: string, email: string): Promise<{ ok: true; name: string } | { ok: false; message: string }> {
  const event = await requireEventFor(actor, slug, "edit");
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true } });
  if (!user) return { ok: false, message: "Não há conta com este e-mail: peça à pessoa que se cadastre no Apoia SUAS." };
  await db.eventSpeaker.upsert({
    where: { eventId_userId: { eventId: event.id, userId: user.id } },
    create: { eventId: event.id, userId: user.id },
    update: {},
  });
  return { ok: true, name: user.name };
}

export async function removeSpeaker(actor: Actor, slug: string, userId: string): Promise<void> {
  const event = await requireEventFor(actor, slug, "edit");
  const { count } = await db.eventSpeaker.deleteMany({ where: { eventId: event.id, userId } });
  if (!count) throw notFound("Esta pessoa não é palestrante deste evento.");
}
