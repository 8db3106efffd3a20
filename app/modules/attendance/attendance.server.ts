// The attendance table of an event: per registration and session, minutes present online and the
// share of the scheduled time (from the presence intervals), and its CSV export.
import { decimal, excelCsv } from "~/lib/csv.server";
import { db } from "~/lib/db.server";
import { formatRange } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { requireEventFor } from "~/modules/events/events.server";
import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from "~/modules/registration/rules";

import { attendanceIn } from "./intervals";

export async function attendanceTable(actor: Actor, slug: string, now = new Date()) {
  const ref = await requireEventFor(actor, slug, "see_participants");
  const event = await db.event.findUniqueOrThrow({
    where: { id: ref.id },
    select: { id: true, slug: true, title: true, timeZone: true, sessions: { orderBy: [{ position: "asc" }, { startsAt: "asc" }] } },
  });
  const sessionIds = event.sessions.map((s) => s.id);
  const [registrations, intervals] = await Promise.all([
    db.registration.findMany({
      where: { eventId: event.id, OR: [{ status: "CONFIRMADA" }, { presence: { some: {} } }] },
      select: { id: true, status: true, user: { select: { name: true, email: true } }, ente: { select: { name: true, uf: true, id: true } } },
      orderBy: { seq: "asc" },
    }),
    db.presenceInterval.findMany({
      where: { sessionId: { in: sessionIds }, registrationId: { not: null } },
      select: { registrationId: true, sessionId: true, startedAt: true, endedAt: true },
    }),
  ]);
  const byCell = new Map<string, { start: Date; end: Date | null }[]>();
  for (const i of intervals) {
    const key = `${i.registrationId}|${i.sessionId}`;
    (byCell.get(key) ?? byCell.set(key, []).get(key)!).push({ start: i.startedAt, end: i.endedAt });
  }
  const scheduledTotal = event.sessions.reduce((sum, s) => sum + (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000, 0);
  const rows = registrations.map((r) => {
    const cells = event.sessions.map((s) => {
      const a = attendanceIn(byCell.get(`${r.id}|${s.id}`) ?? [], s, now);
      return { minutes: a.minutes, share: a.share, connected: (byCell.get(`${r.id}|${s.id}`) ?? []).some((i) => i.end === null) };
    });
    const minutes = Math.round(cells.reduce((sum, c) => sum + c.minutes, 0) * 10) / 10;
    return {
      registrationId: r.id,
      name: r.user.name,
      email: r.user.email,
      ente: r.ente.uf && r.ente.id.length === 7 ? `${r.ente.name} (${r.ente.uf})` : r.ente.name,
      status: r.status as RegistrationStatus,
      statusLabel: REGISTRATION_STATUS_LABELS[r.status as RegistrationStatus] ?? r.status,
      cells,
      minutes,
      share: scheduledTotal ? Math.min(1, minutes / scheduledTotal) : 0,
    };
  });
  return {
    event: { id: event.id, slug: event.slug, title: event.title },
    sessions: event.sessions.map((s, i) => ({
      id: s.id,
      title: s.title || `Sessão ${i + 1}`,
      range: formatRange(s.startsAt, s.endsAt, event.timeZone),
      scheduledMinutes: (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000,
    })),
    rows,
  };
}

export async function attendanceCsv(actor: Actor, slug: string): Promise<{ filename: string; body: string }> {
  const t = await attendanceTable(actor, slug);
  const header = ["Nome", "E-mail", "Ente", "Situação", ...t.sessions.flatMap((s) => [`${s.title} (min)`, `${s.title} (%)`]), "Total (min)", "Total (%)"];
  const records = t.rows.map((r) => [
    r.name,
    r.email,
    r.ente,
    r.statusLabel,
    ...r.cells.flatMap((c) => [decimal(c.minutes), decimal(c.share * 100)]),
    decimal(r.minutes),
    decimal(r.share * 100),
  ]);
  return { filename: `presenca-${t.event.slug}.csv`, body: excelCsv(header, records) };
}
