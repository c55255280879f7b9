import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { CrisisIncident } from '../src/entities/crisis.entity.js';
import { reporting } from '../src/index.js';
import { discloseCount, discloseRate } from '../src/rules/suppression.js';
import { uuidOf } from './events.js';

/**
 * Crisis statistics for analysts against a fixture counted by hand. Every incident's key is known (3 for X, 5 for Y),
 * so the perturbation each published figure gets is known: the expected values go through the same disclosure functions.
 */
let db: TestDatabase;
let client: SubgraphClient<Context>;
const X = uuidOf('agency:crisis-x');
const Y = uuidOf('agency:crisis-y');
const T = 11;

beforeAll(async () => {
  db = await createTestDatabase([reporting]);
  client = new SubgraphClient(reporting, db.orm('reporting'));
  const em = db.orm('reporting').fork();
  const add = (agencyId: string, month: string, n: number, extra: (i: number) => Partial<CrisisIncident>) => {
    for (let i = 0; i < n; i += 1) {
      em.create(CrisisIncident, {
        agencyId, month, dispatchedAt: new Date(`${month}-10T15:00:00Z`), dispatchReason: 'Person in crisis', arrival: 'DISPATCHED', levelsOfResponse: ['SWORN_OFFICER'],
        outcomes: ['VOLUNTARY_ADMISSION'], subjectLocated: true, fieldReportWritten: true, recordedById: uuidOf('clerk'), recordedAt: new Date(), ...extra(i),
      });
    }
  };
  // X, March: 12 incidents, 5 with a CIT-trained officer, 2 arrests, 1 subject not located. X, April: 4. Y, March: 11.
  add(X, '2026-03', 12, (i) => ({
    levelsOfResponse: i < 5 ? ['SWORN_OFFICER', 'CIT_TRAINED_OFFICER'] : ['SWORN_OFFICER'], outcomes: i < 2 ? ['ARRESTED'] : ['RELEASED_FAMILY_MEMBER'], subjectLocated: i !== 11,
  }));
  add(X, '2026-04', 4, () => ({}));
  add(Y, '2026-03', 11, () => ({ levelsOfResponse: ['SWORN_OFFICER', 'AMBULANCE'] }));
  await em.flush();
  // Known keys, different per agency, so a cell's key sum is known and is not its count.
  await em.getConnection().execute(`update "reporting"."crisis_incident" set record_key = case when agency_id = ? then 3 else 5 end`, [X]);
});

afterAll(async () => {
  await db?.drop();
});

const STAT = 'query($q: CrisisStatisticsQuery!) { crisisStatistics(query: $q) { cells { dimensions { value } values { measure value suppressed reason } } disclosureControl } }';
type Stat = { crisisStatistics: { cells: { dimensions: { value: string | null }[]; values: { measure: string; value: number | null; suppressed: boolean; reason: string | null }[] }[]; disclosureControl: string } };
const cellsBy = (data: Stat) => new Map(data.crisisStatistics.cells.map((c) => [c.dimensions.map((d) => d.value).join('|'), c.values]));

describe('crisis statistics for analysts', () => {
  it('counts incidents by month and agency, withholding a month of 1 to 10 and perturbing the rest by cell key', async () => {
    const cells = cellsBy(await client.ok<Stat>('analyst', STAT, { q: { groupBy: ['MONTH', 'AGENCY'], measures: ['INCIDENTS'] } }));
    expect(cells.get(`2026-03|${X}`)![0]).toMatchObject({ value: discloseCount(12, 36, T).value, suppressed: false });
    expect(cells.get(`2026-04|${X}`)![0]).toMatchObject({ value: null, suppressed: true, reason: 'SMALL_COUNT' });
    expect(cells.get(`2026-03|${Y}`)![0]).toMatchObject({ value: discloseCount(11, 55, T).value, suppressed: false });
  });

  it('gives the share with a CIT-trained officer and ending in arrest over the agency’s incidents, withheld on a small base', async () => {
    const q = { groupBy: ['AGENCY'], measures: ['CIT_OFFICER_SHARE', 'ARREST_SHARE', 'SUBJECT_NOT_LOCATED_SHARE'] };
    const cells = cellsBy(await client.ok<Stat>('analyst', STAT, { q }));
    const base = { count: 16, keySum: 48, people: 16 };
    expect(cells.get(X)!.map((v) => v.value)).toEqual([discloseRate({ count: 5, keySum: 15 }, base, T, 1).value, discloseRate({ count: 2, keySum: 6 }, base, T, 2).value, discloseRate({ count: 1, keySum: 3 }, base, T, 3).value]);
    expect(cells.get(Y)!.map((v) => v.value)).toEqual([0, 0, 0]);
    const april = cellsBy(await client.ok<Stat>('analyst', STAT, { q: { ...q, groupBy: ['MONTH'], fromMonth: '2026-04', toMonth: '2026-04' } }));
    expect(april.get('2026-04')!.every((v) => v.suppressed && v.reason === 'SMALL_BASE')).toBe(true);
  });

  it('counts an incident under every level of response that applies', async () => {
    const cells = cellsBy(await client.ok<Stat>('analyst', STAT, { q: { groupBy: ['LEVEL_OF_RESPONSE'], measures: ['INCIDENTS'], agencyIds: [Y] } }));
    expect([...cells.keys()].sort()).toEqual(['AMBULANCE', 'SWORN_OFFICER']);
    expect(cells.get('AMBULANCE')![0]!.value).toBe(discloseCount(11, 55, T).value);
  });

  it('gives each measure the same answer whatever order the query lists the measures in', async () => {
    const q = (measures: string[]) => ({ q: { groupBy: ['AGENCY'], measures } });
    const one = cellsBy(await client.ok<Stat>('analyst', STAT, q(['INCIDENTS', 'CIT_OFFICER_SHARE', 'ARREST_SHARE'])));
    const other = cellsBy(await client.ok<Stat>('analyst', STAT, q(['ARREST_SHARE', 'CIT_OFFICER_SHARE', 'INCIDENTS'])));
    const byMeasure = (values: { measure: string; value: number | null }[]) => Object.fromEntries(values.map((v) => [v.measure, v.value]));
    expect(byMeasure(other.get(X)!)).toEqual(byMeasure(one.get(X)!));
  });

  it('groups by quarter and year', async () => {
    const quarters = cellsBy(await client.ok<Stat>('analyst', STAT, { q: { groupBy: ['QUARTER', 'YEAR'], measures: ['INCIDENTS'] } }));
    expect([...quarters.keys()].sort()).toEqual(['2026-Q1|2026', '2026-Q2|2026']);
    expect(quarters.get('2026-Q1|2026')![0]!.value).toBe(discloseCount(23, 36 + 55, T).value);
  });

  it('refuses a query that names a dimension twice or a month that is not one, naming the field', async () => {
    const error = await client.error('analyst', STAT, { q: { groupBy: ['MONTH', 'MONTH'], measures: ['INCIDENTS'], fromMonth: '2026-3' } });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect((error.extensions?.violations as { field: string; rule: string }[]).map((v) => `${v.field}:${v.rule}`)).toEqual(['query.groupBy:unique', 'query.fromMonth:month']);
  });

  it('says how disclosure control was applied', async () => {
    const data = await client.ok<Stat>('analyst', STAT, { q: { measures: ['INCIDENTS'] } });
    expect(data.crisisStatistics.disclosureControl).toContain('cell-key');
  });
});
