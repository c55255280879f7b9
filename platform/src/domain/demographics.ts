/**
 * The participant demographics of the state's minimum data set (50 ILCS 71 sec. 25; FB-7), as optional facts of a
 * referral. Race and ethnicity follow the federal categories agencies already report (OMB 1997, as in NIBRS); sex
 * includes X, which Illinois records on identity documents. Reporting receives these, never a name or a birth date.
 */
export const SEXES = ['FEMALE', 'MALE', 'X', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];

export const RACES = [
  'AMERICAN_INDIAN_OR_ALASKA_NATIVE',
  'ASIAN',
  'BLACK_OR_AFRICAN_AMERICAN',
  'NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER',
  'WHITE',
  'MULTIRACIAL',
  'OTHER',
  'UNKNOWN',
] as const;
export type Race = (typeof RACES)[number];

export const ETHNICITIES = ['HISPANIC_OR_LATINO', 'NOT_HISPANIC_OR_LATINO', 'UNKNOWN'] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

/** Age at the encounter, in the bands statistics use: a birth date never leaves the cases subgraph. */
export const AGE_BANDS = ['UNDER_18', 'AGE_18_24', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS', 'UNKNOWN'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function ageBandOn(dateOfBirth: string | null | undefined, day: string): AgeBand {
  if (!dateOfBirth) return 'UNKNOWN';
  const age = ageOn(dateOfBirth, day);
  if (age < 18) return 'UNDER_18';
  if (age < 25) return 'AGE_18_24';
  if (age < 35) return 'AGE_25_34';
  if (age < 45) return 'AGE_35_44';
  if (age < 55) return 'AGE_45_54';
  if (age < 65) return 'AGE_55_64';
  return 'AGE_65_PLUS';
}
