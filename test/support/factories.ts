// Test data built through the domain modules (never raw rows where a rule applies), with
// traits for the common shapes: `userFactory({ ente: "2927408" })`, `eventFactory(organizer, { capacity: 10 })`,
// `eventFactory(organizer, schedule({ sessionDays: [-10] }))`, `sessionFactory(user, { expired: true })`.
import crypto from "node:crypto";

import { db } from "~/lib/db.server";
import { searchKey } from "~/modules/entes/federation";
import type { Actor } from "~/modules/auth/actor";
import { hashPassword } from "~/modules/auth/password.server";
import { loadActor, sessionCookie, startSession } from "~/modules/auth/session.server";
import { eventFormSchema, type EventFormInput } from "~/modules/events/event-form";
import { cancelEvent, createEvent, publishEvent } from "~/modules/events/events.server";
import { register } from "~/modules/registration/registration.server";
import { toLocalParts } from "~/lib/time";

export const TEST_PASSWORD = "senha-de-teste-123";
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

/** A random valid CPF (11 digits, check digits right), different every call in practice. */
export function cpfFactory(): string {
  const digits = Array.from({ length: 9 }, () => crypto.randomInt(10));
  for (const length of [9, 10]) {
    const sum = digits.reduce((acc, d, i) => acc + d * (length + 1 - i), 0);
    digits.push(((sum * 10) % 11) % 10);
  }
  return digits.join("");
}

export type UserTraits = {
  name?: string;
  email?: string;
  /** IBGE code of the person's ente (default Salvador, BA) */
  ente?: string;
  roleInEnte?: string;
  cpf?: string | null;
  isAdmin?: boolean;
  /** entes she organizes for ("BR", "29"...) */
  organizes?: string[];
};

export async function userFactory(traits: UserTraits = {}): Promise<Actor> {
  const suffix = crypto.randomBytes(5).toString("hex");
  const name = traits.name ?? `Pessoa ${suffix}`;
  const user = await db.user.create({
    data: {
      name,
      searchName: searchKey(name),
      email: traits.email ?? `pessoa.${suffix}@teste.gov.br`,
      passwordHash: await passwordHash(),
      enteId: traits.ente ?? "2927408",
      roleInEnte: traits.roleInEnte ?? "TECNICO",
      cpf: traits.cpf ?? null,
      isAdmin: traits.isAdmin ?? false,
    },
  });
  for (const enteId of traits.organizes ?? []) await db.organizerRole.create({ data: { userId: user.id, enteId } });
  return (await loadActor(user.id))!;
}

export const federalOrganizer = (t: UserTraits = {}) => userFactory({ ente: "BR", roleInEnte: "GESTOR", organizes: ["BR"], ...t });
export const bahiaOrganizer = (t: UserTraits = {}) => userFactory({ ente: "29", roleInEnte: "GESTOR", organizes: ["29"], ...t });
export const pernambucoOrganizer = (t: UserTraits = {}) => userFactory({ ente: "26", roleInEnte: "GESTOR", organizes: ["26"], ...t });

const DAY = 86_400_000;
/** The local date (YYYY-MM-DD) `offset` days from today in a zone. */
export const localDay = (offset: number, tz = "America/Sao_Paulo") => toLocalParts(new Date(Date.now() + offset * DAY), tz).date;

export type ScheduleTraits = {
  /** one 09:00–12:00 session on each of these days, counted from today (negative: in the past) */
  sessionDays?: number[];
  /** registration opens at 00:00 this many days from today (default: yesterday) */
  opensIn?: number;
  /** registration closes at 23:00 this many days from today (default: the day before the first session) */
  closesIn?: number;
  timeZone?: EventFormInput["timeZone"];
};

/** Event form overrides for dates relative to today: `schedule({ sessionDays: [-10], opensIn: -20, closesIn: -11 })` is a past event. */
export function schedule({ sessionDays = [10], opensIn = -1, closesIn, timeZone = "America/Sao_Paulo" }: ScheduleTraits = {}): Partial<EventFormInput> {
  const first = Math.min(...sessionDays);
  return {
    timeZone,
    sessions: sessionDays.map((d) => ({ date: localDay(d, timeZone), start: "09:00", end: "12:00" })),
    registrationOpensAt: `${localDay(opensIn, timeZone)}T00:00`,
    registrationClosesAt: `${localDay(closesIn ?? first - 1, timeZone)}T23:00`,
  };
}

/** Form input for an event that is valid for the given organizer (Union → national, UF → its own state). */
export function eventInput(organizer: Actor, overrides: Partial<EventFormInput> = {}): EventFormInput {
  const ente = organizer.organizerOf[0]!;
  const isState = ente.kind === "UF";
  return {
    title: `Oficina de teste ${crypto.randomBytes(3).toString("hex")}`,
    type: "OFICINA",
    scope: isState ? "ESTADUAL" : "NACIONAL",
    format: "ONLINE",
    organizerEnteId: ente.id,
    timeZone: "America/Sao_Paulo",
    sessions: [{ date: localDay(10), start: "09:00", end: "12:00" }],
    audienceKind: isState ? "UF" : "TODOS",
    audienceUfId: isState ? ente.id : undefined,
    visibility: "PUBLICO",
    registrationOpensAt: `${localDay(-1)}T00:00`,
    registrationClosesAt: `${localDay(9)}T23:00`,
    workloadHours: "3",
    descriptionMd: "Descrição de teste.",
    ...overrides,
  };
}

/** A published event (or a draft with `{ publish: false }`, or a cancelled one with `{ cancelled: "reason" }`). */
export async function eventFactory(
  organizer: Actor,
  overrides: Partial<EventFormInput> = {},
  opts: { publish?: boolean; cancelled?: string } = {},
) {
  const values = eventFormSchema.parse(eventInput(organizer, overrides));
  const r = await createEvent(organizer, values);
  if (!r.ok) throw new Error(`eventFactory: ${JSON.stringify(r.fieldErrors)}`);
  if (opts.publish !== false) await publishEvent(organizer, r.slug);
  if (opts.cancelled) await cancelEvent(organizer, r.slug, opts.cancelled);
  return db.event.findUniqueOrThrow({ where: { id: r.id } });
}

/** `count` new people (with `traits`) registered one after another for the event, in that order. */
export async function registrantsFactory(eventId: string, count: number, traits: UserTraits = {}): Promise<Actor[]> {
  const people = await Promise.all(Array.from({ length: count }, () => userFactory(traits)));
  for (const p of people) await register(p, eventId);
  return people;
}

/**
 * A login session as the browser holds it: `setCookie` is what the server sent, `cookie` the
 * `Cookie` request header that sends it back. `expired: true` moves its expiry into the past;
 * `lastSeenDaysAgo` makes it look unused for that long.
 */
export async function sessionFactory(user: Pick<Actor, "userId">, traits: { expired?: boolean; lastSeenDaysAgo?: number } = {}) {
  const setCookie = await startSession(user.userId, "vitest");
  const cookie = setCookie.split(";")[0]!;
  const token = (await sessionCookie.parse(cookie)) as string;
  const id = crypto.createHash("sha256").update(token).digest("hex");
  if (traits.expired) await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  if (traits.lastSeenDaysAgo) await db.session.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - traits.lastSeenDaysAgo * DAY) } });
  return { setCookie, cookie, sessionId: id };
}

/** Moves the login attempts of an e-mail `ms` into the past (the rate limit only counts recent ones). */
export async function backdateLoginAttempts(email: string, ms: number): Promise<void> {
  await db.loginAttempt.updateMany({ where: { email }, data: { createdAt: new Date(Date.now() - ms) } });
}
