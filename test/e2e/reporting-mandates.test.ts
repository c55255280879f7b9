import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A } from '@hub/platform/demo';
import { illinoisDate, illinoisDayStart, monthOf } from '@hub/platform/domain';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * The mandated reports end to end through the gateway (20 Ill. Adm. Code 1244): a sheriff's records clerk records
 * and submits the month's crisis incidents and downloads the state form; ISP reporting staff see who is late, with
 * agency names from the agencies subgraph; a use-of-force submission is rejected, queued and downloaded.
 */
let hub: TestHub;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  hub = await startTestHub();
  for (const persona of ['records-staff', 'isp-reporting', 'analyst', 'officer', 'local-officer']) tokens[persona] = await hub.tokenFor(persona);
});

afterAll(async () => {
  await hub?.stop();
});

const as = <T>(persona: string, query: string, variables: Record<string, unknown> = {}) => hub.ok<T>(tokens[persona]!, query, variables);

const download = (path: string, persona?: string) => fetch(new URL(path, hub.gatewayUrl), { headers: persona ? { authorization: `Bearer ${tokens[persona]}` } : {} });

const THIS_MONTH = monthOf(illinoisDate());
const lastMonth = (() => {
  const [y, m] = THIS_MONTH.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();
const inLastMonth = (day: number) => new Date(illinoisDayStart(`${lastMonth}-${String(day).padStart(2, '0')}`).getTime() + 20 * 3_600_000).toISOString();

describe('mental-health crisis reports through the gateway', () => {
  it('records, submits and downloads a month as the state form, and shows ISP who has filed', async () => {
    for (const day of [3, 11]) {
      await as('local-officer', 'mutation($input: CrisisIncidentInput!) { recordCrisisIncident(input: $input) { id } }', {
        input: {
          dispatchedAt: inLastMonth(day), dispatchReason: 'Neighbour reports a man on a ledge.', arrival: 'DISPATCHED', levelsOfResponse: ['CIT_TRAINED_OFFICER', 'AMBULANCE'],
          outcomes: ['OFFICER_ADMITTED'], subjectLocated: true, fieldReportWritten: true, callType: 'MENTAL_HEALTH', channel: 'LIVE_ON_SCENE_RESPONSE',
        },
      });
    }
    const { submitCrisisMonth } = await as<{ submitCrisisMonth: { id: string; csvPath: string; jsonPath: string; agency: { name: string }; submittedBy: { displayName: string } } }>(
      'records-staff', 'mutation($m: String!) { submitCrisisMonth(month: $m) { id csvPath jsonPath agency { name } submittedBy { displayName } } }', { m: lastMonth });
    expect(submitCrisisMonth.agency.name).toBe("Lake County Sheriff's Office");
    expect(submitCrisisMonth.submittedBy.displayName).toContain('Hadley');

    const csv = await download(submitCrisisMonth.csvPath, 'records-staff');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]!.split(',')).toEqual(expect.arrayContaining(['level_cit_trained_officer', 'outcome_officer_admitted']));
    // ISP reporting staff receive it too; an analyst may not; another agency's officer finds nothing; no token, 401.
    expect((await download(submitCrisisMonth.jsonPath, 'isp-reporting')).status).toBe(200);
    expect((await download(submitCrisisMonth.csvPath, 'analyst')).status).toBe(403);
    expect((await download(submitCrisisMonth.csvPath, 'officer')).status).toBe(404);
    expect((await download(submitCrisisMonth.csvPath)).status).toBe(401);

    const status = await as<{ crisisReportingStatus: { agency: { id: string; name: string }; standing: string }[] }>(
      'isp-reporting', 'query($m: String!) { crisisReportingStatus(month: $m) { agency { id name } standing } }', { m: lastMonth });
    const sheriff = status.crisisReportingStatus.find((s) => s.agency.id === A.lakeCountySheriff);
    expect(sheriff?.standing).toMatch(/^SUBMITTED/);
    expect(status.crisisReportingStatus.find((s) => s.agency.id === A.dixonPolice)?.agency.name).toBe('Dixon Police Department');
  });

  it('gives analysts crisis statistics, never the incidents', async () => {
    // Whatever the other tests recorded first: one cell over everything, its count shown or withheld.
    const data = await as<{ crisisStatistics: { cells: { values: { measure: string }[] }[] } }>('analyst', '{ crisisStatistics(query: { measures: [INCIDENTS] }) { cells { values { measure value suppressed } } } }');
    expect(data.crisisStatistics.cells).toEqual([{ values: [expect.objectContaining({ measure: 'INCIDENTS' })] }]);
    const refused = await hub.gql('query($m: String!) { crisisIncidents(month: $m) { id } }', { token: tokens.analyst, variables: { m: lastMonth } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('use of force through the gateway', () => {
  it('is rejected by the receiver, waits in the queue with the reason, and downloads in the collection’s JSON form', async () => {
    await as('records-staff', 'mutation($input: UseOfForceIncidentInput!) { recordUseOfForceIncident(input: $input) { id } }', {
      input: {
        occurredAt: inLastMonth(7), qualifiers: ['SERIOUS_BODILY_INJURY'], officersApplyingForce: 1, officersFromAgency: 1, location: 'Route 41 at Wadsworth Rd',
        locationType: 'STREET_HIGHWAY_ROAD', initialContactReason: 'TRAFFIC_STOP', officersApproached: true, ambush: false, supervisor: 'PRESENT',
        subjects: [{ age: 29, sex: 'MALE', race: 'BLACK_OR_AFRICAN_AMERICAN', ethnicity: 'NOT_HISPANIC_OR_LATINO', injuries: ['APPARENT_BROKEN_BONES'], forceTypes: ['TAKEDOWN'], resistance: ['FLED'], perceivedConditions: ['NONE'], armed: 'UNARMED' }],
        officers: [{ age: 33, sex: 'FEMALE', race: 'WHITE', ethnicity: 'HISPANIC_OR_LATINO', yearsOfService: 8, fullTime: true, onDuty: true, injured: false, forceTypes: ['TAKEDOWN'], firearmDischarged: false }],
      },
    });
    const { submitUseOfForceMonth } = await as<{ submitUseOfForceMonth: { id: string; jsonPath: string } }>('records-staff', 'mutation($m: String!) { submitUseOfForceMonth(month: $m) { id jsonPath } }', { m: lastMonth });
    await as('isp-reporting', 'mutation($id: ID!) { recordUseOfForceResponse(submissionId: $id, accepted: false, reason: "Location type does not match the address.") { state } }', { id: submitUseOfForceMonth.id });
    const queue = await as<{ useOfForceRejections: { id: string; rejectionReason: string; agency: { name: string } }[] }>('records-staff', '{ useOfForceRejections { id rejectionReason agency { name } } }');
    expect(queue.useOfForceRejections).toEqual([expect.objectContaining({ id: submitUseOfForceMonth.id, rejectionReason: 'Location type does not match the address.' })]);

    const file = await download(submitUseOfForceMonth.jsonPath, 'records-staff');
    expect(file.status).toBe(200);
    const body = (await file.json()) as { actions: { action: string; actionTime: string; incident: { subjects: unknown[]; officers: unknown[] } }[] };
    expect(body.actions).toEqual([expect.objectContaining({ action: 'Add', incident: expect.objectContaining({ subjects: [expect.any(Object)], officers: [expect.any(Object)] }) })]);
    // Use of force is the agency's and ISP's only.
    expect((await download(submitUseOfForceMonth.jsonPath, 'analyst')).status).toBe(403);
    expect((await download(submitUseOfForceMonth.jsonPath, 'local-officer')).status).toBe(403);
  });
});
