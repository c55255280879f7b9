import { Violations, type Pathway } from '@hub/platform';

/** The parts of a unit's Solution Action Plan a referral is checked against (OPS-D1). */
export interface PlanTerms {
  enabledPathways: Pathway[];
  eligibility: {
    minimumAge: number | null;
    allowsActiveWarrants: boolean;
    allowsProbationOrParole: boolean;
    excludedOffenses: string[];
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

/** The pathway must be enabled in the plan, and the person must meet its eligibility criteria. */
export function checkEligibility(v: Violations, pathway: Pathway, plan: PlanTerms, facts: EligibilityFacts, today: string): void {
  v.check(
    plan.enabledPathways.includes(pathway),
    'input.pathway',
    'pathway-enabled-in-sap',
    `${pathway} is not enabled in your unit's Solution Action Plan (enabled: ${plan.enabledPathways.join(', ')}).`,
  );
  const { eligibility } = plan;
  if (eligibility.minimumAge !== null && facts.dateOfBirth) {
    v.check(
      ageOn(facts.dateOfBirth, today) >= eligibility.minimumAge,
      'input.person.dateOfBirth',
      'sap-minimum-age',
      `The plan's eligibility criteria require a minimum age of ${eligibility.minimumAge}.`,
    );
  }
  if (facts.hasActiveWarrant) {
    v.check(eligibility.allowsActiveWarrants, 'input.eligibility.hasActiveWarrant', 'sap-excludes-active-warrants', 'The plan does not accept people with an active warrant.');
  }
  if (facts.onProbationOrParole) {
    v.check(eligibility.allowsProbationOrParole, 'input.eligibility.onProbationOrParole', 'sap-excludes-probation-parole', 'The plan does not accept people on probation or parole.');
  }
  const excluded = new Set(eligibility.excludedOffenses.map((o) => o.trim().toLowerCase()));
  for (const offense of facts.offenses) {
    v.check(!excluded.has(offense.trim().toLowerCase()), 'input.eligibility.offenses', 'sap-excluded-offense', `The plan excludes "${offense}".`);
  }
}
