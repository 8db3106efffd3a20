// Everything the public event page shows, for one viewer.
import { redirect } from "@remix-run/node";

import { db } from "~/lib/db.server";
import { invitationAdmission } from "~/modules/invitations/admission.server";
import { notFound } from "~/lib/http.server";
import { formatDateTime, formatWorkload, timeZoneLabel } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { enteDisplayName, type EnteKind } from "~/modules/entes/federation";
import { myRegistration, seatCounts, waitlistPosition } from "~/modules/registration/registration.server";
import { registrationAvailability, seatsLeft, type RegistrationStatus } from "~/modules/registration/rules";

import { audienceOf, describeAudience, isInAudience } from "./audience";
import { canViewEvent, findEventBySlug } from "./events.server";
import { renderMarkdown } from "./markdown.server";
import { canOnEvent } from "./permissions";
import { presentSessions, seatsText } from "./presenters";
import { SLUG_RE } from "./slug";
import { EVENT_STATUS_LABELS, EVENT_TYPE_LABELS, FORMAT_LABELS, label, SCOPE_LABELS } from "./vocabulary";


export async function eventPage(slug: string, actor: Actor | null, requestUrl: string, now = new Date()) {
  if (!SLUG_RE.test(slug) || slug.length > 120) throw notFound("Evento não encontrado.");
  const event = await findEventBySlug(slug);
  if (!event) throw notFound("Evento não encontrado.");
  // Invite-only events: invited people and people of invited entes see the page and register.
  const admission =
    actor && event.visibility === "CONVITE" && event.status !== "RASCUNHO"
      ? await invitationAdmission(db, event.id, { email: actor.email, enteId: actor.ente.id }, now)
      : null;
  if (!canViewEvent(actor, event) && !admission) {
    if (!actor && event.status !== "RASCUNHO" && event.visibility === "CONVITE") {
      const url = new URL(requestUrl);
      throw redirect(`/entrar?${new URLSearchParams({ redirectTo: url.pathname })}`);
    }
    throw notFound("Evento não encontrado.");
  }
  const audience = audienceOf(event);
  const inAudience = event.visibility === "CONVITE" ? !!admission : !!actor && isInAudience(audience, actor.ente);
  const [counts, mine, speaker] = await Promise.all([
    seatCounts([event.id]).then((m) => m.get(event.id)!),
    actor ? myRegistration(actor.userId, event.id) : Promise.resolve(null),
    actor ? db.eventSpeaker.findUnique({ where: { eventId_userId: { eventId: event.id, userId: actor.userId } } }) : Promise.resolve(null),
  ]);
  const myStatus = (mine?.status ?? null) as RegistrationStatus | null;
  const availability = registrationAvailability({
    event,
    now,
    signedIn: !!actor,
    inAudience,
    current: myStatus,
    enteName: actor ? enteDisplayName(actor.ente) : undefined,
    inviteOnly: event.visibility === "CONVITE",
  });
  const left = seatsLeft({ capacity: event.capacity, confirmed: counts.confirmed });
  const zone = event.timeZone;
  return {
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      status: event.status,
      statusLabel: label(EVENT_STATUS_LABELS, event.status),
      typeLabel: label(EVENT_TYPE_LABELS, event.type),
      formatLabel: label(FORMAT_LABELS, event.format),
      scopeLabel: label(SCOPE_LABELS, event.scope) + (event.scopeRegion ? ` (${event.scopeRegion})` : ""),
      inviteOnly: event.visibility === "CONVITE",
      format: event.format,
      descriptionHtml: renderMarkdown(event.descriptionMd),
      organizer: enteDisplayName({ ...event.organizerEnte, kind: event.organizerEnte.kind as EnteKind }),
      zone,
      zoneLabel: timeZoneLabel(zone, event.startsAt),
      sessions: presentSessions(event.sessions, zone, actor?.timeZone),
      venue:
        event.format === "ONLINE"
          ? null
          : {
              name: event.venueName,
              address: event.venueAddress,
              municipio: event.venueMunicipio ? `${event.venueMunicipio.name} (${event.venueMunicipio.uf})` : null,
            },
      audience: describeAudience(audience, {
        ufName: event.audienceUf?.name,
        listNames: event.audienceEntes.map((a) => enteDisplayName({ ...a.ente, kind: a.ente.kind as EnteKind })),
      }),
      workload: formatWorkload(event.workloadMinutes),
      capacity: event.capacity,
      seats: seatsText({ capacity: event.capacity, seatsLeft: left, waiting: counts.waiting }),
      confirmed: counts.confirmed,
      waiting: counts.waiting,
      registrationOpensAt: formatDateTime(event.registrationOpensAt, zone),
      registrationClosesAt: formatDateTime(event.registrationClosesAt, zone),
      cancellationReason: event.status === "CANCELADO" ? event.cancellationReason : null,
      past: event.endsAt < now,
    },
    me: {
      signedIn: !!actor,
      status: myStatus,
      waitlistPosition: mine && myStatus === "ESPERA" ? await waitlistPosition(event.id, mine.seq) : null,
      canRegister: availability.ok,
      reason: availability.ok ? null : availability.message,
      reasonKind: availability.ok ? null : availability.reason,
      canCancel: myStatus === "CONFIRMADA" || myStatus === "ESPERA",
      canManage: canOnEvent(actor, "edit", event),
      /** online or hybrid, published, not over, and she has a seat, speaks or organizes */
      canEnterRooms:
        event.format !== "PRESENCIAL" &&
        event.status === "PUBLICADO" &&
        event.endsAt >= now &&
        (myStatus === "CONFIRMADA" || !!speaker || canOnEvent(actor, "edit", event)),
      canSeeParticipants: canOnEvent(actor, "see_participants", event),
    },
  };
}
