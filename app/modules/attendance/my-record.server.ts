// A participant's own page for one registration: her check-in QR (crachá) for on-site events, her
// presence per session and why she does or does not qualify for the certificate, and the
// certificate itself once issued. Only her own registration; nobody else's.
import { db } from "~/lib/db.server";
import { notFound } from "~/lib/http.server";
import { formatRange, formatWorkload } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { formatCode } from "~/modules/certificates/code";
import { cardSelect } from "~/modules/events/catalog.server";
import { presentCard } from "~/modules/events/presenters";
import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from "~/modules/registration/rules";

import { badgePayload, badgeQrDataUrl } from "./badge.server";
import { eventStandings, policyOf } from "./standing.server";

export async function myRecord(actor: Actor, slug: string, now = new Date()) {
  const event = await db.event.findUnique({
    where: { slug },
    select: {
      ...cardSelect,
      workloadMinutes: true,
      certificateThreshold: true,
      certificateScope: true,
      certificateHours: true,
      sessions: { select: { id: true, startsAt: true }, orderBy: { startsAt: "asc" } },
    },
  });
  const reg = event ? await db.registration.findUnique({ where: { eventId_userId: { eventId: event.id, userId: actor.userId } }, select: { id: true, status: true } }) : null;
  // Somebody else's registration and a missing one read the same: there is nothing of hers here.
  if (!event || !reg || event.status === "RASCUNHO") throw notFound("Você não tem inscrição neste evento.");
  const status = reg.status as RegistrationStatus;
  const confirmed = status === "CONFIRMADA";
  const onSite = event.format !== "ONLINE";
  const started = event.sessions.some((s) => s.startsAt <= now);
  const [standing] = confirmed && started ? await eventStandings(event.id, { registrationIds: [reg.id], now }) : [];
  const certificate = await db.certificate.findFirst({
    where: { registrationId: reg.id, supersededById: null },
    select: { code: true, revokedAt: true },
    orderBy: { issuedAt: "desc" },
  });
  const policy = policyOf(event);
  return {
    event: { ...presentCard({ ...event, confirmed: 0, waiting: 0, seatsLeft: null }, now), format: event.format, cancelled: event.status === "CANCELADO" },
    registration: { status, statusLabel: REGISTRATION_STATUS_LABELS[status] ?? status },
    badge: confirmed && onSite && event.status === "PUBLICADO" ? { image: await badgeQrDataUrl(reg.id, event.id), code: await badgePayload(reg.id, event.id) } : null,
    rule: {
      threshold: policy.thresholdPercent,
      scope: policy.scope,
      hours: policy.hours,
      workload: formatWorkload(event.workloadMinutes),
    },
    presence: standing
      ? {
          sessions: standing.sessions.map((s) => ({
            id: s.sessionId,
            title: s.title,
            range: formatRange(s.startsAt, s.endsAt, event.timeZone),
            minutes: Math.floor(s.minutes),
            scheduled: Math.round(s.scheduledMinutes),
            online: Math.floor(s.onlineMinutes),
            onsite: Math.floor(s.onsiteMinutes),
            percent: Math.floor(s.share * 100),
            adjusted: !!s.adjustment,
            future: s.startsAt > now,
          })),
          qualifies: standing.qualification.qualifies,
          explanation: standing.qualification.explanation,
          ended: event.endsAt <= now,
        }
      : null,
    certificate: certificate ? { code: formatCode(certificate.code), revoked: !!certificate.revokedAt } : null,
  };
}
