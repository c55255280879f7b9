/**
 * The crisis-reporting part of `npm run bench` (20 Ill. Adm. Code 1244): how fast an agency's CAD/RMS export of a
 * busy month goes in through the graph, and how long ISP waits for one agency's month as a file once the table holds
 * a million incidents from hundreds of agencies.
 */
import { performance } from 'node:perf_hooks';
import { CRISIS_OUTCOMES, LEVELS_OF_RESPONSE, illinoisDate, monthOf, type CrisisOutcome, type LevelOfResponse } from '@hub/platform/domain';
import { crisisIncidentsToCsv } from '../subgraphs/reporting/src/crisis/csv.js';
import type { CrisisIncidentFields } from '../subgraphs/reporting/src/crisis/incident-fields.js';
import type { TestHub } from '../test/support/hub.js';

const IMPORTED = 10_000;
const STORED = 1_000_000;
const AGENCIES = 400;
const MONTHS = 24;
const DOWNLOADS = 15;

const IMPORT = 'mutation($csv: String!) { importCrisisIncidents(csv: $csv) { imported rejected errors { row rule } } }';
const SUBMIT = 'mutation($month: String!) { submitCrisisMonth(month: $month) { id incidentCount csvPath } }';

/**
 * A million incidents from other agencies over the two years before this month, so the sheriff's month is found
 * among its neighbours' rows the way it would be in production. Every value passes the table's checks.
 */
const GENERATE = `
insert into "reporting"."crisis_incident" (id, agency_id, month, agency_incident_number, dispatched_at, dispatch_reason, arrival,
  levels_of_response, level_of_response_other, outcomes, outcome_other, subject_located, field_report_written, call_type, channel,
  deflection_id, record_key, recorded_by_id, recorded_at, updated_by_id, updated_at, version)
select gen_random_uuid(), md5('bench-agency' || (g % ${AGENCIES}))::uuid, to_char(t.at at time zone 'America/Chicago', 'YYYY-MM'),
  'GEN-' || g, t.at, 'Welfare check: person in crisis', 'DISPATCHED',
  (array['{SWORN_OFFICER}', '{CIT_TRAINED_OFFICER}', '{SWORN_OFFICER,AMBULANCE}', '{CIT_TRAINED_OFFICER,SOCIAL_WORKER}'])[1 + g % 4]::text[], null,
  (array['{RELEASED_OWN_RECOGNIZANCE}', '{VOLUNTARY_ADMISSION}', '{RELEASED_FAMILY_MEMBER}', '{OFFICER_ADMITTED,ARRESTED}'])[1 + (g / 4) % 4]::text[], null,
  g % 10 <> 0, g % 3 = 0, 'MENTAL_HEALTH', null, null, floor(random() * 256)::smallint, md5('bench-recorder')::uuid, now(), null, null, 1
from generate_series(1, ${STORED}) g
cross join lateral (select date_trunc('month', now()) - (1 + g % ${MONTHS}) * interval '1 month' + ((g / ${MONTHS}) % 27) * interval '1 day' + interval '12 hours' as at) t`;

/** Nearest rank, so the figure is a sample that was measured. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/**
 * The month thirteen months back: ended, long before any demo data, and inside the generated two years. Days 2–27
 * at noon UTC keep every dispatch in the same Illinois month whatever the offset.
 */
function benchMonth(now: Date): { month: string; dispatches: (i: number) => Date } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 13, 2, 12));
  const spanMs = 25 * 24 * 3_600_000;
  return { month: monthOf(illinoisDate(first)), dispatches: (i) => new Date(first.getTime() + Math.floor((i * spanMs) / IMPORTED)) };
}

function benchIncidents(dispatches: (i: number) => Date): CrisisIncidentFields[] {
  const levels: LevelOfResponse[][] = [['SWORN_OFFICER'], ['CIT_TRAINED_OFFICER', 'SOCIAL_WORKER'], ['SWORN_OFFICER', 'AMBULANCE']];
  const outcomes: CrisisOutcome[][] = [['RELEASED_OWN_RECOGNIZANCE'], ['VOLUNTARY_ADMISSION'], ['RELEASED_FAMILY_MEMBER', 'OFFICER_ADMITTED']];
  // Guards against the rule's lists changing under the bench: a value it no longer knows would reject every row.
  if (!levels.flat().every((l) => LEVELS_OF_RESPONSE.includes(l)) || !outcomes.flat().every((o) => CRISIS_OUTCOMES.includes(o))) {
    throw new Error('the bench names a level of response or outcome the rule no longer has');
  }
  return Array.from({ length: IMPORTED }, (_, i) => ({
    agencyIncidentNumber: `BENCH-${String(i + 1).padStart(6, '0')}`,
    dispatchedAt: dispatches(i),
    dispatchReason: 'Caller reports a family member in a mental-health crisis',
    arrival: 'DISPATCHED',
    levelsOfResponse: levels[i % levels.length]!,
    levelOfResponseOther: null,
    outcomes: outcomes[i % outcomes.length]!,
    outcomeOther: null,
    subjectLocated: i % 10 !== 0,
    fieldReportWritten: i % 3 === 0,
    callType: 'MENTAL_HEALTH',
    channel: i % 2 === 0 ? 'LIVE_ON_SCENE_RESPONSE' : null,
    deflectionId: null,
  }));
}

export async function benchCrisis(hub: TestHub, progress: (message: string) => void): Promise<[string, string, string, string][]> {
  const token = await hub.tokenFor('records-staff');
  const { month, dispatches } = benchMonth(new Date());
  const csv = crisisIncidentsToCsv(benchIncidents(dispatches));

  // Through the gateway, as an agency would: the CSV is a variable, which the gateway's token limit (the document
  // only) does not count, and 10,000 rows stay well under the 5 MiB body limit of the gateway and the subgraph.
  progress(`importing a ${IMPORTED.toLocaleString('en-US')}-row crisis CSV (${(Buffer.byteLength(csv) / 1e6).toFixed(1)} MB, ${month}) as records-staff through the gateway`);
  let start = performance.now();
  const imported = await hub.gql<{ importCrisisIncidents: { imported: number; rejected: number; errors: { row: number; rule: string }[] } }>(IMPORT, { token, variables: { csv } });
  const importMs = performance.now() - start;
  const result = imported.data?.importCrisisIncidents;
  if (imported.errors || !result || result.imported !== IMPORTED || result.rejected !== 0) {
    throw new Error(`the crisis import did not take every row: ${JSON.stringify(imported.errors ?? { ...result, errors: result?.errors.slice(0, 5) })}`);
  }
  const rowsPerSecond = IMPORTED / (importMs / 1000);

  progress(`generating ${STORED.toLocaleString('en-US')} crisis incidents over ${AGENCIES} agencies and ${MONTHS} months`);
  const orm = hub.db.orm('reporting');
  start = performance.now();
  await orm.fork().execute(GENERATE);
  await orm.fork().execute('analyze "reporting"."crisis_incident"');
  progress(`  generated in ${((performance.now() - start) / 1000).toFixed(1)} s`);

  progress(`submitting the Lake County Sheriff's ${month} (${IMPORTED.toLocaleString('en-US')} incidents) through the gateway`);
  start = performance.now();
  const submitted = await hub.gql<{ submitCrisisMonth: { id: string; incidentCount: number; csvPath: string } }>(SUBMIT, { token, variables: { month } });
  const submitMs = performance.now() - start;
  const submission = submitted.data?.submitCrisisMonth;
  if (submitted.errors || !submission || submission.incidentCount !== IMPORTED) throw new Error(`the submission failed: ${JSON.stringify(submitted.errors ?? submission)}`);

  const url = new URL(submission.csvPath, hub.gatewayUrl).toString();
  const download = async (): Promise<number> => {
    const begun = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.text();
    const ms = performance.now() - begun;
    if (response.status !== 200) throw new Error(`the crisis CSV download answered ${response.status}: ${body.slice(0, 300)}`);
    const lines = body.replace(/\r\n$/, '').split('\r\n').length;
    if (lines !== IMPORTED + 1) throw new Error(`the crisis CSV has ${lines} lines, expected ${IMPORTED + 1} (a header and one per incident)`);
    return ms;
  };
  progress(`downloading that month's CSV through the gateway (1 warm-up, then ${DOWNLOADS} timed)`);
  await download();
  const samples: number[] = [];
  for (let i = 0; i < DOWNLOADS; i += 1) samples.push(await download());
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 0.5);
  const p95 = percentile(samples, 0.95);

  return [
    [`crisis: import a ${IMPORTED.toLocaleString('en-US')}-row CSV through the gateway, ms vs rows/s`, importMs.toFixed(0), rowsPerSecond.toFixed(0), 'one run'],
    [`crisis: submit a month of ${IMPORTED.toLocaleString('en-US')} among ${STORED.toLocaleString('en-US')} stored, ms`, '', submitMs.toFixed(0), 'one run'],
    [`crisis: month CSV download (${IMPORTED.toLocaleString('en-US')} rows, ${STORED.toLocaleString('en-US')} stored), p50 vs p95 ms`, p50.toFixed(0), p95.toFixed(0), `${DOWNLOADS} runs`],
  ];
}
