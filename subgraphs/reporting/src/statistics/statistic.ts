import { DEFLECTION_STATUSES } from '@hub/platform/domain';
import { Violations } from '@hub/platform/errors';
import type { Context } from '../context.js';
import type { StatisticsQuery } from '../generated/resolvers-types.js';
import type { StatisticsResultModel } from '../models.js';
import { buildFilter, type Scope } from './filter.js';
import { runStatistic } from './run.js';

/** Checks a statistics query, naming the field and the rule of each problem, before any SQL runs. */
function checkQuery(v: Violations, query: StatisticsQuery): void {
  const groupBy = query.groupBy ?? [];
  v.check(new Set(groupBy).size === groupBy.length, 'query.groupBy', 'unique', 'query.groupBy names a dimension twice.');
  v.check(query.measures.length > 0, 'query.measures', 'required', 'query.measures must name at least one measure.');
  v.check(new Set(query.measures).size === query.measures.length, 'query.measures', 'unique', 'query.measures names a measure twice.');
}

/** Runs a statistic the caller asked for (with any scope the resolver imposes) under the subgraph's disclosure control. */
export async function statistic(context: Context, query: StatisticsQuery, scope: Scope = {}): Promise<StatisticsResultModel> {
  const v = new Violations();
  checkQuery(v, query);
  const filter = buildFilter(v, query.filter, scope);
  v.throwIfAny();
  const groupBy = query.groupBy ?? [];
  const asOf = new Date();
  const table = await runStatistic(context.em, {
    groupBy,
    measures: query.measures,
    totals: { rows: query.totals?.rows ?? false, columns: query.totals?.columns ?? false, grand: query.totals?.grand ?? false },
    filter,
    threshold: context.suppressionThreshold,
    asOf,
  });
  const statuses = query.filter?.statuses ?? query.filter?.outcomes ?? DEFLECTION_STATUSES;
  return { ...table, groupBy, measures: query.measures, statusesCounted: [...new Set(statuses)], suppressionThreshold: context.suppressionThreshold, asOf };
}

export function disclosureControl(threshold: number): string {
  return (
    `Counts from 1 to ${threshold - 1} are withheld, as is any rate, share, median or percentile computed on fewer than ${threshold} people; ` +
    'every other count is perturbed by a small amount derived from the records in its cell (the cell-key method), so the same cell always gives the same answer; ' +
    'where totals are shown, further cells (or the total) are withheld so that no withheld value can be recovered by subtraction.'
  );
}
