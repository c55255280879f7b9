import type { Pathway } from '@hub/platform/domain';
import type { Violations } from '@hub/platform/errors';

/** The parts of a unit's Solution Action Plan a referral is checked against (OPS-D1). */
export interface PlanTerms {
  /** Which plan this is, in the words a refusal uses: unit, county (or unit-wide) and version. */
  label: string;
  enabledPathways: readonly Pathway[];
  eligibility: {
    minimumAge: number | null;
    allowsActiveWarrants: boolean;
    allowsProbationOrParole: boolean;
    excludedOffenses: readonly string[];
  };
}

export interface EligibilityFacts {
  dateOfBirth: string | null;
  hasActiveWarrant: boolean;
  onProbationOrParole: boolean;
  offenses: string[];
}

export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function planLabel(unitName: string, plan: { county: string | null; version: number }): string {
  return `${unitName} plan ${plan.county ? `for ${plan.county} County` : 'for every county it serves'}, version ${plan.version}`;
}

/** The pathway must be enabled in the plan, and the person must meet its eligibility criteria; refusals name the plan. */
export function checkEligibility(v: Violations, pathway: Pathway, plan: PlanTerms, facts: EligibilityFacts, today: string): void {
  v.check(
    plan.enabledPathways.includes(pathway),
    'input.pathway',
    'pathway-enabled-in-sap',
    `${pathway} is not enabled in the ${plan.label} (enabled: ${plan.enabledPathways.join(', ')}).`,
  );
  const { eligibility } = plan;
  if (eligibility.minimumAge !== null && facts.dateOfBirth) {
    v.check(
      ageOn(facts.dateOfBirth, today) >= eligibility.minimumAge,
      'input.person.dateOfBirth',
      'sap-minimum-age',
      `The ${plan.label} requires a minimum age of ${eligibility.minimumAge}.`,
    );
  }
  if (facts.hasActiveWarrant) {
    v.check(eligibility.allowsActiveWarrants, 'input.eligibility.hasActiveWarrant', 'sap-excludes-active-warrants', `The ${plan.label} does not accept people with an active warrant.`);
  }
  if (facts.onProbationOrParole) {
    v.check(eligibility.allowsProbationOrParole, 'input.eligibility.onProbationOrParole', 'sap-excludes-probation-parole', `The ${plan.label} does not accept people on probation or parole.`);
  }
  const excluded = new Set(eligibility.excludedOffenses.map((o) => o.trim().toLowerCase()));
  for (const offense of facts.offenses) {
    v.check(!excluded.has(offense.trim().toLowerCase()), 'input.eligibility.offenses', 'sap-excluded-offense', `The ${plan.label} excludes "${offense}".`);
  }
}
