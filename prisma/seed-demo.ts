// The demo dataset: the people of the README's demo logins and a dozen events of every type,
// format and scope, past and future, some nearly full. Built through the domain modules, so the
// demo obeys the same rules as real use.
import { db } from "~/lib/db.server";
import { toLocalParts } from "~/lib/time";
import { loadActor } from "~/modules/auth/session.server";
import { hashPassword } from "~/modules/auth/password.server";
import type { Actor } from "~/modules/auth/actor";
import { searchKey } from "~/modules/entes/federation";
import { eventFormSchema, type EventFormInput } from "~/modules/events/event-form";
import { cancelEvent, createEvent, publishEvent } from "~/modules/events/events.server";
import { issueNextBatch, requestIssuing } from "~/modules/certificates/certificates.server";
import { inviteEntes } from "~/modules/invitations/invitations.server";
import { rebuildAllFacts } from "~/modules/metrics/facts.server";
import { register } from "~/modules/registration/registration.server";

export const DEMO_PASSWORD = "apoiasuas";

export const DEMO_LOGINS = [
  { email: "admin@apoiasuas.gov.br", who: "Administradora (atribui equipes organizadoras)" },
  { email: "federal@apoiasuas.gov.br", who: "Equipe federal (organiza pela União)" },
  { email: "bahia@apoiasuas.gov.br", who: "Equipe estadual da Bahia (organiza pela BA)" },
  { email: "tecnica.salvador@apoiasuas.gov.br", who: "Técnica municipal de Salvador (BA)" },
  { email: "gestor.juazeiro@apoiasuas.gov.br", who: "Gestor municipal de Juazeiro (BA)" },
  { email: "tecnico.abare@apoiasuas.gov.br", who: "Técnico de Abaré (BA), Pequeno Porte I" },
  { email: "tecnica.recife@apoiasuas.gov.br", who: "Técnica municipal de Recife (PE)" },
  { email: "tecnico.manaus@apoiasuas.gov.br", who: "Técnico municipal de Manaus (AM), fuso UTC−4" },
  { email: "conselheira.riobranco@apoiasuas.gov.br", who: "Conselheira de Rio Branco (AC), fuso UTC−5" },
  { email: "gestora.portoalegre@apoiasuas.gov.br", who: "Gestora municipal de Porto Alegre (RS)" },
] as const;

type Person = { email: string; name: string; enteId: string; roleInEnte: string; cpf?: string; isAdmin?: boolean; organizes?: string[] };

const PEOPLE: Person[] = [
  { email: "admin@apoiasuas.gov.br", name: "Ana Administradora", enteId: "BR", roleInEnte: "OUTRO", isAdmin: true },
  { email: "federal@apoiasuas.gov.br", name: "Fernanda Lima", enteId: "BR", roleInEnte: "GESTOR", organizes: ["BR"] },
  { email: "bahia@apoiasuas.gov.br", name: "Beatriz Santos", enteId: "29", roleInEnte: "GESTOR", organizes: ["29"] },
  { email: "tecnica.salvador@apoiasuas.gov.br", name: "Joana Conceição", enteId: "2927408", roleInEnte: "TECNICO", cpf: "52998224725" },
  { email: "gestor.juazeiro@apoiasuas.gov.br", name: "Antônio Araújo", enteId: "2918407", roleInEnte: "GESTOR" },
  { email: "tecnico.abare@apoiasuas.gov.br", name: "Cícero Gonçalves", enteId: "2900207", roleInEnte: "TECNICO" },
  { email: "tecnica.recife@apoiasuas.gov.br", name: "Maria José Cavalcanti", enteId: "2611606", roleInEnte: "TECNICO", cpf: "11144477735" },
  { email: "tecnico.manaus@apoiasuas.gov.br", name: "Raimundo Nonato Souza", enteId: "1302603", roleInEnte: "TECNICO" },
  { email: "conselheira.riobranco@apoiasuas.gov.br", name: "Francisca Sebastiana Melo", enteId: "1200401", roleInEnte: "CONSELHEIRO" },
  { email: "gestora.portoalegre@apoiasuas.gov.br", name: "Luísa Schmidt", enteId: "4314902", roleInEnte: "GESTOR" },
];

const FIRST = ["Ana", "Bruno", "Carla", "Diego", "Elisa", "Fábio", "Gabriela", "Hélio", "Íris", "João", "Kátia", "Lucas", "Márcia", "Nélson", "Olívia", "Paulo", "Quitéria", "Renato", "Sônia", "Tiago"];
const LAST = ["Oliveira", "Souza", "Pereira", "Carvalho", "Ribeiro", "Almeida", "Nascimento", "Araújo", "Barbosa", "Rocha"];

function localDay(offsetDays: number, tz: string): string {
  return toLocalParts(new Date(Date.now() + offsetDays * 86_400_000), tz).date;
}

type EventSpec = {
  by: "federal" | "bahia";
  input: Omit<EventFormInput, "organizerEnteId" | "sessions" | "registrationOpensAt" | "registrationClosesAt"> & {
    sessions: { day: number; start: string; end: string; title?: string }[];
  };
  opensDay: number;
  closesDay: number;
  then?: "publish" | "cancel" | "draft";
  /** registrations by the generated participants, at the time registration opened */
  fill?: { count: number };
  /** entes invited (their gestores get the invitation) */
  invite?: { entes: string[]; quota: number };
};

export async function seedDemo() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const p of PEOPLE) {
    const user = await db.user.create({
      data: { email: p.email, name: p.name, searchName: searchKey(p.name), passwordHash, enteId: p.enteId, roleInEnte: p.roleInEnte, cpf: p.cpf ?? null, isAdmin: !!p.isAdmin },
    });
    for (const enteId of p.organizes ?? []) await db.organizerRole.create({ data: { userId: user.id, enteId } });
  }
  // Municipal technicians who fill the nearly-full events (same demo password).
  const baMunicipios = await db.ente.findMany({ where: { uf: "BA", kind: "MUNICIPIO", porte: "PP1" }, select: { id: true }, take: 60, orderBy: { id: "asc" } });
  const extra: string[] = [];
  for (let i = 0; i < 60; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const u = await db.user.create({
      data: {
        email: `participante${String(i + 1).padStart(2, "0")}@demo.apoiasuas.gov.br`,
        name,
        searchName: searchKey(name),
        passwordHash,
        enteId: baMunicipios[i % baMunicipios.length]!.id,
        roleInEnte: i % 5 === 0 ? "GESTOR" : "TECNICO",
      },
    });
    extra.push(u.id);
  }
  const actorOf = async (email: string) => loadActor((await db.user.findUniqueOrThrow({ where: { email } })).id) as Promise<Actor>;
  const federal = await actorOf("federal@apoiasuas.gov.br");
  const bahia = await actorOf("bahia@apoiasuas.gov.br");

  const tzSP = "America/Sao_Paulo";
  const specs: EventSpec[] = [
    {
      by: "federal",
      input: {
        title: "Encontro Nacional de Gestores e Gestoras do SUAS 2026",
        type: "ENCONTRO", scope: "NACIONAL", format: "HIBRIDO", timeZone: tzSP,
        venueName: "Centro Internacional de Convenções do Brasil", venueAddress: "SCES Trecho 2, Conjunto 63, Lote 50 — Asa Sul", venueMunicipio: "5300108",
        audienceKind: "TODOS", visibility: "PUBLICO", capacity: 300, workloadHours: "16",
        descriptionMd: "Dois dias de debate sobre a **gestão do SUAS** nos três níveis da federação.\n\n- Pacto de aprimoramento da gestão\n- Vigilância socioassistencial\n- Financiamento e cofinanciamento\n\nTransmissão simultânea para quem participa online.",
        sessions: [
          { day: 20, start: "09:00", end: "12:30", title: "Abertura e mesa de gestão" },
          { day: 20, start: "14:00", end: "18:00", title: "Grupos de trabalho" },
          { day: 21, start: "09:00", end: "12:30", title: "Plenária" },
          { day: 21, start: "14:00", end: "17:00", title: "Encerramento" },
        ],
      },
      opensDay: -10, closesDay: 19, then: "publish", fill: { count: 12 },
    },
    {
      by: "federal",
      input: {
        title: "Seminário Regional Nordeste de Vigilância Socioassistencial",
        type: "SEMINARIO", scope: "REGIONAL", scopeRegion: "Nordeste", format: "PRESENCIAL", timeZone: tzSP,
        venueName: "Centro de Convenções de Pernambuco", venueAddress: "Av. Prof. Andrade Bezerra, s/n — Salgadinho", venueMunicipio: "2611606",
        audienceKind: "REGIAO", audienceRegion: "Nordeste", audienceIncludeMunicipios: true, visibility: "PUBLICO", capacity: 120, workloadHours: "8",
        descriptionMd: "Diagnósticos territoriais, indicadores e uso do Censo SUAS no planejamento.",
        sessions: [{ day: 12, start: "08:30", end: "17:30" }],
      },
      opensDay: -5, closesDay: 10, then: "publish",
    },
    {
      by: "federal",
      input: {
        title: "Videoconferência: orientações sobre o Cadastro Único e o PAIF",
        type: "VIDEOCONFERENCIA", scope: "NACIONAL", format: "ONLINE", timeZone: tzSP,
        audienceKind: "TODOS", visibility: "PUBLICO", capacity: 500, workloadHours: "2",
        descriptionMd: "Perguntas e respostas com a equipe técnica federal.",
        sessions: [{ day: 5, start: "10:00", end: "12:00" }],
      },
      opensDay: -3, closesDay: 4, then: "publish",
    },
    {
      by: "federal",
      input: {
        title: "Transmissão ao vivo: lançamento das orientações técnicas do PAEFI",
        type: "TRANSMISSAO", scope: "NACIONAL", format: "ONLINE", timeZone: tzSP,
        audienceKind: "TODOS", visibility: "PUBLICO", workloadHours: "1,5",
        descriptionMd: "Lançamento do caderno de orientações técnicas do Serviço de Proteção e Atendimento Especializado a Famílias e Indivíduos.",
        sessions: [{ day: 8, start: "15:00", end: "16:30" }],
      },
      opensDay: -2, closesDay: 7, then: "publish",
    },
    {
      by: "bahia",
      input: {
        title: "Oficina: planejamento do PAIF em municípios de Pequeno Porte I",
        type: "OFICINA", scope: "ESTADUAL", format: "PRESENCIAL", timeZone: tzSP,
        venueName: "Auditório da UEFS", venueAddress: "Av. Transnordestina, s/n — Novo Horizonte", venueMunicipio: "2910800",
        audienceKind: "PORTE", audienceUfId: "29", audiencePortes: ["PP1"], visibility: "PUBLICO", capacity: 40, workloadHours: "8",
        descriptionMd: "Oficina prática para equipes de CRAS de municípios de Pequeno Porte I da Bahia.",
        sessions: [{ day: 15, start: "08:00", end: "17:00" }],
      },
      opensDay: -7, closesDay: 14, then: "publish", fill: { count: 38 },
    },
    {
      by: "bahia",
      input: {
        title: "Encontro Estadual de Gestores Municipais de Assistência Social da Bahia",
        type: "ENCONTRO", scope: "ESTADUAL", format: "HIBRIDO", timeZone: tzSP,
        venueName: "Centro de Convenções Salvador", venueAddress: "Av. Octávio Mangabeira, 5490 — Boca do Rio", venueMunicipio: "2927408",
        audienceKind: "UF", audienceUfId: "29", visibility: "PUBLICO", capacity: 200, workloadHours: "12",
        descriptionMd: "Encontro anual das gestões municipais com a Secretaria estadual.",
        sessions: [
          { day: 30, start: "09:00", end: "17:00", title: "Primeiro dia" },
          { day: 31, start: "09:00", end: "13:00", title: "Segundo dia" },
        ],
      },
      opensDay: -1, closesDay: 28, then: "publish",
    },
    {
      by: "bahia",
      input: {
        title: "Visita técnica a Juazeiro: acompanhamento do CRAS e do CREAS",
        type: "VISITA_TECNICA", scope: "MUNICIPAL", format: "PRESENCIAL", timeZone: tzSP,
        venueName: "Secretaria Municipal de Desenvolvimento Social", venueAddress: "Rua da Apolo, 100 — Centro", venueMunicipio: "2918407",
        audienceKind: "LISTA", audienceEntes: "2918407", visibility: "CONVITE", capacity: 15, workloadHours: "6",
        descriptionMd: "Visita de apoio técnico às equipes de referência do município.",
        sessions: [{ day: 9, start: "09:00", end: "16:00" }],
      },
      opensDay: -4, closesDay: 8, then: "publish", invite: { entes: ["2918407"], quota: 3 },
    },
    {
      by: "bahia",
      input: {
        title: "Oficina online: Registro Mensal de Atendimentos (RMA)",
        type: "OFICINA", scope: "ESTADUAL", format: "ONLINE", timeZone: tzSP,
        audienceKind: "UF", audienceUfId: "29", visibility: "PUBLICO", capacity: 30, workloadHours: "4",
        descriptionMd: "Como preencher e revisar o RMA dos CRAS e CREAS.",
        sessions: [{ day: 3, start: "14:00", end: "18:00" }],
      },
      opensDay: -6, closesDay: 2, then: "publish", fill: { count: 33 },
    },
    {
      by: "federal",
      input: {
        title: "Seminário Nacional: assistência social em situações de calamidade",
        type: "SEMINARIO", scope: "NACIONAL", format: "HIBRIDO", timeZone: tzSP,
        venueName: "Auditório do Ministério", venueAddress: "Esplanada dos Ministérios, Bloco A", venueMunicipio: "5300108",
        audienceKind: "TODOS", visibility: "PUBLICO", capacity: 150, workloadHours: "6",
        descriptionMd: "Resposta socioassistencial em emergências e desastres.",
        sessions: [{ day: -60, start: "09:00", end: "16:00" }],
      },
      opensDay: -90, closesDay: -61, then: "publish", fill: { count: 20 },
    },
    {
      by: "federal",
      input: {
        title: "Oficina Regional Norte: atendimento a povos indígenas no SUAS",
        type: "OFICINA", scope: "REGIONAL", scopeRegion: "Norte", format: "PRESENCIAL", timeZone: "America/Porto_Velho",
        venueName: "Centro de Convenções Vasco Vasques", venueAddress: "Av. Constantino Nery, 5696 — Flores", venueMunicipio: "1302603",
        audienceKind: "REGIAO", audienceRegion: "Norte", audienceIncludeMunicipios: true, visibility: "PUBLICO", capacity: 60, workloadHours: "8",
        descriptionMd: "Especificidades do atendimento a povos e comunidades tradicionais na região Norte.",
        sessions: [{ day: -30, start: "08:00", end: "17:00" }],
      },
      opensDay: -60, closesDay: -31, then: "publish",
    },
    {
      by: "bahia",
      input: {
        title: "Videoconferência: prestação de contas do cofinanciamento estadual",
        type: "VIDEOCONFERENCIA", scope: "ESTADUAL", format: "ONLINE", timeZone: tzSP,
        audienceKind: "UF", audienceUfId: "29", visibility: "PUBLICO", capacity: 100, workloadHours: "2",
        descriptionMd: "Prazos e documentos da prestação de contas.",
        sessions: [{ day: -10, start: "10:00", end: "12:00" }],
      },
      opensDay: -25, closesDay: -11, then: "publish", fill: { count: 15 },
    },
    {
      by: "federal",
      input: {
        title: "Encontro Nacional de Conselheiros e Conselheiras de Assistência Social",
        type: "ENCONTRO", scope: "NACIONAL", format: "PRESENCIAL", timeZone: tzSP,
        venueName: "A definir", venueAddress: "A definir", venueMunicipio: "5300108",
        audienceKind: "TODOS", visibility: "PUBLICO", capacity: 400, workloadHours: "16",
        descriptionMd: "Rascunho em elaboração.",
        sessions: [{ day: 90, start: "09:00", end: "18:00" }],
      },
      opensDay: 30, closesDay: 85, then: "draft",
    },
    {
      by: "federal",
      input: {
        title: "Seminário sobre benefícios eventuais",
        type: "SEMINARIO", scope: "NACIONAL", format: "ONLINE", timeZone: tzSP,
        audienceKind: "TODOS", visibility: "PUBLICO", capacity: 200, workloadHours: "3",
        descriptionMd: "Regulamentação municipal dos benefícios eventuais.",
        sessions: [{ day: 18, start: "14:00", end: "17:00" }],
      },
      opensDay: -5, closesDay: 17, then: "cancel",
    },
  ];

  let registrations = 0;
  for (const spec of specs) {
    const organizer = spec.by === "federal" ? federal : bahia;
    const tz = spec.input.timeZone ?? tzSP;
    const { sessions, ...rest } = spec.input;
    const values = eventFormSchema.parse({
      ...rest,
      organizerEnteId: organizer.organizerOf[0]!.id,
      sessions: sessions.map((s) => ({ title: s.title, date: localDay(s.day, tz), start: s.start, end: s.end })),
      registrationOpensAt: `${localDay(spec.opensDay, tz)}T08:00`,
      registrationClosesAt: `${localDay(spec.closesDay, tz)}T23:00`,
    });
    const created = await createEvent(organizer, values);
    if (!created.ok) throw new Error(`demo: evento inválido “${spec.input.title}”: ${JSON.stringify(created.fieldErrors)}`);
    if (spec.then === "draft") continue;
    await publishEvent(organizer, created.slug);
    if (spec.fill) {
      const when = new Date(Date.now() + (spec.opensDay + 0.5) * 86_400_000);
      for (const userId of extra.slice(0, spec.fill.count)) {
        const actor = (await loadActor(userId))!;
        await register(actor, created.id, when);
        registrations++;
      }
    }
    if (spec.then === "cancel") await cancelEvent(organizer, created.slug, "Adiado para o próximo semestre; nova data será divulgada.");
    if (spec.invite) await inviteEntes(organizer, created.slug, { enteIds: spec.invite.entes, quota: spec.invite.quota });
  }
  // The Salvador technician is registered in two upcoming events.
  const joana = await actorOf("tecnica.salvador@apoiasuas.gov.br");
  for (const slug of ["encontro-nacional-de-gestores-e-gestoras-do-suas-2026", "encontro-estadual-de-gestores-municipais-de-assistencia-social-da-bahia"]) {
    const e = await db.event.findUniqueOrThrow({ where: { slug } });
    await register(joana, e.id);
    registrations++;
  }
  registrations += await demoPresenceAndCertificates(federal, joana);
  await rebuildAllFacts(); // the dashboards' roll-up, right away (the job would catch up within a minute)
  return { users: PEOPLE.length + extra.length, events: specs.length, registrations };
}

/**
 * The past hybrid seminar has presence and certificates: the Salvador technician was there all day
 * (check-in and check-out), most participants too, some followed online, a few left early (no
 * certificate). Issued by the real job code, so the demo shows the certificate pages filled.
 */
async function demoPresenceAndCertificates(federal: Actor, joana: Actor): Promise<number> {
  const event = await db.event.findFirstOrThrow({
    where: { title: "Seminário Nacional: assistência social em situações de calamidade" },
    select: { id: true, slug: true, registrationOpensAt: true, sessions: { select: { id: true, startsAt: true, endsAt: true } } },
  });
  await register(joana, event.id, new Date(event.registrationOpensAt!.getTime() + 3_600_000));
  await db.event.update({ where: { id: event.id }, data: { responsibleName: "Fernanda Lima", responsibleRole: "Coordenadora-Geral de Apoio Técnico" } });
  const session = event.sessions[0]!;
  const regs = await db.registration.findMany({ where: { eventId: event.id, status: "CONFIRMADA" }, select: { id: true, userId: true }, orderBy: { seq: "asc" } });
  const at = (minutes: number) => new Date(session.startsAt.getTime() + minutes * 60_000);
  for (const [i, r] of regs.entries()) {
    const early = i % 7 === 3; // left after two hours
    if (i % 4 === 1) {
      await db.presenceInterval.create({
        data: { sessionId: session.id, registrationId: r.id, userId: r.userId, participantSid: `PA_demo_${i}`, identity: `p:${r.id}`, startedAt: at(5), endedAt: at(early ? 120 : 410), source: "webhook" },
      });
      continue;
    }
    await db.checkIn.create({ data: { id: `demo-entrada-${r.id}`, sessionId: session.id, registrationId: r.id, kind: "ENTRADA", at: at(i % 3 === 0 ? -10 : 12), method: "qr", recordedById: federal.userId } });
    if (early || i % 2 === 0) {
      await db.checkIn.create({ data: { id: `demo-saida-${r.id}`, sessionId: session.id, registrationId: r.id, kind: "SAIDA", at: at(early ? 120 : 415), method: "qr", recordedById: federal.userId } });
    }
  }
  await requestIssuing(federal, event.slug);
  while (await issueNextBatch()) {
    /* the same batches the background job runs */
  }
  return 1;
}
