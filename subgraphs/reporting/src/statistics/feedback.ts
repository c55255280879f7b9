import { addDays } from '@hub/platform/domain';
import { Violations } from '@hub/platform/errors';
import { requireActor, type Actor } from '@hub/platform/identity';
import type { Context } from '../context.js';
import type { FigureFormat, StatisticMeasure } from '../generated/resolvers-types.js';
import { access, leadsProgram } from '../rules/access.js';
import { buildFilter, type Scope } from './filter.js';
import { runStatistic, type Cell, type CellValue } from './run.js';

/** FB-2: the outcomes an officer or a unit sees of its referrals, all in one statement. */
const OUTCOMES = {
  referrals: 'DEFLECTIONS',
  people: 'DISTINCT_PEOPLE',
  handedOff: 'HAND_OFF_RATE',
  engagedWithin30Days: 'ENGAGEMENT_30_DAY_RATE',
  retainedAt90Days: 'RETENTION_90_DAY_RATE',
  completedTreatment: 'COMPLETION_RATE',
  repeatDeflections: 'REPEAT_DEFLECTION_SHARE',
} as const satisfies Record<string, StatisticMeasure>;

export type ReferralOutcomesModel = { from: string | null; to: string | null } & Record<keyof typeof OUTCOMES, CellValue>;

function checkPeriod(v: Violations, from: string | null | undefined, to: string | null | undefined): void {
  if (from && to) v.check(from <= to, 'to', 'after-from', 'to is before from.');
}

async function oneCell(context: Context, measures: StatisticMeasure[], scope: Scope, from: string | null | undefined, to: string | null | undefined, v = new Violations()): Promise<Cell> {
  checkPeriod(v, from, to);
  const filter = buildFilter(v, { from, to }, scope);
  v.throwIfAny();
  const table = await runStatistic(context.em, { groupBy: [], measures, totals: { rows: false, columns: false, grand: false }, filter, threshold: context.suppressionThreshold, asOf: new Date() });
  return table.cells[0]!;
}

async function outcomes(context: Context, scope: Scope, from: string | null | undefined, to: string | null | undefined): Promise<ReferralOutcomesModel> {
  const entries = Object.entries(OUTCOMES) as [keyof typeof OUTCOMES, StatisticMeasure][];
  const cell = await oneCell(context, entries.map(([, m]) => m), scope, from, to);
  return { from: from ?? null, to: to ?? null, ...(Object.fromEntries(entries.map(([name], i) => [name, cell.values[i]!])) as Record<keyof typeof OUTCOMES, CellValue>) };
}

export function myReferralOutcomes(context: Context, from?: string | null, to?: string | null): Promise<ReferralOutcomesModel> {
  return outcomes(context, { initiatingOfficerIds: [requireActor(context).personId] }, from, to);
}

export function unitReferralOutcomes(context: Context, agencyId: string | null | undefined, from?: string | null, to?: string | null): Promise<ReferralOutcomesModel> {
  const actor = requireActor(context);
  const unit = agencyId ?? actor.agencyId;
  access.assertCan(actor, 'feedback:read-unit', { agencyId: unit });
  return outcomes(context, { initiatingUnitIds: [unit] }, from, to);
}

/** Which deflections a leader's or a unit's figures cover: a MEG's or task force's, or a unit's own. */
function agencyScope(actor: Actor, agencyId: string): { column: string; scope: Scope } {
  return leadsProgram(actor) ? { column: 'f.counts_for_id', scope: { attributedToIds: [agencyId] } } : { column: 'f.initiating_unit_id', scope: { initiatingUnitIds: [agencyId] } };
}

export interface UnitReferralsModel {
  unit: { id: string };
  referrals: number;
  byOfficer: { officer: { id: string }; referrals: number }[];
}

/** Referrals per officer and unit in one grouped statement: actions of officers, counted as they are. */
export async function referralCounts(context: Context, from: string, to: string, agencyId: string | null | undefined): Promise<UnitReferralsModel[]> {
  const actor = requireActor(context);
  const agency = agencyId ?? actor.agencyId;
  access.assertCan(actor, 'referral-counts:read', { agencyId: agency });
  const v = new Violations();
  checkPeriod(v, from, to);
  v.check(!from || !to || to <= addDays(from, 366), 'to', 'at-most-a-year', 'A period of referral counts is at most a year.');
  v.throwIfAny();
  const { column } = agencyScope(actor, agency);
  const rows = await context.em.execute<{ unit: string; officer: string | null; referrals: string }[]>(
    `select f.initiating_unit_id as unit, f.initiating_officer_id as officer, count(*) as referrals
     from "reporting"."deflection_fact" f
     where f.referred_at is not null and ${column} = ? and f.referred_on between ? and ?
     group by f.initiating_unit_id, f.initiating_officer_id order by f.initiating_unit_id, count(*) desc`,
    [agency, from, to],
  );
  const units = new Map<string, UnitReferralsModel>();
  for (const row of rows) {
    const unit = units.get(row.unit) ?? { unit: { id: row.unit }, referrals: 0, byOfficer: [] };
    unit.referrals += Number(row.referrals);
    if (row.officer) unit.byOfficer.push({ officer: { id: row.officer }, referrals: Number(row.referrals) });
    units.set(row.unit, unit);
  }
  return [...units.values()];
}

const DIGEST_FIGURES: { label: string; measure: StatisticMeasure; format: FigureFormat }[] = [
  { label: 'Referrals', measure: 'DEFLECTIONS', format: 'COUNT' },
  { label: 'People referred', measure: 'DISTINCT_PEOPLE', format: 'COUNT' },
  { label: 'Handed off to a case manager', measure: 'HAND_OFF_RATE', format: 'SHARE' },
  { label: 'Median hours to the hand-off', measure: 'HOURS_TO_HAND_OFF_MEDIAN', format: 'HOURS' },
  { label: 'Referred to treatment', measure: 'REFERRED_TO_TREATMENT', format: 'COUNT' },
  { label: 'Median days to treatment', measure: 'DAYS_TO_TREATMENT_MEDIAN', format: 'DAYS' },
  { label: 'Handled without an arrest', measure: 'NO_ARREST_SHARE', format: 'SHARE' },
];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01`;
  const to = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  return { from, to };
}

function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

export interface DigestFigureModel {
  label: string;
  measure: StatisticMeasure;
  format: FigureFormat;
  value: CellValue;
  previous: number | null;
}

export interface DigestModel {
  agency: { id: string };
  month: string;
  title: string;
  figures: DigestFigureModel[];
  byPathway: Cell[];
  notes: string[];
}

/**
 * The month's newsletter (checklist): headline figures with last month's for the trend, and referrals and 30-day
 * engagement by pathway. Three statements, whatever the unit's size.
 */
export async function feedbackDigest(context: Context, month: string, agencyId: string | null | undefined): Promise<DigestModel> {
  const actor = requireActor(context);
  const agency = agencyId ?? actor.agencyId;
  access.assertCan(actor, 'digest:read', { agencyId: agency });
  const v = new Violations();
  v.check(MONTH.test(month), 'month', 'month', 'month is a month written YYYY-MM, such as 2026-10.');
  v.throwIfAny();
  const { scope } = agencyScope(actor, agency);
  const measures = DIGEST_FIGURES.map((f) => f.measure);
  const thisMonth = monthRange(month);
  const lastMonth = monthRange(previousMonth(month));
  const [now, before] = await Promise.all([
    oneCell(context, measures, scope, thisMonth.from, thisMonth.to),
    oneCell(context, measures, scope, lastMonth.from, lastMonth.to),
  ]);
  const filter = buildFilter(new Violations(), thisMonth, scope);
  const byPathway = await runStatistic(context.em, {
    groupBy: ['PATHWAY'],
    measures: ['DEFLECTIONS', 'ENGAGEMENT_30_DAY_RATE'],
    totals: { rows: false, columns: false, grand: false },
    filter,
    threshold: context.suppressionThreshold,
    asOf: new Date(),
  });
  return {
    agency: { id: agency },
    month,
    title: `Deflection feedback, ${new Date(`${thisMonth.from}T12:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`,
    figures: DIGEST_FIGURES.map((figure, i) => ({ ...figure, value: now.values[i]!, previous: before.values[i]!.disclosed.value })),
    byPathway: byPathway.cells,
    notes: [
      `Figures count people, never name them: counts from 1 to ${context.suppressionThreshold - 1} are withheld and others are adjusted by a small amount.`,
      'Engagement within 30 days counts people whose encounter was at least 30 days ago; this month’s referrals show it from next month.',
    ],
  };
}
