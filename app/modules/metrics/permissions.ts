// Who sees which participation figures: the one place these rules live. Pure.
// The federal team sees everything; a state team its UF and that UF's municipalities; a person her
// own. An ente's aggregate figures are public (transparency); the names behind them are not.
import { isFederalOrganizer, organizedUfs, type Actor } from "~/modules/auth/actor";

export const METRICS_ACTIONS = ["see_national", "see_uf", "see_priorities", "see_ente_names", "invite_from_priorities"] as const;
export type MetricsAction = (typeof METRICS_ACTIONS)[number];

/** `uf`: the UF abbreviation the action is about (none for the national view). */
export function canOnMetrics(actor: Actor | null | undefined, action: MetricsAction, target: { uf?: string | null } = {}): boolean {
  if (!actor) return false;
  if (isFederalOrganizer(actor)) return true;
  if (action === "see_national") return false;
  return !!target.uf && organizedUfs(actor).includes(target.uf);
}

/** The aggregate figures of any ente are public. */
export const canSeeEnteAggregates = (): boolean => true;
