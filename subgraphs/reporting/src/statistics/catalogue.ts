import type { StatisticDimension, StatisticMeasure } from '../generated/resolvers-types.js';

/**
 * What a statistic can be grouped by and what it can measure, each as the SQL over `deflection_fact` that computes
 * it. Only these fixed expressions ever reach SQL: a dimension or measure is an enum value, never text.
 */

/** The day a deflection's encounter happened, for the treatment timings (the referral time when none is known). */
const ENCOUNTER = 'coalesce(f.encounter_at, f.referred_at)';

export const DIMENSIONS: Record<StatisticDimension, { sql: string; kind: 'agency' | 'provider' | 'value' }> = {
  MONTH: { sql: `to_char(f.referred_on, 'YYYY-MM')`, kind: 'value' },
  QUARTER: { sql: `to_char(f.referred_on, 'YYYY-"Q"Q')`, kind: 'value' },
  YEAR: { sql: `to_char(f.referred_on, 'YYYY')`, kind: 'value' },
  AGENCY: { sql: 'f.initiating_unit_id::text', kind: 'agency' },
  APPROVING_AGENCY: { sql: 'f.approving_agency_id::text', kind: 'agency' },
  COUNTS_FOR: { sql: 'f.attributed_to_id::text', kind: 'agency' },
  COUNTY: { sql: 'f.county', kind: 'value' },
  PATHWAY: { sql: 'f.pathway', kind: 'value' },
  OUTCOME: { sql: `case when f.status in ('SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN') then f.status end`, kind: 'value' },
  STATUS: { sql: 'f.status', kind: 'value' },
  CALL_TYPE: { sql: 'f.call_type', kind: 'value' },
  CHANNEL: { sql: 'f.channel', kind: 'value' },
  PROVIDER: { sql: 'f.provider_id::text', kind: 'provider' },
  SERVICE: { sql: 'f.service', kind: 'value' },
  AGE_BAND: { sql: 'f.age_band', kind: 'value' },
  SEX: { sql: 'f.sex', kind: 'value' },
  RACE: { sql: 'f.race', kind: 'value' },
  ETHNICITY: { sql: 'f.ethnicity', kind: 'value' },
  SEQUENTIAL_INTERCEPT: { sql: 'f.intercept', kind: 'value' },
};

/**
 * A measure is a count (records satisfying a condition, or distinct people), a rate (a numerator among a base), or
 * a percentile of a duration. Conditions and expressions are SQL over `f`; eligibility windows are measured from
 * the statistic's `asOf` time (`$asOf`). What each means in words is in the schema's description of the measure.
 */
export type MeasureDefinition =
  | { kind: 'count'; where: string | null; distinctPeople?: boolean }
  | { kind: 'rate'; numerator: string; base: string }
  | { kind: 'percentile'; fraction: number; value: string };

const HOURS_TO_HAND_OFF = `extract(epoch from (f.handed_off_at - f.referred_at)) / 3600.0`;
const DAYS_TO_TREATMENT = `extract(epoch from (f.first_treatment_contact_at - ${ENCOUNTER})) / 86400.0`;
const retention = (days: number): MeasureDefinition => ({
  kind: 'rate',
  numerator: `f.retained${days}`,
  base: `f.first_treatment_contact_at <= $asOf - interval '${days} days'`,
});

export const MEASURES: Record<StatisticMeasure, MeasureDefinition> = {
  DEFLECTIONS: { kind: 'count', where: null },
  DISTINCT_PEOPLE: { kind: 'count', where: null, distinctPeople: true },
  REPEAT_DEFLECTION_SHARE: { kind: 'rate', numerator: 'f.is_repeat', base: 'true' },
  REFERRED_TO_TREATMENT: { kind: 'count', where: 'f.referred_to_treatment' },
  APPROVALS: { kind: 'count', where: 'f.approved_at is not null' },
  DECLINES: { kind: 'count', where: 'f.declined_at is not null' },
  HAND_OFF_RATE: {
    kind: 'rate',
    numerator: 'f.handed_off_at is not null',
    base: `f.status not in ('PENDING_APPROVAL', 'DECLINED')`,
  },
  HOURS_TO_HAND_OFF_MEDIAN: { kind: 'percentile', fraction: 0.5, value: HOURS_TO_HAND_OFF },
  HOURS_TO_HAND_OFF_P90: { kind: 'percentile', fraction: 0.9, value: HOURS_TO_HAND_OFF },
  DAYS_TO_TREATMENT_MEDIAN: { kind: 'percentile', fraction: 0.5, value: DAYS_TO_TREATMENT },
  DAYS_TO_TREATMENT_P90: { kind: 'percentile', fraction: 0.9, value: DAYS_TO_TREATMENT },
  ENGAGEMENT_30_DAY_RATE: {
    kind: 'rate',
    numerator: `f.first_treatment_contact_at <= ${ENCOUNTER} + interval '30 days'`,
    base: `f.referred_to_treatment and ${ENCOUNTER} <= $asOf - interval '30 days'`,
  },
  RETENTION_30_DAY_RATE: retention(30),
  RETENTION_60_DAY_RATE: retention(60),
  RETENTION_90_DAY_RATE: retention(90),
  COMPLETION_RATE: {
    kind: 'rate',
    numerator: 'f.treatment_completed',
    base: 'f.treatment_completed or f.treatment_discharged',
  },
  SUCCESS_RATE: { kind: 'rate', numerator: `f.status = 'SUCCESSFUL'`, base: `f.status in ('SUCCESSFUL', 'UNSUCCESSFUL')` },
  NO_ARREST_SHARE: { kind: 'rate', numerator: 'not f.arrest_made', base: 'f.arrest_made is not null' },
};
