// Every calendar built here is read back with ical.js (Thunderbird's parser), an implementation
// independent of ical-generator: values are compared after parsing, not as strings we wrote.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";

import { buildEventCalendar, buildFeed, FEED_REFRESH_SECONDS, sessionUid, type IcsAttendee, type IcsEvent, type IcsMethod } from "./ics";

const STAMP = new Date("2026-11-25T10:30:00Z");

function makeEvent(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    id: "evt1",
    title: "Seminário Estadual de Vigilância Socioassistencial",
    url: "https://apoia.example.gov.br/eventos/seminario-vigilancia",
    description: "Encontro anual das equipes de vigilância.",
    timeZone: "America/Sao_Paulo",
    location: "Auditório da SEDES, Rua das Flores, 100 — Centro",
    organizer: { name: "Secretaria de Desenvolvimento Social", email: "eventos@sedes.example.gov.br" },
    sessions: [
      { id: "s1", title: "Abertura", startsAt: new Date("2026-12-03T12:00:00Z"), endsAt: new Date("2026-12-03T15:00:00Z") },
      { id: "s2", title: "Oficinas", startsAt: new Date("2026-12-03T17:00:00Z"), endsAt: new Date("2026-12-03T20:00:00Z") },
      { id: "s3", title: "Encerramento", startsAt: new Date("2026-12-04T12:00:00Z"), endsAt: new Date("2026-12-04T14:00:00Z") },
    ],
    sequence: 0,
    ...overrides,
  };
}

const ATTENDEE: IcsAttendee = { name: "Maria da Conceição", email: "maria@cras.example.gov.br", partstat: "ACCEPTED" };

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

function vevents(ics: string): ICAL.Component[] {
  return parse(ics).getAllSubcomponents("vevent");
}

function onlyVevent(ics: string): ICAL.Component {
  const all = vevents(ics);
  expect(all).toHaveLength(1);
  return all[0]!;
}

/** Content lines with folding undone (CRLF followed by one space or tab). */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n");
}

function text(component: ICAL.Component, name: string): string {
  return String(component.getFirstPropertyValue(name));
}

function instant(component: ICAL.Component, name: string): string {
  const time = component.getFirstPropertyValue(name) as ICAL.Time;
  return time.toJSDate().toISOString();
}

function build(method: IcsMethod, event: IcsEvent = makeEvent(), extra: { sessionIds?: string[]; attendee?: IcsAttendee } = {}) {
  return buildEventCalendar({ method, event, attendee: method === "PUBLISH" ? undefined : ATTENDEE, stamp: STAMP, ...extra });
}

describe("sessionUid", () => {
  it("gives a session the same UID every time and different sessions different UIDs", () => {
    expect(sessionUid("ckx1")).toBe("sessao-ckx1@apoia-suas");
    expect(sessionUid("ckx1")).toBe(sessionUid("ckx1"));
    expect(sessionUid("ckx1")).not.toBe(sessionUid("ckx2"));
  });

  it("keeps line breaks and iCalendar separators out of the UID", () => {
    const uid = sessionUid("a;b,c\r\nd");
    expect(uid).not.toMatch(/[\r\n;,]/);
    expect(uid).toMatch(/^sessao-.+@apoia-suas$/);
  });
});

describe("buildEventCalendar: time zones", () => {
  // 2026-12-03 09:00–12:00 in each of Brazil's four zones (no DST since 2019).
  const ZONES = [
    { zone: "America/Sao_Paulo", offsetHours: -3, start: "2026-12-03T12:00:00.000Z", end: "2026-12-03T15:00:00.000Z" },
    { zone: "America/Porto_Velho", offsetHours: -4, start: "2026-12-03T13:00:00.000Z", end: "2026-12-03T16:00:00.000Z" },
    { zone: "America/Rio_Branco", offsetHours: -5, start: "2026-12-03T14:00:00.000Z", end: "2026-12-03T17:00:00.000Z" },
    { zone: "America/Noronha", offsetHours: -2, start: "2026-12-03T11:00:00.000Z", end: "2026-12-03T14:00:00.000Z" },
  ];

  it.each(ZONES)("writes 09:00–12:00 in $zone as local time with its TZID, and ical.js reads it as $start", ({ zone, offsetHours, start, end }) => {
    const event = makeEvent({
      timeZone: zone,
      sessions: [{ id: "s1", title: "Única", startsAt: new Date(start), endsAt: new Date(end) }],
    });
    const ics = build("REQUEST", event);

    const lines = contentLines(ics);
    expect(lines).toContain(`DTSTART;TZID=${zone}:20261203T090000`);
    expect(lines).toContain(`DTEND;TZID=${zone}:20261203T120000`);

    // ical.js resolves the TZID from the VTIMEZONE inside the file (nothing is registered globally)
    expect(ICAL.TimezoneService.has(zone)).toBe(false);
    const vevent = onlyVevent(ics);
    const dtstart = vevent.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(dtstart.zone?.tzid).toBe(zone);
    expect(instant(vevent, "dtstart")).toBe(start);
    expect(instant(vevent, "dtend")).toBe(end);

    const vtimezones = parse(ics).getAllSubcomponents("vtimezone");
    expect(vtimezones.map((c) => c.getFirstPropertyValue("tzid"))).toEqual([zone]);
    const tz = new ICAL.Timezone(vtimezones[0]!);
    for (const month of [12, 6]) {
      const noon = ICAL.Time.fromData({ year: 2026, month, day: 15, hour: 12, minute: 0, second: 0 });
      expect(tz.utcOffset(noon), `offset in month ${month}`).toBe(offsetHours * 3600);
    }
  });

  it("writes DTSTAMP in UTC from the stamp it is given", () => {
    const ics = build("REQUEST");
    const stamps = contentLines(ics).filter((l) => l.startsWith("DTSTAMP"));
    expect(stamps).toEqual(["DTSTAMP:20261125T103000Z", "DTSTAMP:20261125T103000Z", "DTSTAMP:20261125T103000Z"]);
    expect(instant(vevents(ics)[0]!, "dtstamp")).toBe("2026-11-25T10:30:00.000Z");
  });

  it("writes the same calendar whatever the process time zone is", () => {
    const event = makeEvent({ timeZone: "America/Rio_Branco" });
    const previous = process.env.TZ;
    const inUtc = build("REQUEST", event);
    try {
      process.env.TZ = "Asia/Tokyo";
      // Node applies a TZ change at once; prove it did, or the comparison below would prove nothing
      expect(new Date(2026, 11, 3, 9).getTimezoneOffset()).toBe(-540);
      const inTokyo = build("REQUEST", event);
      expect(inTokyo).toBe(inUtc);
      expect(contentLines(inTokyo)).toContain("DTSTART;TZID=America/Rio_Branco:20261203T070000");
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
    expect(new Date(2026, 11, 3, 9).getTimezoneOffset()).toBe(new Date(Date.UTC(2026, 11, 3, 9)).getTimezoneOffset());
  });

  it("refuses a time zone the VTIMEZONE library does not know", () => {
    expect(() => build("REQUEST", makeEvent({ timeZone: "America/Nowhere" }))).toThrow(/fuso horário desconhecido/);
    expect(() => build("REQUEST", makeEvent({ timeZone: "America/Sao_Paulo\r\nX-EVIL:1" }))).toThrow(/fuso horário desconhecido/);
  });
});

describe("buildEventCalendar: scheduling properties", () => {
  it("writes METHOD, PRODID and one VEVENT per session in the event's order", () => {
    const ics = build("REQUEST");
    const cal = parse(ics);
    expect(cal.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(cal.getFirstPropertyValue("prodid")).toBe("-//Apoia SUAS//Eventos do SUAS//PT-BR");
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    expect(vevents(ics).map((v) => v.getFirstPropertyValue("uid"))).toEqual([sessionUid("s1"), sessionUid("s2"), sessionUid("s3")]);
  });

  it.each<IcsMethod>(["REQUEST", "CANCEL", "PUBLISH"])("writes METHOD:%s on the calendar", (method) => {
    expect(parse(build(method)).getFirstPropertyValue("method")).toBe(method);
  });

  it("restricts the VEVENTs to the sessionIds given, keeping the event's order", () => {
    const ics = build("REQUEST", makeEvent(), { sessionIds: ["s3", "s1"] });
    expect(vevents(ics).map((v) => v.getFirstPropertyValue("uid"))).toEqual([sessionUid("s1"), sessionUid("s3")]);
  });

  it("refuses sessionIds that are not sessions of the event, and an empty selection", () => {
    expect(() => build("CANCEL", makeEvent(), { sessionIds: ["s1", "ghost"] })).toThrow(/ghost/);
    expect(() => build("CANCEL", makeEvent(), { sessionIds: [] })).toThrow(/sem sessões/);
    expect(() => build("PUBLISH", makeEvent({ sessions: [] }))).toThrow(/sem sessões/);
  });

  it("keeps each session's UID across REQUEST, CANCEL and repeated builds", () => {
    const uids = (ics: string) => vevents(ics).map((v) => v.getFirstPropertyValue("uid"));
    const request = uids(build("REQUEST"));
    expect(request).toEqual(["s1", "s2", "s3"].map(sessionUid));
    expect(uids(build("REQUEST"))).toEqual(request);
    expect(uids(build("CANCEL"))).toEqual(request);
    expect(uids(build("CANCEL", makeEvent(), { sessionIds: ["s2"] }))).toEqual([sessionUid("s2")]);
    // a later update (new stamp, higher sequence, new times) keeps the UIDs
    const moved = makeEvent({ sequence: 4, sessions: makeEvent().sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt.getTime() + 3600_000) })) });
    const later = buildEventCalendar({ method: "REQUEST", event: moved, attendee: ATTENDEE, stamp: new Date("2026-11-30T08:00:00Z") });
    expect(uids(later)).toEqual(request);
  });

  it("builds the same bytes from the same input", () => {
    expect(build("REQUEST")).toBe(build("REQUEST"));
    expect(build("CANCEL")).toBe(build("CANCEL"));
  });

  it.each<IcsMethod>(["REQUEST", "CANCEL", "PUBLISH"])("writes the event's sequence as SEQUENCE in a %s", (method) => {
    const ics = build(method, makeEvent({ sequence: 7 }));
    expect(vevents(ics).map((v) => v.getFirstPropertyValue("sequence"))).toEqual([7, 7, 7]);
  });

  it("refuses a negative or fractional sequence", () => {
    expect(() => build("REQUEST", makeEvent({ sequence: -1 }))).toThrow(/SEQUENCE/);
    expect(() => build("REQUEST", makeEvent({ sequence: 1.5 }))).toThrow(/SEQUENCE/);
  });

  it("marks every VEVENT of a CANCEL as CANCELLED and those of a REQUEST as CONFIRMED", () => {
    expect(vevents(build("CANCEL")).map((v) => v.getFirstPropertyValue("status"))).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(vevents(build("REQUEST")).map((v) => v.getFirstPropertyValue("status"))).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED"]);
  });

  it.each<IcsAttendee["partstat"]>(["ACCEPTED", "DECLINED", "NEEDS-ACTION", "TENTATIVE"])(
    "addresses REQUEST and CANCEL to the attendee with CN, PARTSTAT=%s, RSVP=FALSE and ROLE=REQ-PARTICIPANT",
    (partstat) => {
      for (const method of ["REQUEST", "CANCEL"] as const) {
        const ics = build(method, makeEvent(), { attendee: { ...ATTENDEE, partstat } });
        for (const vevent of vevents(ics)) {
          const attendees = vevent.getAllProperties("attendee");
          expect(attendees).toHaveLength(1);
          const attendee = attendees[0]!;
          expect(String(attendee.getFirstValue()).toLowerCase()).toBe("mailto:maria@cras.example.gov.br");
          expect(attendee.getParameter("cn")).toBe("Maria da Conceição");
          expect(attendee.getParameter("partstat")).toBe(partstat);
          expect(attendee.getParameter("rsvp")).toBe("FALSE");
          expect(attendee.getParameter("role")).toBe("REQ-PARTICIPANT");
        }
      }
    },
  );

  it("refuses a REQUEST or CANCEL without an attendee", () => {
    for (const method of ["REQUEST", "CANCEL"] as const) {
      expect(() => buildEventCalendar({ method, event: makeEvent(), stamp: STAMP })).toThrow(/ATTENDEE/);
    }
  });

  it("leaves the attendee out of a PUBLISH", () => {
    const ics = buildEventCalendar({ method: "PUBLISH", event: makeEvent(), attendee: ATTENDEE, stamp: STAMP });
    expect(vevents(ics).flatMap((v) => v.getAllProperties("attendee"))).toEqual([]);
  });

  it("names the organizer with CN and a mailto address on every VEVENT", () => {
    for (const vevent of vevents(build("REQUEST"))) {
      const organizer = vevent.getFirstProperty("organizer")!;
      expect(organizer.getFirstValue()).toBe("mailto:eventos@sedes.example.gov.br");
      expect(organizer.getParameter("cn")).toBe("Secretaria de Desenvolvimento Social");
    }
  });

  it("falls back to the organizer's e-mail when the organizer has no name", () => {
    const ics = build("REQUEST", makeEvent({ organizer: { name: "  ", email: "eventos@sedes.example.gov.br" } }));
    expect(vevents(ics)[0]!.getFirstProperty("organizer")!.getParameter("cn")).toBe("eventos@sedes.example.gov.br");
  });

  it("ends the description with a link back to the event page and sets URL and LOCATION", () => {
    const vevent = vevents(build("REQUEST"))[0]!;
    expect(text(vevent, "description")).toBe(
      "Encontro anual das equipes de vigilância.\n\nPágina do evento: https://apoia.example.gov.br/eventos/seminario-vigilancia",
    );
    expect(text(vevent, "url")).toBe("https://apoia.example.gov.br/eventos/seminario-vigilancia");
    expect(text(vevent, "location")).toBe("Auditório da SEDES, Rua das Flores, 100 — Centro");
  });

  it("writes only the link when the event has no description, and no LOCATION when there is none", () => {
    const vevent = onlyVevent(build("PUBLISH", makeEvent({ description: " ", location: "", sessions: makeEvent().sessions.slice(0, 1) })));
    expect(text(vevent, "description")).toBe("Página do evento: https://apoia.example.gov.br/eventos/seminario-vigilancia");
    expect(vevent.getFirstProperty("location")).toBeNull();
  });

  it("puts the join URL of an online session in LOCATION unchanged", () => {
    const join = "https://sala.example.gov.br/rooms/abc?token=x,y;z";
    const vevent = vevents(build("REQUEST", makeEvent({ location: join })))[0]!;
    expect(text(vevent, "location")).toBe(join);
  });

  it("percent-encodes commas and semicolons in URL, which is a URI and has no backslash escapes", () => {
    const vevent = vevents(build("REQUEST", makeEvent({ url: "https://apoia.example.gov.br/eventos/a,b;c" })))[0]!;
    expect(text(vevent, "url")).toBe("https://apoia.example.gov.br/eventos/a%2Cb%3Bc");
    expect(text(vevent, "description")).toContain("Página do evento: https://apoia.example.gov.br/eventos/a%2Cb%3Bc");
  });

  it("adds the session title to the summary only when the event has more than one session", () => {
    expect(vevents(build("REQUEST")).map((v) => text(v, "summary"))).toEqual([
      "Seminário Estadual de Vigilância Socioassistencial — Abertura",
      "Seminário Estadual de Vigilância Socioassistencial — Oficinas",
      "Seminário Estadual de Vigilância Socioassistencial — Encerramento",
    ]);
    // a one-session selection of a multi-session event still names the session
    expect(text(onlyVevent(build("CANCEL", makeEvent(), { sessionIds: ["s2"] })), "summary")).toBe(
      "Seminário Estadual de Vigilância Socioassistencial — Oficinas",
    );
    const single = makeEvent({ sessions: makeEvent().sessions.slice(0, 1) });
    expect(text(onlyVevent(build("REQUEST", single)), "summary")).toBe("Seminário Estadual de Vigilância Socioassistencial");
  });

  it("refuses inputs that would make an invalid or misleading calendar", () => {
    const [s1] = makeEvent().sessions;
    const inverted = makeEvent({ sessions: [{ ...s1!, endsAt: s1!.startsAt }] });
    expect(() => build("REQUEST", inverted)).toThrow(/termina antes de começar/);
    const invalid = makeEvent({ sessions: [{ ...s1!, startsAt: new Date(Number.NaN) }] });
    expect(() => build("REQUEST", invalid)).toThrow(/data inválida/);
    expect(() => buildEventCalendar({ method: "PUBLISH", event: makeEvent(), stamp: new Date(Number.NaN) })).toThrow(/data inválida/);
    expect(() => build("REQUEST", makeEvent({ url: "javascript:alert(1)" }))).toThrow(/URL inválida/);
    expect(() => build("REQUEST", makeEvent({ url: "/eventos/relativo" }))).toThrow(/URL inválida/);
    expect(() => build("REQUEST", makeEvent({ organizer: { name: "X", email: "a@b.br\r\nATTENDEE:mailto:c@d.br" } }))).toThrow(/e-mail inválido/);
    expect(() => build("REQUEST", makeEvent(), { attendee: { ...ATTENDEE, email: "maria; x@y.br" } })).toThrow(/e-mail inválido/);
  });
});

describe("buildEventCalendar: hostile text", () => {
  const HOSTILE_NAME = 'Conceição, Maria; "Zé" ^ de Souza: ç';
  const HOSTILE_TITLE = 'Oficina: "CRAS", CREAS; PAIF \\ PAEFI\nSegunda linha\nEND:VEVENT\nBEGIN:VEVENT';
  const HOSTILE_TEXT = "Linha 1; com, vírgula \\ barra\n\nLinha 3: \"aspas\" ^n ç\nEND:VCALENDAR";

  it("round-trips titles, descriptions and locations with separators, quotes, backslashes and line breaks", () => {
    const event = makeEvent({
      title: HOSTILE_TITLE,
      description: HOSTILE_TEXT,
      location: HOSTILE_TEXT,
      sessions: makeEvent().sessions.slice(0, 1),
    });
    const ics = build("REQUEST", event);
    const vevent = onlyVevent(ics); // nothing broke out into a second VEVENT
    expect(text(vevent, "summary")).toBe(HOSTILE_TITLE);
    expect(text(vevent, "description")).toBe(`${HOSTILE_TEXT}\n\nPágina do evento: ${event.url}`);
    expect(text(vevent, "location")).toBe(HOSTILE_TEXT);
    expect(contentLines(ics).filter((l) => /^(BEGIN|END):/.test(l))).toEqual([
      "BEGIN:VCALENDAR",
      "BEGIN:VTIMEZONE",
      "BEGIN:STANDARD",
      "END:STANDARD",
      "END:VTIMEZONE",
      "BEGIN:VEVENT",
      "END:VEVENT",
      "END:VCALENDAR",
    ]);
  });

  it("turns CR LF and lone CR into line breaks inside the value and drops other control characters", () => {
    const event = makeEvent({ title: "A\r\nB\rC\u0000D\u0007E\tF", sessions: makeEvent().sessions.slice(0, 1) });
    const ics = build("REQUEST", event);
    expect(text(onlyVevent(ics), "summary")).toBe("A\nB\nCDE\tF");
    // eslint-disable-next-line no-control-regex
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
  });

  it("round-trips organizer and attendee names with commas, semicolons, quotes, carets and accents", () => {
    const event = makeEvent({ organizer: { name: HOSTILE_NAME, email: "eventos@sedes.example.gov.br" } });
    const ics = build("REQUEST", event, { attendee: { ...ATTENDEE, name: HOSTILE_NAME } });
    for (const vevent of vevents(ics)) {
      expect(vevent.getFirstProperty("organizer")!.getParameter("cn")).toBe(HOSTILE_NAME);
      expect(vevent.getFirstProperty("organizer")!.getFirstValue()).toBe("mailto:eventos@sedes.example.gov.br");
      expect(vevent.getFirstProperty("attendee")!.getParameter("cn")).toBe(HOSTILE_NAME);
      expect(String(vevent.getFirstProperty("attendee")!.getFirstValue()).toLowerCase()).toBe("mailto:maria@cras.example.gov.br");
    }
    // RFC 5545 has no escape inside a quoted parameter: no raw quote or backslash may appear there
    const cnLines = contentLines(ics).filter((l) => /^(ORGANIZER|ATTENDEE);/.test(l));
    expect(cnLines).toHaveLength(6);
    for (const line of cnLines) expect(line).toMatch(/;CN="[^"\\]*"[;:]/);
  });

  it("keeps a name on one line: line breaks become spaces and a backslash becomes a slash", () => {
    const ics = build("REQUEST", makeEvent(), { attendee: { ...ATTENDEE, name: "Maria\r\nATTENDEE:mailto:x@y.br\\Silva" } });
    const attendees = vevents(ics)[0]!.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getParameter("cn")).toBe("Maria ATTENDEE:mailto:x@y.br/Silva");
  });

  it("folds long accented titles at 75 octets without splitting a character", () => {
    const title = `${"Capacitação em Gestão do SUAS: proteção social básica e especial — ".repeat(4)}ação 🎉 fim`;
    const event = makeEvent({ title, description: "ç".repeat(200), sessions: makeEvent().sessions.slice(0, 1) });
    const ics = build("REQUEST", event);

    const physical = ics.split("\r\n");
    expect(physical.some((l) => l.startsWith(" "))).toBe(true); // it did fold
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (const line of physical) {
      const bytes = new TextEncoder().encode(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
      // each physical line is valid UTF-8 on its own: no multi-byte sequence was cut
      expect(decoder.decode(bytes)).toBe(line);
    }
    const vevent = onlyVevent(ics);
    expect(text(vevent, "summary")).toBe(title);
    expect(text(vevent, "description")).toBe(`${"ç".repeat(200)}\n\nPágina do evento: ${event.url}`);
  });
});

describe("buildFeed", () => {
  const saoPaulo = makeEvent({ id: "evt-sp", sequence: 2 });
  const acre = makeEvent({
    id: "evt-ac",
    title: "Visita técnica ao CRAS de Rio Branco",
    timeZone: "America/Rio_Branco",
    url: "https://apoia.example.gov.br/eventos/visita-rio-branco",
    sessions: [{ id: "ac1", title: "Visita", startsAt: new Date("2026-12-10T13:00:00Z"), endsAt: new Date("2026-12-10T18:00:00Z") }],
    sequence: 5,
  });

  function feed(name = "Meus eventos do SUAS", events = [saoPaulo, acre]) {
    return buildFeed({ name, events, stamp: STAMP });
  }

  it("publishes every session of every event, each in its own event's zone, with a VTIMEZONE per zone", () => {
    const ics = feed();
    const cal = parse(ics);
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(cal.getAllSubcomponents("vtimezone").map((c) => c.getFirstPropertyValue("tzid"))).toEqual(["America/Sao_Paulo", "America/Rio_Branco"]);

    const all = vevents(ics);
    expect(all.map((v) => v.getFirstPropertyValue("uid"))).toEqual(["s1", "s2", "s3", "ac1"].map(sessionUid));
    expect(all.map((v) => v.getFirstPropertyValue("sequence"))).toEqual([2, 2, 2, 5]);
    expect(all.map((v) => (v.getFirstPropertyValue("dtstart") as ICAL.Time).zone?.tzid)).toEqual([
      "America/Sao_Paulo",
      "America/Sao_Paulo",
      "America/Sao_Paulo",
      "America/Rio_Branco",
    ]);
    expect(all.map((v) => instant(v, "dtstart"))).toEqual([
      "2026-12-03T12:00:00.000Z",
      "2026-12-03T17:00:00.000Z",
      "2026-12-04T12:00:00.000Z",
      "2026-12-10T13:00:00.000Z",
    ]);
    expect(contentLines(ics)).toContain("DTSTART;TZID=America/Rio_Branco:20261210T080000");
    expect(text(all[3]!, "summary")).toBe("Visita técnica ao CRAS de Rio Branco");
    expect(text(all[3]!, "description")).toContain("https://apoia.example.gov.br/eventos/visita-rio-branco");
    expect(all.flatMap((v) => v.getAllProperties("attendee"))).toEqual([]);
    expect(all.map((v) => v.getFirstProperty("organizer")?.getParameter("cn"))).toEqual(Array(4).fill("Secretaria de Desenvolvimento Social"));
  });

  it("names the calendar and hints how often clients should refresh it", () => {
    const ics = feed();
    const cal = parse(ics);
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Meus eventos do SUAS");
    expect(cal.getFirstPropertyValue("prodid")).toBe("-//Apoia SUAS//Eventos do SUAS//PT-BR");
    expect(FEED_REFRESH_SECONDS).toBe(3600);
    expect(contentLines(ics)).toEqual(expect.arrayContaining(["REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H"]));
  });

  it("escapes the calendar name, which ical-generator writes as it comes, and keeps it on one line", () => {
    const ics = feed('Eventos de Conceição, "Zé"; SUAS\r\nEND:VCALENDAR');
    const raw = parse(ics).getFirstProperty("x-wr-calname")!.getFirstValue() as string;
    // ical.js does not unescape X- properties: decode it as TEXT
    expect(ICAL.design.icalendar.value.text.fromICAL(raw)).toBe('Eventos de Conceição, "Zé"; SUAS END:VCALENDAR');
    expect(contentLines(ics).filter((l) => l === "END:VCALENDAR")).toHaveLength(1);
    expect(ics.endsWith("END:VCALENDAR")).toBe(true);
  });

  it("is still a calendar when there are no events", () => {
    const ics = feed("Vazio", []);
    const cal = parse(ics);
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(cal.getAllSubcomponents("vevent")).toEqual([]);
    expect(cal.getAllSubcomponents("vtimezone")).toEqual([]);
  });
});
