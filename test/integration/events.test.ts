import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { DomainError } from "~/lib/http.server";
import type { Actor } from "~/modules/auth/actor";
import { parseCatalogParams } from "~/modules/events/catalog";
import { catalog } from "~/modules/events/catalog.server";
import { eventFormSchema, type EventFormInput } from "~/modules/events/event-form";
import { eventPage } from "~/modules/events/event-page.server";
import {
  canViewEvent,
  cancelEvent,
  createEvent,
  duplicateEvent,
  eventFormDefaults,
  findEventBySlug,
  publishEvent,
  updateEvent,
} from "~/modules/events/events.server";
import { register } from "~/modules/registration/registration.server";

import {
  bahiaOrganizer,
  eventFactory,
  eventInput,
  federalOrganizer,
  pernambucoOrganizer,
  registrantsFactory,
  schedule,
  userFactory,
} from "../support/factories";
import { rejection } from "../support/errors";

const token = () => crypto.randomBytes(4).toString("hex");


/** What an organizer decided about an event, as stored (no ids, slugs or timestamps of the rows). */
async function storedPlan(eventId: string) {
  const e = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    include: { sessions: { orderBy: { position: "asc" } }, audienceEntes: { orderBy: { enteId: "asc" } } },
  });
  return {
    type: e.type,
    scope: e.scope,
    scopeRegion: e.scopeRegion,
    format: e.format,
    organizerEnteId: e.organizerEnteId,
    venueName: e.venueName,
    venueAddress: e.venueAddress,
    venueMunicipioId: e.venueMunicipioId,
    audienceKind: e.audienceKind,
    audienceRegion: e.audienceRegion,
    audienceIncludeMunicipios: e.audienceIncludeMunicipios,
    audienceUfId: e.audienceUfId,
    audiencePortes: e.audiencePortes,
    audienceEntes: e.audienceEntes.map((a) => a.enteId),
    visibility: e.visibility,
    capacity: e.capacity,
    registrationOpensAt: e.registrationOpensAt.toISOString(),
    registrationClosesAt: e.registrationClosesAt.toISOString(),
    workloadMinutes: e.workloadMinutes,
    descriptionMd: e.descriptionMd,
    timeZone: e.timeZone,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    sessions: e.sessions.map((s) => ({ position: s.position, title: s.title, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
  };
}

async function create(actor: Actor, input: EventFormInput) {
  return createEvent(actor, eventFormSchema.parse(input));
}

describe("creating events", () => {
  it("lets the federal team create a national event, stored as a draft with its sessions in UTC", async () => {
    const federal = await federalOrganizer();
    const input = eventInput(federal, {
      type: "SEMINARIO",
      sessions: [{ date: "2031-03-10", start: "09:00", end: "12:00" }],
      registrationOpensAt: "2031-02-01T08:00",
      registrationClosesAt: "2031-03-09T18:00",
    });
    const r = await create(federal, input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const event = await db.event.findUniqueOrThrow({ where: { id: r.id }, include: { sessions: true } });
    expect(event).toMatchObject({
      slug: r.slug,
      status: "RASCUNHO",
      scope: "NACIONAL",
      audienceKind: "TODOS",
      organizerEnteId: "BR",
      createdById: federal.userId,
      workloadMinutes: 180,
    });
    expect(event.startsAt.toISOString()).toBe("2031-03-10T12:00:00.000Z");
    expect(event.registrationOpensAt.toISOString()).toBe("2031-02-01T11:00:00.000Z");
    expect(event.sessions.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      ["2031-03-10T12:00:00.000Z", "2031-03-10T15:00:00.000Z"],
    ]);
  });

  it("lets the Bahia team create a state event for Bahia's municipalities, on site in Salvador", async () => {
    const bahia = await bahiaOrganizer();
    const r = await create(
      bahia,
      eventInput(bahia, { format: "PRESENCIAL", venueName: "Auditório da SJDHDS", venueAddress: "Av. Luiz Viana Filho", venueMunicipioBusca: "Salvador (BA)" }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await db.event.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      organizerEnteId: "29",
      scope: "ESTADUAL",
      audienceKind: "UF",
      audienceUfId: "29",
      venueMunicipioId: "2927408",
    });
  });

  it("lets the federal team choose the audience's state by typing its name when JavaScript is off", async () => {
    const federal = await federalOrganizer();
    const r = await create(federal, eventInput(federal, { audienceKind: "PORTE", audiencePortes: ["PP1"], audienceUfIdBusca: "Pernambuco" }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await db.event.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ audienceKind: "PORTE", audienceUfId: "26", audiencePortes: "PP1" });
    const wrong = await create(federal, eventInput(federal, { audienceKind: "UF", audienceUfIdBusca: "Salvador" }));
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.fieldErrors.audienceUfId?.[0]).toMatch(/Salvador/);
  });

  it("refuses an event on behalf of Pernambuco by the Bahia team, storing nothing", async () => {
    const bahia = await bahiaOrganizer();
    const before = await db.event.count();
    const r = await create(bahia, eventInput(bahia, { organizerEnteId: "26", audienceUfId: "26" }));
    expect(r).toEqual({ ok: false, fieldErrors: { organizerEnteId: ["Você não organiza eventos em nome deste ente."] } });
    expect(await db.event.count()).toBe(before);
  });

  it("refuses a Bahia event whose audience, scope or venue lies outside Bahia, with field errors", async () => {
    const bahia = await bahiaOrganizer();
    const before = await db.event.count();
    expect(await create(bahia, eventInput(bahia, { audienceUfId: "26" }))).toEqual({
      ok: false,
      fieldErrors: { audienceUfId: ["O público-alvo precisa ser do seu estado (BA)."] },
    });
    expect(await create(bahia, eventInput(bahia, { scope: "NACIONAL", audienceKind: "TODOS", audienceUfId: undefined }))).toEqual({
      ok: false,
      fieldErrors: {
        scope: ["Um estado organiza eventos de abrangência estadual ou municipal/local."],
        audienceKind: ["Um estado convida apenas o próprio estado e os seus municípios."],
      },
    });
    const list = await create(bahia, eventInput(bahia, { audienceKind: "LISTA", audienceUfId: undefined, audienceEntes: "Salvador (BA)\nRecife (PE)" }));
    expect(list).toEqual({ ok: false, fieldErrors: { audienceEntes: ["Só é possível convidar entes do seu estado (BA). Fora dele: Recife."] } });
    const venue = await create(
      bahia,
      eventInput(bahia, { format: "PRESENCIAL", venueName: "Centro", venueAddress: "Rua A", venueMunicipio: "2611606" }),
    );
    expect(venue).toEqual({ ok: false, fieldErrors: { venueMunicipio: ["O local precisa ficar em um município do seu estado (BA)."] } });
    expect(await db.event.count()).toBe(before);
  });
});

describe("another state's team", () => {
  it("gets 403 when editing, publishing, cancelling or duplicating a Bahia event, which stays as it was", async () => {
    const bahia = await bahiaOrganizer();
    const pernambuco = await pernambucoOrganizer();
    const event = await eventFactory(bahia, {}, { publish: false });
    const values = eventFormSchema.parse(await eventFormDefaults(event.id));
    const before = await db.event.count();

    for (const attempt of [
      updateEvent(pernambuco, event.slug, { ...values, title: "Título trocado por outro estado" }),
      publishEvent(pernambuco, event.slug),
      cancelEvent(pernambuco, event.slug, "tentativa"),
      duplicateEvent(pernambuco, event.slug),
    ]) {
      const error = await rejection(attempt);
      expect(error.status).toBe(403);
      expect(error.message).toBe("Este evento é organizado por outro ente: você não pode fazer isso com ele.");
    }
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ title: event.title, status: "RASCUNHO" });
    expect(await db.event.count()).toBe(before);
  });

  it("gets 404 for an event that does not exist", async () => {
    const pernambuco = await pernambucoOrganizer();
    expect((await rejection(publishEvent(pernambuco, "nao-existe"))).status).toBe(404);
  });
});

describe("updateEvent", () => {
  it("keeps the ids of the sessions that stay, creates the new ones and deletes the removed ones", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, schedule({ sessionDays: [10, 11, 12] }));
    const defaults = await eventFormDefaults(event.id);
    const [first, second, third] = defaults.sessions;
    expect([first?.id, second?.id, third?.id].every(Boolean)).toBe(true);

    const r = await updateEvent(
      federal,
      event.slug,
      eventFormSchema.parse({
        ...defaults,
        sessions: [
          { ...third!, start: "14:00", end: "17:00" },
          first!,
          { date: third!.date, start: "18:00", end: "19:00", title: "Encerramento" },
        ],
      }),
    );
    expect(r).toEqual({ ok: true, id: event.id, slug: event.slug });

    const sessions = await db.eventSession.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } });
    expect(sessions).toHaveLength(3);
    expect(sessions[0]).toMatchObject({ id: third!.id, position: 0 });
    expect(sessions[1]).toMatchObject({ id: first!.id, position: 1 });
    expect(sessions[2]!.id).not.toBe(second!.id);
    expect(sessions[2]).toMatchObject({ position: 2, title: "Encerramento" });
    expect(await db.eventSession.count({ where: { id: second!.id } })).toBe(0);
    // 14:00 in Brasília is 17:00 UTC; the event's span follows its sessions.
    expect(sessions[0]!.startsAt.toISOString()).toBe(`${third!.date}T17:00:00.000Z`);
    const stored = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.startsAt.toISOString()).toBe(`${first!.date}T12:00:00.000Z`);
    expect(stored.endsAt.toISOString()).toBe(`${third!.date}T22:00:00.000Z`);
  });

  it("never takes over a session of another event whose id is slipped into the form", async () => {
    const federal = await federalOrganizer();
    const [mine, other] = [await eventFactory(federal), await eventFactory(federal)];
    const foreign = await db.eventSession.findFirstOrThrow({ where: { eventId: other.id } });
    const defaults = await eventFormDefaults(mine.id);
    const r = await updateEvent(
      federal,
      mine.slug,
      eventFormSchema.parse({ ...defaults, sessions: [...defaults.sessions, { id: foreign.id, date: defaults.sessions[0]!.date, start: "14:00", end: "15:00" }] }),
    );
    expect(r.ok).toBe(true);
    expect(await db.eventSession.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(foreign);
    const sessions = await db.eventSession.findMany({ where: { eventId: mine.id } });
    expect(sessions).toHaveLength(2);
    expect(sessions.map((s) => s.id)).not.toContain(foreign.id);
  });

  it("refuses a capacity below the confirmed registrations with a field error, changing nothing", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { capacity: 3 });
    await registrantsFactory(event.id, 3);
    const defaults = await eventFormDefaults(event.id);

    const r = await updateEvent(federal, event.slug, eventFormSchema.parse({ ...defaults, title: "Título novo do evento", capacity: 2 }));
    expect(r).toEqual({
      ok: false,
      fieldErrors: { capacity: ["Já há 3 inscrições confirmadas: a capacidade não pode ser menor que isso."] },
    });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ capacity: 3, title: event.title });
  });

  it("promotes the waitlist in arrival order when the capacity grows", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { capacity: 2 });
    const people = await registrantsFactory(event.id, 6);
    const defaults = await eventFormDefaults(event.id);

    expect((await updateEvent(federal, event.slug, eventFormSchema.parse({ ...defaults, capacity: 4 }))).ok).toBe(true);
    const status = async () =>
      Object.fromEntries(
        (await db.registration.findMany({ where: { eventId: event.id } })).map((r) => [people.findIndex((p) => p.userId === r.userId), r.status]),
      );
    expect(await status()).toEqual({ 0: "CONFIRMADA", 1: "CONFIRMADA", 2: "CONFIRMADA", 3: "CONFIRMADA", 4: "ESPERA", 5: "ESPERA" });

    // Removing the limit confirms everyone left.
    expect((await updateEvent(federal, event.slug, eventFormSchema.parse({ ...defaults, capacity: undefined }))).ok).toBe(true);
    expect(Object.values(await status()).every((s) => s === "CONFIRMADA")).toBe(true);
  });

  it("refuses to edit a cancelled event with 409", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, {}, { cancelled: "Mudança de agenda" });
    const defaults = await eventFormDefaults(event.id);
    const error = await rejection(updateEvent(federal, event.slug, eventFormSchema.parse({ ...defaults, title: "Outro título qualquer" })));
    expect(error.status).toBe(409);
    expect(error.message).toBe("Este evento foi cancelado e não pode mais ser editado.");
    expect((await rejection(publishEvent(federal, event.slug))).status).toBe(409);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      title: event.title,
      status: "CANCELADO",
      cancellationReason: "Mudança de agenda",
    });
  });
});

describe("duplicateEvent", () => {
  it("creates a draft “Cópia de …” with the same sessions and audience, and no registrations", async () => {
    const bahia = await bahiaOrganizer();
    const source = await eventFactory(bahia, {
      ...schedule({ sessionDays: [20, 21] }),
      audienceKind: "LISTA",
      audienceUfId: undefined,
      audienceEntes: "Salvador (BA)\n2910800\nBahia",
      capacity: 40,
    });
    await registrantsFactory(source.id, 2, { ente: "2927408" });

    const r = await duplicateEvent(bahia, source.slug);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const copy = await db.event.findUniqueOrThrow({ where: { id: r.id } });
    expect(copy).toMatchObject({ title: `Cópia de ${source.title}`, status: "RASCUNHO", duplicatedFromId: source.id, createdById: bahia.userId });
    expect(copy.slug).not.toBe(source.slug);
    expect(await storedPlan(copy.id)).toEqual(await storedPlan(source.id));
    expect((await storedPlan(copy.id)).audienceEntes).toEqual(["29", "2910800", "2927408"]);
    const ids = async (eventId: string) => (await db.eventSession.findMany({ where: { eventId } })).map((s) => s.id);
    const [copyIds, sourceIds] = [await ids(copy.id), await ids(source.id)];
    expect(copyIds).toHaveLength(2);
    expect(copyIds.filter((id) => sourceIds.includes(id))).toEqual([]);
    expect(await db.registration.count({ where: { eventId: copy.id } })).toBe(0);
  });
});

describe("eventFormDefaults", () => {
  it("round-trips through eventFormSchema and createEvent to the same event, in the event's own time zone", async () => {
    const federal = await federalOrganizer();
    const source = await eventFactory(federal, {
      ...schedule({ sessionDays: [30, 31], timeZone: "America/Rio_Branco" }),
      type: "VISITA_TECNICA",
      scope: "REGIONAL",
      scopeRegion: "Norte",
      format: "HIBRIDO",
      venueName: "Centro de Convenções",
      venueAddress: "Av. Ceará, 1000",
      venueMunicipioBusca: "Rio Branco (AC)",
      audienceKind: "LISTA",
      audienceEntes: "1200401 Rio Branco (AC)\nAcre\n1302603",
      visibility: "CONVITE",
      capacity: 25,
      workloadHours: "4,5",
      descriptionMd: "# Programação\n\n- visita\n- debate",
    });
    const defaults = await eventFormDefaults(source.id);
    expect(defaults.timeZone).toBe("America/Rio_Branco");
    expect(defaults.sessions.map((s) => [s.start, s.end])).toEqual([
      ["09:00", "12:00"],
      ["09:00", "12:00"],
    ]);

    const r = await createEvent(federal, eventFormSchema.parse(defaults));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const copy = await storedPlan(r.id);
    expect(copy).toEqual(await storedPlan(source.id));
    expect(copy).toMatchObject({ workloadMinutes: 270, venueMunicipioId: "1200401", audienceEntes: ["12", "1200401", "1302603"] });
    // 09:00 in Acre (UTC−5) is 14:00 UTC.
    expect(copy.sessions[0]!.startsAt).toMatch(/T14:00:00\.000Z$/);
  });
});

describe("the public catalog", () => {
  const tag = token();
  let federal: Actor;
  const slugs: Record<string, string> = {};

  async function list(query: string) {
    const parsed = parseCatalogParams(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(parsed.message);
    const r = await catalog(parsed.filters);
    return { ...r, slugs: r.events.map((e) => e.slug) };
  }

  beforeAll(async () => {
    federal = await federalOrganizer();
    const bahia = await bahiaOrganizer();
    const make = async (key: string, organizer: Actor, overrides: Partial<EventFormInput>, opts = {}) => {
      slugs[key] = (await eventFactory(organizer, { title: `${key} ${tag}`, ...overrides }, opts)).slug;
    };
    await make("seminario", federal, { type: "SEMINARIO", ...schedule({ sessionDays: [5] }) });
    await make("oficina", bahia, {
      type: "OFICINA",
      format: "PRESENCIAL",
      venueName: "Auditório",
      venueAddress: "Rua B",
      venueMunicipioBusca: "Feira de Santana (BA)",
      ...schedule({ sessionDays: [6] }),
    });
    await make("encontro-passado", federal, {
      type: "ENCONTRO",
      format: "HIBRIDO",
      venueName: "Centro",
      venueAddress: "Rua C",
      venueMunicipio: "2611606",
      ...schedule({ sessionDays: [-10], opensIn: -30, closesIn: -11 }),
    });
    await make("cancelado", federal, { type: "TRANSMISSAO", ...schedule({ sessionDays: [7] }) }, { cancelled: "Sem palestrantes" });
    await make("rascunho", federal, { type: "SEMINARIO", ...schedule({ sessionDays: [8] }) }, { publish: false });
    await make("convite", federal, { type: "SEMINARIO", visibility: "CONVITE", ...schedule({ sessionDays: [9] }) });
  });

  it("lists upcoming public events by default, cancelled ones included, soonest first", async () => {
    const r = await list(`q=${tag}`);
    expect(r.slugs).toEqual([slugs.seminario, slugs.oficina, slugs.cancelado]);
    expect(r.events.find((e) => e.slug === slugs.cancelado)?.status).toBe("CANCELADO");
  });

  it("never lists drafts nor invite-only events, whatever the period", async () => {
    const r = await list(`q=${tag}&quando=todos`);
    expect(r.total).toBe(4);
    expect(r.slugs).not.toContain(slugs.rascunho);
    expect(r.slugs).not.toContain(slugs.convite);
  });

  it("filters by type, format and scope using the pt-BR URL values", async () => {
    expect((await list(`q=${tag}&tipo=oficina`)).slugs).toEqual([slugs.oficina]);
    expect((await list(`q=${tag}&tipo=seminario`)).slugs).toEqual([slugs.seminario]);
    expect((await list(`q=${tag}&formato=presencial`)).slugs).toEqual([slugs.oficina]);
    expect((await list(`q=${tag}&formato=hibrido&quando=todos`)).slugs).toEqual([slugs["encontro-passado"]]);
    expect((await list(`q=${tag}&abrangencia=estadual`)).slugs).toEqual([slugs.oficina]);
    expect((await list(`q=${tag}&abrangencia=nacional`)).slugs).toEqual([slugs.seminario, slugs.cancelado]);
  });

  it("filters by UF through the organizing state or the venue", async () => {
    expect((await list(`q=${tag}&uf=ba`)).slugs).toEqual([slugs.oficina]);
    expect((await list(`q=${tag}&uf=PE&quando=todos`)).slugs).toEqual([slugs["encontro-passado"]]);
    expect((await list(`q=${tag}&uf=SP&quando=todos`)).total).toBe(0);
  });

  it("splits past and upcoming events, the past ones latest first", async () => {
    expect((await list(`q=${tag}&quando=passados`)).slugs).toEqual([slugs["encontro-passado"]]);
    expect((await list(`q=${tag}&quando=todos`)).slugs[0]).toBe(slugs["encontro-passado"]);
  });

  it("searches the title, ignoring accents and case", async () => {
    expect((await list(`q=oficina ${tag}`)).slugs).toEqual([slugs.oficina]);
    expect((await list(`q=ÓFICÍNA ${tag}`)).slugs).toEqual([slugs.oficina]);
    expect((await list(`q=${tag}-inexistente`)).total).toBe(0);
  });

  it("pages 12 events at a time", async () => {
    const pageTag = token();
    for (let i = 0; i < 13; i++) await eventFactory(federal, { title: `Pagina ${pageTag} ${i}`, ...schedule({ sessionDays: [40 + i] }) });
    const first = await list(`q=${pageTag}`);
    const second = await list(`q=${pageTag}&pagina=2`);
    expect(first).toMatchObject({ total: 13, pages: 2 });
    expect(first.events).toHaveLength(12);
    expect(second.events.map((e) => e.title)).toEqual([`Pagina ${pageTag} 12`]);
    expect((await list(`q=${pageTag}&pagina=3`)).events).toEqual([]);
  });

  it("rejects unknown filter values", () => {
    expect(parseCatalogParams(new URLSearchParams("tipo=xyz"))).toEqual({ ok: false, message: "Tipo de evento desconhecido." });
    expect(parseCatalogParams(new URLSearchParams("pagina=abc")).ok).toBe(false);
  });
});

describe("who may see an event page", () => {
  async function viewer(slug: string, actor: Actor | null) {
    return eventPage(slug, actor, `http://localhost/eventos/${slug}`).then(
      (page) => ({ ok: true as const, page }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  }

  it("shows a draft only to its organizers; everyone else gets 404", async () => {
    const bahia = await bahiaOrganizer();
    const draft = await eventFactory(bahia, {}, { publish: false });
    const full = (await findEventBySlug(draft.slug))!;
    const [federal, pernambuco, technician] = await Promise.all([federalOrganizer(), pernambucoOrganizer(), userFactory({ ente: "2927408" })]);

    expect(canViewEvent(bahia, full)).toBe(true);
    expect(await viewer(draft.slug, bahia)).toMatchObject({ ok: true, page: { event: { status: "RASCUNHO" }, me: { canManage: true } } });
    for (const actor of [federal, pernambuco, technician, null]) {
      expect(canViewEvent(actor, full)).toBe(false);
      const r = await viewer(draft.slug, actor);
      expect(r.ok).toBe(false);
      expect(r.ok ? null : r.error).toBeInstanceOf(DomainError);
      expect((r as { error: DomainError }).error.status).toBe(404);
    }
  });

  it("shows an invite-only event to its audience and organizers, 404 to others, and sends anonymous visitors to log in", async () => {
    const bahia = await bahiaOrganizer();
    const event = await eventFactory(bahia, { visibility: "CONVITE" });
    const full = (await findEventBySlug(event.slug))!;
    const [federal, pernambuco, salvador, recife] = await Promise.all([
      federalOrganizer(),
      pernambucoOrganizer(),
      userFactory({ ente: "2927408" }),
      userFactory({ ente: "2611606" }),
    ]);

    for (const actor of [bahia, federal, salvador]) {
      expect(canViewEvent(actor, full)).toBe(true);
      expect(await viewer(event.slug, actor)).toMatchObject({ ok: true, page: { event: { inviteOnly: true } } });
    }
    expect(canViewEvent(pernambuco, full)).toBe(false);
    for (const actor of [pernambuco, recife]) {
      const r = await viewer(event.slug, actor);
      expect((r as { error: DomainError }).error).toBeInstanceOf(DomainError);
      expect((r as { error: DomainError }).error.status).toBe(404);
    }

    const anonymous = await viewer(event.slug, null);
    expect(anonymous.ok).toBe(false);
    const response = (anonymous as { error: unknown }).error;
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(`/entrar?redirectTo=${encodeURIComponent(`/eventos/${event.slug}`)}`);
  });

  it("shows a published public event to anyone, with what the visitor may do", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { capacity: 1 });
    const [first, second] = await Promise.all([userFactory(), userFactory()]);
    await register(first, event.id);
    await register(second, event.id);

    expect(await viewer(event.slug, null)).toMatchObject({
      ok: true,
      page: { me: { signedIn: false, canRegister: false, reasonKind: "anonymous" }, event: { confirmed: 1, waiting: 1 } },
    });
    expect(await viewer(event.slug, second)).toMatchObject({ ok: true, page: { me: { status: "ESPERA", waitlistPosition: 1, canCancel: true } } });
  });

  it("answers 404 for a malformed or unknown slug", async () => {
    for (const slug of ["nao-existe", "../etc/passwd", "A".repeat(130)]) {
      const r = await viewer(slug, null);
      expect((r as { error: DomainError }).error.status).toBe(404);
    }
  });
});
