// An event plan (what an organizer asks for, already resolved to entes and UTC instants) and
// the rules it must follow. Pure: the server calls it on create and edit, tests call it directly.
import type { Actor } from "~/modules/auth/actor";
import type { EnteRef } from "~/modules/entes/federation";

import type { AudienceSpec } from "./audience";
import { canCreateEventFor } from "./permissions";
import { hasOnSitePart, type AudienceKind, type EventType, type Format, type Scope, type Visibility } from "./vocabulary";

export type PlannedSession = { id?: string; title: string | null; startsAt: Date; endsAt: Date };

export type EventPlan = {
  title: string;
  type: EventType;
  scope: Scope;
  scopeRegion: string | null;
  format: Format;
  organizerEnte: EnteRef;
  timeZone: string;
  sessions: PlannedSession[];
  venueName: string | null;
  venueAddress: string | null;
  venueMunicipio: EnteRef | null;
  /** ufEnte: the UF of UF and PORTE audiences; listEntes: the entes of a LISTA audience */
  audience: AudienceSpec & { kind: AudienceKind; ufEnte?: EnteRef; listEntes?: EnteRef[] };
  visibility: Visibility;
  capacity: number | null;
  /** seats per ente suggested for invitations */
  invitationQuota: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  workloadMinutes: number;
  descriptionMd: string;
};

export type FieldErrors = Record<string, string[]>;

export const MAX_SESSION_HOURS = 24;
export const MAX_WORKLOAD_HOURS = 2000;
const STATE_SCOPES: Scope[] = ["ESTADUAL", "MUNICIPAL"];
const STATE_AUDIENCES: AudienceKind[] = ["UF", "PORTE", "LISTA"];

function add(errors: FieldErrors, field: string, message: string) {
  (errors[field] ??= []).push(message);
}

/** Everything wrong with a plan, by form field. Empty when it may be saved. */
export function planErrors(actor: Actor, plan: EventPlan): FieldErrors {
  const errors: FieldErrors = {};
  const organizer = plan.organizerEnte;

  if (!canCreateEventFor(actor, organizer)) {
    add(errors, "organizerEnteId", "Você não organiza eventos em nome deste ente.");
    return errors;
  }

  if (plan.scope === "REGIONAL" && !plan.scopeRegion) add(errors, "scopeRegion", "Escolha a região do evento regional.");

  if (hasOnSitePart(plan.format)) {
    if (!plan.venueName) add(errors, "venueName", "Informe o nome do local (parte presencial).");
    if (!plan.venueAddress) add(errors, "venueAddress", "Informe o endereço do local (parte presencial).");
    if (!plan.venueMunicipio) add(errors, "venueMunicipio", "Informe o município do local (parte presencial).");
  }

  const a = plan.audience;
  if (a.kind === "REGIAO" && !a.region) add(errors, "audienceRegion", "Escolha a região do público-alvo.");
  if (a.kind === "UF" && !a.uf) add(errors, "audienceUfId", "Escolha o estado do público-alvo.");
  if (a.kind === "PORTE" && !(a.portes ?? []).length) add(errors, "audiencePortes", "Marque ao menos um porte.");
  if (a.kind === "LISTA" && !(a.enteIds ?? []).length) add(errors, "audienceEntes", "Informe ao menos um ente.");

  if (organizer.kind === "UF") {
    const uf = organizer.uf;
    if (!STATE_SCOPES.includes(plan.scope)) {
      add(errors, "scope", "Um estado organiza eventos de abrangência estadual ou municipal/local.");
    }
    if (!STATE_AUDIENCES.includes(a.kind)) {
      add(errors, "audienceKind", "Um estado convida apenas o próprio estado e os seus municípios.");
    } else if ((a.kind === "UF" || a.kind === "PORTE") && a.uf !== uf) {
      add(errors, a.kind === "UF" ? "audienceUfId" : "audienceUfId", `O público-alvo precisa ser do seu estado (${uf}).`);
    } else if (a.kind === "LISTA") {
      const foreign = (a.listEntes ?? []).filter((e) => e.kind === "UNIAO" || e.uf !== uf);
      if (foreign.length) {
        add(
          errors,
          "audienceEntes",
          `Só é possível convidar entes do seu estado (${uf}). Fora dele: ${foreign.map((e) => e.name).slice(0, 5).join(", ")}.`,
        );
      }
    }
    if (plan.venueMunicipio && plan.venueMunicipio.uf !== uf) {
      add(errors, "venueMunicipio", `O local precisa ficar em um município do seu estado (${uf}).`);
    }
  }

  if (!plan.sessions.length) add(errors, "sessions", "Inclua ao menos uma sessão.");
  plan.sessions.forEach((s, i) => {
    const minutes = (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000;
    if (minutes <= 0) add(errors, `sessions[${i}].end`, "O fim deve ser depois do início.");
    else if (minutes > MAX_SESSION_HOURS * 60) add(errors, `sessions[${i}].end`, `Uma sessão dura no máximo ${MAX_SESSION_HOURS} horas.`);
  });

  if (plan.registrationClosesAt.getTime() <= plan.registrationOpensAt.getTime()) {
    add(errors, "registrationClosesAt", "O fim das inscrições deve ser depois do início.");
  }
  const lastEnd = Math.max(...plan.sessions.map((s) => s.endsAt.getTime()));
  if (plan.sessions.length && plan.registrationClosesAt.getTime() > lastEnd) {
    add(errors, "registrationClosesAt", "As inscrições devem terminar até o fim da última sessão.");
  }

  if (plan.workloadMinutes <= 0) add(errors, "workloadHours", "Informe a carga horária.");
  if (plan.workloadMinutes > MAX_WORKLOAD_HOURS * 60) add(errors, "workloadHours", `A carga horária máxima é ${MAX_WORKLOAD_HOURS} horas.`);
  if (plan.capacity != null && plan.capacity < 1) add(errors, "capacity", "A capacidade deve ser de ao menos 1 vaga.");

  return errors;
}

/** Start of the first session and end of the last one. */
export function eventSpan(sessions: readonly { startsAt: Date; endsAt: Date }[]): { startsAt: Date; endsAt: Date } {
  const starts = sessions.map((s) => s.startsAt.getTime());
  const ends = sessions.map((s) => s.endsAt.getTime());
  return { startsAt: new Date(Math.min(...starts)), endsAt: new Date(Math.max(...ends)) };
}
