import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A } from '@hub/platform/demo';
import { addDays, crisisReportDueOn, illinoisDate, illinoisDayStart, monthOf } from '@hub/platform/domain';
import type { SubgraphClient, TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { CrisisIncident, CrisisSubmission } from '../src/entities/crisis.entity.js';
import { submissionStanding } from '../src/rules/crisis-rules.js';
import { startReportingWithAgencies } from './support.js';

/**
 * IAC-1 to IAC-5 through the reporting subgraph, with the agencies subgraph answering over HTTP: inclusion rules
 * (1244.300 b–d), the monthly submission and its versions, due dates, zero reports, the CSV import and export.
 */
let db: TestDatabase;
let client: SubgraphClient<Context>;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ db, client, stop } = await startReportingWithAgencies());
});

afterAll(async () => {
  await stop?.();
});

const TODAY = illinoisDate();
const THIS_MONTH = monthOf(TODAY);
/** A month that has ended, for each test its own so they stay independent in any order. */
const monthsAgo = (n: number) => {
  const [y, m] = THIS_MONTH.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const inMonth = (month: string, day = 10, hour = 14) => new Date(illinoisDayStart(`${month}-${String(day).padStart(2, '0')}`).getTime() + hour * 3_600_000).toISOString();

const RECORD = `mutation($input: CrisisIncidentInput!, $key: String) { recordCrisisIncident(input: $input, idempotencyKey: $key) { id month version levelsOfResponse outcomes agency { id } } }`;
const SUBMIT = `mutation($month: String!, $key: String) { submitCrisisMonth(month: $month, idempotencyKey: $key) { id version incidentCount zeroReport late superseded dueOn content(format: CSV) csvPath } }`;
type Recorded = { recordCrisisIncident: { id: string; month: string; version: number; levelsOfResponse: string[]; outcomes: string[]; agency: { id: string } } };
type Submitted = { submitCrisisMonth: { id: string; version: number; incidentCount: number; zeroReport: boolean; late: boolean; superseded: boolean; dueOn: string; content: string; csvPath: string } };

function incident(over: Record<string, unknown> = {}) {
  return {
    dispatchedAt: inMonth(monthsAgo(3)),
    dispatchReason: 'Caller reports her brother threatening to harm himself.',
    arrival: 'DISPATCHED',
    levelsOfResponse: ['CIT_TRAINED_OFFICER', 'SWORN_OFFICER'],
    outcomes: ['VOLUNTARY_ADMISSION'],
    subjectLocated: true,
    fieldReportWritten: true,
    callType: 'MENTAL_HEALTH',
    ...over,
  };
}

async function violation(persona: string, input: Record<string, unknown>) {
  const error = await client.error(persona, RECORD, { input });
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  return (error.extensions?.violations as { field: string; rule: string }[])[0]!;
}

describe('which crisis incidents are reported (20 Ill. Adm. Code 1244.300)', () => {
  it('records a dispatch to a person in crisis for the caller’s agency, options in the rule’s order', async () => {
    const data = await client.ok<Recorded>('local-officer', RECORD, { input: incident() });
    expect(data.recordCrisisIncident).toMatchObject({ month: monthsAgo(3), version: 1, agency: { id: A.lakeCountySheriff }, levelsOfResponse: ['SWORN_OFFICER', 'CIT_TRAINED_OFFICER'] });
  });

  it('refuses an ISPERN or emergency broadcast answered without a dispatch, citing 1244.300(c)(1)', async () => {
    expect(await violation('local-officer', incident({ arrival: 'ISPERN_BROADCAST', dispatchedAt: null }))).toMatchObject({ field: 'input.dispatchedAt', rule: '1244.300(c)(1)' });
  });

  it('refuses a crisis learned of later without a dispatch for it, citing 1244.300(c)(2)', async () => {
    expect(await violation('local-officer', incident({ arrival: 'LEARNED_LATER', dispatchedAt: null }))).toMatchObject({ field: 'input.dispatchedAt', rule: '1244.300(c)(2)' });
  });

  it('accepts a broadcast or a later-learned crisis that did have a dispatch to it', async () => {
    for (const arrival of ['ISPERN_BROADCAST', 'LEARNED_LATER']) {
      expect((await client.ok<Recorded>('local-officer', RECORD, { input: incident({ arrival }) })).recordCrisisIncident.version).toBe(1);
    }
  });

  it('accepts a subject not located and no field report (1244.300(d))', async () => {
    const data = await client.ok<Recorded>('local-officer', RECORD, { input: incident({ subjectLocated: false, fieldReportWritten: false, outcomes: ['OTHER'], outcomeOther: 'Subject not located.' }) });
    expect(data.recordCrisisIncident.outcomes).toEqual(['OTHER']);
  });

  it('needs a description for OTHER, and no description without it', async () => {
    expect(await violation('local-officer', incident({ levelsOfResponse: ['OTHER'] }))).toMatchObject({ field: 'input.levelOfResponseOther', rule: 'required-with-other' });
    expect(await violation('local-officer', incident({ outcomes: ['ARRESTED', 'OTHER'], outcomeOther: '  ' }))).toMatchObject({ field: 'input.outcomeOther', rule: 'required-with-other' });
    expect(await violation('local-officer', incident({ outcomeOther: 'Taken home' }))).toMatchObject({ field: 'input.outcomeOther', rule: 'only-with-other' });
  });

  it('needs at least one level of response and one outcome, each once', async () => {
    expect(await violation('local-officer', incident({ levelsOfResponse: [] }))).toMatchObject({ field: 'input.levelsOfResponse', rule: '1244.300(a)(1)' });
    expect(await violation('local-officer', incident({ outcomes: [] }))).toMatchObject({ field: 'input.outcomes', rule: '1244.300(a)(2)' });
    expect(await violation('local-officer', incident({ outcomes: ['ARRESTED', 'ARRESTED'] }))).toMatchObject({ field: 'input.outcomes', rule: 'unique' });
  });

  it('refuses a dispatch in the future and an agency incident number used twice', async () => {
    expect(await violation('local-officer', incident({ dispatchedAt: new Date(Date.now() + 86_400_000).toISOString() }))).toMatchObject({ rule: 'not-in-future' });
    await client.ok('local-officer', RECORD, { input: incident({ agencyIncidentNumber: 'LC-CAD-1' }) });
    expect(await violation('local-officer', incident({ agencyIncidentNumber: 'LC-CAD-1' }))).toMatchObject({ field: 'input.agencyIncidentNumber', rule: 'unique' });
    expect(await db.orm('reporting').fork().count(CrisisIncident, { agencyIncidentNumber: 'LC-CAD-1' })).toBe(1);
  });

  it('records once per idempotency key', async () => {
    const first = await client.ok<Recorded>('local-officer', RECORD, { input: incident(), key: 'crisis-once' });
    const again = await client.ok<Recorded>('local-officer', RECORD, { input: incident(), key: 'crisis-once' });
    expect(again.recordCrisisIncident.id).toBe(first.recordCrisisIncident.id);
  });

  it('refuses agencies that do not file crisis reports (a fire department), and roles that may not record', async () => {
    const error = await client.error('firefighter', RECORD, { input: incident() });
    expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(error.message).toContain('1244.300');
    expect((await client.error('analyst', RECORD, { input: incident() })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.error('case-manager', RECORD, { input: incident() })).extensions?.code).toBe('FORBIDDEN');
  });
});

describe('corrections (optimistic concurrency)', () => {
  it('updates an incident at the version read, and refuses a stale version', async () => {
    const { recordCrisisIncident: created } = await client.ok<Recorded>('local-officer', RECORD, { input: incident() });
    const UPDATE = `mutation($id: ID!, $version: Int!, $input: CrisisIncidentInput!) { updateCrisisIncident(id: $id, version: $version, input: $input) { version outcomes } }`;
    const updated = await client.ok<{ updateCrisisIncident: { version: number; outcomes: string[] } }>('records-staff', UPDATE, { id: created.id, version: 1, input: incident({ outcomes: ['ARRESTED'] }) });
    expect(updated.updateCrisisIncident).toEqual({ version: 2, outcomes: ['ARRESTED'] });
    expect((await client.error('records-staff', UPDATE, { id: created.id, version: 1, input: incident() })).extensions?.code).toBe('CONFLICT');
  });

  it('does not let another agency correct an incident', async () => {
    const { recordCrisisIncident: created } = await client.ok<Recorded>('local-officer', RECORD, { input: incident() });
    const UPDATE = `mutation($id: ID!, $input: CrisisIncidentInput!) { updateCrisisIncident(id: $id, version: 1, input: $input) { version } }`;
    const error = await client.error('officer', UPDATE, { id: created.id, input: incident() });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await db.orm('reporting').fork().findOneOrFail(CrisisIncident, { id: created.id })).version).toBe(1);
  });
});

describe('the monthly submission (1244.300(e)-(f))', () => {
  it('submits a month with its incidents, then a correction as version 2, keeping version 1', async () => {
    const month = monthsAgo(4);
    for (const day of [3, 17]) await client.ok('local-officer', RECORD, { input: incident({ dispatchedAt: inMonth(month, day) }) });
    const v1 = (await client.ok<Submitted>('records-staff', SUBMIT, { month })).submitCrisisMonth;
    expect(v1).toMatchObject({ version: 1, incidentCount: 2, zeroReport: false, superseded: false, dueOn: crisisReportDueOn(month) });
    expect(v1.content.trim().split('\r\n')).toHaveLength(3);

    // Unchanged, a second submission has nothing to correct.
    expect((await client.error('records-staff', SUBMIT, { month })).extensions).toMatchObject({ code: 'CONFLICT', rule: 'unchanged' });

    await client.ok('local-officer', RECORD, { input: incident({ dispatchedAt: inMonth(month, 20) }) });
    const status = await client.ok<{ crisisMonth: { standing: string; incidents: number } }>('records-staff', 'query($m: String!) { crisisMonth(month: $m) { standing incidents } }', { m: month });
    expect(status.crisisMonth).toEqual({ standing: 'CORRECTION_PENDING', incidents: 3 });
    const v2 = (await client.ok<Submitted>('records-staff', SUBMIT, { month })).submitCrisisMonth;
    expect(v2).toMatchObject({ version: 2, incidentCount: 3 });

    const versions = await client.ok<{ crisisSubmissions: { version: number; superseded: boolean; incidentCount: number }[] }>(
      'records-staff', 'query($m: String!) { crisisSubmissions(month: $m) { version superseded incidentCount } }', { m: month });
    expect(versions.crisisSubmissions).toEqual([{ version: 2, superseded: false, incidentCount: 3 }, { version: 1, superseded: true, incidentCount: 2 }]);
  });

  it('submits a month without incidents as an explicit zero report', async () => {
    const data = await client.ok<Submitted>('records-staff', SUBMIT, { month: monthsAgo(14) });
    expect(data.submitCrisisMonth).toMatchObject({ zeroReport: true, incidentCount: 0, late: true });
  });

  it('refuses a month that has not ended, and a month that is not one', async () => {
    expect((await client.error('records-staff', SUBMIT, { month: THIS_MONTH })).extensions?.violations).toEqual([expect.objectContaining({ field: 'month', rule: 'month-ended' })]);
    expect((await client.error('records-staff', SUBMIT, { month: '2026-13' })).extensions?.violations).toEqual([expect.objectContaining({ field: 'month', rule: 'month' })]);
    expect(await db.orm('reporting').fork().count(CrisisSubmission, { month: THIS_MONTH })).toBe(0);
  });

  it('lets officers record but not submit', async () => {
    expect((await client.error('local-officer', SUBMIT, { month: monthsAgo(5) })).extensions?.code).toBe('FORBIDDEN');
  });
});

describe('what counts as a change since the last version', () => {
  const STANDING = 'query($m: String!) { crisisMonth(month: $m) { standing incidents } }';
  const UPDATE = `mutation($id: ID!, $version: Int!, $input: CrisisIncidentInput!) { updateCrisisIncident(id: $id, version: $version, input: $input) { version } }`;

  it('sees an incident moved out of a submitted month as a correction of that month', async () => {
    const month = monthsAgo(10);
    const { recordCrisisIncident: moved } = await client.ok<Recorded>('local-officer', RECORD, { input: incident({ dispatchedAt: inMonth(month, 5) }) });
    await client.ok('records-staff', SUBMIT, { month });
    await client.ok('records-staff', UPDATE, { id: moved.id, version: 1, input: incident({ dispatchedAt: inMonth(monthsAgo(11), 5) }) });
    expect((await client.ok<{ crisisMonth: { standing: string; incidents: number } }>('records-staff', STANDING, { m: month })).crisisMonth).toEqual({ standing: 'CORRECTION_PENDING', incidents: 0 });
    const v2 = (await client.ok<Submitted>('records-staff', SUBMIT, { month })).submitCrisisMonth;
    expect(v2).toMatchObject({ version: 2, zeroReport: true });
  });

  it('lets a month resubmitted after any correction, even one that changed nothing, and then shows it submitted', async () => {
    const month = monthsAgo(12);
    const { recordCrisisIncident: same } = await client.ok<Recorded>('local-officer', RECORD, { input: incident({ dispatchedAt: inMonth(month, 5) }) });
    await client.ok('records-staff', SUBMIT, { month });
    await client.ok('records-staff', UPDATE, { id: same.id, version: 1, input: incident({ dispatchedAt: inMonth(month, 5) }) });
    expect((await client.ok<{ crisisMonth: { standing: string } }>('records-staff', STANDING, { m: month })).crisisMonth.standing).toBe('CORRECTION_PENDING');
    await client.ok('records-staff', SUBMIT, { month });
    expect((await client.ok<{ crisisMonth: { standing: string } }>('records-staff', STANDING, { m: month })).crisisMonth.standing).toMatch(/^SUBMITTED/);
  });

  it('refuses months before crisis reporting began (May 2023) and months to come', async () => {
    expect((await client.error('records-staff', SUBMIT, { month: '2023-04' })).extensions?.violations).toEqual([expect.objectContaining({ field: 'month', rule: 'in-force' })]);
    expect((await client.error('records-staff', STANDING, { m: '2199-12' })).extensions?.violations).toEqual([expect.objectContaining({ field: 'month', rule: 'not-in-future' })]);
    expect(await violation('local-officer', incident({ dispatchedAt: '2023-05-07T15:00:00Z' }))).toMatchObject({ field: 'input.dispatchedAt', rule: 'in-force' });
  });

  it('refuses the standing of an agency that does not file crisis reports', async () => {
    const error = await client.error('isp-reporting', 'query($m: String!, $a: ID) { crisisMonth(month: $m, agencyId: $a) { standing } }', { m: monthsAgo(2), a: A.tasc });
    expect(error.extensions?.violations).toEqual([expect.objectContaining({ field: 'agencyId', rule: 'files-crisis-reports' })]);
  });
});

describe('due dates and lateness (IAC-5)', () => {
  it('is due the 15th of the following month, across year ends and leap years, weekends included', () => {
    expect(crisisReportDueOn('2026-12')).toBe('2027-01-15');
    expect(crisisReportDueOn('2028-02')).toBe('2028-03-15');
    expect(crisisReportDueOn('2026-10')).toBe('2026-11-15'); // a Sunday: still the 15th
    expect(crisisReportDueOn('2027-01')).toBe('2027-02-15');
  });

  it('is due until the 15th, late from the 16th, and submitted late when first sent after it', () => {
    const month = '2026-12';
    expect(submissionStanding({ month, today: '2027-01-15', firstSubmittedOn: null, changedSinceSubmission: false })).toBe('DUE');
    expect(submissionStanding({ month, today: '2027-01-16', firstSubmittedOn: null, changedSinceSubmission: false })).toBe('LATE');
    expect(submissionStanding({ month, today: '2027-02-01', firstSubmittedOn: '2027-01-15', changedSinceSubmission: false })).toBe('SUBMITTED');
    expect(submissionStanding({ month, today: '2027-02-01', firstSubmittedOn: '2027-01-16', changedSinceSubmission: false })).toBe('SUBMITTED_LATE');
    expect(submissionStanding({ month, today: '2027-02-01', firstSubmittedOn: '2027-01-10', changedSinceSubmission: true })).toBe('CORRECTION_PENDING');
  });

  it('lists for ISP reporting staff every filing agency and where it stands, late ones included', async () => {
    const month = monthsAgo(6);
    await client.ok('records-staff', SUBMIT, { month });
    const STATUS = 'query($m: String!, $s: [CrisisStanding!]) { crisisReportingStatus(month: $m, standings: $s) { agency { id } standing dueOn } }';
    const all = await client.ok<{ crisisReportingStatus: { agency: { id: string }; standing: string; dueOn: string }[] }>('isp-reporting', STATUS, { m: month });
    const by = new Map(all.crisisReportingStatus.map((s) => [s.agency.id, s.standing]));
    expect(by.get(A.lakeCountySheriff)).toMatch(/^SUBMITTED/);
    expect(by.get(A.dixonPolice)).toBe('LATE');
    expect(by.has(A.peoriaFire)).toBe(false);
    expect(by.has(A.lakeCountyMeg)).toBe(false);
    const late = await client.ok<{ crisisReportingStatus: { standing: string }[] }>('isp-reporting', STATUS, { m: month, s: ['LATE'] });
    expect(late.crisisReportingStatus.every((s) => s.standing === 'LATE')).toBe(true);
    expect(late.crisisReportingStatus.length).toBe(all.crisisReportingStatus.length - 1);
    expect((await client.error('records-staff', STATUS, { m: month })).extensions?.code).toBe('FORBIDDEN');
  });

  it('shows ISP reporting staff any agency’s submissions, and an agency only its own', async () => {
    const month = monthsAgo(7);
    const { submitCrisisMonth } = await client.ok<Submitted>('records-staff', SUBMIT, { month });
    const ONE = 'query($id: ID!) { crisisSubmission(id: $id) { id version } }';
    expect((await client.ok<{ crisisSubmission: { id: string } | null }>('isp-reporting', ONE, { id: submitCrisisMonth.id })).crisisSubmission?.id).toBe(submitCrisisMonth.id);
    expect((await client.ok<{ crisisSubmission: { id: string } | null }>('officer', ONE, { id: submitCrisisMonth.id })).crisisSubmission).toBeNull();
    expect((await client.error('officer', 'query($m: String!, $a: ID) { crisisSubmissions(month: $m, agencyId: $a) { id } }', { m: month, a: A.lakeCountySheriff })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.error('isp-reporting', 'query($m: String!, $a: ID) { crisisIncidents(month: $m, agencyId: $a) { id } }', { m: month, a: A.lakeCountySheriff })).extensions?.code).toBe('FORBIDDEN');
    // Another agency's officer may not name the sheriff to read its incidents.
    expect((await client.error('officer', 'query($m: String!, $a: ID) { crisisIncidents(month: $m, agencyId: $a) { id } }', { m: month, a: A.lakeCountySheriff })).extensions?.code).toBe('FORBIDDEN');
  });
});

describe('bulk import of an agency’s CSV', () => {
  const IMPORT = `mutation($csv: String!, $mode: ImportMode) { importCrisisIncidents(csv: $csv, mode: $mode) { imported alreadyPresent rejected errors { row column rule } } }`;
  type Imported = { importCrisisIncidents: { imported: number; alreadyPresent: number; rejected: number; errors: { row: number; column: string | null; rule: string }[] } };

  it('round-trips a submission: export it, import it into a fresh month, same records', async () => {
    const month = monthsAgo(8);
    for (const [day, n] of [[2, 'RT-1'], [9, 'RT-2']] as const) {
      await client.ok('local-officer', RECORD, { input: incident({ dispatchedAt: inMonth(month, day), agencyIncidentNumber: n, levelsOfResponse: ['OTHER', 'AMBULANCE'], levelOfResponseOther: '=Mobile crisis team' }) });
    }
    const { submitCrisisMonth } = await client.ok<Submitted>('records-staff', SUBMIT, { month });
    // Importing the export again is safe: every row is already there.
    const again = await client.ok<Imported>('records-staff', IMPORT, { csv: submitCrisisMonth.content });
    expect(again.importCrisisIncidents).toMatchObject({ imported: 0, alreadyPresent: 2, rejected: 0 });
    // Into another agency's books (Troop 2's sergeant files for the troop), the same records appear.
    const moved = await client.ok<Imported>('supervisor', IMPORT, { csv: submitCrisisMonth.content.replaceAll('RT-', 'RT2-') });
    expect(moved.importCrisisIncidents).toMatchObject({ imported: 2, rejected: 0 });
    const LIST = 'query($m: String!) { crisisIncidents(month: $m) { agencyIncidentNumber dispatchedAt levelsOfResponse levelOfResponseOther outcomes subjectLocated } }';
    const original = (await client.ok<{ crisisIncidents: Record<string, unknown>[] }>('records-staff', LIST, { m: month })).crisisIncidents;
    const imported = (await client.ok<{ crisisIncidents: Record<string, unknown>[] }>('supervisor', LIST, { m: month })).crisisIncidents.filter((i) => String(i.agencyIncidentNumber).startsWith('RT2-'));
    expect(imported.map((i) => ({ ...i, agencyIncidentNumber: String(i.agencyIncidentNumber).replace('RT2-', 'RT-') }))).toEqual(original.filter((i) => String(i.agencyIncidentNumber).startsWith('RT-')));
  });

  it('refuses imported rows without the agency’s incident number, and a corrected file does not record a row twice', async () => {
    const { submitCrisisMonth: seed } = await client.ok<Submitted>('records-staff', SUBMIT, { month: monthsAgo(16) });
    const header = seed.content.split('\r\n')[0]!;
    const row = (number: string) => header.split(',').map((c) => ({ agency_incident_number: number, dispatched_at: inMonth(monthsAgo(17), 8), dispatch_reason: 'Welfare check', arrival: 'DISPATCHED', level_sworn_officer: 'Y', outcome_arrested: 'Y', subject_located: 'Y', field_report_written: 'Y' } as Record<string, string>)[c] ?? (c.startsWith('level_') || c.startsWith('outcome_') ? (c.endsWith('_description') ? '' : 'N') : '')).join(',');
    const missing = await client.ok<Imported>('records-staff', IMPORT, { csv: [header, row('')].join('\n') });
    expect(missing.importCrisisIncidents.errors).toEqual([{ row: 2, column: 'agency_incident_number', rule: 'required' }]);
    const first = await client.ok<Imported>('records-staff', IMPORT, { csv: [header, row('FIX-1'), row('FIX-2')].join('\n') });
    expect(first.importCrisisIncidents.imported).toBe(2);
    const corrected = await client.ok<Imported>('records-staff', IMPORT, { csv: '\uFEFF' + [header, row('FIX-1'), row('FIX-2'), row('FIX-3')].join('\r\n') });
    expect(corrected.importCrisisIncidents).toMatchObject({ imported: 1, alreadyPresent: 2 });
    expect(await db.orm('reporting').fork().count(CrisisIncident, { agencyIncidentNumber: { $like: 'FIX-%' } })).toBe(3);
  });

  it('answers a retried import with the same idempotency key as the first time, importing nothing twice', async () => {
    const { submitCrisisMonth: seed } = await client.ok<Submitted>('records-staff', SUBMIT, { month: monthsAgo(18) });
    const header = seed.content.split('\r\n')[0]!;
    const row = (number: string) => header.split(',').map((c) => ({ agency_incident_number: number, dispatched_at: inMonth(monthsAgo(19), 9), dispatch_reason: 'Welfare check', arrival: 'DISPATCHED', level_sworn_officer: 'Y', outcome_arrested: 'Y', subject_located: 'Y', field_report_written: 'Y' } as Record<string, string>)[c] ?? (c.startsWith('level_') || c.startsWith('outcome_') ? (c.endsWith('_description') ? '' : 'N') : '')).join(',');
    const csv = [header, row('KEY-1'), row('KEY-2')].join('\n');
    const IMPORT_KEYED = `mutation($csv: String!, $key: String) { importCrisisIncidents(csv: $csv, idempotencyKey: $key) { imported alreadyPresent rejected } }`;
    const first = await client.ok<{ importCrisisIncidents: unknown }>('records-staff', IMPORT_KEYED, { csv, key: 'import-once' });
    const again = await client.ok<{ importCrisisIncidents: unknown }>('records-staff', IMPORT_KEYED, { csv, key: 'import-once' });
    expect(first.importCrisisIncidents).toEqual({ imported: 2, alreadyPresent: 0, rejected: 0 });
    expect(again.importCrisisIncidents).toEqual(first.importCrisisIncidents);
    const other = await client.error('records-staff', IMPORT_KEYED, { csv: [header, row('KEY-3')].join('\n'), key: 'import-once' });
    expect(other.extensions?.violations).toEqual([expect.objectContaining({ field: 'idempotencyKey', rule: 'same-input' })]);
  });

  it('imports nothing when one row fails in all-or-nothing mode, naming its row, column and rule', async () => {
    const month = monthsAgo(9);
    const { submitCrisisMonth: seed } = await client.ok<Submitted>('records-staff', SUBMIT, { month: monthsAgo(15) });
    const header = seed.content.split('\r\n')[0]!;
    const columns = header.split(',');
    const row = (number: string, arrival: string, dispatchedAt: string) =>
      columns.map((c) => ({ agency_incident_number: number, dispatched_at: dispatchedAt, dispatch_reason: 'Welfare check', arrival, level_sworn_officer: 'Y', outcome_released_family_member: 'Y', subject_located: 'Y', field_report_written: 'N' } as Record<string, string>)[c] ?? (c.startsWith('level_') || c.startsWith('outcome_') ? (c.endsWith('_description') ? '' : 'N') : '')).join(',');
    const csv = [header, row('AON-1', 'DISPATCHED', inMonth(month, 4)), row('AON-2', 'ISPERN_BROADCAST', ''), row('AON-3', 'DISPATCHED', inMonth(month, 6))].join('\r\n');
    const result = await client.ok<Imported>('records-staff', IMPORT, { csv });
    expect(result.importCrisisIncidents).toEqual({ imported: 0, alreadyPresent: 0, rejected: 1, errors: [{ row: 3, column: 'dispatched_at', rule: '1244.300(c)(1)' }] });
    expect(await db.orm('reporting').fork().count(CrisisIncident, { agencyIncidentNumber: { $like: 'AON-%' } })).toBe(0);

    const partial = await client.ok<Imported>('records-staff', IMPORT, { csv, mode: 'VALID_ROWS' });
    expect(partial.importCrisisIncidents).toMatchObject({ imported: 2, rejected: 1 });
    // The same file twice imports once.
    const twice = await client.ok<Imported>('records-staff', IMPORT, { csv, mode: 'VALID_ROWS' });
    expect(twice.importCrisisIncidents.imported).toBe(0);
    expect(await db.orm('reporting').fork().count(CrisisIncident, { agencyIncidentNumber: { $like: 'AON-%' } })).toBe(2);
  });
});
