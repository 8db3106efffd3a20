// Whether a person may register for an invite-only event, and through which invitation: a personal
// invitation sent to her e-mail, or an invitation of her ente (whose seats the registration uses).
import type { DbOrTx } from "~/lib/db.server";

export type Admission = { enteInvitationId: string | null };

export async function invitationAdmission(tx: DbOrTx, eventId: string, person: { email: string; enteId: string }, now: Date): Promise<Admission | null> {
  const link = await tx.invitationLink.findUnique({
    where: { eventId_email: { eventId, email: person.email } },
    select: { status: true, expiresAt: true, enteInvitationId: true },
  });
  if (link && link.status !== "RECUSADO" && link.expiresAt > now) return { enteInvitationId: link.enteInvitationId };
  const ente = await tx.enteInvitation.findUnique({
    where: { eventId_enteId: { eventId, enteId: person.enteId } },
    select: { id: true, status: true },
  });
  if (ente && ente.status !== "RECUSADO") return { enteInvitationId: ente.id };
  return null;
}

/** Seats of an ente invitation already taken (confirmed or waiting). */
export async function seatsUsed(tx: DbOrTx, enteInvitationId: string): Promise<number> {
  return tx.registration.count({ where: { enteInvitationId, status: { in: ["CONFIRMADA", "ESPERA"] } } });
}
