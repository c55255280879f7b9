import type { StatisticDimension, StatisticMeasure } from '../generated/resolvers-types.js';

/**
 * What a statistic can be grouped by and what it can measure, each as the SQL over `deflection_fact` that computes
 * it. Only these fixed expressions ever reach SQL: a dimension or measure is an enum value, never text.
 */

/** The day a deflection's encounter happened, for the treatment timings (the referral time when none is known). */
const ENCOUNTER = 'coalesce(f.encounter_at, f.referred_at)';

/**
 * `sql` is what rows are grouped by, chosen to sort fast (a statistic's time is mostly its sorts): periods as
 * timestamps, text in byte order (COLLATE "C"), ids as uuids. `label` turns a group's key into the value published,
 * once per group rather than once per record.
 */
export interface Dimension {
  sql: string;
  label: (key: string) => string;
  kind: 'agency' | 'provider' | 'value';
}

const period = (unit: 'month' | 'quarter' | 'year', format: string): Dimension => ({
  sql: `date_trunc('${unit}', f.referred_on::timestamp)`,
  label: (key) => `to_char(${key}, '${format}')`,
  kind: 'value',
});
const text = (sql: string): Dimension => ({ sql: `(${sql}) collate "C"`, label: (key) => key, kind: 'value' });
const id = (column: string, kind: 'agency' | 'provider'): Dimension => ({ sql: column, label: (key) => `${key}::text`, kind });

export const DIMENSIONS: Record<StatisticDimension, Dimension> = {
  MONTH: period('month', 'YYYY-MM'),
  QUARTER: period('quarter', 'YYYY-"Q"Q'),
  YEAR: period('year', 'YYYY'),
  AGENCY: id('f.initiating_unit_id', 'agency'),
  APPROVING_AGENCY: id('f.approving_agency_id', 'agency'),
  COUNTS_FOR: id('f.attributed_to_id', 'agency'),
  COUNTY: text('f.county'),
  PATHWAY: text('f.pathway'),
  OUTCOME: text(`case when f.status in ('SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN') then f.status end`),
  STATUS: text('f.status'),
  CALL_TYPE: text('f.call_type'),
  CHANNEL: text('f.channel'),
  PROVIDER: id('f.provider_id', 'provider'),
  SERVICE: text('f.service'),
  AGE_BAND: text('f.age_band'),
  SEX: text('f.sex'),
  RACE: text('f.race'),
  ETHNICITY: text('f.ethnicity'),
  SEQUENTIAL_INTERCEPT: text('f.intercept'),
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

// date_part gives double precision; extract gives numeric, whose arithmetic cost a statistic a tenth of its time.
const HOURS_TO_HAND_OFF = `date_part('epoch', f.handed_off_at - f.referred_at) / 3600`;
const DAYS_TO_TREATMENT = `date_part('epoch', f.first_treatment_contact_at - ${ENCOUNTER}) / 86400`;
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
