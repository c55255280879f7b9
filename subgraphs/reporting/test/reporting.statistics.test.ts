import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Violations } from '@hub/platform/errors';
import type { EventEnvelope } from '@hub/platform/events';
import { createTestDatabase, type TestDatabase } from '@hub/platform/testing';
import { applyEvents } from '../src/commands/apply-event.js';
import type { StatisticDimension, StatisticMeasure, StatisticsFilter } from '../src/generated/resolvers-types.js';
import { reporting } from '../src/index.js';
import { buildFilter } from '../src/statistics/filter.js';
import { runStatistic, type Cell } from '../src/statistics/run.js';
import { after, EventLog, shuffled, uuidOf } from './events.js';

/**
 * Every measure against a fixture computed by hand. Eight deflections of seven people in one county, told as events
 * and delivered twice, in a shuffled order: the true values (before disclosure control) must be exactly these.
 */
let db: TestDatabase;
const MEG = uuidOf('agency:meg');
const PROVIDER_X = uuidOf('provider:X');
const AS_OF = new Date('2026-11-01T00:00:00Z');
const log = new EventLog('fixture');
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T15:00:00.000Z`;
const enc = (n: number) => after(day(n), { hours: -1 });

function fixture(): void {
  log.referred('D1', { person: 'P1', referredAt: day(2) });
  log.handedOff('D1', after(day(2), { hours: 2 }));
  log.episode('D1', 'E1', 'X', 'SUD_OUTPATIENT', [
    ['REFERRED', after(day(2), { days: 1 })], ['ENGAGED', after(enc(2), { days: 5 })], ['RETAINED_30', after(enc(2), { days: 35 })],
    ['RETAINED_60', after(enc(2), { days: 65 })], ['RETAINED_90', after(enc(2), { days: 95 })], ['COMPLETED', after(enc(2), { days: 120 })],
  ]);
  log.referred('D2', { person: 'P2', referredAt: day(3) });
  log.handedOff('D2', after(day(3), { hours: 4 }));
  log.episode('D2', 'E2', 'X', 'SUD_OUTPATIENT', [['REFERRED', after(day(3), { days: 1 })], ['ENGAGED', after(enc(3), { days: 10 })], ['RETAINED_30', after(enc(3), { days: 40 })], ['DISCHARGED', after(enc(3), { days: 50 })]]);
  log.status('D2', 'deflection.closed', 'SUCCESSFUL', after(day(3), { days: 100 }));
  log.referred('D3', { person: 'P3', referredAt: day(4), pathway: 'OFFICER_INTERVENTION', countsForId: MEG });
  log.status('D3', 'deflection.approved', 'ACTIVE', after(day(4), { hours: 1 }), MEG);
  log.handedOff('D3', after(day(4), { hours: 6 }));
  log.episode('D3', 'E3', 'Y', 'SUD_RESIDENTIAL', [['REFERRED', after(day(4), { days: 1 })], ['ENGAGED', after(enc(4), { days: 40 })]]);
  log.referred('D4', { person: 'P4', referredAt: day(5), pathway: 'OFFICER_INTERVENTION', countsForId: MEG, arrestMade: true });
  log.status('D4', 'deflection.declined', 'DECLINED', after(day(5), { hours: 1 }), MEG);
  log.referred('D5', { person: 'P1', referredAt: day(20), pathway: 'OFFICER_PREVENTION' });
  log.handedOff('D5', after(day(20), { hours: 8 }));
  log.referred('D6', { person: 'P5', referredAt: day(6), pathway: 'NALOXONE_PLUS', arrestMade: undefined });
  log.handedOff('D6', after(day(6), { hours: 10 }));
  log.episode('D6', 'E6', 'X', 'WITHDRAWAL_MANAGEMENT', [['REFERRED', after(day(6), { days: 1 })]]);
  log.status('D6', 'deflection.closed', 'UNSUCCESSFUL', after(day(6), { days: 95 }));
  log.referred('D7', { person: 'P6', referredAt: day(7) });
  log.referred('D8', { person: 'P7', referredAt: day(8) });
  log.handedOff('D8', after(day(8), { hours: 12 }));
  log.status('D8', 'deflection.closed', 'WITHDRAWN', after(day(8), { days: 20 }));
}

async function deliver(envelopes: readonly EventEnvelope[]): Promise<void> {
  await db.orm('reporting').fork().transactional(async (em) => {
    await applyEvents(em, envelopes);
  });
}

beforeAll(async () => {
  db = await createTestDatabase([reporting]);
  fixture();
  // Shuffled and delivered twice (the second time in another order): at-least-once, in any order.
  await deliver(shuffled(log.envelopes, 7));
  await deliver(shuffled(log.envelopes, 11));
});

afterAll(async () => {
  await db?.drop();
});

async function statistic(measures: StatisticMeasure[], groupBy: StatisticDimension[] = [], filter: StatisticsFilter = { counties: ['Lake'], from: '2026-03-01', to: '2026-03-31' }) {
  const v = new Violations();
  const sql = buildFilter(v, filter);
  v.throwIfAny();
  return runStatistic(db.orm('reporting').fork(), { groupBy, measures, totals: { rows: false, columns: false, grand: false }, filter: sql, threshold: 11, asOf: AS_OF });
}

const raw = (cell: Cell | undefined, measure: StatisticMeasure) => cell?.values.find((v) => v.measure === measure)?.raw;

describe('each measure against a hand-computed fixture (true values, before disclosure control)', () => {
  it.each<[StatisticMeasure, number]>([
    ['DEFLECTIONS', 8],
    ['DISTINCT_PEOPLE', 7],
    ['REPEAT_DEFLECTION_SHARE', 1 / 8],
    ['REFERRED_TO_TREATMENT', 4],
    ['APPROVALS', 1],
    ['DECLINES', 1],
    ['HAND_OFF_RATE', 6 / 7],
    ['HOURS_TO_HAND_OFF_MEDIAN', 7],
    ['HOURS_TO_HAND_OFF_P90', 11],
    ['DAYS_TO_TREATMENT_MEDIAN', 10],
    ['DAYS_TO_TREATMENT_P90', 34],
    ['ENGAGEMENT_30_DAY_RATE', 2 / 4],
    ['RETENTION_30_DAY_RATE', 2 / 3],
    ['RETENTION_60_DAY_RATE', 1 / 3],
    ['RETENTION_90_DAY_RATE', 1 / 3],
    ['COMPLETION_RATE', 1 / 2],
    ['SUCCESS_RATE', 1 / 2],
    ['NO_ARREST_SHARE', 6 / 7],
  ])('%s is %d', async (measure, expected) => {
    const { cells } = await statistic([measure]);
    expect(cells).toHaveLength(1);
    expect(raw(cells[0], measure)).toBeCloseTo(expected, 6);
  });

  it('groups by pathway, approving agency and provider, naming none where a deflection has none', async () => {
    const byPathway = await statistic(['DEFLECTIONS'], ['PATHWAY']);
    expect(byPathway.cells.map((c) => [c.dimensions[0]!.value, raw(c, 'DEFLECTIONS')])).toEqual([
      ['NALOXONE_PLUS', 1], ['OFFICER_INTERVENTION', 2], ['OFFICER_PREVENTION', 1], ['SELF_REFERRAL', 4],
    ]);
    const byApprover = await statistic(['DEFLECTIONS'], ['APPROVING_AGENCY']);
    expect(byApprover.cells.map((c) => [c.dimensions[0]!.value, raw(c, 'DEFLECTIONS')])).toEqual([[MEG, 1], [null, 7]]);
    const byProvider = await statistic(['DEFLECTIONS'], ['PROVIDER']);
    expect(byProvider.cells.map((c) => [c.dimensions[0]!.value, raw(c, 'DEFLECTIONS')])).toEqual([[PROVIDER_X, 3], [uuidOf('provider:Y'), 1], [null, 4]]);
  });

  it('publishes periods as YYYY-MM, YYYY-"Q"Q and YYYY, and a total as no period', async () => {
    const byPeriod = await statistic(['DEFLECTIONS'], ['MONTH', 'QUARTER', 'YEAR']);
    expect(byPeriod.cells.map((c) => [...c.dimensions.map((d) => d.value), raw(c, 'DEFLECTIONS')])).toEqual([['2026-03', '2026-Q1', '2026', 8]]);
    const v = new Violations();
    const filter = buildFilter(v, { counties: ['Lake'] });
    const withTotals = await runStatistic(db.orm('reporting').fork(), {
      groupBy: ['MONTH', 'PATHWAY'], measures: ['DEFLECTIONS'], totals: { rows: true, columns: true, grand: true }, filter, threshold: 11, asOf: AS_OF,
    });
    expect(withTotals.rowTotals.map((c) => c.dimensions.map((d) => d.value))).toEqual([['2026-03', null]]);
    expect(withTotals.columnTotals.map((c) => c.dimensions[0]!.value)).toEqual([null, null, null, null]);
    expect(raw(withTotals.grandTotal ?? undefined, 'DEFLECTIONS')).toBe(8);
  });

  it('groups on keys that sort fast (periods as timestamps, text in byte order) and formats each group once', async () => {
    const { statements } = await db.orm('reporting').counter.measure(() => statistic(['DEFLECTIONS'], ['MONTH', 'PATHWAY']));
    expect(statements[0]).toContain(`date_trunc('month', f.referred_on::timestamp) as d0`);
    expect(statements[0]).toContain(`(f.pathway) collate "C" as d1`);
    expect(statements[0]).toMatch(/^select to_char\(f\.d0, 'YYYY-MM'\) as d0/);
  });

  it('sorts each record’s conditions and durations, computed once where the table is read, never the raw columns they are made of', async () => {
    const orm = db.orm('reporting');
    const { statements } = await orm.counter.measure(() => statistic(['ENGAGEMENT_30_DAY_RATE', 'DAYS_TO_TREATMENT_MEDIAN'], ['MONTH', 'PATHWAY'], {}));
    const [explained] = await orm.fork().execute<{ 'QUERY PLAN': unknown }[]>(`explain (verbose, format json) ${statements[0]}`);
    type PlanNode = { 'Node Type': string; Output?: string[]; Plans?: PlanNode[] };
    const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
    const sorts = nodes((explained!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan).filter((node) => node['Node Type'] === 'Sort');
    expect(sorts.length).toBeGreaterThan(0);
    // A bare column, whatever alias PostgreSQL gives the table in this plan (f, f_1, …).
    const bare = (output: string[] | undefined, column: string) => (output ?? []).some((o) => new RegExp(`^f(_\\d+)?\\.${column}$`).test(o));
    for (const sort of sorts) {
      expect(bare(sort.Output, 'person_pseudonym')).toBe(true);
      expect(bare(sort.Output, 'first_treatment_contact_at')).toBe(false);
      expect(bare(sort.Output, 'encounter_at')).toBe(false);
    }
  });

  it('computes every statistic in one SQL statement, however many groups', async () => {
    const orm = db.orm('reporting');
    const all = Object.keys(MEASURES_FOR_COUNT) as StatisticMeasure[];
    const one = await orm.counter.measure(() => statistic(all));
    const many = await orm.counter.measure(() => statistic(all, ['PATHWAY', 'MONTH', 'PROVIDER']));
    expect(one.statements).toHaveLength(1);
    expect(many.statements).toHaveLength(1);
  });
});

const MEASURES_FOR_COUNT: Record<StatisticMeasure, true> = {
  DEFLECTIONS: true, DISTINCT_PEOPLE: true, REPEAT_DEFLECTION_SHARE: true, REFERRED_TO_TREATMENT: true, APPROVALS: true, DECLINES: true, HAND_OFF_RATE: true,
  HOURS_TO_HAND_OFF_MEDIAN: true, HOURS_TO_HAND_OFF_P90: true, DAYS_TO_TREATMENT_MEDIAN: true, DAYS_TO_TREATMENT_P90: true,
  ENGAGEMENT_30_DAY_RATE: true, RETENTION_30_DAY_RATE: true, RETENTION_60_DAY_RATE: true, RETENTION_90_DAY_RATE: true,
  COMPLETION_RATE: true, SUCCESS_RATE: true, NO_ARREST_SHARE: true,
};
