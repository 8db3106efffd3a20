import { describe, expect, it } from "vitest";

import { messageIdOf, toMailOptions } from "./transport.server";

const base = {
  id: "abc123",
  toEmail: "joana@salvador.ba.gov.br",
  toName: "Joana Conceição",
  subject: "Inscrição confirmada: Oficina",
  text: "texto",
  html: "<p>html</p>",
  icsMethod: null,
  icsContent: null,
};

describe("the SMTP message of an outbox row", () => {
  it("carries a Message-ID derived from the outbox id and the sender's domain, the same on every retry", () => {
    const a = toMailOptions(base, "Apoia SUAS <nao-responda@apoiasuas.gov.br>");
    const b = toMailOptions(base, "Apoia SUAS <nao-responda@apoiasuas.gov.br>");
    expect(a.messageId).toBe("<outbox.abc123@apoiasuas.gov.br>");
    expect(b.messageId).toBe(a.messageId);
    expect(messageIdOf("x", "sem-dominio")).toBe("<outbox.x@apoia-suas.local>");
  });

  it("attaches the invite with its METHOD so calendars update or remove the entry", () => {
    const request = toMailOptions({ ...base, icsMethod: "REQUEST", icsContent: "BEGIN:VCALENDAR" }, "a@b.c");
    expect(request.icalEvent).toEqual({ method: "REQUEST", filename: "convite.ics", content: "BEGIN:VCALENDAR" });
    const cancel = toMailOptions({ ...base, icsMethod: "CANCEL", icsContent: "BEGIN:VCALENDAR" }, "a@b.c");
    expect(cancel.icalEvent).toMatchObject({ method: "CANCEL", filename: "cancelamento.ics" });
    expect(toMailOptions(base, "a@b.c").icalEvent).toBeUndefined();
  });

  it("never lets a name or subject carry a line break into the headers", () => {
    const m = toMailOptions({ ...base, toName: "Ana\r\nBcc: x@y", subject: "Oi\nBcc: x@y" }, "a@b.c");
    expect(m.to).toEqual({ name: "Ana Bcc: x@y", address: base.toEmail });
    expect(m.subject).toBe("Oi Bcc: x@y");
    expect(m.headers).toMatchObject({ "Auto-Submitted": "auto-generated" });
  });
});
