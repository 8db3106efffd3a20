// Invitations across the federation on a real database: who is invited and told, accepting within
// the seats (also under concurrent acceptances), declining, tokens, nominations and swaps,
// invite-only registration, reminders and the follow-up.
import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { answerInvitation, invitationByToken, invitationOverview, invitePeople, inviteEntes, nominate, releaseSeat, remindPending } from "~/modules/invitations/invitations.server";
import { invitationToken } from "~/modules/invitations/tokens.server";
import { register } from "~/modules/registration/registration.server";

import { rejection } from "../support/errors";
import { bahiaOrganizer, eventFactory, federalOrganizer, pernambucoOrganizer, userFactory } from "../support/factories";

/** A Bahia invite-only event, and a gestora of Juazeiro (BA). */
async function scene(overrides: Parameters<typeof eventFactory>[1] = {}) {
  const bahia = await bahiaOrganizer();
  const event = await eventFactory(bahia, { visibility: "CONVITE", capacity: 100, ...overrides });
  const gestora = await userFactory({ name: "Gestora de Juazeiro", ente: "2918407", roleInEnte: "GESTOR" });
  return { bahia, event, gestora };
}

async function tokenOf(eventId: string, email: string) {
  const link = await db.invitationLink.findUniqueOrThrow({ where: { eventId_email: { eventId, email } } });
  return invitationToken(link.id);
}

describe("inviting entes", () => {
  it("invites the chosen municipalities with their seats and e-mails each gestor a personal link", async () => {
    const { bahia, event, gestora } = await scene();
    const r = await inviteEntes(bahia, event.slug, { enteIds: ["2918407", "2910800"], quota: 2, extraEmails: { "2910800": ["cras@feiradesantana.ba.gov.br"] } });
    expect(r).toMatchObject({ invited: 2, alreadyInvited: 0, messages: 2, withoutRecipients: [] });
    const invitations = await db.enteInvitation.findMany({ where: { eventId: event.id }, orderBy: { enteId: "asc" } });
    expect(invitations.map((i) => [i.enteId, i.quota, i.status])).toEqual([
      ["2910800", 2, "PENDENTE"],
      ["2918407", 2, "PENDENTE"],
    ]);
    const mails = await db.outboxMessage.findMany({ where: { eventId: event.id, purpose: "convite" }, orderBy: { toEmail: "asc" } });
    expect(mails.map((m) => m.toEmail)).toEqual(["cras@feiradesantana.ba.gov.br", gestora.email]);
    expect(mails[1]!.text).toContain(`/convites/${await tokenOf(event.id, gestora.email)}`);
    expect(mails[1]!.text).toMatch(/2 vagas/);
  });

  it("says which entes have nobody to receive the invitation", async () => {
    const { bahia, event } = await scene();
    const r = await inviteEntes(bahia, event.slug, { enteIds: ["2900207"], quota: 1 });
    expect(r.withoutRecipients).toEqual(["Abaré (BA)"]);
  });

  it("refuses a state team inviting another state's municipalities, and a team not organizing the event", async () => {
    const { bahia, event } = await scene();
    expect((await rejection(inviteEntes(bahia, event.slug, { enteIds: ["2611606"], quota: 2 }))).status).toBe(403);
    expect((await rejection(inviteEntes(await pernambucoOrganizer(), event.slug, { enteIds: ["2918407"], quota: 2 }))).status).toBe(403);
    expect(await db.enteInvitation.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses invitations for drafts and for a quota outside 1–500", async () => {
    const bahia = await bahiaOrganizer();
    const draft = await eventFactory(bahia, {}, { publish: false });
    expect((await rejection(inviteEntes(bahia, draft.slug, { enteIds: ["2918407"], quota: 2 }))).status).toBe(409);
    const { event } = await scene();
    const e = await rejection(inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 0 }));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/de 1 a 500/);
  });

  it("suggests the event's own seats per ente, set in the event form", async () => {
    const { invitationQuotaOf } = await import("~/modules/invitations/invitations.server");
    const { event } = await scene({ invitationQuota: 5 });
    expect(await invitationQuotaOf(event.id)).toBe(5);
  });

  it("lets the federal team invite states", async () => {
    const federal = await federalOrganizer();
    const event = await eventFactory(federal, { visibility: "CONVITE" });
    const stateTeam = await bahiaOrganizer();
    await inviteEntes(federal, event.slug, { enteIds: ["29", "26"], quota: 3 });
    expect(await db.invitationLink.count({ where: { eventId: event.id, email: stateTeam.email } })).toBe(1);
  });
});

describe("answering", () => {
  it("registers the gestora when she accepts, within the ente's seats, and marks the ente as answered", async () => {
    const { bahia, event, gestora } = await scene();
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 2 });
    const token = await tokenOf(event.id, gestora.email);
    const r = await answerInvitation(gestora, token, "aceitar");
    expect(r).toMatchObject({ kind: "aceito", registration: { status: "CONFIRMADA" } });
    const reg = await db.registration.findFirstOrThrow({ where: { eventId: event.id, userId: gestora.userId } });
    expect(reg.enteInvitationId).not.toBeNull();
    expect((await db.enteInvitation.findFirstOrThrow({ where: { eventId: event.id } })).status).toBe("ACEITO");
    expect((await answerInvitation(gestora, token, "aceitar")).kind).toBe("ja-respondido");
  });

  it("gives exactly the seats when 50 people of one municipality accept at once", async () => {
    const { bahia, event } = await scene();
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => userFactory({ ente: "2918407", name: `Pessoa ${i}` })));
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 2, extraEmails: { "2918407": people.map((p) => p.email) } });
    const tokens = await Promise.all(people.map((p) => tokenOf(event.id, p.email)));
    const results = await Promise.allSettled(people.map((p, i) => answerInvitation(p, tokens[i]!, "aceitar")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(48);
    expect(refused.every((r) => r.reason.status === 409 && /As 2 vagas de Juazeiro \(BA\)/.test(r.reason.message))).toBe(true);
    expect(await db.registration.count({ where: { eventId: event.id, status: { in: ["CONFIRMADA", "ESPERA"] } } })).toBe(2);
    // Everyone the invitation went to is told, once, that the seats are gone.
    const inv = await db.enteInvitation.findFirstOrThrow({ where: { eventId: event.id } });
    const recipients = await db.invitationLink.count({ where: { enteInvitationId: inv.id } });
    expect(recipients).toBeGreaterThanOrEqual(50);
    expect(await db.outboxMessage.count({ where: { eventId: event.id, purpose: "vagas-esgotadas" } })).toBe(recipients);
  });

  it("declines without an account, and lets her change her mind before the deadline", async () => {
    const { bahia, event, gestora } = await scene();
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 2 });
    const token = await tokenOf(event.id, gestora.email);
    expect(await answerInvitation(null, token, "recusar")).toEqual({ kind: "recusado" });
    expect((await db.enteInvitation.findFirstOrThrow({ where: { eventId: event.id } })).status).toBe("RECUSADO");
    expect((await answerInvitation(gestora, token, "aceitar")).kind).toBe("aceito");
  });

  it("refuses an account other than the invited address", async () => {
    const { bahia, event, gestora } = await scene();
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 2 });
    const other = await userFactory({ ente: "2918407" });
    const e = await rejection(answerInvitation(other, await tokenOf(event.id, gestora.email), "aceitar"));
    expect(e.status).toBe(403);
    expect(e.message).toContain(gestora.email);
  });

  it("answers 404 to forged or unknown links and 410 to expired ones, changing nothing", async () => {
    const { bahia, event, gestora } = await scene();
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 2 });
    const token = await tokenOf(event.id, gestora.email);
    expect((await rejection(invitationByToken(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A")))).status).toBe(404);
    expect((await rejection(invitationByToken("nada"))).status).toBe(404);
    const later = new Date(event.registrationClosesAt.getTime() + 1);
    expect((await rejection(invitationByToken(token, later))).status).toBe(410);
    expect((await rejection(answerInvitation(gestora, token, "aceitar", later))).status).toBe(410);
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("invite-only registration", () => {
  it("lets people of an invited ente register from the event page, within its seats, and nobody else", async () => {
    const { bahia, event } = await scene();
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 1 });
    const a = await userFactory({ ente: "2918407" });
    const b = await userFactory({ ente: "2918407" });
    const outsider = await userFactory({ ente: "2927408" });
    expect((await register(a, event.id)).status).toBe("CONFIRMADA");
    expect((await rejection(register(b, event.id))).status).toBe(409);
    const e = await rejection(register(outsider, event.id));
    expect(e.status).toBe(403);
    expect(e.message).toMatch(/somente para convidados/);
  });

  it("admits a person invited by e-mail", async () => {
    const { bahia, event } = await scene();
    const p = await userFactory({ ente: "2927408" });
    await invitePeople(bahia, event.slug, [{ email: p.email }]);
    expect((await register(p, event.id)).status).toBe("CONFIRMADA");
  });
});

describe("nominations", () => {
  it("lets the gestora nominate a colleague of the same municipality, refuses others, and swaps", async () => {
    const { bahia, event, gestora } = await scene();
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 2 });
    await answerInvitation(gestora, await tokenOf(event.id, gestora.email), "aceitar");
    const inv = await db.enteInvitation.findFirstOrThrow({ where: { eventId: event.id } });
    const colega = await userFactory({ ente: "2918407", name: "Colega de Juazeiro" });
    expect(await nominate(gestora, inv.id, colega.email)).toEqual({ kind: "inscrita", name: "Colega de Juazeiro", status: "CONFIRMADA" });
    const message = await db.outboxMessage.findFirstOrThrow({ where: { userId: colega.userId, purpose: "indicacao" } });
    expect(message.text).toContain("Gestora de Juazeiro");
    expect(message.icsMethod).toBe("REQUEST");

    const terceira = await userFactory({ ente: "2918407" });
    expect((await rejection(nominate(gestora, inv.id, terceira.email))).status).toBe(409);
    const forasteira = await userFactory({ ente: "2927408" });
    expect((await rejection(nominate(gestora, inv.id, forasteira.email))).status).toBe(422);

    const colegaReg = await db.registration.findFirstOrThrow({ where: { eventId: event.id, userId: colega.userId } });
    await releaseSeat(gestora, inv.id, colegaReg.id);
    expect((await db.registration.findUniqueOrThrow({ where: { id: colegaReg.id } })).status).toBe("REMOVIDA");
    expect((await nominate(gestora, inv.id, terceira.email)).kind).toBe("inscrita");
  });

  it("invites a colleague without an account with the ente pre-filled, on the ente's seats", async () => {
    const { bahia, event, gestora } = await scene();
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 2 });
    const inv = await db.enteInvitation.findFirstOrThrow({ where: { eventId: event.id } });
    expect(await nominate(gestora, inv.id, "nova.colega@juazeiro.ba.gov.br")).toEqual({ kind: "convidada", email: "nova.colega@juazeiro.ba.gov.br" });
    const link = await db.invitationLink.findFirstOrThrow({ where: { email: "nova.colega@juazeiro.ba.gov.br" } });
    expect(link).toMatchObject({ enteInvitationId: inv.id, enteId: "2918407" });
  });

  it("refuses nominations by a technician who did not accept, or by someone of another ente", async () => {
    const { bahia, event } = await scene();
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 2 });
    const inv = await db.enteInvitation.findFirstOrThrow({ where: { eventId: event.id } });
    const tecnico = await userFactory({ ente: "2918407", roleInEnte: "TECNICO" });
    expect((await rejection(nominate(tecnico, inv.id, "x@y.gov.br"))).status).toBe(403);
    const outra = await userFactory({ ente: "2927408", roleInEnte: "GESTOR" });
    expect((await rejection(nominate(outra, inv.id, "x@y.gov.br"))).status).toBe(403);
  });
});

describe("follow-up", () => {
  it("shows per ente who answered and the seats used, reminds those who did not, and gives the state's coverage", async () => {
    const { bahia, event, gestora } = await scene();
    const feira = await userFactory({ ente: "2910800", roleInEnte: "GESTOR" });
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407", "2910800", "2927408"], quota: 2 });
    await answerInvitation(gestora, await tokenOf(event.id, gestora.email), "aceitar");
    const all = await invitationOverview(bahia, event.slug);
    expect(all.counts).toEqual({ PENDENTE: 2, ACEITO: 1, RECUSADO: 0 });
    expect(all.rows.find((r) => r.enteId === "2918407")).toMatchObject({ status: "ACEITO", used: 1, quota: 2 });
    expect(all.coverage).toEqual({ total: 417, invited: 3, answered: 1, withSeatsUsed: 1 });
    expect(all.coverageRows).toHaveLength(417);
    expect(all.coverageRows.find((m) => m.id === "2918407")).toMatchObject({ status: "Aceito", used: 1, quota: 2 });
    expect(all.coverageRows.find((m) => m.id === "2900207")).toMatchObject({ status: "Não convidado", quota: null });
    expect((await invitationOverview(bahia, event.slug, "sem-resposta")).rows.map((r) => r.enteId).sort()).toEqual(["2910800", "2927408"]);

    // Reminders go to every recipient of the entes that did not answer, and only to them.
    const pendingLinks = await db.invitationLink.count({ where: { eventId: event.id, status: "PENDENTE", enteInvitation: { status: "PENDENTE" } } });
    const r = await remindPending(bahia, event.slug);
    expect(r).toEqual({ entes: 2, messages: pendingLinks });
    const reminders = await db.outboxMessage.findMany({ where: { eventId: event.id, purpose: "convite-lembrete" } });
    expect(reminders.map((m) => m.toEmail)).toContain(feira.email);
    expect(reminders.map((m) => m.toEmail)).not.toContain(gestora.email);
    expect(reminders[0]!.subject).toMatch(/^Lembrete de convite:/);
    expect((await remindPending(bahia, event.slug)).messages).toBe(pendingLinks);
    expect(await db.outboxMessage.count({ where: { eventId: event.id, purpose: "convite-lembrete" } })).toBe(2 * pendingLinks);
  });

  it("shows a state's invitations to the federal team but not to another state", async () => {
    const { bahia, event } = await scene();
    await inviteEntes(bahia, event.slug, { enteIds: ["2918407"], quota: 2 });
    expect((await invitationOverview(await federalOrganizer(), event.slug)).rows).toHaveLength(1);
    expect((await rejection(invitationOverview(await pernambucoOrganizer(), event.slug))).status).toBe(403);
  });
});
