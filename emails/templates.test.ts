import { describe, expect, it } from "vitest";

import { EmailTemplateError, type RenderedEmail, type TemplatePurpose, templates } from "./index";
import { ACRE_EVENT, EVENT_PURPOSES, FIXTURES, HTML_TAG, PERSON, PURPOSES, visibleText } from "./test-fixtures";

/** Calls a template by purpose with any props (the registry's union of signatures is not callable). */
function render(purpose: TemplatePurpose, props: unknown = FIXTURES[purpose]): RenderedEmail {
  return (templates[purpose] as (props: unknown) => RenderedEmail)(props);
}

const withEvent = (purpose: TemplatePurpose, event: object) => ({ ...FIXTURES[purpose], event: { ...ACRE_EVENT, ...event } });

describe("the template registry", () => {
  it("offers one template per message purpose", () => {
    expect(Object.keys(templates).sort()).toEqual(
      [
        "certificadoDisponivel",
        "convite",
        "eventoAlterado",
        "eventoCancelado",
        "indicacao",
        "inscricaoCancelada",
        "inscricaoConfirmada",
        "inscricaoRemovida",
        "lembrete",
        "listaDeEspera",
        "promovido",
        "redefinirSenha",
        "sessaoCancelada",
        "vagasEsgotadas",
      ].sort(),
    );
  });
});

describe.each(PURPOSES)("every message (%s)", (purpose) => {
  const email = render(purpose);

  it("greets the person by name in both parts", () => {
    expect(visibleText(email.html)).toContain(`Olá, ${PERSON},`);
    expect(email.text).toContain(`Olá, ${PERSON},`);
  });

  it("is a complete pt-BR HTML document in the shared layout", () => {
    expect(email.html.startsWith("<!doctype html><html lang=\"pt-BR\">")).toBe(true);
    expect(email.html).toContain('<meta charSet="utf-8"/>');
    expect(email.html).toContain("Apoia SUAS — Apoio técnico do SUAS");
    expect(email.html).toContain("Mensagem automática do Apoia SUAS; não responda a este e-mail.");
    expect(email.html).toContain(`<title>${email.subject}</title>`);
  });

  it("explains in the footer of both parts why the person receives it", () => {
    expect(email.html).toMatch(/Você recebe esta mensagem porque [^<]+/);
    expect(email.text).toMatch(/\n-- \nVocê recebe esta mensagem porque .+\nMensagem automática do Apoia SUAS; não responda a este e-mail\.\n$/);
  });

  it("has a plain-text part without any HTML tag", () => {
    expect(email.text).not.toMatch(HTML_TAG);
    expect(email.text).not.toContain("&amp;");
    expect(email.text.startsWith("Apoia SUAS — Apoio técnico do SUAS\n")).toBe(true);
  });

  it("has a one-line subject", () => {
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject.length).toBeGreaterThan(10);
  });

  it("fails loudly when any of its props is missing", () => {
    for (const key of Object.keys(FIXTURES[purpose])) {
      const props: Record<string, unknown> = { ...FIXTURES[purpose] };
      delete props[key];
      expect(() => render(purpose, props as never), `without ${key}`).toThrow(EmailTemplateError);
    }
  });

  it("fails loudly when a prop holds a blank text", () => {
    expect(() => render(purpose, { ...FIXTURES[purpose], personName: "   " })).toThrow(EmailTemplateError);
  });
});

describe.each(EVENT_PURPOSES)("every message about an event (%s)", (purpose) => {
  const email = render(purpose);
  const html = visibleText(email.html);

  it("names the event in the subject", () => {
    expect(email.subject).toContain(ACRE_EVENT.title);
  });

  it("shows the title, every session range, the zone label and the event page in both parts", () => {
    for (const part of [html, email.text]) {
      expect(part).toContain(ACRE_EVENT.title);
      expect(part).toContain(ACRE_EVENT.zoneLabel);
      expect(part).toContain("horário do Acre (UTC−5)");
      for (const session of ACRE_EVENT.sessions) expect(part).toContain(session.range);
    }
    expect(email.html).toContain(`href="${ACRE_EVENT.url}"`);
    expect(email.text).toContain(`Ver a página do evento: ${ACRE_EVENT.url}`);
  });

  it("shows the type, the organizer, the place and the workload", () => {
    for (const part of [html, email.text]) {
      expect(part).toContain("Oficina");
      expect(part).toContain("Acre (governo estadual)");
      expect(part).toContain(ACRE_EVENT.where);
      expect(part).toContain("Carga horária");
      expect(part).toContain("8 h");
    }
  });

  it("escapes a hostile title in the HTML instead of running it", () => {
    const hostile = render(purpose, withEvent(purpose, { title: "<script>alert(1)</script>" }));
    expect(hostile.html).not.toContain("<script>");
    expect(hostile.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(hostile.subject).toContain("<script>alert(1)</script>");
  });

  it("escapes a hostile name and place in the HTML", () => {
    const hostile = render(purpose, {
      ...withEvent(purpose, { where: '"><img src=x onerror=alert(1)>' }),
      personName: "<b>Conceição</b>",
    });
    expect(hostile.html).not.toMatch(/<img|<b>/);
    expect(hostile.html).toContain("&lt;b&gt;Conceição&lt;/b&gt;");
    expect(hostile.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("keeps a line break in the name or the title out of the subject", () => {
    const hostile = render(purpose, {
      ...withEvent(purpose, { title: "Oficina\r\nBcc: x@y" }),
      personName: "Conceição\r\nBcc: x@y",
    });
    expect(hostile.subject).not.toMatch(/[\r\n]/);
    expect(hostile.subject).toContain("Oficina Bcc: x@y");
  });

  it("refuses an event page address that is not http(s)", () => {
    expect(() => render(purpose, withEvent(purpose, { url: "javascript:alert(1)" }))).toThrow(EmailTemplateError);
    expect(() => render(purpose, withEvent(purpose, { url: "/eventos/oficina" }))).toThrow(EmailTemplateError);
  });

  it("fails loudly when the event summary misses a field or has no session", () => {
    for (const key of Object.keys(ACRE_EVENT)) {
      const event: Record<string, unknown> = { ...ACRE_EVENT };
      delete event[key];
      expect(() => render(purpose, { ...FIXTURES[purpose], event } as never), `without event.${key}`).toThrow(EmailTemplateError);
    }
    expect(() => render(purpose, withEvent(purpose, { sessions: [] }))).toThrow(EmailTemplateError);
    expect(() => render(purpose, withEvent(purpose, { sessions: [{ title: "Sessão 1" }] }))).toThrow(EmailTemplateError);
  });
});

describe("inscricaoConfirmada", () => {
  const email = templates.inscricaoConfirmada(FIXTURES.inscricaoConfirmada);

  it("confirms the registration and says the calendar invite is attached", () => {
    expect(email.subject).toBe(`Inscrição confirmada: ${ACRE_EVENT.title}`);
    for (const part of [visibleText(email.html), email.text]) {
      expect(part).toContain("está confirmada");
      expect(part).toContain("O convite para a sua agenda segue anexo.");
    }
  });

  it("shows the check-in QR inline and links to the printable page when the event has people at the door", () => {
    const badgeUrl = "https://apoia.exemplo.gov.br/minhas-inscricoes/oficina-acre";
    const withBadge = templates.inscricaoConfirmada({ ...FIXTURES.inscricaoConfirmada, badgeUrl });
    expect(withBadge.html).toContain('src="cid:cracha@apoia-suas"');
    expect(withBadge.html).toContain(`href="${badgeUrl}"`);
    expect(withBadge.text).toContain("Seu crachá para o check-in".toUpperCase());
    expect(withBadge.text).toContain(badgeUrl);
    expect(email.html).not.toContain("cid:");
  });
});

describe("listaDeEspera", () => {
  const email = templates.listaDeEspera(FIXTURES.listaDeEspera);

  it("gives the position and explains the automatic, first-come promotion", () => {
    expect(email.subject).toBe(`Lista de espera: ${ACRE_EVENT.title}`);
    for (const part of [visibleText(email.html), email.text]) {
      expect(part).toContain("Sua posição na lista de espera: 3º lugar.");
      expect(part).toContain("promovida automaticamente, por ordem de chegada");
      expect(part).not.toContain("segue anexo");
    }
  });

  it("refuses a position that is not a positive whole number", () => {
    for (const position of [0, -1, 1.5, Number.NaN, "3"]) {
      expect(() => templates.listaDeEspera({ ...FIXTURES.listaDeEspera, position: position as never })).toThrow(EmailTemplateError);
    }
  });
});

describe("promovido", () => {
  const email = templates.promovido(FIXTURES.promovido);

  it("says a seat opened, the registration is confirmed and the invite is attached", () => {
    expect(email.subject).toBe(`Vaga aberta, inscrição confirmada: ${ACRE_EVENT.title}`);
    for (const part of [visibleText(email.html), email.text]) {
      expect(part).toContain("Abriu uma vaga");
      expect(part).toContain("sua inscrição agora está confirmada");
      expect(part).toContain("O convite para a sua agenda segue anexo.");
    }
  });
});

describe("inscricaoCancelada", () => {
  const email = templates.inscricaoCancelada(FIXTURES.inscricaoCancelada);

  it("confirms the person's own cancellation and that the event leaves the calendar", () => {
    expect(email.subject).toBe(`Inscrição cancelada: ${ACRE_EVENT.title}`);
    for (const part of [visibleText(email.html), email.text]) {
      expect(part).toContain("foi cancelada, como você pediu");
      expect(part).toContain("O evento sai da sua agenda");
    }
  });
});

describe("inscricaoRemovida", () => {
  const email = templates.inscricaoRemovida(FIXTURES.inscricaoRemovida);

  it("says the organizers removed the registration and gives their reason line by line", () => {
    expect(email.subject).toBe(`Inscrição removida: ${ACRE_EVENT.title}`);
    const [first, second] = FIXTURES.inscricaoRemovida.reason.split("\n");
    expect(email.html).toContain(`${first}</span><span><br/>${second}`);
    expect(email.text).toContain(`Motivo informado pela organização:\n  ${first}\n  ${second}`);
    for (const part of [visibleText(email.html), email.text]) {
      expect(part).toContain("A equipe organizadora de");
      expect(part).toContain("removeu a sua inscrição");
      expect(part).toContain("O evento sai da sua agenda");
    }
  });

  it("escapes a hostile reason", () => {
    const hostile = templates.inscricaoRemovida({ ...FIXTURES.inscricaoRemovida, reason: "<a href=http://evil>clique</a>" });
    expect(hostile.html).not.toContain("<a href=http://evil>");
    expect(hostile.html).toContain("&lt;a href=http://evil&gt;clique&lt;/a&gt;");
  });
});

describe("eventoAlterado", () => {
  const email = templates.eventoAlterado(FIXTURES.eventoAlterado);

  it("lists exactly what changed and says the updated invite is attached", () => {
    expect(email.subject).toBe(`Evento alterado: ${ACRE_EVENT.title}`);
    for (const change of FIXTURES.eventoAlterado.changes) {
      expect(email.html).toContain(`<li style="margin:0 0 8px">${change}</li>`);
      expect(email.text).toContain(`\n- ${change}\n`);
    }
    for (const part of [visibleText(email.html), email.text]) expect(part).toContain("O convite atualizado segue anexo");
  });

  it("refuses an empty list of changes", () => {
    expect(() => templates.eventoAlterado({ ...FIXTURES.eventoAlterado, changes: [] })).toThrow(EmailTemplateError);
    expect(() => templates.eventoAlterado({ ...FIXTURES.eventoAlterado, changes: [""] })).toThrow(EmailTemplateError);
  });
});

describe("sessaoCancelada", () => {
  it("lists the cancelled session with its range and zone, and says it leaves the calendar", () => {
    const email = templates.sessaoCancelada(FIXTURES.sessaoCancelada);
    const [cancelled] = FIXTURES.sessaoCancelada.sessions;
    expect(email.subject).toBe(`Sessão cancelada: ${ACRE_EVENT.title}`);
    expect(email.text).toContain(`A sessão cancelada\nHorários: horário do Acre (UTC−5)\n- ${cancelled!.title}: ${cancelled!.range}`);
    const html = visibleText(email.html);
    expect(html).toContain(cancelled!.title);
    expect(html).toContain(cancelled!.range);
    for (const part of [html, email.text]) {
      expect(part).toContain("Ela sai da sua agenda");
      expect(part).toContain("Sua inscrição continua valendo");
    }
  });

  it("speaks in the plural when several sessions are cancelled", () => {
    const email = templates.sessaoCancelada({ ...FIXTURES.sessaoCancelada, sessions: ACRE_EVENT.sessions });
    expect(email.subject).toBe(`Sessões canceladas: ${ACRE_EVENT.title}`);
    expect(email.text).toContain("cancelou 2 sessões");
    expect(email.text).toContain("Elas saem da sua agenda");
  });

  it("refuses an empty list of sessions", () => {
    expect(() => templates.sessaoCancelada({ ...FIXTURES.sessaoCancelada, sessions: [] })).toThrow(EmailTemplateError);
  });
});

describe("eventoCancelado", () => {
  const email = templates.eventoCancelado(FIXTURES.eventoCancelado);

  it("says the whole event is cancelled, with the reason", () => {
    expect(email.subject).toBe(`Evento cancelado: ${ACRE_EVENT.title}`);
    for (const part of [visibleText(email.html), email.text]) {
      expect(part).toContain("cancelou");
      expect(part).toContain("não vai mais acontecer");
      expect(part).toContain(FIXTURES.eventoCancelado.reason);
      expect(part).toContain("O evento sai da sua agenda");
    }
  });
});

describe("lembrete", () => {
  it("reminds of an in-person session with its place and no room link", () => {
    const email = templates.lembrete(FIXTURES.lembrete);
    expect(email.subject).toBe(`Começa em 24 horas: ${ACRE_EVENT.title}`);
    for (const part of [visibleText(email.html), email.text]) {
      expect(part).toContain("começa em 24 horas");
      expect(part).toContain(ACRE_EVENT.sessions[0]!.title);
      expect(part).toContain(`Local: ${ACRE_EVENT.where}`);
      expect(part).not.toContain("Entrar na sala");
    }
  });

  it("puts a prominent “Entrar na sala” link to the room for an online session", () => {
    const joinUrl = "https://conferencia.rnp.br/sala/suas-acre-2026";
    const email = templates.lembrete({ ...FIXTURES.lembrete, startsIn: "em 1 hora", joinUrl });
    expect(email.subject).toBe(`Começa em 1 hora: ${ACRE_EVENT.title}`);
    expect(email.html).toMatch(new RegExp(`<a href="${joinUrl}" style="display:inline-block[^"]*">Entrar na sala</a>`));
    expect(email.text).toContain(`Entrar na sala: ${joinUrl}`);
    expect(visibleText(email.html)).toContain(`copie e cole este endereço no navegador: ${joinUrl}`);
    expect(email.text).not.toContain(`Local: ${ACRE_EVENT.where}`);
  });

  it("refuses a room link that is not http(s)", () => {
    expect(() => templates.lembrete({ ...FIXTURES.lembrete, joinUrl: "javascript:alert(1)" })).toThrow(EmailTemplateError);
  });
});

describe("redefinirSenha", () => {
  const email = templates.redefinirSenha(FIXTURES.redefinirSenha);

  it("gives the reset link, how long it lasts and to ignore the message if not requested", () => {
    const { resetUrl } = FIXTURES.redefinirSenha;
    expect(email.subject).toBe("Redefinição de senha do Apoia SUAS");
    expect(email.html).toContain(`href="${resetUrl}"`);
    expect(email.text).toContain(`Criar nova senha: ${resetUrl}`);
    for (const part of [visibleText(email.html), email.text]) {
      expect(part).toContain("O link vale por 1 hora.");
      expect(part).toContain("Se você não pediu a redefinição, ignore este e-mail");
    }
  });

  it("writes short validity periods in minutes", () => {
    expect(templates.redefinirSenha({ ...FIXTURES.redefinirSenha, expiresInMinutes: 30 }).text).toContain("O link vale por 30 minutos.");
    expect(templates.redefinirSenha({ ...FIXTURES.redefinirSenha, expiresInMinutes: 120 }).text).toContain("O link vale por 2 horas.");
  });

  it("keeps a line break in the name out of the subject and escapes it in the HTML", () => {
    const hostile = templates.redefinirSenha({ ...FIXTURES.redefinirSenha, personName: "Conceição\r\nBcc: x@y <i>" });
    expect(hostile.subject).toBe("Redefinição de senha do Apoia SUAS");
    expect(hostile.html).toContain("Conceição\r\nBcc: x@y &lt;i&gt;");
  });

  it("refuses a reset address that is not absolute http(s)", () => {
    expect(() => templates.redefinirSenha({ ...FIXTURES.redefinirSenha, resetUrl: "/redefinir-senha/abc" })).toThrow(EmailTemplateError);
  });
});

describe("people who were only on the waitlist", () => {
  it.each(["inscricaoCancelada", "inscricaoRemovida", "eventoCancelado"] as const)(
    "%s does not promise a calendar cancellation to someone who never had a seat",
    (purpose) => {
      const withSeat = templates[purpose]({ ...FIXTURES[purpose] } as never) as RenderedEmail;
      const waitlisted = templates[purpose]({ ...FIXTURES[purpose], hadSeat: false } as never) as RenderedEmail;
      expect(withSeat.text).toContain("cancelamento do convite segue anexo");
      expect(waitlisted.text).not.toContain("cancelamento do convite");
      expect(waitlisted.text).toContain(PERSON);
    },
  );
});
