// Registration rules: who gets a seat, who waits, and whether a person may register now. Pure.
import { formatDateTime } from "~/lib/time";

export const REGISTRATION_STATUSES = ["CONFIRMADA", "ESPERA", "CANCELADA", "REMOVIDA"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const ACTIVE_STATUSES: RegistrationStatus[] = ["CONFIRMADA", "ESPERA"];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  CONFIRMADA: "Confirmada",
  ESPERA: "Lista de espera",
  CANCELADA: "Cancelada pelo participante",
  REMOVIDA: "Removida pela organização",
};

export type SeatCounts = { capacity: number | null; confirmed: number; waiting: number };

/**
 * A new request gets a seat when one is free and nobody is waiting (first come, first served);
 * otherwise it joins the end of the waitlist.
 */
export function statusForNewRequest({ capacity, confirmed, waiting }: SeatCounts): "CONFIRMADA" | "ESPERA" {
  if (capacity == null) return "CONFIRMADA";
  return confirmed < capacity && waiting === 0 ? "CONFIRMADA" : "ESPERA";
}

/** How many of the waiting should be promoted now. */
export function seatsToPromote({ capacity, confirmed, waiting }: SeatCounts): number {
  if (waiting <= 0) return 0;
  if (capacity == null) return waiting;
  return Math.max(0, Math.min(waiting, capacity - confirmed));
}

export function seatsLeft({ capacity, confirmed }: Pick<SeatCounts, "capacity" | "confirmed">): number | null {
  return capacity == null ? null : Math.max(0, capacity - confirmed);
}

export type RegistrationWindow = {
  status: string;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  timeZone: string;
};

export type Availability =
  | { ok: true }
  | {
      ok: false;
      reason: "anonymous" | "draft" | "cancelled" | "not_open" | "closed" | "not_in_audience" | "already" | "removed";
      message: string;
    };

/** May this person register now? The message says why not, in Portuguese. */
export function registrationAvailability(input: {
  event: RegistrationWindow;
  now: Date;
  signedIn: boolean;
  inAudience: boolean;
  current: RegistrationStatus | null;
  enteName?: string;
  /** invite-only event: `inAudience` then means "has an invitation (hers or her ente's)" */
  inviteOnly?: boolean;
  /** registered by the organization at the door (walk-in): the registration window does not apply */
  atTheDoor?: boolean;
}): Availability {
  const { event, now, signedIn, inAudience, current } = input;
  if (event.status === "CANCELADO") return { ok: false, reason: "cancelled", message: "Este evento foi cancelado." };
  if (event.status !== "PUBLICADO") return { ok: false, reason: "draft", message: "Este evento ainda não foi publicado." };
  if (current === "CONFIRMADA") return { ok: false, reason: "already", message: "Sua inscrição está confirmada." };
  if (current === "ESPERA") return { ok: false, reason: "already", message: "Você está na lista de espera." };
  if (current === "REMOVIDA") {
    return { ok: false, reason: "removed", message: "Sua inscrição foi removida pela organização. Em caso de dúvida, fale com a organização do evento." };
  }
  if (!input.atTheDoor && now < event.registrationOpensAt) {
    return { ok: false, reason: "not_open", message: `As inscrições abrem em ${formatDateTime(event.registrationOpensAt, event.timeZone)}.` };
  }
  if (!input.atTheDoor && now >= event.registrationClosesAt) {
    return { ok: false, reason: "closed", message: `As inscrições foram encerradas em ${formatDateTime(event.registrationClosesAt, event.timeZone)}.` };
  }
  if (!signedIn) return { ok: false, reason: "anonymous", message: "Entre na sua conta para se inscrever." };
  if (!inAudience && input.inviteOnly) {
    return {
      ok: false,
      reason: "not_in_audience",
      message: "Este evento é somente para convidados: a inscrição acontece pelo convite enviado a você ou ao seu ente.",
    };
  }
  if (!inAudience) {
    return {
      ok: false,
      reason: "not_in_audience",
      message: `Este evento é destinado a outro público: ${input.enteName ?? "o seu ente"} não faz parte do público-alvo, por isso a inscrição não está disponível para você.`,
    };
  }
  return { ok: true };
}

/** The notice shown after a registration request. */
export function registrationNotice(status: "CONFIRMADA" | "ESPERA", opts: { title: string; alreadyRegistered: boolean; position?: number | null }): string {
  if (status === "CONFIRMADA") {
    return opts.alreadyRegistered ? `Você já estava inscrito(a) em “${opts.title}”.` : `Inscrição confirmada em “${opts.title}”.`;
  }
  const pos = opts.position ? ` (posição ${opts.position})` : "";
  return opts.alreadyRegistered
    ? `Você já está na lista de espera de “${opts.title}”${pos}.`
    : `As vagas de “${opts.title}” estão esgotadas: você entrou na lista de espera${pos}. Se uma vaga abrir, sua inscrição é confirmada automaticamente, por ordem de chegada.`;
}
