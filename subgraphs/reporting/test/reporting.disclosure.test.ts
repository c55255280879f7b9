import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CALL_TYPES, type CallType } from '@hub/platform/domain';
import { Violations } from '@hub/platform/errors';
import { createTestDatabase, SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import { applyEvents } from '../src/commands/apply-event.js';
import type { Context } from '../src/context.js';
import type { StatisticDimension, StatisticMeasure, StatisticsFilter } from '../src/generated/resolvers-types.js';
import { reporting } from '../src/index.js';
import { discloseCount, discloseRate, perturbation, suppressComplements } from '../src/rules/suppression.js';
import { buildFilter } from '../src/statistics/filter.js';
import { runStatistic, type Cell, type StatisticTable } from '../src/statistics/run.js';
import { after, EventLog } from './events.js';

/**
 * Disclosure control (FB-3): primary suppression, complementary suppression, and the cell-key method against
 * differencing. The fixture: Peoria, March 2026, a few hundred deflections whose call types come in groups of 1 to 9
 * people, so small groups exist to attack. Record keys are set from each deflection's id, so the test sees the same
 * perturbation on every run.
 */
const THRESHOLD = 11;
let db: TestDatabase;
let client: SubgraphClient<Context>;
const log = new EventLog('disclosure');
/** Deflections per call type: the small groups an attacker would try to isolate. */
const GROUP_SIZES: Partial<Record<CallType, number>> = { TRUANCY: 1, NEIGHBOR_DISPUTE: 2, HOMELESSNESS: 3, DISORDERLY_JUVENILE: 5, OTHER: 9 };
const LATE_DAYS: [number, number][] = [[30, 4], [31, 2]];

beforeAll(async () => {
  db = await createTestDatabase([reporting]);
  client = new SubgraphClient(reporting, db.orm('reporting'));
  let n = 0;
  const add = (callType: CallType, day: number, sex: 'FEMALE' | 'MALE', pathway: 'SELF_REFERRAL' | 'ACTIVE_OUTREACH' | 'NALOXONE_PLUS') => {
    n += 1;
    const at = `2026-03-${String(day).padStart(2, '0')}T15:00:00.000Z`;
    log.referred(`D${n}`, { person: `P${n}`, referredAt: at, county: 'Peoria', callType, sex, pathway });
    if (n % 3 !== 0) log.handedOff(`D${n}`, after(at, { hours: 1 + (n % 7) }));
  };
  for (const callType of CALL_TYPES) {
    const size = GROUP_SIZES[callType] ?? 40;
    for (let i = 0; i < size; i += 1) add(callType, 1 + (n % 28), i % 2 ? 'FEMALE' : 'MALE', i % 5 === 4 ? 'NALOXONE_PLUS' : i % 3 ? 'SELF_REFERRAL' : 'ACTIVE_OUTREACH');
  }
  // The last two days of the month hold a handful each: a date-range attack would isolate them.
  for (const [day, count] of LATE_DAYS) for (let i = 0; i < count; i += 1) add('SUBSTANCE_USE', day, 'FEMALE', 'SELF_REFERRAL');
  await db.orm('reporting').fork().transactional(async (em) => {
    await applyEvents(em, log.envelopes);
    await em.execute(`update "reporting"."deflection_fact" set record_key = ('x' || substr(md5(deflection_id::text), 1, 2))::bit(8)::int`);
  });
});

afterAll(async () => {
  await db?.drop();
});

const MARCH: StatisticsFilter = { counties: ['Peoria'], from: '2026-03-01', to: '2026-03-31' };

async function table(measures: StatisticMeasure[], groupBy: StatisticDimension[], filter: StatisticsFilter, totals = { rows: false, columns: false, grand: false }): Promise<StatisticTable> {
  const v = new Violations();
  const sql = buildFilter(v, filter);
  v.throwIfAny();
  return runStatistic(db.orm('reporting').fork(), { groupBy, measures, totals, filter: sql, threshold: THRESHOLD, asOf: new Date('2026-11-01T00:00:00Z') });
}

const published = (cell: Cell | null | undefined, measure: StatisticMeasure = 'DEFLECTIONS') => cell?.values.find((v) => v.measure === measure)?.disclosed;
const truth = (cell: Cell | null | undefined, measure: StatisticMeasure = 'DEFLECTIONS') => cell?.values.find((v) => v.measure === measure)?.raw;

describe('primary suppression', () => {
  it('withholds counts from 1 to 10, shows zero, and never publishes a count below the threshold', () => {
    expect(discloseCount(0, 123, THRESHOLD)).toEqual({ value: 0, suppressed: false, reason: null });
    expect(discloseCount(1, 123, THRESHOLD)).toEqual({ value: null, suppressed: true, reason: 'SMALL_COUNT' });
    expect(discloseCount(10, 123, THRESHOLD)).toEqual({ value: null, suppressed: true, reason: 'SMALL_COUNT' });
    // 11 with the largest negative perturbation is still shown as 11, not 9.
    expect(discloseCount(11, 0, THRESHOLD)).toEqual({ value: 11, suppressed: false, reason: null });
  });

  it('withholds a rate computed on fewer people than the threshold, however large its numerator', () => {
    expect(discloseRate({ count: 5, keySum: 1 }, { count: 10, keySum: 2, people: 10 }, THRESHOLD)).toMatchObject({ suppressed: true, reason: 'SMALL_BASE' });
    expect(discloseRate({ count: 5, keySum: 1 }, { count: 30, keySum: 2, people: 11 }, THRESHOLD).suppressed).toBe(false);
  });

  it('withholds the small call-type groups in a real table, with the reason, and shows the large ones', async () => {
    const byCallType = await table(['DEFLECTIONS', 'HAND_OFF_RATE', 'HOURS_TO_HAND_OFF_MEDIAN'], ['CALL_TYPE'], MARCH);
    for (const cell of byCallType.cells) {
      const size = truth(cell)!;
      expect(published(cell)?.suppressed).toBe(size > 0 && size < THRESHOLD);
      if (size < THRESHOLD) {
        expect(published(cell)?.reason).toBe('SMALL_COUNT');
        expect(published(cell, 'HAND_OFF_RATE')).toMatchObject({ suppressed: true, reason: 'SMALL_BASE' });
        expect(published(cell, 'HOURS_TO_HAND_OFF_MEDIAN')).toMatchObject({ suppressed: true, reason: 'SMALL_BASE' });
      } else expect(published(cell)?.value).toBeGreaterThanOrEqual(THRESHOLD);
    }
  });
});

describe('the cell-key method', () => {
  it('perturbs by at most 2, in both directions, and answers the same cell the same way every time', async () => {
    const noises = Array.from({ length: 256 }, (_, key) => perturbation(key));
    expect(Math.min(...noises)).toBe(-2);
    expect(Math.max(...noises)).toBe(2);
    const first = await table(['DEFLECTIONS'], ['SEX'], MARCH);
    const again = await table(['DEFLECTIONS'], ['SEX'], MARCH);
    expect(again.cells.map((c) => published(c)?.value)).toEqual(first.cells.map((c) => published(c)?.value));
    expect(first.cells.some((c) => published(c)?.value !== truth(c))).toBe(true);
  });

  it('defeats a differencing attack: all call types minus all but one does not recover the small group', async () => {
    const everything = published((await table(['DEFLECTIONS'], [], MARCH)).cells[0])!.value!;
    const attacks: { callType: string; size: number; recovered: number }[] = [];
    for (const [callType, size] of Object.entries(GROUP_SIZES)) {
      const others = CALL_TYPES.filter((c) => c !== callType);
      const rest = published((await table(['DEFLECTIONS'], [], { ...MARCH, callTypes: others })).cells[0])!.value!;
      attacks.push({ callType, size: size!, recovered: everything - rest });
    }
    // Overlapping date ranges: the month to one day minus the month to the day before isolates that day's people.
    const upTo = async (day: number) => published((await table(['DEFLECTIONS'], [], { ...MARCH, to: `2026-03-${day}` })).cells[0])!.value!;
    for (const [day, count] of LATE_DAYS) attacks.push({ callType: `day ${day}`, size: count, recovered: (await upTo(day)) - (await upTo(day - 1)) });
    // Without the perturbation every attack would recover its group exactly; with it most miss, and the attacker
    // cannot tell which answer, if any, is right.
    const exact = attacks.filter((a) => a.recovered === a.size);
    expect(exact.length).toBeLessThan(attacks.length / 2);
    expect(new Set(attacks.map((a) => a.recovered - a.size)).size).toBeGreaterThan(1);
  });
});

describe('complementary suppression', () => {
  it('leaves no line of a table with totals with exactly one withheld cell, so subtraction recovers nothing', async () => {
    const t = await table(['DEFLECTIONS'], ['CALL_TYPE', 'SEX'], MARCH, { rows: true, columns: true, grand: true });
    const lines: { cells: Cell[]; total: Cell | null | undefined }[] = [];
    for (const rowTotal of t.rowTotals) lines.push({ cells: t.cells.filter((c) => c.dimensions[0]!.value === rowTotal.dimensions[0]!.value), total: rowTotal });
    for (const columnTotal of t.columnTotals) lines.push({ cells: t.cells.filter((c) => c.dimensions[1]!.value === columnTotal.dimensions[1]!.value), total: columnTotal });
    lines.push({ cells: t.rowTotals, total: t.grandTotal });
    expect(t.cells.some((c) => published(c)?.suppressed)).toBe(true);
    for (const line of lines) {
      if (published(line.total)?.suppressed) continue;
      const withheld = line.cells.filter((c) => published(c)?.suppressed);
      expect(withheld.length).not.toBe(1);
      if (withheld.length > 0) expect(withheld.reduce((sum, c) => sum + truth(c)!, 0)).toBeGreaterThanOrEqual(THRESHOLD);
    }
    expect(t.cells.some((c) => published(c)?.reason === 'COMPLEMENTARY') || t.rowTotals.some((c) => published(c)?.reason === 'COMPLEMENTARY')).toBe(true);
  });

  it('withholds the next smallest cell of a line, or its total when there is none', () => {
    const cell = (count: number, suppressed = false) => ({ count, disclosed: { value: suppressed ? null : count, suppressed, reason: suppressed ? ('SMALL_COUNT' as const) : null } });
    const line = { cells: [cell(3, true), cell(40), cell(25)], total: cell(68) };
    suppressComplements([line], THRESHOLD);
    expect(line.cells.map((c) => c.disclosed.suppressed)).toEqual([true, false, true]);
    const lonely = { cells: [cell(3, true), cell(0)], total: cell(3) };
    suppressComplements([lonely], THRESHOLD);
    expect(lonely.total.disclosed).toMatchObject({ suppressed: true, reason: 'COMPLEMENTARY' });
  });
});

describe('statistics through the schema', () => {
  const QUERY = `query($q: StatisticsQuery!) { statistics(query: $q) {
    groupBy measures statusesCounted suppressionThreshold disclosureControl
    cells { kind dimensions { dimension value total } values { measure value suppressed reason } }
    rowTotals { kind } columnTotals { kind } grandTotal { kind values { value suppressed } } } }`;
  type Result = { statistics: { cells: { kind: string; dimensions: { value: string | null }[]; values: { value: number | null; suppressed: boolean; reason: string | null }[] }[]; grandTotal: { kind: string } | null; statusesCounted: string[] } };

  it('answers an analyst cells and totals, each value saying whether and why it is withheld', async () => {
    const data = await client.ok<Result>('analyst', QUERY, { q: { filter: MARCH, groupBy: ['CALL_TYPE'], measures: ['DEFLECTIONS', 'HAND_OFF_RATE'], totals: { grand: true } } });
    expect(data.statistics.cells).toHaveLength(CALL_TYPES.length);
    expect(data.statistics.grandTotal?.kind).toBe('GRAND_TOTAL');
    expect(data.statistics.statusesCounted).toContain('ACTIVE');
    const truancy = data.statistics.cells.find((c) => c.dimensions[0]!.value === 'TRUANCY')!;
    expect(truancy.values[0]).toEqual({ measure: 'DEFLECTIONS', value: null, suppressed: true, reason: 'SMALL_COUNT' });
  });

  it.each([
    [{ groupBy: ['PATHWAY', 'PATHWAY'], measures: ['DEFLECTIONS'] }, 'query.groupBy', 'unique'],
    [{ measures: [] }, 'query.measures', 'required'],
    [{ measures: ['DEFLECTIONS'], filter: { from: '2026-04-01', to: '2026-03-01' } }, 'query.filter.to', 'after-from'],
    [{ measures: ['DEFLECTIONS'], filter: { counties: ['Gotham'] } }, 'query.filter.counties[0]', 'illinois-county'],
    [{ measures: ['DEFLECTIONS'], filter: { pathways: [] } }, 'query.filter.pathways', 'not-empty'],
  ])('refuses %j naming the field and the rule', async (q, field, rule) => {
    const error = await client.error('analyst', QUERY, { q });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  });
});
