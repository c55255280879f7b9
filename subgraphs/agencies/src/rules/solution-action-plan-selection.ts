import type { SolutionActionPlan } from '../entities/solution-action-plan.entity.js';

export type PlanFacts = Pick<SolutionActionPlan, 'county' | 'planVersion' | 'effectiveFrom' | 'supersededOn'>;

/**
 * The plan in force for a unit on a date: a county-specific plan beats the unit-wide one, and among plans of
 * the same scope the latest version that has started and is not superseded wins.
 */
export function planInForce<P extends PlanFacts>(plans: P[], county: string | null, date: string): P | null {
  const inForce = plans.filter((plan) => plan.effectiveFrom <= date && (!plan.supersededOn || date < plan.supersededOn));
  const newest = (candidates: P[]) =>
    candidates.sort((a, b) => b.planVersion - a.planVersion || b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null;
  if (county) {
    const specific = newest(inForce.filter((plan) => plan.county === county));
    if (specific) return specific;
  }
  return newest(inForce.filter((plan) => plan.county === null));
}

/** Every plan of a unit in force on a date: the unit-wide one and, for each county with its own, that county's. */
export function plansInForce<P extends PlanFacts>(plans: P[], date: string): P[] {
  const counties = [...new Set(plans.map((plan) => plan.county))];
  return counties
    .map((county) => planInForce(plans.filter((plan) => plan.county === county), county ?? null, date))
    .filter((plan): plan is P => plan !== null);
}
