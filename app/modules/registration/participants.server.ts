// The organizer's view of who registered: filtered list, and the CSV export (UTF-8 with BOM,
// semicolons, as Excel in Portuguese opens it).
import type { Prisma } from "@prisma/client";
import { excelCsv } from "~/lib/csv.server";
import { db } from "~/lib/db.server";
import { formatDateTime } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { maskCpf } from "~/modules/auth/cpf";
import { ROLE_IN_ENTE_LABELS, searchKey, type RoleInEnte } from "~/modules/entes/federation";
import { requireEventFor } from "~/modules/events/events.server";

import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from "./rules";

export type ParticipantFilters = { uf?: string; municipio?: string; status?: RegistrationStatus; q?: string };
export const PARTICIPANTS_PAGE_SIZE = 50;

function where(eventId: string, f: ParticipantFilters): Prisma.RegistrationWhereInput {
  return {
    eventId,
    ...(f.status ? { status: f.status } : {}),
    ...(f.uf || f.municipio ? { ente: { ...(f.uf ? { uf: f.uf } : {}), ...(f.municipio ? { id: f.municipio } : {}) } } : {}),
    ...(f.q ? { user: { OR: [{ searchName: { contains: searchKey(f.q) } }, { email: { contains: f.q.trim().toLowerCase() } }] } } : {}),
  };
}

const rowSelect = {
  id: true,
  status: true,
  seq: true,
  createdAt: true,
  removalReason: true,
  user: { select: { name: true, email: true, cpf: true, roleInEnte: true } },
  ente: { select: { id: true, name: true, uf: true, kind: true } },
} satisfies Prisma.RegistrationSelect;

type Row = Prisma.RegistrationGetPayload<{ select: typeof rowSelect }>;

function present(r: Row, waitlistRank: Map<string, number>) {
  return {
    id: r.id,
    name: r.user.name,
    email: r.user.email,
    cpf: maskCpf(r.user.cpf),
    roleInEnte: ROLE_IN_ENTE_LABELS[r.user.roleInEnte as RoleInEnte] ?? r.user.roleInEnte,
    enteName: r.ente.name,
    enteId: r.ente.id,
    enteKind: r.ente.kind,
    uf: r.ente.uf,
    status: r.status as RegistrationStatus,
    statusLabel: REGISTRATION_STATUS_LABELS[r.status as RegistrationStatus] ?? r.status,
    waitlistPosition: waitlistRank.get(r.id) ?? null,
    createdAt: r.createdAt,
    removalReason: r.removalReason,
  };
}

async function waitlistRanks(eventId: string): Promise<Map<string, number>> {
  const waiting = await db.registration.findMany({ where: { eventId, status: "ESPERA" }, orderBy: { seq: "asc" }, select: { id: true } });
  return new Map(waiting.map((w, i) => [w.id, i + 1]));
}

/** Confirmed first, then the waitlist, then cancelled and removed; arrival order within each. */
const STATUS_ORDER: RegistrationStatus[] = ["CONFIRMADA", "ESPERA", "CANCELADA", "REMOVIDA"];
const statusRank = (s: string) => STATUS_ORDER.indexOf(s as RegistrationStatus);

/** One page of rows in STATUS_ORDER, without loading the others: a count per status finds the window. */
async function pageInStatusOrder(w: Prisma.RegistrationWhereInput, skip: number, take: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const status of STATUS_ORDER) {
    if (take <= 0) break;
    const whereStatus = { AND: [w, { status }] };
    const n = await db.registration.count({ where: whereStatus });
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const part = await db.registration.findMany({ where: whereStatus, select: rowSelect, orderBy: { seq: "asc" }, skip, take });
    rows.push(...part);
    take -= part.length;
    skip = 0;
  }
  return rows;
}

export async function listParticipants(actor: Actor, slug: string, filters: ParticipantFilters, page = 1, pageSize = PARTICIPANTS_PAGE_SIZE) {
  const event = await requireEventFor(actor, slug, "see_participants");
  const w = where(event.id, filters);
  const [total, rows, ranks, byStatus, ufs, municipios] = await Promise.all([
    db.registration.count({ where: w }),
    pageInStatusOrder(w, (page - 1) * pageSize, pageSize),
    waitlistRanks(event.id),
    db.registration.groupBy({ by: ["status"], where: { eventId: event.id }, _count: { _all: true } }),
    db.ente.findMany({
      where: { registrations: { some: { eventId: event.id } }, uf: { not: null } },
      select: { uf: true },
      distinct: ["uf"],
      orderBy: { uf: "asc" },
    }),
    db.ente.findMany({
      where: { kind: "MUNICIPIO", registrations: { some: { eventId: event.id } }, ...(filters.uf ? { uf: filters.uf } : {}) },
      select: { id: true, name: true, uf: true },
      orderBy: [{ uf: "asc" }, { searchName: "asc" }],
    }),
  ]);
  return {
    event,
    total,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    rows: rows.map((r) => present(r, ranks)),
    counts: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Partial<Record<RegistrationStatus, number>>,
    ufs: ufs.map((u) => u.uf!).filter(Boolean),
    /** municipalities with registrations (of the chosen UF), for the filter */
    municipios: municipios.map((m) => ({ id: m.id, label: `${m.name} (${m.uf})` })),
  };
}

export async function participantsCsv(actor: Actor, slug: string, filters: ParticipantFilters): Promise<{ filename: string; body: string }> {
  const event = await requireEventFor(actor, slug, "export_participants");
  const full = await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { timeZone: true, slug: true } });
  const [rows, ranks] = await Promise.all([
    db.registration
      .findMany({ where: where(event.id, filters), select: rowSelect, orderBy: { seq: "asc" } })
      .then((all) => all.sort((a, b) => statusRank(a.status) - statusRank(b.status))),
    waitlistRanks(event.id),
  ]);
  const header = ["Nome", "E-mail", "CPF", "Função", "Ente", "Código IBGE", "UF", "Situação", "Posição na espera", "Inscrição em"];
  const records = rows.map((r) => {
    const p = present(r, ranks);
    return [p.name, p.email, p.cpf, p.roleInEnte, p.enteName, p.enteId, p.uf, p.statusLabel, p.waitlistPosition, formatDateTime(p.createdAt, full.timeZone)];
  });
  return { filename: `inscricoes-${full.slug}.csv`, body: excelCsv(header, records) };
}
