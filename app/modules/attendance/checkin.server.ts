// On-site check-in at the door of a session: by QR (signed badge), by search (name or CPF) or as a
// walk-in. Scans carry an id made by the device, so repeated scans, two phones and an offline batch
// synced twice add nothing; every scan gets an answer the device can show.
import crypto from "node:crypto";

import { db } from "~/lib/db.server";
import { conflict, forbidden, notFound } from "~/lib/http.server";
import { formatTime } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { maskCpf, normalizeCpf } from "~/modules/auth/cpf";
import { hashPassword } from "~/modules/auth/password.server";
import { canOnCertificates } from "~/modules/certificates/permissions";
import { resolveEnte } from "~/modules/entes/entes.server";
import { enteDisplayName, searchKey, type EnteKind } from "~/modules/entes/federation";
import { registerInTx } from "~/modules/registration/registration.server";

import { badgePublicKey, verifyBadge } from "./badge.server";

async function sessionForCheckin(actor: Actor, sessionId: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(sessionId)) throw notFound("Sessão não encontrada.");
  const session = await db.eventSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      title: true,
      position: true,
      startsAt: true,
      endsAt: true,
      event: { select: { id: true, slug: true, title: true, status: true, format: true, capacity: true, timeZone: true, organizerEnteId: true } },
    },
  });
  if (!session || session.event.status === "RASCUNHO") throw notFound("Sessão não encontrada.");
  if (!canOnCertificates(actor, "check_in", session.event)) throw forbidden("Só a organização do evento registra presença.");
  if (session.event.format === "ONLINE") {
    throw conflict("Este evento é online: a presença vem da sala de vídeo, não há registro na porta.");
  }
  return session;
}

/**
 * The session of the event at `slug` where the actor may check people in: 404 when the session
 * belongs to another event (or either does not exist), 403 when she does not organize the event.
 */
export async function checkinSessionIn(actor: Actor, slug: string, sessionId: string) {
  const session = await sessionForCheckin(actor, sessionId);
  if (session.event.slug !== slug) throw notFound("Sessão não encontrada neste evento.");
  return session;
}

/** The CPF as the device may know it: a salted hash, so a typed CPF can be found offline without carrying CPFs around. */
export function cpfKey(cpf: string, eventId: string): string {
  return crypto.createHash("sha256").update(`${eventId}:${normalizeCpf(cpf)}`).digest("base64url").slice(0, 22);
}

export type ExpectedPerson = { registrationId: string; name: string; searchName: string; ente: string; cpfMasked: string | null; cpfKey: string | null };

/** A registration of the event that is not confirmed: her badge is refused, with the reason, also offline. */
export type RefusedPerson = { registrationId: string; name: string; message: string };

const NOT_CONFIRMED: Record<string, string> = {
  CANCELADA: "cancelou a inscrição",
  REMOVIDA: "teve a inscrição removida",
  ESPERA: "está na lista de espera",
};

function notConfirmedMessage(name: string, status: string): string {
  return `${name} ${NOT_CONFIRMED[status] ?? "não tem inscrição confirmada"}: presença não registrada.`;
}

const personSelect = {
  id: true,
  status: true,
  user: { select: { name: true, searchName: true, cpf: true } },
  ente: { select: { name: true, uf: true, kind: true } },
} as const;

type PersonRow = { id: string; user: { name: string; searchName: string; cpf: string | null }; ente: { name: string; uf: string | null; kind: string } };

function expectedPerson(r: PersonRow, eventId: string): ExpectedPerson {
  return {
    registrationId: r.id,
    name: r.user.name,
    searchName: r.user.searchName || searchKey(r.user.name),
    ente: enteDisplayName({ ...r.ente, kind: r.ente.kind as EnteKind }),
    cpfMasked: maskCpf(r.user.cpf),
    cpfKey: r.user.cpf ? cpfKey(r.user.cpf, eventId) : null,
  };
}

/** Everything the check-in page needs, also offline: the session, who is expected, who is in, and the key that validates badges. */
export async function checkinSheet(actor: Actor, sessionId: string, now = new Date()) {
  const session = await sessionForCheckin(actor, sessionId);
  const [registrations, checkIns] = await Promise.all([
    db.registration.findMany({
      where: { eventId: session.event.id },
      select: personSelect,
      orderBy: { user: { searchName: "asc" } },
    }),
    db.checkIn.findMany({ where: { sessionId }, select: { registrationId: true, kind: true, at: true }, orderBy: { at: "asc" } }),
  ]);
  const expected = registrations.filter((r) => r.status === "CONFIRMADA").map((r) => expectedPerson(r, session.event.id));
  const refused: RefusedPerson[] = registrations
    .filter((r) => r.status !== "CONFIRMADA")
    .map((r) => ({ registrationId: r.id, name: r.user.name, message: notConfirmedMessage(r.user.name, r.status) }));
  return {
    generatedAt: now.toISOString(),
    event: {
      id: session.event.id,
      slug: session.event.slug,
      title: session.event.title,
      timeZone: session.event.timeZone,
      capacity: session.event.capacity,
      format: session.event.format,
    },
    session: { id: session.id, title: session.title || `Sessão ${session.position + 1}`, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() },
    expected,
    refused,
    present: presentIds(checkIns),
    publicKey: await badgePublicKey(),
  };
}

export type CheckinSheet = Awaited<ReturnType<typeof checkinSheet>>;

/** Registrations whose last scan in the session is an entry. */
function presentIds(checkIns: { registrationId: string; kind: string; at: Date }[]): string[] {
  const last = new Map<string, string>();
  for (const c of [...checkIns].sort((a, b) => a.at.getTime() - b.at.getTime())) last.set(c.registrationId, c.kind);
  return [...last].filter(([, kind]) => kind === "ENTRADA").map(([id]) => id);
}

export type Scan = {
  /** made by the device (uuid): the same id is the same scan */
  id: string;
  kind: "ENTRADA" | "SAIDA";
  at: string;
  method: "qr" | "busca" | "avulso";
  /** the QR payload, for method "qr" */
  badge?: string;
  /** for methods "busca" and "avulso" */
  registrationId?: string;
  deviceId?: string;
};

/**
 * The answer to one scan. `duplicate`: it changed nothing — the same scan arrived again (a batch
 * synced twice), or the person was already in that state (scanned twice, or by two devices).
 */
export type ScanResult = { id: string; ok: boolean; duplicate?: boolean; name?: string; message: string };

const KIND_WORD = { ENTRADA: "Entrada", SAIDA: "Saída" } as const;

/** Records scans (one or an offline batch), idempotently; each gets its answer. */
export async function recordScans(actor: Actor, sessionId: string, scans: Scan[], now = new Date()): Promise<ScanResult[]> {
  const session = await sessionForCheckin(actor, sessionId);
  const zone = session.event.timeZone;
  const results: ScanResult[] = [];
  for (const scan of scans) {
    let registrationId = scan.registrationId ?? null;
    if (scan.method === "qr") {
      const badge = await verifyBadge(scan.badge ?? "");
      if (!badge.ok) {
        results.push({ id: scan.id, ok: false, message: badge.reason === "assinatura" ? "QR inválido: não foi emitido pelo Apoia SUAS." : "Este QR não é um crachá do Apoia SUAS." });
        continue;
      }
      if (badge.eventId !== session.event.id) {
        results.push({ id: scan.id, ok: false, message: "Este QR é de outro evento." });
        continue;
      }
      registrationId = badge.registrationId;
    }
    const reg = registrationId
      ? await db.registration.findUnique({ where: { id: registrationId }, select: { id: true, eventId: true, status: true, user: { select: { name: true } } } })
      : null;
    if (!reg || reg.eventId !== session.event.id) {
      results.push({ id: scan.id, ok: false, message: "Inscrição não encontrada neste evento." });
      continue;
    }
    const name = reg.user.name;
    if (reg.status !== "CONFIRMADA") {
      results.push({ id: scan.id, ok: false, name, message: notConfirmedMessage(name, reg.status) });
      continue;
    }
    const recorded = `${KIND_WORD[scan.kind]} de ${name} registrada.`;
    const existing = await db.checkIn.findUnique({ where: { id: scan.id }, select: { sessionId: true, registrationId: true, kind: true } });
    if (existing) {
      // The same scan again (a batch sent twice, an answer lost on the way): nothing to add.
      const same = existing.sessionId === sessionId && existing.registrationId === reg.id && existing.kind === scan.kind;
      results.push(same ? { id: scan.id, ok: true, duplicate: true, name, message: recorded } : { id: scan.id, ok: false, message: "Leitura com identificador já usado: não registrada." });
      continue;
    }
    // The device's clock, kept within the session's day (a wrong clock cannot move presence far).
    const requested = new Date(scan.at);
    const floor = session.startsAt.getTime() - 6 * 3_600_000;
    const ceiling = Math.min(session.endsAt.getTime() + 6 * 3_600_000, now.getTime() + 5 * 60_000);
    const at = new Date(Math.min(Math.max(Number.isNaN(requested.getTime()) ? now.getTime() : requested.getTime(), floor), ceiling));
    // Already in that state (scanned again, or by another device)? Kept as a scan, flagged, and
    // harmless: repeated entries while inside are ignored by the presence rule.
    const before = await db.checkIn.findFirst({
      where: { sessionId, registrationId: reg.id, at: { lte: at } },
      orderBy: [{ at: "desc" }, { createdAt: "desc" }],
      select: { kind: true, at: true },
    });
    const repeated = scan.kind === "ENTRADA" ? before?.kind === "ENTRADA" : before?.kind === "SAIDA";
    try {
      await db.checkIn.create({
        data: { id: scan.id, sessionId, registrationId: reg.id, kind: scan.kind, at, method: scan.method, deviceId: scan.deviceId?.slice(0, 64) ?? null, recordedById: actor.userId },
      });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error; // the same scan arriving twice at once
      results.push({ id: scan.id, ok: true, duplicate: true, name, message: recorded });
      continue;
    }
    if (repeated && before) {
      const already = scan.kind === "ENTRADA" ? `${name} já estava presente: entrada registrada às ${formatTime(before.at, zone)}.` : `${name} já tinha saída registrada às ${formatTime(before.at, zone)}.`;
      results.push({ id: scan.id, ok: true, duplicate: true, name, message: already });
      continue;
    }
    results.push({ id: scan.id, ok: true, duplicate: false, name, message: recorded });
  }
  return results;
}

export type WalkIn = {
  name: string;
  email: string;
  roleInEnte: string;
  cpf?: string;
  /** the IBGE code chosen in the picker… */
  enteId?: string;
  /** …or the text typed ("Salvador (BA)", "2927408") when the picker did not run */
  enteText?: string;
};

export type WalkInResult =
  | { ok: true; registrationId: string; name: string; person: ExpectedPerson; result: ScanResult }
  | { ok: false; fieldErrors: Record<string, string[]> };

const NO_SEATS = "Não há mais vagas neste evento: a inscrição na hora não é possível.";

/**
 * Someone at the door without a registration: registered on the spot if seats remain (an account is
 * created when the e-mail has none; she can set a password later with "Esqueci a senha"), then checked in.
 * When the e-mail already has an account, that account (its name, ente and CPF) is used.
 */
export async function walkIn(actor: Actor, sessionId: string, person: WalkIn, now = new Date()): Promise<WalkInResult> {
  const session = await sessionForCheckin(actor, sessionId);
  const email = person.email.trim().toLowerCase();
  const known = await db.user.findUnique({ where: { email }, select: { id: true } });
  let newAccount: { enteId: string; cpf: string | null; passwordHash: string } | null = null;
  if (!known) {
    const ente = await resolveEnte({ id: person.enteId, text: person.enteText });
    if (!ente.ok) return { ok: false, fieldErrors: { ente: [ente.message] } };
    const cpf = person.cpf ? normalizeCpf(person.cpf) : null;
    if (cpf && (await db.user.findUnique({ where: { cpf }, select: { id: true } }))) {
      return { ok: false, fieldErrors: { cpf: ["Este CPF já está cadastrado em outra conta: informe o e-mail dessa conta, ou deixe o CPF em branco."] } };
    }
    newAccount = { enteId: ente.ente.id, cpf, passwordHash: await hashPassword(crypto.randomBytes(24).toString("base64url")) };
  }
  const userSelect = { id: true, name: true, email: true, ente: { select: { id: true, kind: true, name: true, uf: true, region: true, porte: true } } } as const;
  const registrationId = await db.$transaction(
    async (tx) => {
      // Seats first, so a full event creates no account.
      const confirmed = await tx.registration.count({ where: { eventId: session.event.id, status: "CONFIRMADA" } });
      const mine = known ? await tx.registration.findUnique({ where: { eventId_userId: { eventId: session.event.id, userId: known.id } }, select: { status: true } }) : null;
      if (mine?.status !== "CONFIRMADA" && session.event.capacity != null && confirmed >= session.event.capacity) throw conflict(NO_SEATS);
      const who = known
        ? await tx.user.findUniqueOrThrow({ where: { id: known.id }, select: userSelect })
        : await tx.user.create({
            data: {
              email,
              name: person.name.trim(),
              searchName: searchKey(person.name),
              passwordHash: newAccount!.passwordHash,
              enteId: newAccount!.enteId,
              roleInEnte: person.roleInEnte,
              cpf: newAccount!.cpf,
            },
            select: userSelect,
          });
      // Admitted by the organization at the door: the audience rule does not apply; capacity does.
      const r = await registerInTx(tx, { userId: who.id, email: who.email, ente: { ...who.ente, kind: who.ente.kind as EnteKind } }, session.event.id, {
        now,
        via: { enteInvitationId: null },
        door: true,
      });
      if (r.status !== "CONFIRMADA") throw conflict(NO_SEATS);
      return r.registrationId;
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
  const [result] = await recordScans(actor, sessionId, [{ id: crypto.randomUUID(), kind: "ENTRADA", at: now.toISOString(), method: "avulso", registrationId }], now);
  const row = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: personSelect });
  return { ok: true, registrationId, name: row.user.name, person: expectedPerson(row, session.event.id), result: result! };
}

/** Present / expected, for the live counter. */
export async function checkinCounts(sessionId: string): Promise<{ present: number; expected: number }> {
  const { present, expected } = await countsOf(sessionId);
  return { present: present.length, expected };
}

async function countsOf(sessionId: string): Promise<{ present: string[]; expected: number }> {
  const session = await db.eventSession.findUniqueOrThrow({ where: { id: sessionId }, select: { eventId: true } });
  const [expected, checkIns] = await Promise.all([
    db.registration.count({ where: { eventId: session.eventId, status: "CONFIRMADA" } }),
    db.checkIn.findMany({ where: { sessionId }, select: { registrationId: true, kind: true, at: true } }),
  ]);
  return { present: presentIds(checkIns), expected };
}

/** What the check-in devices poll: the counts and who is in now (scans of the other devices too). */
export async function checkinStatus(actor: Actor, sessionId: string, now = new Date()) {
  await sessionForCheckin(actor, sessionId);
  const { present, expected } = await countsOf(sessionId);
  return { at: now.toISOString(), present: present.length, expected, presentIds: present };
}
