import { describe, expect, it } from '@jest/globals';
import type { RunStatisticsQuery } from '../src/gql/graphql.js';
import { builderReducer, chartSeries, initialBuilderState, toCsv, toQuery, toTable } from '../src/screens/analyst/builder-state.js';

type Result = RunStatisticsQuery['statistics'];

const cell = (quarter: string, pathway: string, deflections: number | null, suppressed = false): Result['cells'][number] => ({
  kind: 'CELL',
  dimensions: [
    { dimension: 'QUARTER', value: quarter, total: false },
    { dimension: 'PATHWAY', value: pathway, total: false },
  ],
  values: [{ measure: 'DEFLECTIONS', value: suppressed ? null : deflections, suppressed, reason: suppressed ? 'SMALL_COUNT' : null }],
});

const result: Result = {
  groupBy: ['QUARTER', 'PATHWAY'],
  measures: ['DEFLECTIONS'],
  suppressionThreshold: 11,
  disclosureControl: 'Counts from 1 to 10 are withheld.',
  asOf: '2026-12-06T00:00:00Z',
  cells: [cell('2026-Q1', 'SELF_REFERRAL', 14), cell('2026-Q1', 'NALOXONE_PLUS', null, true), cell('2026-Q2', 'SELF_REFERRAL', 12)],
};

describe('the statistics builder', () => {
  it('refuses a fourth dimension with a reason and keeps the three chosen', () => {
    let state = initialBuilderState();
    state = builderReducer(state, { type: 'toggleDimension', dimension: 'COUNTY' });
    const refused = builderReducer(state, { type: 'toggleDimension', dimension: 'SEX' });
    expect(refused.groupBy).toEqual(['QUARTER', 'PATHWAY', 'COUNTY']);
    expect(refused.problem).toMatch(/At most 3 dimensions/);
    expect(builderReducer(refused, { type: 'toggleDimension', dimension: 'COUNTY' })).toMatchObject({ groupBy: ['QUARTER', 'PATHWAY'], problem: null });
  });

  it('keeps at least one measure', () => {
    let state = builderReducer(initialBuilderState(), { type: 'toggleMeasure', measure: 'DEFLECTIONS' });
    state = builderReducer(state, { type: 'toggleMeasure', measure: 'ENGAGEMENT_30_DAY_RATE' });
    expect(state.measures).toEqual(['ENGAGEMENT_30_DAY_RATE']);
    expect(state.problem).toBe('Keep at least one measure.');
  });

  it('asks for a filter only for what was chosen', () => {
    expect(toQuery(initialBuilderState())).toEqual({ groupBy: ['QUARTER', 'PATHWAY'], measures: ['DEFLECTIONS', 'ENGAGEMENT_30_DAY_RATE'] });
    const state = builderReducer(builderReducer(initialBuilderState(), { type: 'setRange', from: '2026-01-01', to: '' }), { type: 'togglePathway', pathway: 'NALOXONE_PLUS' });
    expect(toQuery(state).filter).toEqual({ from: '2026-01-01', pathways: ['NALOXONE_PLUS'] });
  });

  it('marks suppressed cells in the table and the CSV with the word, never a number', () => {
    const table = toTable(result);
    expect(table.columns).toEqual(['Quarter', 'Pathway', 'Deflections']);
    expect(table.rows[1]).toEqual([
      { text: '2026-Q1', suppressed: false },
      { text: 'Naloxone plus', suppressed: false },
      { text: 'suppressed', suppressed: true },
    ]);
    expect(toCsv(table)).toBe('Quarter,Pathway,Deflections\r\n2026-Q1,Self referral,14\r\n2026-Q1,Naloxone plus,suppressed\r\n2026-Q2,Self referral,12\r\n');
  });

  it('quotes CSV fields that hold commas or quotes', () => {
    expect(toCsv({ columns: ['County'], rows: [[{ text: 'Lake, "north"', suppressed: false }]] })).toBe('County\r\n"Lake, ""north"""\r\n');
  });

  it('draws the first measure along the first dimension, one series per value of the second, with gaps where suppressed', () => {
    expect(chartSeries(result)).toEqual({
      measure: 'Deflections',
      labels: ['2026-Q1', '2026-Q2'],
      datasets: [
        { label: 'Self referral', values: [14, 12], suppressed: [false, false] },
        { label: 'Naloxone plus', values: [null, null], suppressed: [true, false] },
      ],
    });
  });

  it('shows rates as percentages', () => {
    const rate: Result = { ...result, measures: ['ENGAGEMENT_30_DAY_RATE'], cells: [{ ...cell('2026-Q1', 'SELF_REFERRAL', 0), values: [{ measure: 'ENGAGEMENT_30_DAY_RATE', value: 0.2734, suppressed: false, reason: null }] }] };
    expect(toTable(rate).rows[0]![2]).toEqual({ text: '27.3%', suppressed: false });
  });
});
