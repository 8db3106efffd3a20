// Queries behind the home page, the catalog and the organizer's list.
import type { Prisma } from "@prisma/client";

import { db } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { isFederalOrganizer } from "~/modules/auth/actor";
import { seatCounts, waitlistPosition } from "~/modules/registration/registration.server";
import { seatsLeft } from "~/modules/registration/rules";

import { searchKey } from "~/modules/entes/federation";

import { CATALOG_PAGE_SIZE, type CatalogFilters } from "./catalog";

export const cardSelect = {
  id: true,
  slug: true,
  title: true,
  type: true,
  scope: true,
  format: true,
  status: true,
  visibility: true,
  capacity: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  organizerEnte: { select: { id: true, name: true, kind: true, uf: true } },
  venueMunicipio: { select: { name: true, uf: true } },
} satisfies Prisma.EventSelect;

export type EventCard = Prisma.EventGetPayload<{ select: typeof cardSelect }> & {
  confirmed: number;
  waiting: number;
  seatsLeft: number | null;
};

async function withSeats<T extends { id: string; capacity: number | null }>(events: T[]) {
  const counts = await seatCounts(events.map((e) => e.id));
  return events.map((e) => {
    const c = counts.get(e.id) ?? { confirmed: 0, waiting: 0 };
    return { ...e, ...c, seatsLeft: seatsLeft({ capacity: e.capacity, confirmed: c.confirmed }) };
  });
}

const publicWhere: Prisma.EventWhereInput = { status: { in: ["PUBLICADO", "CANCELADO"] }, visibility: "PUBLICO" };

export async function upcomingEvents(limit: number, now = new Date()): Promise<EventCard[]> {
  const events = await db.event.findMany({
    where: { ...publicWhere, status: "PUBLICADO", endsAt: { gte: now } },
    orderBy: { startsAt: "asc" },
    take: limit,
    select: cardSelect,
  });
  return withSeats(events);
}

export async function catalog(filters: CatalogFilters, now = new Date()) {
  const and: Prisma.EventWhereInput[] = [publicWhere];
  if (filters.tipo) and.push({ type: filters.tipo });
  if (filters.formato) and.push({ format: filters.formato });
  if (filters.abrangencia) and.push({ scope: filters.abrangencia });
  if (filters.uf) {
    and.push({
      OR: [
        { organizerEnte: { kind: "UF", uf: filters.uf } },
        { venueMunicipio: { uf: filters.uf } },
        { audienceUf: { uf: filters.uf } },
      ],
    });
  }
  const q = filters.q ? searchKey(filters.q) : "";
  if (q) and.push({ searchTitle: { contains: q } });
  if (filters.quando === "proximos") and.push({ endsAt: { gte: now } });
  if (filters.quando === "passados") and.push({ endsAt: { lt: now } });
  const where = { AND: and };
  const [total, events] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      orderBy: { startsAt: filters.quando === "passados" ? "desc" : "asc" },
      skip: (filters.pagina - 1) * CATALOG_PAGE_SIZE,
      take: CATALOG_PAGE_SIZE,
      select: cardSelect,
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / CATALOG_PAGE_SIZE)), events: await withSeats(events) };
}

/**
 * Events an organizer manages: those of the entes she organizes for. The federal team also
 * follows every published state event (read-only) under "Acompanhar".
 */
export async function organizerEvents(actor: Actor, opts: { include: "mine" | "federation" } = { include: "mine" }) {
  const mine = actor.organizerOf.map((e) => e.id);
  const where: Prisma.EventWhereInput =
    opts.include === "federation" && isFederalOrganizer(actor)
      ? { OR: [{ organizerEnteId: { in: mine } }, { status: { not: "RASCUNHO" } }] }
      : { organizerEnteId: { in: mine } };
  const events = await db.event.findMany({ where, orderBy: { startsAt: "desc" }, select: cardSelect, take: 500 });
  return withSeats(events);
}

/** "Minhas inscrições": upcoming first (soonest first), then past (latest first). */
export async function myRegistrations(userId: string, now = new Date()) {
  const rows = await db.registration.findMany({
    where: { userId },
    select: { id: true, status: true, seq: true, createdAt: true, event: { select: cardSelect } },
    orderBy: { event: { startsAt: "asc" } },
  });
  const positions = new Map<string, number>();
  for (const r of rows.filter((x) => x.status === "ESPERA")) positions.set(r.id, await waitlistPosition(r.event.id, r.seq));
  const withSeatsInfo = await withSeats(rows.map((r) => r.event));
  const present = rows.map((r, i) => ({ ...r, event: withSeatsInfo[i]!, waitlistPosition: positions.get(r.id) ?? null }));
  const upcoming = present.filter((r) => r.event.endsAt >= now);
  const past = present.filter((r) => r.event.endsAt < now).reverse();
  return { upcoming, past };
}
