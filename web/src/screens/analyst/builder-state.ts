import type { Pathway, RunStatisticsQuery, StatisticDimension, StatisticMeasure, StatisticsQuery } from '../../gql/graphql.js';

/**
 * The statistics builder's state, as plain functions: what the analyst chose, the query it makes, and the table,
 * chart series and CSV made from the hub's answer. The hub applies suppression; this only shows it.
 */
export interface BuilderState {
  groupBy: StatisticDimension[];
  measures: StatisticMeasure[];
  from: string;
  to: string;
  pathways: Pathway[];
  /** Why the last choice was not taken, in words. */
  problem: string | null;
}

export const MAX_DIMENSIONS = 3;

export type BuilderAction =
  | { type: 'toggleDimension'; dimension: StatisticDimension }
  | { type: 'toggleMeasure'; measure: StatisticMeasure }
  | { type: 'togglePathway'; pathway: Pathway }
  | { type: 'setRange'; from: string; to: string };

export function initialBuilderState(): BuilderState {
  return { groupBy: ['QUARTER', 'PATHWAY'], measures: ['DEFLECTIONS', 'ENGAGEMENT_30_DAY_RATE'], from: '', to: '', pathways: [], problem: null };
}

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case 'toggleDimension': {
      const groupBy = toggle(state.groupBy, action.dimension);
      if (groupBy.length > MAX_DIMENSIONS) return { ...state, problem: `At most ${MAX_DIMENSIONS} dimensions: remove one before adding another.` };
      return { ...state, groupBy, problem: null };
    }
    case 'toggleMeasure': {
      const measures = toggle(state.measures, action.measure);
      if (measures.length === 0) return { ...state, problem: 'Keep at least one measure.' };
      return { ...state, measures, problem: null };
    }
    case 'togglePathway':
      return { ...state, pathways: toggle(state.pathways, action.pathway), problem: null };
    case 'setRange':
      return { ...state, from: action.from, to: action.to, problem: null };
  }
}

export function toQuery(state: BuilderState): StatisticsQuery {
  const filter: NonNullable<StatisticsQuery['filter']> = {};
  if (state.from) filter.from = state.from;
  if (state.to) filter.to = state.to;
  if (state.pathways.length > 0) filter.pathways = state.pathways;
  return { groupBy: state.groupBy, measures: state.measures, ...(Object.keys(filter).length > 0 ? { filter } : {}) };
}

type Result = RunStatisticsQuery['statistics'];

export interface TableCell {
  text: string;
  suppressed: boolean;
}

export interface StatisticsTable {
  columns: string[];
  rows: TableCell[][];
}

function formatValue(measure: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (measure.endsWith('_RATE') || measure.endsWith('_SHARE')) return `${(value * 100).toFixed(1)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** One row per cell of the answer (totals included, marked), one column per dimension, then per measure. */
export function toTable(result: Result): StatisticsTable {
  const columns = [...result.groupBy.map(label), ...result.measures.map(label)];
  const rows = result.cells.map((cell) => [
    ...result.groupBy.map((dimension) => {
      const d = cell.dimensions.find((x) => x.dimension === dimension);
      return { text: d?.total ? 'All' : valueLabel(d?.value ?? null), suppressed: false };
    }),
    ...result.measures.map((measure) => {
      const v = cell.values.find((x) => x.measure === measure);
      return { text: v?.suppressed ? 'suppressed' : formatValue(measure, v?.value), suppressed: v?.suppressed ?? false };
    }),
  ]);
  return { columns, rows };
}

/** RFC 4180: quoted where needed; a suppressed cell is the word, never a number. */
export function toCsv(table: StatisticsTable): string {
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [table.columns, ...table.rows.map((row) => row.map((c) => c.text))].map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n';
}

export interface ChartSeries {
  /** The measure drawn. */
  measure: string;
  /** Along the first dimension. */
  labels: string[];
  /** One per value of the second dimension (or one for the measure); null where suppressed. */
  datasets: { label: string; values: (number | null)[]; suppressed: boolean[] }[];
}

/** The first measure, along the first dimension, one series per value of the second (a third is left to the table). */
export function chartSeries(result: Result): ChartSeries | null {
  const [first, second] = result.groupBy;
  const [measure] = result.measures;
  if (!first || !measure) return null;
  const cells = result.cells.filter((c) => c.kind === 'CELL');
  const valueOf = (cell: Result['cells'][number], dimension: StatisticDimension) => valueLabel(cell.dimensions.find((d) => d.dimension === dimension)?.value ?? null);
  const labels = [...new Set(cells.map((c) => valueOf(c, first)))];
  const groups = second ? [...new Set(cells.map((c) => valueOf(c, second)))] : [label(measure)];
  const datasets = groups.map((group) => {
    const values: (number | null)[] = [];
    const suppressed: boolean[] = [];
    for (const at of labels) {
      const cell = cells.find((c) => valueOf(c, first) === at && (!second || valueOf(c, second) === group));
      const v = cell?.values.find((x) => x.measure === measure);
      values.push(v && !v.suppressed ? (v.value ?? null) : null);
      suppressed.push(v?.suppressed ?? false);
    }
    return { label: group, values, suppressed };
  });
  return { measure: label(measure), labels, datasets };
}

/** An enum value in words (SELF_REFERRAL: Self referral); months, counties and ids as they are. */
export function valueLabel(value: string | null): string {
  if (value === null) return 'None';
  return /^[A-Z][A-Z0-9_]*$/.test(value) ? label(value) : value;
}

export function label(value: string): string {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
