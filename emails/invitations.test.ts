// What the invitation messages say, beyond the rules every template follows (templates.test.ts runs
// those over these three too, through FIXTURES).
import { describe, expect, it } from "vitest";

import { EmailTemplateError, type RenderedEmail, templates } from "./index";
import { ACRE_EVENT, FIXTURES, HTML_TAG, INVITED_ENTE, PERSON, visibleText } from "./test-fixtures";

const both = (email: RenderedEmail) => [visibleText(email.html), email.text];

/** The footer line of the text part. */
const footer = (email: RenderedEmail) => email.text.split("\n-- \n")[1]!.split("\n")[0]!;

describe("convite to an ente", () => {
  const props = FIXTURES.convite;
  const email = templates.convite(props);

  it("has the invitation subject, and the reminder one when it is a reminder", () => {
    expect(email.subject).toBe(`Convite: ${ACRE_EVENT.title}`);
    expect(templates.convite({ ...props, isReminder: false }).subject).toBe(`Convite: ${ACRE_EVENT.title}`);
    expect(templates.convite({ ...props, isReminder: true }).subject).toBe(`Lembrete de convite: ${ACRE_EVENT.title}`);
  });

  it("says who invites whom to what, and how many seats the ente has", () => {
    for (const part of both(email)) {
      expect(part).toContain(`${props.organizer} convida o município de ${INVITED_ENTE} para participar de “${ACRE_EVENT.title}”.`);
      expect(part).toContain(`O município de ${INVITED_ENTE} tem 2 vagas.`);
    }
  });

  it("puts a prominent “Aceitar o convite” button, its address written out, and a plain “Recusar” link", () => {
    const button = new RegExp(`<a href="${props.acceptUrl.replace(/[?]/g, "\\?")}" style="display:inline-block[^"]*">Aceitar o convite</a>`);
    expect(email.html).toMatch(button);
    expect(visibleText(email.html)).toContain(`copie e cole este endereço no navegador: ${props.acceptUrl}`);
    expect(email.html).toMatch(/Não vai participar\? <a href="[^"]+" style="color:#1351B4;text-decoration:underline">Recusar o convite<\/a>/);
    expect(email.html).toContain(`href="${props.declineUrl}"`);
    expect(email.html).not.toMatch(/style="display:inline-block[^"]*">Recusar/);
    expect(email.text).toContain(`Aceitar o convite: ${props.acceptUrl}`);
    expect(email.text).toContain(`Não vai participar? Recusar o convite: ${props.declineUrl}`);
  });

  it("explains that accepting registers the person and that a gestor then nominates colleagues up to the seats", () => {
    for (const part of both(email)) {
      expect(part).toContain(`Ao aceitar, você se inscreve no evento e ocupa uma das 2 vagas de ${INVITED_ENTE}.`);
      expect(part).toContain(`um(a) gestor(a) de ${INVITED_ENTE} pode indicar colegas do mesmo ente na página do convite, até completar as 2 vagas.`);
    }
  });

  it("speaks of one seat in the singular", () => {
    const one = templates.convite({ ...props, quota: 1 });
    for (const part of both(one)) {
      expect(part).toContain(`O município de ${INVITED_ENTE} tem 1 vaga.`);
      expect(part).toContain(`ocupa a vaga de ${INVITED_ENTE}`);
      expect(part).toContain("trocar a pessoa inscrita por um(a) colega do mesmo ente");
      expect(part).not.toContain("1 vagas");
    }
  });

  it("names a state government by its label", () => {
    const state = templates.convite({ ...props, invitedAs: "Acre (governo estadual)", quota: 3 });
    for (const part of both(state)) {
      expect(part).toContain(`${props.organizer} convida Acre (governo estadual) para participar de`);
      expect(part).toContain("Acre (governo estadual) tem 3 vagas.");
      expect(part).not.toContain("município");
    }
    expect(footer(state)).toContain("porque Acre (governo estadual) foi convidado(a) para");
  });

  it("gives the deadline in the event's time zone", () => {
    for (const part of both(email)) {
      expect(part).toContain("Responda até 25/11/2026 às 23:59, horário do Acre (UTC−5): depois disso, o link deixa de valer.");
    }
  });

  it("shows the event card", () => {
    for (const part of both(email)) expect(part).toContain(ACRE_EVENT.where);
    expect(email.text).toContain(`Ver a página do evento: ${ACRE_EVENT.url}`);
  });

  it("says in the footer that the ente was invited and this address is among the recipients", () => {
    expect(footer(email)).toBe(
      `Você recebe esta mensagem porque o município de ${INVITED_ENTE} foi convidado para “${ACRE_EVENT.title}” no Apoia SUAS e este endereço está entre os destinatários do convite.`,
    );
  });

  it("does not mention creating an account to someone who has one", () => {
    for (const part of both(email)) expect(part).not.toContain("criação da conta");
  });
});

describe("convite to an address without an account", () => {
  const email = templates.convite({ ...FIXTURES.convite, personName: null });

  it("greets without a name", () => {
    expect(email.text).toContain("\n\nOlá,\n\n");
    expect(email.html).toContain(">Olá,</p>");
    expect(email.text).not.toMatch(/Olá, \S/);
  });

  it("says the link creates the account with the ente pre-filled", () => {
    for (const part of both(email)) {
      expect(part).toContain("Este endereço ainda não tem conta no Apoia SUAS");
      expect(part).toContain(`leva à criação da conta, com o campo do ente já preenchido com ${INVITED_ENTE}`);
    }
  });

  it("still refuses an undefined name, which is not the same as no account", () => {
    expect(() => templates.convite({ ...FIXTURES.convite, personName: undefined as never })).toThrow(EmailTemplateError);
  });
});

describe("convite to one person", () => {
  const props = { ...FIXTURES.convite, invitedAs: PERSON, quota: null };
  const email = templates.convite(props);

  it("invites the person herself, with no seats to share", () => {
    expect(email.subject).toBe(`Convite: ${ACRE_EVENT.title}`);
    for (const part of both(email)) {
      expect(part).toContain(`${props.organizer} convida você para participar de “${ACRE_EVENT.title}”.`);
      expect(part).toContain(`O convite é pessoal, para ${PERSON}.`);
      expect(part).toContain("Ao aceitar, a sua inscrição no evento é feita na hora");
      expect(part).not.toMatch(/vagas?\b/);
      expect(part).not.toContain("gestor");
    }
    expect(footer(email)).toBe(`Você recebe esta mensagem porque foi convidado(a) para “${ACRE_EVENT.title}” no Apoia SUAS.`);
  });

  it("offers account creation to an address without one", () => {
    const noAccount = templates.convite({ ...props, personName: null });
    for (const part of both(noAccount)) expect(part).toContain("leva à criação da conta, com os dados do convite já preenchidos");
  });
});

describe("convite as a reminder", () => {
  it("reminds an ente's recipients that nobody has answered yet", () => {
    const email = templates.convite({ ...FIXTURES.convite, isReminder: true });
    for (const part of both(email)) {
      expect(part).toContain("O convite ainda espera resposta");
      expect(part).toContain(
        `Lembrete: o convite para o município de ${INVITED_ENTE} participar de “${ACRE_EVENT.title}” ainda não foi respondido. Quem convida: ${FIXTURES.convite.organizer}.`,
      );
      expect(part).toContain("Aceitar o convite");
    }
  });

  it("reminds a person of her own invitation", () => {
    const email = templates.convite({ ...FIXTURES.convite, invitedAs: PERSON, quota: null, isReminder: true });
    for (const part of both(email)) expect(part).toContain(`Lembrete: você ainda não respondeu ao convite para participar de “${ACRE_EVENT.title}”.`);
  });
});

describe("convite refuses bad props", () => {
  it.each([0, -2, 1.5, Number.NaN, "2"])("a quota of %s", (quota) => {
    expect(() => templates.convite({ ...FIXTURES.convite, quota: quota as never })).toThrow(EmailTemplateError);
  });

  it.each(["acceptUrl", "declineUrl"] as const)("a %s that is not absolute http(s)", (key) => {
    expect(() => templates.convite({ ...FIXTURES.convite, [key]: "javascript:alert(1)" })).toThrow(EmailTemplateError);
    expect(() => templates.convite({ ...FIXTURES.convite, [key]: "/convites/abc" })).toThrow(EmailTemplateError);
  });

  it.each(["invitedAs", "expiresAt", "organizer"] as const)("a blank %s", (key) => {
    expect(() => templates.convite({ ...FIXTURES.convite, [key]: "  " })).toThrow(EmailTemplateError);
  });
});

describe("convite escapes what others typed", () => {
  it("in the ente, the organizer and the deadline", () => {
    const hostile = templates.convite({
      ...FIXTURES.convite,
      personName: null,
      invitedAs: "<b>Xapuri</b> (AC)",
      organizer: '"><img src=x onerror=alert(1)>',
      expiresAt: "<i>amanhã</i>",
    });
    expect(hostile.html).not.toMatch(/<img|<b>|<i>/);
    expect(hostile.html).toContain("&lt;b&gt;Xapuri&lt;/b&gt; (AC)");
    expect(hostile.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(hostile.text).toContain('"><img src=x onerror=alert(1)> convida o município de <b>Xapuri</b> (AC)');
  });

  it("in the addresses, which stay inside their attribute", () => {
    const acceptUrl = 'https://apoiasuas.gov.br/convites/a?x="><script>alert(1)</script>';
    const email = templates.convite({ ...FIXTURES.convite, acceptUrl });
    expect(email.html).not.toContain("<script>");
    expect(email.text).toContain(`Aceitar o convite: ${acceptUrl}`);
  });
});

describe("indicacao", () => {
  const props = FIXTURES.indicacao;
  const email = templates.indicacao(props);

  it("says who nominated the person, for which ente's seat, and that the registration is confirmed", () => {
    expect(email.subject).toBe(`Você foi indicado(a), inscrição confirmada: ${ACRE_EVENT.title}`);
    for (const part of both(email)) {
      expect(part).toContain(`Você foi indicado(a) por ${props.nominatedBy} para participar de “${ACRE_EVENT.title}”, em uma das vagas de ${INVITED_ENTE}.`);
      expect(part).toContain("Sua inscrição está confirmada: a vaga é sua.");
      expect(part).toContain("O convite para a sua agenda segue anexo.");
    }
  });

  it("tells how to cancel and that the seat goes back to the ente", () => {
    for (const part of both(email)) {
      expect(part).toContain("cancele a inscrição na página do evento");
      expect(part).toContain(`a vaga de ${INVITED_ENTE} fica livre para outra pessoa do ente`);
    }
  });

  it("on the waitlist, says so and promises no calendar invite", () => {
    const waiting = templates.indicacao({ ...props, status: "ESPERA" });
    expect(waiting.subject).toBe(`Você foi indicado(a), lista de espera: ${ACRE_EVENT.title}`);
    for (const part of both(waiting)) {
      expect(part).toContain(`Você foi indicado(a) por ${props.nominatedBy}`);
      expect(part).toContain("a sua inscrição entrou na lista de espera");
      expect(part).toContain("promovida automaticamente, por ordem de chegada");
      expect(part).toContain("saia da lista na página do evento");
      expect(part).not.toContain("segue anexo");
      expect(part).not.toContain("está confirmada");
    }
  });

  it("says in the footer that the ente was invited and who nominated the person", () => {
    expect(footer(email)).toBe(
      `Você recebe esta mensagem porque o município de ${INVITED_ENTE} foi convidado para “${ACRE_EVENT.title}” no Apoia SUAS e ${props.nominatedBy} indicou você para uma das vagas.`,
    );
  });

  it("refuses an unknown status, a blank nominator or ente", () => {
    expect(() => templates.indicacao({ ...props, status: "CANCELADA" as never })).toThrow(EmailTemplateError);
    expect(() => templates.indicacao({ ...props, nominatedBy: " " })).toThrow(EmailTemplateError);
    expect(() => templates.indicacao({ ...props, ente: "" })).toThrow(EmailTemplateError);
  });

  it("escapes the nominator and the ente", () => {
    const hostile = templates.indicacao({ ...props, nominatedBy: "<b>José</b>", ente: "<i>Xapuri</i>" });
    expect(hostile.html).not.toMatch(/<b>|<i>/);
    expect(hostile.html).toContain("&lt;b&gt;José&lt;/b&gt;");
    expect(hostile.html).toContain("&lt;i&gt;Xapuri&lt;/i&gt;");
  });
});

describe("vagasEsgotadas", () => {
  const props = FIXTURES.vagasEsgotadas;
  const email = templates.vagasEsgotadas(props);

  it("says all the ente's seats are taken", () => {
    expect(email.subject).toBe(`Vagas de ${INVITED_ENTE} esgotadas: ${ACRE_EVENT.title}`);
    for (const part of both(email)) {
      expect(part).toContain(`As 2 vagas de ${INVITED_ENTE} em “${ACRE_EVENT.title}” estão ocupadas: todas já têm uma pessoa inscrita.`);
      expect(part).toContain(`Outras pessoas de ${INVITED_ENTE} só conseguem se inscrever pelo convite quando uma vaga for liberada.`);
    }
  });

  it("says who can still do what: a gestor swaps nominees, a registrant frees a seat, the organizers add seats", () => {
    expect(email.text).toContain(
      `- Trocar uma pessoa inscrita por outra: um(a) gestor(a) de ${INVITED_ENTE} pode fazer isso na página do convite (o link está no e-mail do convite).`,
    );
    expect(email.text).toContain("- Liberar uma vaga: quem está inscrito(a) e não puder participar cancela a inscrição na página do evento");
    expect(email.text).toContain(`- Pedir mais vagas: fale com a organização do evento — ${ACRE_EVENT.organizer}.`);
    expect(email.html).toContain(`<li style="margin:0 0 8px">Trocar uma pessoa inscrita por outra: um(a) gestor(a) de ${INVITED_ENTE}`);
  });

  it("links the invitation page when it is given", () => {
    const invitationUrl = "https://apoiasuas.gov.br/convites/q7Xk2mP9dLr4";
    const linked = templates.vagasEsgotadas({ ...props, invitationUrl });
    expect(linked.html).toContain(`href="${invitationUrl}"`);
    expect(linked.text).toContain(`Abrir a página do convite: ${invitationUrl}`);
    expect(linked.text).not.toContain("(o link está no e-mail do convite)");
    expect(email.text).not.toContain("Abrir a página do convite");
    expect(() => templates.vagasEsgotadas({ ...props, invitationUrl: "javascript:alert(1)" })).toThrow(EmailTemplateError);
  });

  it("speaks of one seat in the singular", () => {
    const one = templates.vagasEsgotadas({ ...props, quota: 1 });
    for (const part of both(one)) {
      expect(part).toContain(`A vaga de ${INVITED_ENTE} em “${ACRE_EVENT.title}” está ocupada: ela já tem uma pessoa inscrita.`);
      expect(part).not.toContain("1 vagas");
    }
  });

  it("greets an address without an account without a name", () => {
    const anonymous = templates.vagasEsgotadas({ ...props, personName: null });
    expect(anonymous.text).toContain("\n\nOlá,\n\n");
    expect(anonymous.html).toContain(">Olá,</p>");
  });

  it("says in the footer that the ente was invited", () => {
    expect(footer(email)).toBe(
      `Você recebe esta mensagem porque o município de ${INVITED_ENTE} foi convidado para “${ACRE_EVENT.title}” no Apoia SUAS e este endereço está entre os destinatários do convite.`,
    );
  });

  it("refuses a quota that is not a positive whole number", () => {
    for (const quota of [0, -1, 2.5, Number.NaN, null]) {
      expect(() => templates.vagasEsgotadas({ ...props, quota: quota as never })).toThrow(EmailTemplateError);
    }
  });

  it("keeps a line break in the ente out of the subject and escapes it in the HTML", () => {
    const hostile = templates.vagasEsgotadas({ ...props, ente: "Xapuri (AC)\r\nBcc: x@y <b>" });
    expect(hostile.subject).not.toMatch(/[\r\n]/);
    expect(hostile.subject).toContain("Vagas de Xapuri (AC) Bcc: x@y <b> esgotadas");
    expect(hostile.html).not.toContain("<b>");
  });
});

describe("the invitation messages' plain text", () => {
  it.each([
    ["convite", templates.convite({ ...FIXTURES.convite, personName: null, isReminder: true })],
    ["convite pessoal", templates.convite({ ...FIXTURES.convite, invitedAs: PERSON, quota: null })],
    ["indicacao (espera)", templates.indicacao({ ...FIXTURES.indicacao, status: "ESPERA" })],
    ["vagasEsgotadas", templates.vagasEsgotadas({ ...FIXTURES.vagasEsgotadas, personName: null, invitationUrl: "https://apoiasuas.gov.br/convites/x" })],
  ])("%s has no tag, every address written out and no missing value", (_, email) => {
    expect(email.text).not.toMatch(HTML_TAG);
    for (const href of email.html.matchAll(/href="([^"]+)"/g)) expect(email.text).toContain(href[1]!.replace(/&amp;/g, "&"));
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});
