import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A } from '@hub/platform/demo';
import { illinoisDate, illinoisDayStart, monthOf } from '@hub/platform/domain';
import type { SubgraphClient, TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { UseOfForceIncident } from '../src/entities/use-of-force.entity.js';
import { startReportingWithAgencies } from './support.js';

/**
 * IAC-6: use-of-force incidents for the FBI's collection. What qualifies, the three segments, monthly submissions
 * (zero reports, drafts, versions), the receiver's rejections queue, and who may see what.
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

const THIS_MONTH = monthOf(illinoisDate());
const monthsAgo = (n: number) => {
  const [y, m] = THIS_MONTH.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const inMonth = (month: string, day = 12) => new Date(illinoisDayStart(`${month}-${String(day).padStart(2, '0')}`).getTime() + 22 * 3_600_000).toISOString();

const subject = (over: Record<string, unknown> = {}) => ({
  age: 34, sex: 'MALE', race: 'WHITE', ethnicity: 'NOT_HISPANIC_OR_LATINO', heightInches: 70, weightPounds: 180,
  injuries: ['APPARENT_BROKEN_BONES'], forceTypes: ['TAKEDOWN', 'HANDS_FISTS_FEET'], resistance: ['ASSAULTED_OFFICER'], perceivedConditions: ['MENTAL_HEALTH_CRISIS'], armed: 'KNIFE_OR_CUTTING_INSTRUMENT', ...over,
});
const officer = (over: Record<string, unknown> = {}) => ({
  age: 41, sex: 'FEMALE', race: 'WHITE', ethnicity: 'NOT_HISPANIC_OR_LATINO', yearsOfService: 12, fullTime: true, onDuty: true, injured: false,
  forceTypes: ['TAKEDOWN'], firearmDischarged: false, ...over,
});
const incident = (over: Record<string, unknown> = {}) => ({
  occurredAt: inMonth(monthsAgo(3)), qualifiers: ['SERIOUS_BODILY_INJURY'], officersApplyingForce: 2, officersFromAgency: 1,
  location: '1200 block of N. Main St, Waukegan', locationType: 'STREET_HIGHWAY_ROAD', initialContactReason: 'CALL_FOR_SERVICE',
  officersApproached: true, ambush: false, supervisor: 'CONSULTED', subjects: [subject()], officers: [officer()], ...over,
});

const RECORD = 'mutation($input: UseOfForceIncidentInput!, $key: String) { recordUseOfForceIncident(input: $input, idempotencyKey: $key) { id month version qualifiers agency { id } subjects { injuries } } }';
const SUBMIT = 'mutation($month: String!, $draft: Boolean) { submitUseOfForceMonth(month: $month, draft: $draft) { id version state zeroReport incidentCount content superseded } }';
const RESPOND = 'mutation($id: ID!, $accepted: Boolean!, $reason: String) { recordUseOfForceResponse(submissionId: $id, accepted: $accepted, reason: $reason) { id state rejectionReason } }';
type Submitted = { submitUseOfForceMonth: { id: string; version: number; state: string; zeroReport: boolean; incidentCount: number; content: string; superseded: boolean } };

async function violation(input: Record<string, unknown>) {
  const error = await client.error('records-staff', RECORD, { input });
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  return error.extensions?.violations as { field: string; rule: string }[];
}

describe('what qualifies for the FBI collection', () => {
  it('records a serious-bodily-injury incident with its subject and officer segments', async () => {
    const data = await client.ok<{ recordUseOfForceIncident: { month: string; qualifiers: string[]; agency: { id: string } } }>('records-staff', RECORD, { input: incident() });
    expect(data.recordUseOfForceIncident).toMatchObject({ month: monthsAgo(3), qualifiers: ['SERIOUS_BODILY_INJURY'], agency: { id: A.lakeCountySheriff } });
  });

  it('refuses an incident with no death, serious injury or firearm discharge, saying it does not qualify', async () => {
    const found = await violation(incident({ qualifiers: [], subjects: [subject({ injuries: ['MINOR_INJURY'] })] }));
    expect(found).toEqual([expect.objectContaining({ field: 'input.qualifiers', rule: 'uof-qualifying-incident' })]);
  });

  it('refuses a qualifier the segments do not show', async () => {
    expect(await violation(incident({ qualifiers: ['DEATH'] }))).toEqual([expect.objectContaining({ field: 'input.qualifiers', rule: 'qualifier-supported' })]);
    expect(await violation(incident({ qualifiers: ['FIREARM_DISCHARGED_AT_PERSON'] }))).toEqual([expect.objectContaining({ rule: 'qualifier-supported' })]);
    expect(await violation(incident({ subjects: [subject({ injuries: ['MINOR_INJURY'] })] }))).toEqual([expect.objectContaining({ rule: 'qualifier-supported' })]);
  });

  it('accepts a firearm discharged at a person even without injury, when an officer segment says so', async () => {
    const input = incident({ qualifiers: ['FIREARM_DISCHARGED_AT_PERSON'], subjects: [subject({ injuries: ['NONE'] })], officers: [officer({ forceTypes: ['FIREARM'], firearmDischarged: true })] });
    expect((await client.ok<{ recordUseOfForceIncident: { version: number } }>('records-staff', RECORD, { input })).recordUseOfForceIncident.version).toBe(1);
  });

  it('needs one officer segment per officer of the agency, no more officers of the agency than in total, and consistent segments', async () => {
    expect(await violation(incident({ officersFromAgency: 2 }))).toEqual([expect.objectContaining({ field: 'input.officers', rule: 'officer-segments' })]);
    expect((await violation(incident({ officersApplyingForce: 1, officersFromAgency: 2, officers: [officer(), officer()] }))).map((v) => v.rule)).toContain('at-most-total');
    expect(await violation(incident({ officers: [officer({ firearmDischarged: true })] }))).toEqual([expect.objectContaining({ field: 'input.officers[0].forceTypes', rule: 'firearm-discharged' })]);
    expect(await violation(incident({ subjects: [subject({ injuries: ['NONE', 'MINOR_INJURY'] })] }))).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'input.subjects[0].injuries', rule: 'none-alone' })]));
    expect(await violation(incident({ officers: [officer({ age: 25, yearsOfService: 15 })] }))).toEqual([expect.objectContaining({ field: 'input.officers[0].yearsOfService', rule: 'plausible' })]);
  });
});

describe('who sees use of force', () => {
  it('lets only the agency’s administrators and records staff record and read it', async () => {
    for (const persona of ['local-officer', 'local-supervisor', 'analyst', 'isp-reporting', 'meg-director']) {
      expect((await client.error(persona, RECORD, { input: incident() })).extensions?.code).toBe('FORBIDDEN');
    }
    const list = await client.ok<{ useOfForceIncidents: { agency: { id: string } }[] }>('records-staff', 'query($m: String!) { useOfForceIncidents(month: $m) { agency { id } } }', { m: monthsAgo(3) });
    expect(list.useOfForceIncidents.every((i) => i.agency.id === A.lakeCountySheriff)).toBe(true);
    // The DOP administrator keeps the division's own incidents, never the sheriff's.
    const other = await client.ok<{ useOfForceIncidents: unknown[] }>('agency-admin', 'query($m: String!) { useOfForceIncidents(month: $m) { id } }', { m: monthsAgo(3) });
    expect(other.useOfForceIncidents).toEqual([]);
  });
});

describe('monthly submissions and the rejection queue', () => {
  it('files a zero report for a month with nothing that qualified', async () => {
    const data = await client.ok<Submitted>('records-staff', SUBMIT, { month: monthsAgo(10) });
    expect(data.submitUseOfForceMonth).toMatchObject({ version: 1, state: 'SUBMITTED', zeroReport: true, incidentCount: 0 });
    expect(JSON.parse(data.submitUseOfForceMonth.content)).toMatchObject({ zeroReport: true, actions: [] });
  });

  it('drafts, submits, is rejected with a reason, waits in the queue, and is resent as the next version', async () => {
    const month = monthsAgo(5);
    await client.ok('records-staff', RECORD, { input: incident({ occurredAt: inMonth(month), agencyIncidentNumber: 'UOF-Q-1' }) });
    const draft = (await client.ok<Submitted>('records-staff', SUBMIT, { month, draft: true })).submitUseOfForceMonth;
    expect(draft).toMatchObject({ version: 1, state: 'DRAFT', incidentCount: 1 });
    const sent = (await client.ok<Submitted>('records-staff', SUBMIT, { month })).submitUseOfForceMonth;
    expect(sent).toMatchObject({ id: draft.id, version: 1, state: 'SUBMITTED' });
    const payload = JSON.parse(sent.content) as { actions: { action: string; actionTime: string; incident: { agencyIncidentNumber: string; subjects: unknown[]; officers: unknown[] } }[] };
    expect(payload.actions).toEqual([expect.objectContaining({ action: 'Add', actionTime: expect.any(String), incident: expect.objectContaining({ agencyIncidentNumber: 'UOF-Q-1' }) })]);

    // Only ISP reporting staff record the receiver's answer, and a rejection needs the reason.
    expect((await client.error('records-staff', RESPOND, { id: sent.id, accepted: false, reason: 'x' })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.error('isp-reporting', RESPOND, { id: sent.id, accepted: false })).extensions?.violations).toEqual([expect.objectContaining({ field: 'reason', rule: 'required-when-rejected' })]);
    const rejected = await client.ok<{ recordUseOfForceResponse: { state: string; rejectionReason: string } }>('isp-reporting', RESPOND, { id: sent.id, accepted: false, reason: 'Subject 1: height out of range for the collection.' });
    expect(rejected.recordUseOfForceResponse).toMatchObject({ state: 'REJECTED', rejectionReason: 'Subject 1: height out of range for the collection.' });
    expect((await client.error('isp-reporting', RESPOND, { id: sent.id, accepted: true })).extensions?.code).toBe('CONFLICT');

    const QUEUE = '{ useOfForceRejections { id month rejectionReason agency { id } } }';
    expect((await client.ok<{ useOfForceRejections: { id: string }[] }>('records-staff', QUEUE)).useOfForceRejections.map((s) => s.id)).toContain(sent.id);
    expect((await client.ok<{ useOfForceRejections: { id: string }[] }>('isp-reporting', QUEUE)).useOfForceRejections.map((s) => s.id)).toContain(sent.id);
    expect((await client.ok<{ useOfForceRejections: { id: string }[] }>('agency-admin', QUEUE)).useOfForceRejections.map((s) => s.id)).not.toContain(sent.id);

    const resent = (await client.ok<Submitted>('records-staff', SUBMIT, { month })).submitUseOfForceMonth;
    expect(resent).toMatchObject({ version: 2, state: 'SUBMITTED' });
    expect((await client.ok<{ useOfForceRejections: { id: string }[] }>('records-staff', QUEUE)).useOfForceRejections.map((s) => s.id)).not.toContain(sent.id);
    const accepted = await client.ok<{ recordUseOfForceResponse: { state: string } }>('isp-reporting', RESPOND, { id: resent.id, accepted: true });
    expect(accepted.recordUseOfForceResponse.state).toBe('ACCEPTED');
    // Accepted and unchanged: there is nothing to send again.
    expect((await client.error('records-staff', SUBMIT, { month })).extensions).toMatchObject({ code: 'CONFLICT', rule: 'unchanged' });
  });

  it('keeps a draft the agency’s own, and a draft correction does not take a rejection out of the queue', async () => {
    const month = monthsAgo(8);
    await client.ok('records-staff', RECORD, { input: incident({ occurredAt: inMonth(month) }) });
    const sent = (await client.ok<Submitted>('records-staff', SUBMIT, { month })).submitUseOfForceMonth;
    await client.ok('isp-reporting', RESPOND, { id: sent.id, accepted: false, reason: 'Officer segment missing years of service.' });
    const draft = (await client.ok<Submitted>('records-staff', SUBMIT, { month, draft: true })).submitUseOfForceMonth;
    expect(draft).toMatchObject({ version: 2, state: 'DRAFT' });
    const ONE = 'query($id: ID!) { useOfForceSubmission(id: $id) { id } }';
    expect((await client.ok<{ useOfForceSubmission: unknown }>('isp-reporting', ONE, { id: draft.id })).useOfForceSubmission).toBeNull();
    expect((await client.ok<{ useOfForceSubmission: { id: string } | null }>('records-staff', ONE, { id: draft.id })).useOfForceSubmission?.id).toBe(draft.id);
    const LIST = 'query($m: String, $a: ID) { useOfForceSubmissions(month: $m, agencyId: $a) { id state } }';
    expect((await client.ok<{ useOfForceSubmissions: { state: string }[] }>('isp-reporting', LIST, { m: month, a: A.lakeCountySheriff })).useOfForceSubmissions.map((s) => s.state)).toEqual(['REJECTED']);
    const QUEUE = '{ useOfForceRejections { id } }';
    expect((await client.ok<{ useOfForceRejections: { id: string }[] }>('isp-reporting', QUEUE)).useOfForceRejections.map((s) => s.id)).toContain(sent.id);
    const resent = (await client.ok<Submitted>('records-staff', SUBMIT, { month })).submitUseOfForceMonth;
    expect(resent).toMatchObject({ id: draft.id, version: 2, state: 'SUBMITTED' });
    expect((await client.ok<{ useOfForceRejections: { id: string }[] }>('isp-reporting', QUEUE)).useOfForceRejections.map((s) => s.id)).not.toContain(sent.id);
  });

  it('sends an incident moved out of the month as a Remove action in the next version', async () => {
    const month = monthsAgo(6);
    const { recordUseOfForceIncident: created } = await client.ok<{ recordUseOfForceIncident: { id: string } }>('records-staff', RECORD, { input: incident({ occurredAt: inMonth(month) }) });
    const first = (await client.ok<Submitted>('records-staff', SUBMIT, { month })).submitUseOfForceMonth;
    // A correction waits for the collection's answer to the version it holds.
    expect((await client.error('records-staff', SUBMIT, { month })).extensions).toMatchObject({ code: 'CONFLICT' });
    await client.ok('isp-reporting', RESPOND, { id: first.id, accepted: true });
    await client.ok('records-staff', 'mutation($id: ID!, $input: UseOfForceIncidentInput!) { updateUseOfForceIncident(id: $id, version: 1, input: $input) { version } }', {
      id: created.id, input: incident({ occurredAt: inMonth(monthsAgo(7)) }),
    });
    const next = (await client.ok<Submitted>('records-staff', SUBMIT, { month })).submitUseOfForceMonth;
    expect(next).toMatchObject({ version: 2, zeroReport: true });
    expect(JSON.parse(next.content).actions).toEqual([expect.objectContaining({ action: 'Remove', incidentId: created.id })]);
    expect((await db.orm('reporting').fork().findOneOrFail(UseOfForceIncident, { id: created.id })).month).toBe(monthsAgo(7));
  });
});
