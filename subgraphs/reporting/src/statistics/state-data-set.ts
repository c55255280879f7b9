import { Violations } from '@hub/platform/errors';
import { requireActor } from '@hub/platform/identity';
import type { Context } from '../context.js';
import type { StatisticDimension } from '../generated/resolvers-types.js';
import { access, seesEveryProgram } from '../rules/access.js';
import { buildFilter, type Scope } from './filter.js';
import { runStatistic, type CellValue } from './run.js';

const DEMOGRAPHICS: StatisticDimension[] = ['AGE_BAND', 'SEX', 'RACE', 'ETHNICITY'];

export interface StateDataSetProgramModel {
  program: { id: string };
  programRole: 'APPROVING_AGENCY' | 'INITIATING_AGENCY';
  deflections: CellValue;
  encountersReferredToTreatment: CellValue;
  medianDaysToTreatmentEngagement: CellValue;
  engagementRateAt30Days: CellValue;
  demographics: { dimension: StatisticDimension; value: string; count: CellValue }[];
}

export interface StateDataSetModel {
  year: number;
  quarter: number;
  from: string;
  to: string;
  programs: StateDataSetProgramModel[];
  csvPath: string;
  jsonPath: string;
  suppressionThreshold: number;
}

function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const to = new Date(Date.UTC(year, firstMonth + 2, 0)).toISOString().slice(0, 10);
  return { from, to };
}

/**
 * FB-7 (50 ILCS 71 sec. 25): per program — the MEG or task force a deflection counts for once approved, else the
 * initiating agency (OPS-D9) — and quarter: deflections, encounters that resulted in a treatment referral, median
 * days from the encounter to engagement, the 30-day engagement rate, and counts by age band, sex, race and
 * ethnicity, all under disclosure control. Five statements, however many programs.
 */
export async function stateDataSet(context: Context, year: number, quarter: number, programIds: readonly string[] | null | undefined): Promise<StateDataSetModel> {
  const actor = requireActor(context);
  const v = new Violations();
  v.check(Number.isInteger(year) && year >= 2019 && year <= 2199, 'year', 'range', 'year must be 2019 (the statute) or later.');
  v.check(Number.isInteger(quarter) && quarter >= 1 && quarter <= 4, 'quarter', 'range', 'quarter must be 1, 2, 3 or 4.');
  if (programIds) v.check(programIds.length > 0, 'programIds', 'not-empty', 'programIds lists no program; leave it out for all you may see.');
  v.throwIfAny();
  const programs = programIds ?? (seesEveryProgram(actor) ? null : [actor.agencyId]);
  access.assertCan(actor, 'state-data-set:read', { programIds: programs });
  const range = quarterRange(year, quarter);
  const scope: Scope = programs ? { attributedToIds: programs } : {};
  const filter = buildFilter(v, range, { ...scope });
  const run = (groupBy: StatisticDimension[], measures: Parameters<typeof runStatistic>[1]['measures']) =>
    runStatistic(context.em, { groupBy, measures, totals: { rows: false, columns: false, grand: false }, filter, threshold: context.suppressionThreshold, asOf: new Date() });
  const [headline, ...demographicTables] = await Promise.all([
    run(['COUNTS_FOR'], ['DEFLECTIONS', 'REFERRED_TO_TREATMENT', 'DAYS_TO_TREATMENT_MEDIAN', 'ENGAGEMENT_30_DAY_RATE']),
    ...DEMOGRAPHICS.map((dimension) => run(['COUNTS_FOR', dimension], ['DEFLECTIONS'])),
  ]);
  const roles = await programRoles(context, headline.cells.map((c) => c.dimensions[0]!.value).filter((id): id is string => id !== null));
  const rows = headline.cells
    .filter((cell) => cell.dimensions[0]!.value !== null)
    .map((cell): StateDataSetProgramModel => {
      const id = cell.dimensions[0]!.value!;
      return {
        program: { id },
        programRole: roles.get(id) ?? 'INITIATING_AGENCY',
        deflections: cell.values[0]!,
        encountersReferredToTreatment: cell.values[1]!,
        medianDaysToTreatmentEngagement: cell.values[2]!,
        engagementRateAt30Days: cell.values[3]!,
        demographics: demographicTables.flatMap((table, i) =>
          table.cells.filter((c) => c.dimensions[0]!.value === id && c.dimensions[1]!.value !== null).map((c) => ({ dimension: DEMOGRAPHICS[i]!, value: c.dimensions[1]!.value!, count: c.values[0]! })),
        ),
      };
    });
  const query = new URLSearchParams({ year: String(year), quarter: String(quarter), ...(programIds ? { programIds: programIds.join(',') } : {}) });
  return { year, quarter, ...range, programs: rows, csvPath: `/exports/state-data-set.csv?${query}`, jsonPath: `/exports/state-data-set.json?${query}`, suppressionThreshold: context.suppressionThreshold };
}

/** A program approves (a MEG or task force its deflections count for) or initiates its own; one statement for all. */
async function programRoles(context: Context, ids: string[]): Promise<Map<string, StateDataSetProgramModel['programRole']>> {
  if (ids.length === 0) return new Map();
  const rows = await context.em.execute<{ id: string; approves: boolean }[]>(
    `select attributed_to_id as id, bool_or(approval_required) as approves from "reporting"."deflection_fact" where attributed_to_id in (?) group by attributed_to_id`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.approves ? 'APPROVING_AGENCY' : 'INITIATING_AGENCY']));
}
