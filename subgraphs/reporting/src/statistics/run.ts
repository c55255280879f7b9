import type { EntityManager } from '@mikro-orm/postgresql';
import type { StatisticDimension, StatisticMeasure } from '../generated/resolvers-types.js';
import { discloseCount, discloseRate, discloseStatistic, suppressComplements, type Disclosed, type Line } from '../rules/suppression.js';
import { DIMENSIONS, MEASURES } from './catalogue.js';
import type { SqlFilter } from './filter.js';

/** A fixed salt per measure (its place in the catalogue), whatever the order a query lists them in. */
const MEASURE_SALT = Object.fromEntries(Object.keys(MEASURES).map((measure, i) => [measure, i * 2])) as Record<StatisticMeasure, number>;

export type CellKind = 'CELL' | 'ROW_TOTAL' | 'COLUMN_TOTAL' | 'GRAND_TOTAL';

export interface StatisticRequest {
  groupBy: readonly StatisticDimension[];
  measures: readonly StatisticMeasure[];
  totals: { rows: boolean; columns: boolean; grand: boolean };
  filter: SqlFilter;
  threshold: number;
  /** The moment eligibility windows (30 days since the encounter, …) are measured from. */
  asOf: Date;
}

export interface CellValue {
  measure: StatisticMeasure;
  /** What is published. */
  disclosed: Disclosed;
  /** The true value, before disclosure control: for tests and the benchmark's comparison, never sent to a caller. */
  raw: number | null;
}

export interface Cell {
  kind: CellKind;
  /** One entry per dimension of the request: its value (null for none), or `total` where this cell adds it up. */
  dimensions: { dimension: StatisticDimension; value: string | null; total: boolean }[];
  values: CellValue[];
}

export interface StatisticTable {
  cells: Cell[];
  rowTotals: Cell[];
  columnTotals: Cell[];
  grandTotal: Cell | null;
}

/** Expressions named once each, however many measures need them (a base shared by a median and its p90). */
class Named {
  private readonly byExpression = new Map<string, string>();
  constructor(private readonly prefix: string) {}
  add(sql: string): string {
    let alias = this.byExpression.get(sql);
    if (!alias) {
      alias = `${this.prefix}${this.byExpression.size}`;
      this.byExpression.set(sql, alias);
    }
    return alias;
  }
  select(): string[] {
    return [...this.byExpression].map(([sql, alias]) => `${sql} as ${alias}`);
  }
}

/**
 * What a statistic computes, in two layers: per record, each condition and duration once (`r0`, `r1`, …, computed
 * where the table is read, so the sort carries a few narrow columns rather than the ones they are made of); per
 * group, the aggregates over them (`a0`, `a1`, …).
 */
class Layers {
  readonly rows = new Named('r');
  readonly aggregates = new Named('a');
  /** A per-record condition or value, as the aggregates refer to it. */
  row(sql: string): string {
    return `f.${this.rows.add(`(${sql})`)}`;
  }
  aggregate(sql: string): string {
    return this.aggregates.add(sql);
  }
}

type Reader = (row: Record<string, unknown>, threshold: number, salt: number) => { disclosed: Disclosed; count: number | null; raw: number | null };

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** The SQL aggregates a measure needs, and how to read and disclose them from a result row. */
function plan(measure: StatisticMeasure, layers: Layers, asOf: string): Reader {
  const definition = MEASURES[measure];
  const at = (sql: string) => sql.replaceAll('$asOf', asOf);
  if (definition.kind === 'count') {
    const filter = definition.where ? ` filter (where ${layers.row(at(definition.where))})` : '';
    const value = layers.aggregate(definition.distinctPeople ? `count(distinct f.person_pseudonym)${filter}` : `count(*)${filter}`);
    const key = layers.aggregate(`coalesce(sum(f.record_key)${filter}, 0)`);
    return (row, threshold, salt) => ({ count: num(row[value]), raw: num(row[value]), disclosed: discloseCount(num(row[value]), num(row[key]), threshold, salt) });
  }
  if (definition.kind === 'rate') {
    const baseSql = at(definition.base);
    const base = layers.row(baseSql);
    const hit = layers.row(`(${baseSql}) and (${at(definition.numerator)})`);
    const numerator = { count: layers.aggregate(`count(*) filter (where ${hit})`), key: layers.aggregate(`coalesce(sum(f.record_key) filter (where ${hit}), 0)`) };
    const denominator = {
      count: layers.aggregate(`count(*) filter (where ${base})`),
      key: layers.aggregate(`coalesce(sum(f.record_key) filter (where ${base}), 0)`),
      people: layers.aggregate(`count(distinct f.person_pseudonym) filter (where ${base})`),
    };
    return (row, threshold, salt) => ({
      count: null,
      raw: num(row[denominator.count]) === 0 ? null : num(row[numerator.count]) / num(row[denominator.count]),
      disclosed: discloseRate(
        { count: num(row[numerator.count]), keySum: num(row[numerator.key]) },
        { count: num(row[denominator.count]), keySum: num(row[denominator.key]), people: num(row[denominator.people]) },
        threshold,
        salt,
      ),
    });
  }
  const value = layers.row(at(definition.value));
  const percentile = layers.aggregate(`percentile_cont(${definition.fraction}) within group (order by ${value}) filter (where ${value} is not null)`);
  const people = layers.aggregate(`count(distinct f.person_pseudonym) filter (where ${value} is not null)`);
  return (row, threshold) => {
    const raw = row[percentile];
    const rounded = raw === null || raw === undefined ? null : Math.round(Number(raw) * 10) / 10;
    return { count: null, raw: rounded, disclosed: discloseStatistic(rounded, num(row[people]), threshold) };
  };
}

/** The grouping sets of a request: the cells, then each kind of total asked for. */
function groupingSets(n: number, totals: StatisticRequest['totals']): { sets: string[]; kinds: Map<number, CellKind> } {
  const d = (i: number) => `f.d${i}`;
  const all = Array.from({ length: n }, (_, i) => i);
  const kinds = new Map<number, CellKind>([[0, 'CELL']]);
  const sets = [`(${all.map(d).join(', ')})`];
  const mask = (kept: number[]) => all.reduce((bits, i) => (kept.includes(i) ? bits : bits | (1 << (n - 1 - i))), 0);
  if (n >= 2 && totals.rows) {
    const kept = all.slice(0, -1);
    sets.push(`(${kept.map(d).join(', ')})`);
    kinds.set(mask(kept), 'ROW_TOTAL');
  }
  if (n >= 2 && totals.columns) {
    const kept = all.slice(1);
    sets.push(`(${kept.map(d).join(', ')})`);
    kinds.set(mask(kept), 'COLUMN_TOTAL');
  }
  if (n >= 1 && (totals.grand || (n === 1 && (totals.rows || totals.columns)))) {
    sets.push('()');
    kinds.set(mask([]), 'GRAND_TOTAL');
  }
  return { sets, kinds };
}

/**
 * Computes one statistic in a single SQL statement over `deflection_fact` (GROUPING SETS for the totals), however
 * many groups it has, then applies disclosure control (rules/suppression.ts) to the few rows it returns.
 */
export async function runStatistic(em: EntityManager, request: StatisticRequest): Promise<StatisticTable> {
  const n = request.groupBy.length;
  const layers = new Layers();
  const asOf = `'${request.asOf.toISOString()}'::timestamptz`;
  const readers = request.measures.map((measure) => ({ measure, read: plan(measure, layers, asOf) }));
  const dims = request.groupBy.map((dimension, i) => `${DIMENSIONS[dimension].sql} as d${i}`);
  const { sets, kinds } = groupingSets(n, request.totals);
  const grouping = n > 0 ? `grouping(${request.groupBy.map((_, i) => `f.d${i}`).join(', ')})` : '0';
  const labels = request.groupBy.map((dimension, i) => `${DIMENSIONS[dimension].label(`f.d${i}`)} as d${i}`);
  // The inner query's ORDER BY (OFFSET 0 without groups) keeps it a query of its own: PostgreSQL would otherwise
  // fold it into the outer one and sort the raw columns. Sorted there, the sort can run in parallel workers and the
  // grouping reads their merged output in order.
  const records = [...dims, 'f.person_pseudonym', 'f.record_key', ...layers.rows.select()].join(', ');
  const order = n > 0 ? ` order by ${request.groupBy.map((_, i) => i + 1).join(', ')}` : ' offset 0';
  const sql = `select ${[...labels, `${grouping} as g`, ...layers.aggregates.select()].join(',\n  ')}
from (select ${records} from "reporting"."deflection_fact" f where ${request.filter.where}${order}) f
${n > 0 ? `group by grouping sets (${sets.join(', ')})` : ''}`;
  const rows = await em.execute<Record<string, unknown>[]>(sql, request.filter.params);

  const table: StatisticTable = { cells: [], rowTotals: [], columnTotals: [], grandTotal: null };
  const counts = new Map<Cell, Map<StatisticMeasure, number>>();
  for (const row of rows) {
    const kind = n === 0 ? 'CELL' : kinds.get(Number(row.g));
    if (!kind) continue;
    const totalled = (i: number) => ((Number(row.g) >> (n - 1 - i)) & 1) === 1;
    const cell: Cell = {
      kind,
      dimensions: request.groupBy.map((dimension, i) => ({ dimension, value: totalled(i) ? null : ((row[`d${i}`] as string | null) ?? null), total: totalled(i) })),
      values: [],
    };
    const cellCounts = new Map<StatisticMeasure, number>();
    readers.forEach(({ measure, read }) => {
      // Each measure's own fixed draw: asking for the measures in another order cannot give other answers to average.
      const { disclosed, count, raw } = read(row, request.threshold, MEASURE_SALT[measure]);
      cell.values.push({ measure, disclosed, raw });
      if (count !== null) cellCounts.set(measure, count);
    });
    counts.set(cell, cellCounts);
    if (kind === 'CELL') table.cells.push(cell);
    else if (kind === 'ROW_TOTAL') table.rowTotals.push(cell);
    else if (kind === 'COLUMN_TOTAL') table.columnTotals.push(cell);
    else table.grandTotal = cell;
  }
  for (const list of [table.cells, table.rowTotals, table.columnTotals]) list.sort(compareCells);
  complementarySuppression(table, request, counts);
  return table;
}

function compareCells(a: Cell, b: Cell): number {
  for (let i = 0; i < a.dimensions.length; i += 1) {
    const x = a.dimensions[i]!.value;
    const y = b.dimensions[i]!.value;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

const keyOf = (cell: Cell, indexes: number[]) => JSON.stringify(indexes.map((i) => cell.dimensions[i]!.value));

/** The lines of the table (rows, columns and the totals' own line with the grand total), per count measure. */
function complementarySuppression(table: StatisticTable, request: StatisticRequest, counts: Map<Cell, Map<StatisticMeasure, number>>): void {
  const n = request.groupBy.length;
  const all = Array.from({ length: n }, (_, i) => i);
  const groupsOfLines: { cells: Cell[]; total: Cell | null }[] = [];
  const byKey = (cells: Cell[], indexes: number[]) => {
    const groups = new Map<string, Cell[]>();
    for (const cell of cells) groups.set(keyOf(cell, indexes), [...(groups.get(keyOf(cell, indexes)) ?? []), cell]);
    return groups;
  };
  if (n >= 2 && table.rowTotals.length > 0) {
    const prefix = all.slice(0, -1);
    for (const [key, cells] of byKey(table.cells, prefix)) groupsOfLines.push({ cells, total: table.rowTotals.find((t) => keyOf(t, prefix) === key) ?? null });
    if (table.grandTotal) groupsOfLines.push({ cells: table.rowTotals, total: table.grandTotal });
  }
  if (n >= 2 && table.columnTotals.length > 0) {
    const suffix = all.slice(1);
    for (const [key, cells] of byKey(table.cells, suffix)) groupsOfLines.push({ cells, total: table.columnTotals.find((t) => keyOf(t, suffix) === key) ?? null });
    if (table.grandTotal) groupsOfLines.push({ cells: table.columnTotals, total: table.grandTotal });
  }
  if (table.grandTotal && (n === 1 || (table.rowTotals.length === 0 && table.columnTotals.length === 0))) {
    groupsOfLines.push({ cells: table.cells, total: table.grandTotal });
  }
  request.measures.forEach((measure, index) => {
    if (MEASURES[measure].kind !== 'count') return;
    const entry = (cell: Cell) => ({ count: counts.get(cell)?.get(measure) ?? 0, disclosed: cell.values[index]!.disclosed });
    const lines: Line[] = groupsOfLines.map((group) => ({ cells: group.cells.map(entry), total: group.total ? entry(group.total) : null }));
    suppressComplements(lines, request.threshold);
  });
}
