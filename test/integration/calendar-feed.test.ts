import { describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";
import { personalFeed, publicEventCalendar, revokeCalendarToken, rotateCalendarToken } from "~/modules/calendar/calendar.server";
import { sessionUid } from "~/modules/calendar/ics";
import { eventFormSchema } from "~/modules/events/event-form";
import { eventFormDefaults, updateEvent } from "~/modules/events/events.server";
import { cancelMyRegistration, register } from "~/modules/registration/registration.server";

import { eventFactory, federalOrganizer, userFactory } from "../support/factories";
import { parseIcs } from "../support/ics";

describe("calendars", () => {
  it("publishes an event's sessions as a downloadable calendar without attendees", async () => {
    const organizer = await federalOrganizer();
    const event = await eventFactory(organizer, { timeZone: "America/Noronha" });
    const ics = parseIcs(await publicEventCalendar(event.id));
    expect(ics.method).toBe("PUBLISH");
    expect(ics.timezones).toEqual(["America/Noronha"]);
    expect(ics.events).toHaveLength(1);
    expect(ics.events[0]!.attendees).toEqual([]);
  });

  it("keeps a private feed of a person's confirmed sessions that follows changes on the next fetch", async () => {
    const organizer = await federalOrganizer();
    const a = await eventFactory(organizer, { timeZone: "America/Porto_Velho" });
    const b = await eventFactory(organizer, { timeZone: "America/Rio_Branco" });
    const waitlisted = await eventFactory(organizer, { capacity: 1 });
    const p = await userFactory();
    await register(p, a.id);
    await register(p, b.id);
    await register(await userFactory(), waitlisted.id);
    await register(p, waitlisted.id);
    const token = await rotateCalendarToken(p.userId);

    const feed = parseIcs((await personalFeed(token))!);
    expect(feed.method).toBe("PUBLISH");
    expect(feed.timezones.sort()).toEqual(["America/Porto_Velho", "America/Rio_Branco"]);
    const sessionOf = async (eventId: string) => (await db.eventSession.findFirstOrThrow({ where: { eventId } })).id;
    expect(feed.events.map((e) => e.uid).sort()).toEqual([sessionUid(await sessionOf(a.id)), sessionUid(await sessionOf(b.id))].sort());

    const defaults = await eventFormDefaults(a.id);
    await updateEvent(organizer, a.slug, eventFormSchema.parse({ ...defaults, sessions: [{ ...defaults.sessions[0]!, start: "15:00", end: "16:00" }] }));
    await cancelMyRegistration(p, b.id);
    const after = parseIcs((await personalFeed(token))!);
    expect(after.events).toHaveLength(1);
    expect(after.events[0]!.sequence).toBe(1);
    expect(after.events[0]!.start.toISOString()).toMatch(/T19:00:00/); // 15:00 in Porto Velho (UTC−4)
  });

  it("stops answering an old address once it is renewed or revoked", async () => {
    const p = await userFactory();
    const first = await rotateCalendarToken(p.userId);
    const second = await rotateCalendarToken(p.userId);
    expect(await personalFeed(first)).toBeNull();
    expect(await personalFeed(second)).not.toBeNull();
    await revokeCalendarToken(p.userId);
    expect(await personalFeed(second)).toBeNull();
    expect(await personalFeed("curto")).toBeNull();
  });
});
