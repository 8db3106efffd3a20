// Who may do what with presence and certificates: the one place these rules live (routes and
// services call it). Pure.
import { isFederalOrganizer, organizesEnte, type Actor } from "~/modules/auth/actor";

export const CERTIFICATE_ACTIONS = ["check_in", "see_presence", "adjust_presence", "configure", "issue", "revoke", "reissue", "download"] as const;
export type CertificateAction = (typeof CERTIFICATE_ACTIONS)[number];

/** The event the action is about, and, for one person's certificate or presence, whose it is. */
export type CertificateTarget = { organizerEnteId: string; holderUserId?: string | null };

/**
 * The event's organizers record presence, adjust it, set the rule, issue, revoke and reissue. The
 * federal team watches presence everywhere (it reports participation) but changes nothing in
 * another ente's event. A person downloads her own certificates; the organizers download any of
 * their event's. Verification by code is public and needs no permission.
 */
export function canOnCertificates(actor: Actor | null | undefined, action: CertificateAction, target: CertificateTarget): boolean {
  if (!actor) return false;
  const owns = organizesEnte(actor, target.organizerEnteId);
  switch (action) {
    case "see_presence":
      return owns || isFederalOrganizer(actor);
    case "download":
      return owns || (!!target.holderUserId && target.holderUserId === actor.userId);
    default:
      return owns;
  }
}
