/**
 * The statistics part of `npm run bench`: one statistic (month × pathway, 30-day engagement rate and median days to
 * treatment) over 200,000 deflections, through the reporting subgraph's `statistics` field, side by side with the
 * best hand-written SQL for the same numbers over the same table. Both must agree; the subgraph is allowed at most
 * 1.5× the SQL's time and must answer under 500 ms (p50).
 */
import { performance } from 'node:perf_hooks';
import { reporting } from '@hub/reporting';
import { createTestDatabase, SubgraphClient } from '@hub/platform/testing';
import { Violations } from '@hub/platform/errors';
import { buildFilter } from '../subgraphs/reporting/src/statistics/filter.js';
import { runStatistic } from '../subgraphs/reporting/src/statistics/run.js';

export const FACTS = 200_000;
const RUNS = 15;

/** 200,000 deflections over a year: six pathways, a third of people deflected twice, 60 % referred to treatment. */
const GENERATE = `
insert into "reporting"."deflection_fact" (deflection_id, record_key, person_pseudonym, pathway, intercept, status, status_sequence,
  initiating_unit_id, initiating_officer_id, counts_for_id, approval_required, approving_agency_id, approved_at, attributed_to_id, county,
  referred_at, referred_on, encounter_at, call_type, arrest_made, age_band, sex, race, ethnicity, handed_off_at, is_repeat,
  referred_to_treatment, first_treatment_contact_at, retained30, retained60, retained90, treatment_completed, treatment_discharged, provider_id, service)
select gen_random_uuid(), floor(random() * 256)::smallint, md5((g % ${Math.round(FACTS * 0.7)})::text)::uuid, p.pathway,
  case when p.pathway in ('SELF_REFERRAL', 'ACTIVE_OUTREACH', 'NALOXONE_PLUS') then 'INTERCEPT_0' else 'INTERCEPT_1' end,
  (array['ACTIVE', 'SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN', 'DECLINED'])[1 + (g % 5)], g,
  md5('unit' || (g % 40))::uuid, md5('officer' || (g % 600))::uuid, null, false, null, null, md5('unit' || (g % 40))::uuid,
  (array['Lake', 'Cook', 'DuPage', 'Peoria', 'Lee', 'Jackson'])[1 + (g % 6)],
  t.at, (t.at at time zone 'America/Chicago')::date, t.at - interval '1 hour',
  'PATROL_CONTACT', g % 9 = 0, 'AGE_25_34', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', t.at + interval '3 hours', g % 10 < 3,
  r.treated, case when r.treated and g % 4 <> 0 then t.at + (g % 45) * interval '1 day' end,
  r.treated and g % 3 = 0, false, false, r.treated and g % 7 = 0, r.treated and g % 11 = 0, md5('provider' || (g % 30))::uuid,
  case when r.treated then 'SUD_OUTPATIENT' end
from generate_series(1, ${FACTS}) g
cross join lateral (select now() - (g % 365) * interval '1 day' - (g % 24) * interval '1 hour' as at) t
cross join lateral (select (array['SELF_REFERRAL', 'ACTIVE_OUTREACH', 'NALOXONE_PLUS', 'OFFICER_PREVENTION', 'OFFICER_INTERVENTION', 'PRE_ARREST_DIVERSION'])[1 + (g / 7) % 6] as pathway) p
cross join lateral (select g % 10 < 6 as treated) r`;

/**
 * The best hand-written SQL for the same numbers: one pass, grouped by month and pathway, with the bases (distinct
 * people) disclosure control needs and the median, exactly as the subgraph computes them. What made it fastest here:
 * sorting on a timestamp and on bytes (COLLATE "C") rather than on formatted text, formatting the month once per
 * group, double precision (date_part) rather than numeric (extract) for the durations, and sorting in the inner query
 * (its ORDER BY stops PostgreSQL folding it into the outer one, so the sort carries the few computed columns rather
 * than the raw ones, and can run in parallel workers).
 */
export const HAND_WRITTEN = `
select to_char(f.month, 'YYYY-MM') as month, f.pathway,
  count(*) filter (where eligible and engaged) as engaged,
  count(*) filter (where eligible) as eligible,
  count(distinct f.person_pseudonym) filter (where eligible) as eligible_people,
  percentile_cont(0.5) within group (order by days) filter (where days is not null) as median_days,
  count(distinct f.person_pseudonym) filter (where days is not null) as treated_people
from (select date_trunc('month', f.referred_on::timestamp) as month, f.pathway collate "C" as pathway, f.person_pseudonym,
             f.referred_to_treatment and coalesce(f.encounter_at, f.referred_at) <= now() - interval '30 days' as eligible,
             f.first_treatment_contact_at <= coalesce(f.encounter_at, f.referred_at) + interval '30 days' as engaged,
             date_part('epoch', f.first_treatment_contact_at - coalesce(f.encounter_at, f.referred_at)) / 86400 as days
      from "reporting"."deflection_fact" f where f.referred_at is not null order by 1, 2) f
group by f.month, f.pathway`;

const STATISTIC = `{ statistics(query: { groupBy: [MONTH, PATHWAY], measures: [ENGAGEMENT_30_DAY_RATE, DAYS_TO_TREATMENT_MEDIAN] }) {
  cells { dimensions { value } values { value suppressed } } } }`;

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The subgraph's true values (before disclosure control) must be the hand-written SQL's, cell for cell. */
async function checkSameNumbers(em: Parameters<typeof runStatistic>[0], handRows: Record<string, unknown>[]): Promise<void> {
  const table = await runStatistic(em, {
    groupBy: ['MONTH', 'PATHWAY'],
    measures: ['ENGAGEMENT_30_DAY_RATE', 'DAYS_TO_TREATMENT_MEDIAN'],
    totals: { rows: false, columns: false, grand: false },
    filter: buildFilter(new Violations(), {}),
    threshold: 11,
    asOf: new Date(),
  });
  const expected = new Map(handRows.map((r) => [`${r.month}|${r.pathway}`, r]));
  for (const cell of table.cells) {
    const row = expected.get(`${cell.dimensions[0]!.value}|${cell.dimensions[1]!.value}`);
    const rate = row && Number(row.eligible) > 0 ? Number(row.engaged) / Number(row.eligible) : null;
    const median = row?.median_days === null || row?.median_days === undefined ? null : Math.round(Number(row.median_days) * 10) / 10;
    const [engagement, days] = cell.values;
    if (!row || Math.abs((engagement!.raw ?? 0) - (rate ?? 0)) > 1e-9 || days!.raw !== median) {
      throw new Error(`the statistic and the hand-written SQL disagree on ${cell.dimensions.map((d) => d.value).join(' × ')}`);
    }
  }
}

export async function benchStatistic(progress: (message: string) => void): Promise<[string, string, string, string][]> {
  const db = await createTestDatabase([reporting]);
  try {
    const orm = db.orm('reporting');
    progress(`generating ${FACTS.toLocaleString('en-US')} deflection facts`);
    await orm.fork().execute(GENERATE);
    await orm.fork().execute('analyze "reporting"."deflection_fact"');
    const client = new SubgraphClient(reporting, orm);

    progress(`timing the statistic through the subgraph and the hand-written SQL (${RUNS} runs each, alternating)`);
    const graph: number[] = [];
    const sql: number[] = [];
    let statements = 0;
    let handRows: Record<string, unknown>[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const before = orm.counter.count;
      let start = performance.now();
      const result = await client.run<{ statistics: { cells: unknown[] } }>('analyst', STATISTIC);
      graph.push(performance.now() - start);
      statements = orm.counter.count - before;
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      if (result.data!.statistics.cells.length !== 12 * 6 && result.data!.statistics.cells.length !== 13 * 6) {
        throw new Error(`expected a month × pathway table, got ${result.data!.statistics.cells.length} cells`);
      }
      start = performance.now();
      handRows = await orm.fork().execute<Record<string, unknown>[]>(HAND_WRITTEN);
      sql.push(performance.now() - start);
    }
    if (handRows.length === 0) throw new Error('the hand-written SQL returned nothing');
    await checkSameNumbers(orm.fork(), handRows);
    const ratio = p50(graph) / p50(sql);
    return [
      [`reporting: statistic over ${FACTS.toLocaleString('en-US')} deflections, p50 ms (subgraph vs hand-written SQL)`, p50(graph).toFixed(0), p50(sql).toFixed(0), `×${ratio.toFixed(2)} (target ≤ 1.5, < 500 ms)`],
      ['reporting: SQL statements for that statistic (month × pathway, 2 measures)', String(statements), '1', statements <= 1 ? 'one statement' : 'MORE THAN ONE'],
    ];
  } finally {
    await db.drop();
  }
}
