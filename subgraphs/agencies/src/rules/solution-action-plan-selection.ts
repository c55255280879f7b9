import type { SolutionActionPlan } from '../entities/solution-action-plan.entity.js';

/**
 * The plan in force for a unit on a date: a county-specific plan beats the unit-wide one, and among plans of
 * the same scope the latest version that has started and is not superseded wins.
 */
export function planInForce(plans: SolutionActionPlan[], county: string | null, date: string): SolutionActionPlan | null {
  const inForce = plans.filter((plan) => plan.effectiveFrom <= date && (!plan.supersededOn || date < plan.supersededOn));
  const newest = (candidates: SolutionActionPlan[]) =>
    candidates.sort((a, b) => b.planVersion - a.planVersion || b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null;
  if (county) {
    const specific = newest(inForce.filter((plan) => plan.county === county));
    if (specific) return specific;
  }
  return newest(inForce.filter((plan) => plan.county === null));
}
