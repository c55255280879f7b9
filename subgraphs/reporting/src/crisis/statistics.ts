import { isReportingMonth } from '@hub/platform/domain';
import { Violations } from '@hub/platform/errors';
import type { Context } from '../context.js';
import type { CrisisDimension, CrisisMeasure, CrisisStatisticsQuery } from '../generated/resolvers-types.js';
import { discloseCount, discloseRate, type Disclosed } from '../rules/suppression.js';

/**
 * Crisis statistics (IAC-3, IAC-4) for analysts: one grouped SQL statement over the incidents agencies recorded,
 * every figure under the disclosure control of rules/suppression.ts (a base of incidents below the threshold
 * withholds a share; counts are perturbed by their cell key). Levels of response and outcomes are "all that apply",
 * so grouping by them unnests the lists: an incident counts once under each that applies.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DIMENSION_SQL: Record<CrisisDimension, { sql: string; unnest?: string }> = {
  MONTH: { sql: 'i.month' },
  QUARTER: { sql: `substr(i.month, 1, 4) || '-Q' || ((substr(i.month, 6, 2)::int + 2) / 3)` },
  YEAR: { sql: 'substr(i.month, 1, 4)' },
  AGENCY: { sql: 'i.agency_id::text' },
  LEVEL_OF_RESPONSE: { sql: 'l.level', unnest: 'cross join lateral unnest(i.levels_of_response) as l(level)' },
  OUTCOME: { sql: 'o.outcome', unnest: 'cross join lateral unnest(i.outcomes) as o(outcome)' },
  ARRIVAL: { sql: 'i.arrival' },
  CALL_TYPE: { sql: 'i.call_type' },
};

/** Each share's numerator, as a condition on one incident. */
const SHARE_OF: Record<Exclude<CrisisMeasure, 'INCIDENTS'>, string> = {
  CIT_OFFICER_SHARE: `'CIT_TRAINED_OFFICER' = any(i.levels_of_response)`,
  ARREST_SHARE: `'ARRESTED' = any(i.outcomes)`,
  SUBJECT_NOT_LOCATED_SHARE: 'not i.subject_located',
};

const CRISIS_MEASURE_SALT: Record<CrisisMeasure, number> = { INCIDENTS: 0, CIT_OFFICER_SHARE: 1, ARREST_SHARE: 2, SUBJECT_NOT_LOCATED_SHARE: 3 };

export interface CrisisValue {
  measure: CrisisMeasure;
  disclosed: Disclosed;
}

export interface CrisisCell {
  dimensions: { dimension: CrisisDimension; value: string | null }[];
  values: CrisisValue[];
}

export interface CrisisStatisticsModel {
  groupBy: CrisisDimension[];
  measures: CrisisMeasure[];
  cells: CrisisCell[];
  suppressionThreshold: number;
}

function checkQuery(v: Violations, query: CrisisStatisticsQuery): void {
  const groupBy = query.groupBy ?? [];
  v.check(groupBy.length <= 2, 'query.groupBy', 'max-items', 'Group by at most two dimensions.');
  v.check(new Set(groupBy).size === groupBy.length, 'query.groupBy', 'unique', 'Name each dimension once.');
  v.check(query.measures.length > 0, 'query.measures', 'required', 'Ask for at least one measure.');
  v.check(new Set(query.measures).size === query.measures.length, 'query.measures', 'unique', 'Name each measure once.');
  for (const field of ['fromMonth', 'toMonth'] as const) {
    const month = query[field];
    if (month != null) v.check(isReportingMonth(month), `query.${field}`, 'month', `query.${field} is a month as YYYY-MM.`);
  }
  if (query.fromMonth && query.toMonth) v.check(query.fromMonth <= query.toMonth, 'query.toMonth', 'after-from', 'query.toMonth is before query.fromMonth.');
  if (query.agencyIds) {
    v.check(query.agencyIds.length > 0, 'query.agencyIds', 'not-empty', 'Leave query.agencyIds out to mean every agency.');
    query.agencyIds.forEach((id, i) => v.check(UUID.test(id), `query.agencyIds[${i}]`, 'uuid', `query.agencyIds[${i}] is not an agency id.`));
  }
}

export function crisisDisclosureControl(threshold: number): string {
  return (
    `Counts from 1 to ${threshold - 1} are withheld, as is any share computed on fewer than ${threshold} incidents; ` +
    'every other count is perturbed by a small amount derived from the incidents in its cell (the cell-key method), so the same cell always gives the same answer.'
  );
}

export async function crisisStatistics(context: Context, query: CrisisStatisticsQuery): Promise<CrisisStatisticsModel> {
  const v = new Violations();
  checkQuery(v, query);
  v.throwIfAny();
  const groupBy = [...(query.groupBy ?? [])];
  const where: string[] = ['true'];
  const params: unknown[] = [];
  if (query.fromMonth) (where.push('i.month >= ?'), params.push(query.fromMonth));
  if (query.toMonth) (where.push('i.month <= ?'), params.push(query.toMonth));
  if (query.agencyIds) (where.push('i.agency_id = any(?::uuid[])'), params.push(`{${query.agencyIds.map((id) => id.toLowerCase()).join(',')}}`));
  const shares = query.measures.filter((m): m is Exclude<CrisisMeasure, 'INCIDENTS'> => m !== 'INCIDENTS');
  const select = [
    ...groupBy.map((d, i) => `${DIMENSION_SQL[d].sql} as d${i}`),
    'count(*) as n',
    'coalesce(sum(i.record_key), 0) as k',
    ...shares.flatMap((m, i) => [`count(*) filter (where ${SHARE_OF[m]}) as s${i}_n`, `coalesce(sum(i.record_key) filter (where ${SHARE_OF[m]}), 0) as s${i}_k`]),
  ];
  const sql = `select ${select.join(', ')}
from "reporting"."crisis_incident" i ${groupBy.map((d) => DIMENSION_SQL[d].unnest ?? '').join(' ')}
where ${where.join(' and ')}
${groupBy.length > 0 ? `group by ${groupBy.map((_, i) => `d${i}`).join(', ')} order by ${groupBy.map((_, i) => `d${i}`).join(', ')}` : ''}`;
  const rows = await context.em.execute<Record<string, string | number | null>[]>(sql, params);
  const threshold = context.suppressionThreshold;
  const cells = rows.map((row) => {
    const all = { count: Number(row.n), keySum: Number(row.k), people: Number(row.n) };
    const values = query.measures.map((measure): CrisisValue => {
      // A fixed salt per measure: reordering the measures cannot draw other perturbations of the same cell.
      const salt = CRISIS_MEASURE_SALT[measure];
      if (measure === 'INCIDENTS') return { measure, disclosed: discloseCount(all.count, all.keySum, threshold, salt) };
      const i = shares.indexOf(measure);
      return { measure, disclosed: discloseRate({ count: Number(row[`s${i}_n`]), keySum: Number(row[`s${i}_k`]) }, all, threshold, salt) };
    });
    return { dimensions: groupBy.map((dimension, i) => ({ dimension, value: (row[`d${i}`] as string | null) ?? null })), values };
  });
  return { groupBy, measures: [...query.measures], cells, suppressionThreshold: threshold };
}
