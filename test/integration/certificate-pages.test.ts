// The participant's and the public's pages of presence and certificates, through their route
// modules: the printable check-in QR, presence with its explanation, "Meus certificados", the PDF
// download and the public verification page — each with who may see what.
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { verifyBadge } from "~/modules/attendance/badge.server";
import { issueNextBatch, requestIssuing } from "~/modules/certificates/certificates.server";
import { badgeImages } from "~/modules/email/outbox.server";
import { register } from "~/modules/registration/registration.server";
import { loader as pdfLoader } from "~/routes/certificados.$codigo.pdf";
import { loader as verifyLoader } from "~/routes/certificados.validar.$codigo";
import { loader as verifyFormLoader } from "~/routes/certificados.validar._index";
import { loader as myCertificatesLoader } from "~/routes/meus-certificados";
import { loader as myRecordLoader } from "~/routes/minhas-inscricoes.$slug";
import { action as certificatesAction, loader as certificatesLoader } from "~/routes/organizar.eventos.$slug.certificados";
import { action as presenceAction } from "~/routes/organizar.eventos.$slug.presenca";

import { bahiaOrganizer, cpfFactory, eventFactory, federalOrganizer, schedule, sessionFactory, userFactory } from "../support/factories";
import { callRoute, jsonOf } from "../support/routes";

/** A hybrid event in Feira de Santana whose only session ran yesterday 09:00–12:00 (São Paulo), two participants. */
async function scene() {
  const organizer = await bahiaOrganizer();
  const event = await eventFactory(organizer, {
    ...schedule({ sessionDays: [-1], opensIn: -5, closesIn: -2 }),
    format: "HIBRIDO",
    venueName: "Centro de convenções",
    venueAddress: "Av. Principal, 100",
    venueMunicipio: "2910800",
  });
  // Registration closed before the session: register through the domain with a time inside the window.
  const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
  const cpf = cpfFactory();
  const ana = await userFactory({ name: "Ana Conceição Araújo", cpf });
  const bia = await userFactory({ name: "Beatriz Souza" });
  const at = new Date(event.registrationOpensAt!.getTime() + 60_000);
  const anaReg = await register(ana, event.id, at);
  const biaReg = await register(bia, event.id, at);
  return { organizer, event, session, ana, cpf, bia, anaReg: anaReg.registrationId, biaReg: biaReg.registrationId };
}

type Scene = Awaited<ReturnType<typeof scene>>;

/** Ana checks in at the start (no check-out: she counts to the end); Beatriz stays 30 minutes online. */
async function attend(s: Scene) {
  await db.checkIn.create({ data: { id: crypto.randomUUID(), sessionId: s.session.id, registrationId: s.anaReg, kind: "ENTRADA", at: s.session.startsAt, method: "qr" } });
  await db.presenceInterval.create({
    data: {
      sessionId: s.session.id,
      registrationId: s.biaReg,
      participantSid: "PA_bia",
      source: "webhook",
      identity: `p:${s.biaReg}`,
      startedAt: s.session.startsAt,
      endedAt: new Date(s.session.startsAt.getTime() + 30 * 60_000),
    },
  });
}

async function issueAll(s: Scene) {
  await requestIssuing(s.organizer, s.event.slug);
  while (await issueNextBatch()) {
    /* until the run is done */
  }
  return db.certificate.findMany({ where: { eventId: s.event.id }, orderBy: { issuedAt: "asc" } });
}

async function cookieOf(user: { userId: string }) {
  return (await sessionFactory(user)).cookie;
}

describe("my registration page", () => {
  it("shows a confirmed participant of an on-site event her check-in QR, which decodes to a badge signed for her registration", async () => {
    const s = await scene();
    const { response } = await callRoute(myRecordLoader, `/minhas-inscricoes/${s.event.slug}`, { params: { slug: s.event.slug }, cookie: await cookieOf(s.ana) });
    const data = await jsonOf<{ badge: { image: string } | null }>(response);
    expect(data.badge?.image).toMatch(/^data:image\/png;base64,/);
    const png = PNG.sync.read(Buffer.from(data.badge!.image.split(",")[1]!, "base64"));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(await verifyBadge(decoded!.data)).toEqual({ ok: true, registrationId: s.anaReg, eventId: s.event.id });
  });

  it("explains her presence and whether she qualifies, session by session", async () => {
    const s = await scene();
    await attend(s);
    const ana = await jsonOf<{ presence: { qualifies: boolean; explanation: string[]; sessions: { onsite: number; minutes: number }[] } }>(
      (await callRoute(myRecordLoader, `/minhas-inscricoes/${s.event.slug}`, { params: { slug: s.event.slug }, cookie: await cookieOf(s.ana) })).response,
    );
    expect(ana.presence).toMatchObject({ qualifies: true, sessions: [{ onsite: 180, minutes: 180 }] });
    const bia = await jsonOf<{ presence: { qualifies: boolean; explanation: string[] } }>(
      (await callRoute(myRecordLoader, `/minhas-inscricoes/${s.event.slug}`, { params: { slug: s.event.slug }, cookie: await cookieOf(s.bia) })).response,
    );
    expect(bia.presence.qualifies).toBe(false);
    expect(bia.presence.explanation.join(" ")).toContain("Você esteve presente em 16,6 % do horário do evento; o mínimo é 75 %.");
  });

  it("answers 404 to someone without a registration in the event, and sends the anonymous to sign in", async () => {
    const s = await scene();
    const stranger = await userFactory();
    const { response } = await callRoute(myRecordLoader, `/minhas-inscricoes/${s.event.slug}`, { params: { slug: s.event.slug }, cookie: await cookieOf(stranger) });
    expect(response.status).toBe(404);
    const anonymous = await callRoute(myRecordLoader, `/minhas-inscricoes/${s.event.slug}`, { params: { slug: s.event.slug } });
    expect(anonymous.response.status).toBe(302);
    expect(anonymous.response.headers.get("Location")).toContain("/entrar?");
  });

  it("gives no QR for an online event", async () => {
    const organizer = await federalOrganizer();
    const event = await eventFactory(organizer, { format: "ONLINE" });
    const p = await userFactory();
    await register(p, event.id);
    const data = await jsonOf<{ badge: unknown }>((await callRoute(myRecordLoader, `/minhas-inscricoes/${event.slug}`, { params: { slug: event.slug }, cookie: await cookieOf(p) })).response);
    expect(data.badge).toBeNull();
  });
});

describe("the confirmation e-mail of an on-site event", () => {
  it("refers to the check-in QR inline and the sender draws it for her registration", async () => {
    const s = await scene();
    const message = await db.outboxMessage.findFirstOrThrow({ where: { userId: s.ana.userId, purpose: "inscricao-confirmada" } });
    expect(message.badgeRegistrationId).toBe(s.anaReg);
    expect(message.html).toContain('src="cid:cracha@apoia-suas"');
    const [image] = await badgeImages(message.badgeRegistrationId!);
    expect(image).toMatchObject({ cid: "cracha@apoia-suas", filename: "cracha-apoia-suas.png" });
    expect(image!.dataUrl).toMatch(/^data:image\/png;base64,/);
  });
});

describe("certificates for participants and the public", () => {
  it("lists the holder's certificate, lets her and the organizers download the PDF and refuses anyone else", async () => {
    const s = await scene();
    await attend(s);
    const [cert] = await issueAll(s);
    expect(cert!.registrationId).toBe(s.anaReg);
    const list = await jsonOf<{ certificates: { code: string; status: string }[] }>((await callRoute(myCertificatesLoader, "/meus-certificados", { cookie: await cookieOf(s.ana) })).response);
    expect(list.certificates).toHaveLength(1);
    const code = list.certificates[0]!.code;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    for (const who of [s.ana, s.organizer]) {
      const { response } = await callRoute(pdfLoader, `/certificados/${code}/pdf`, { params: { codigo: code }, cookie: await cookieOf(who) });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    }
    const other = await callRoute(pdfLoader, `/certificados/${code}/pdf`, { params: { codigo: code }, cookie: await cookieOf(s.bia) });
    expect(other.response.status).toBe(403);
    const unknown = await callRoute(pdfLoader, `/certificados/AAAA-BBBB-CCCC/pdf`, { params: { codigo: "AAAA-BBBB-CCCC" }, cookie: await cookieOf(s.ana) });
    expect(unknown.response.status).toBe(404);
  });

  it("verifies a valid code typed in lower case with spaces, without CPF or e-mail, and says when a code does not exist", async () => {
    const s = await scene();
    await attend(s);
    const [cert] = await issueAll(s);
    const typed = ` ${cert!.code.slice(0, 4).toLowerCase()} ${cert!.code.slice(4, 8)}-${cert!.code.slice(8)} `;
    const { response } = await callRoute(verifyLoader, `/certificados/validar/x`, { params: { codigo: typed } });
    expect(response.status).toBe(200);
    const body = await response.text();
    const v = JSON.parse(body) as Record<string, unknown>;
    expect(v).toMatchObject({ status: "VALIDO", personName: "Ana Conceição Araújo", hours: "3 horas", hoursMode: "INTEGRAL" });
    expect(body).not.toContain(s.cpf);
    expect(body).not.toContain(s.cpf.slice(3, 6));
    expect(body).not.toContain("@");
    expect(body).not.toContain(s.ana.userId);

    const missing = await callRoute(verifyLoader, `/certificados/validar/x`, { params: { codigo: "ZZZZ-ZZZZ-ZZZZ" } });
    expect(missing.response.status).toBe(404);
    expect(await jsonOf(missing.response)).toMatchObject({ status: "INEXISTENTE", code: "ZZZZ-ZZZZ-ZZZZ" });
  });

  it("takes a typed code from the form to its page, and answers a malformed one in Portuguese with 400", async () => {
    const ok = await callRoute(verifyFormLoader, "/certificados/validar?codigo=k7qx%20m2pa%209htd");
    expect(ok.response.status).toBe(302);
    expect(ok.response.headers.get("Location")).toBe("/certificados/validar/K7QX-M2PA-9HTD");
    const bad = await callRoute(verifyFormLoader, "/certificados/validar?codigo=123");
    expect(bad.response.status).toBe(400);
    expect((await jsonOf<{ error: string }>(bad.response)).error).toContain("12 letras e números");
  });
});

describe("the organizers' certificates page", () => {
  it("revokes with a reason, says so when revoking again, and the public page then shows it revoked", async () => {
    const s = await scene();
    await attend(s);
    const [cert] = await issueAll(s);
    const cookie = await cookieOf(s.organizer);
    const path = `/organizar/eventos/${s.event.slug}/certificados`;
    const noReason = await callRoute(certificatesAction, path, { params: { slug: s.event.slug }, cookie, form: { intent: "revogar", code: cert!.code, reason: "" } });
    expect(noReason.response.status).toBe(400);
    expect((await jsonOf<{ error: string }>(noReason.response)).error).toMatch(/motivo da revogação/i);
    const first = await callRoute(certificatesAction, path, { params: { slug: s.event.slug }, cookie, form: { intent: "revogar", code: cert!.code, reason: "Presença registrada por engano" } });
    expect(first.response.status).toBe(302);
    const again = await callRoute(certificatesAction, path, { params: { slug: s.event.slug }, cookie, form: { intent: "revogar", code: cert!.code, reason: "De novo, por engano" } });
    expect(again.response.status).toBe(302);
    expect(await db.certificate.findUniqueOrThrow({ where: { id: cert!.id } })).toMatchObject({ revokedReason: "Presença registrada por engano" });
    const v = await jsonOf<{ status: string; revokedReason: string }>((await callRoute(verifyLoader, "/certificados/validar/x", { params: { codigo: cert!.code } })).response);
    expect(v).toMatchObject({ status: "REVOGADO", revokedReason: "Presença registrada por engano" });
    const pdf = await callRoute(pdfLoader, `/certificados/${cert!.code}/pdf`, { params: { codigo: cert!.code }, cookie: await cookieOf(s.ana) });
    expect(pdf.response.status).toBe(410);
  });

  it("shows a refusal to reissue next to the form instead of an error page", async () => {
    const s = await scene();
    await attend(s);
    const [cert] = await issueAll(s);
    // Her presence is adjusted down below the minimum: reissuing is refused with the reason.
    await db.presenceAdjustment.create({ data: { sessionId: s.session.id, registrationId: s.anaReg, minutes: 10, reason: "Saiu cedo, confirmado pela equipe" } });
    const { response } = await callRoute(certificatesAction, `/organizar/eventos/${s.event.slug}/certificados`, {
      params: { slug: s.event.slug },
      cookie: await cookieOf(s.organizer),
      form: { intent: "reemitir", code: cert!.code },
    });
    expect(response.status).toBe(409);
    expect((await jsonOf<{ error: string; code: string }>(response)).error).toContain("não atinge a frequência mínima");
  });

  it("lets the federal team see a state event's certificates but not change them", async () => {
    const s = await scene();
    await attend(s);
    const [cert] = await issueAll(s);
    const federal = await federalOrganizer();
    const cookie = await cookieOf(federal);
    const path = `/organizar/eventos/${s.event.slug}/certificados`;
    const page = await jsonOf<{ canManage: boolean; certificates: unknown[] }>((await callRoute(certificatesLoader, path, { params: { slug: s.event.slug }, cookie })).response);
    expect(page).toMatchObject({ canManage: false, certificates: [expect.objectContaining({ personName: "Ana Conceição Araújo" })] });
    const revoke = await callRoute(certificatesAction, path, { params: { slug: s.event.slug }, cookie, form: { intent: "revogar", code: cert!.code, reason: "Tentativa indevida" } });
    expect(revoke.response.status).toBe(403);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: cert!.id } })).revokedAt).toBeNull();
  });

  it("refuses a presence adjustment without a reason, and keeps every adjustment made", async () => {
    const s = await scene();
    const cookie = await cookieOf(s.organizer);
    const path = `/organizar/eventos/${s.event.slug}/presenca`;
    const form = { registrationId: s.biaReg, sessionId: s.session.id, minutes: "170", reason: "" };
    const refused = await callRoute(presenceAction, path, { params: { slug: s.event.slug }, cookie, form });
    expect(refused.response.status).toBe(400);
    expect(await db.presenceAdjustment.count({ where: { registrationId: s.biaReg } })).toBe(0);
    const tooMany = await callRoute(presenceAction, path, { params: { slug: s.event.slug }, cookie, form: { ...form, minutes: "500", reason: "Lista de presença em papel" } });
    expect(tooMany.response.status).toBe(400);
    expect((await jsonOf<{ error: string }>(tooMany.response)).error).toContain("entre 0 e 180 minutos");
    for (const minutes of ["170", "150"]) {
      const ok = await callRoute(presenceAction, path, { params: { slug: s.event.slug }, cookie, form: { ...form, minutes, reason: "Lista de presença em papel" } });
      expect(ok.response.status).toBe(302);
    }
    expect((await db.presenceAdjustment.findMany({ where: { registrationId: s.biaReg }, orderBy: { createdAt: "asc" } })).map((a) => a.minutes)).toEqual([170, 150]);
  });
});
