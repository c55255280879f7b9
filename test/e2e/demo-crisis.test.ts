import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { requestHash } from '@hub/platform/db';
import { DEMO_AGENCY as A, DEMO_CRISIS_FILERS, demoCrisisHistory, type DemoCrisisHistory } from '@hub/platform/demo';
import { crisisReportDueOn, illinoisDate } from '@hub/platform/domain';
import { Violations } from '@hub/platform/errors';
import { fieldsOfIncident, incidentsHash, snapshotOf } from '../../subgraphs/reporting/src/crisis/fields.js';
import { CrisisIncident, CrisisSubmission } from '../../subgraphs/reporting/src/entities/crisis.entity.js';
import { UseOfForceIncident } from '../../subgraphs/reporting/src/entities/use-of-force.entity.js';
import { checkCrisisIncident, crisisMonthOf } from '../../subgraphs/reporting/src/rules/crisis-rules.js';
import { checkUseOfForce } from '../../subgraphs/reporting/src/rules/use-of-force-rules.js';
import type { UseOfForceFields } from '../../subgraphs/reporting/src/use-of-force/fields.js';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * The crisis and use-of-force year that `npm start` loads (20 Ill. Adm. Code 1244): a year of incidents for the
 * demo agencies that file, one agency late with the month now due, one rejected use-of-force submission in the queue.
 */
let hub: TestHub;
let history: DemoCrisisHistory;
const tokens: Record<string, string> = {};

const seededAt = new Date();

beforeAll(async () => {
  hub = await startTestHub({ history: true, now: seededAt });
  history = demoCrisisHistory(seededAt);
  for (const persona of ['records-staff', 'isp-reporting', 'agency-admin']) tokens[persona] = await hub.tokenFor(persona);
}, 240_000);

afterAll(async () => {
  await hub?.stop();
});

const as = <T>(persona: string, query: string, variables: Record<string, unknown> = {}) => hub.ok<T>(tokens[persona]!, query, variables);

const reporting = () => hub.db.orm('reporting').fork();

type Status = { agency: { id: string }; standing: string; incidents: number };
async function statusOf(month: string): Promise<Map<string, Status>> {
  const data = await as<{ crisisReportingStatus: Status[] }>('isp-reporting', 'query($m: String!) { crisisReportingStatus(month: $m) { agency { id } standing incidents } }', { m: month });
  return new Map(data.crisisReportingStatus.map((s) => [s.agency.id, s]));
}

type Version = { version: number; superseded: boolean; late: boolean; zeroReport: boolean; incidentCount: number };
async function versionsOf(persona: string, month: string, agencyId?: string): Promise<Version[]> {
  const data = await as<{ crisisSubmissions: Version[] }>(
    persona, 'query($m: String!, $a: ID) { crisisSubmissions(month: $m, agencyId: $a) { version superseded late zeroReport incidentCount } }', { m: month, a: agencyId ?? null },
  );
  return data.crisisSubmissions;
}

describe('the demo crisis year', () => {
  it('is the same for every `now` of one Illinois day: incidents, submissions and use of force', () => {
    expect(JSON.stringify(demoCrisisHistory(new Date(seededAt.getTime() + 1000)))).toBe(JSON.stringify(history));
  });

  it('gives each filing agency a volume of its own over the year, none dispatched today or later', () => {
    const per = (agencyId: string) => history.incidents.filter((i) => i.agencyId === agencyId).length;
    expect(per(A.lakeCountySheriff)).toBeGreaterThan(240);
    expect(per(A.ispDopTroop2)).toBeGreaterThan(80);
    expect(per(A.dixonPolice)).toBeGreaterThan(25);
    expect(per(A.dixonPolice)).toBeLessThan(per(A.ispDopTroop2));
    expect(per(A.ispDop)).toBeLessThan(per(A.dixonPolice));
    expect(history.incidents.every((i) => i.dispatchedAt < history.asOf && i.recordedAt < history.asOf)).toBe(true);
  });

  it('writes every incident of the year, and every one passes the 1244 checks the commands apply', async () => {
    const rows = await reporting().find(CrisisIncident, {});
    expect(rows.map((r) => r.id).sort()).toEqual(history.incidents.map((i) => i.id).sort());
    for (const row of rows) {
      const v = new Violations();
      checkCrisisIncident(v, fieldsOfIncident(row), seededAt, row.agencyIncidentNumber ?? row.id);
      expect(v.list).toEqual([]);
      expect(row.month).toBe(crisisMonthOf(row.dispatchedAt));
    }
  });

  it('files every version with what the commands would snapshot: the version in force matches the incidents now', async () => {
    const em = reporting();
    const incidents = await em.find(CrisisIncident, {}, { orderBy: { dispatchedAt: 'asc', id: 'asc' } });
    const current = await em.find(CrisisSubmission, { supersededAt: null }, { populate: ['incidents'] });
    expect(current.length).toBeGreaterThan(40);
    for (const submission of current) {
      const now = incidents.filter((i) => i.agencyId === submission.agencyId && i.month === submission.month).map(snapshotOf);
      // Submitting the month again would be refused as unchanged.
      expect(requestHash(submission.incidents)).toBe(requestHash(now));
      expect(submission.incidentCount).toBe(now.length);
      expect(submission.incidentsHash).toBe(incidentsHash(incidents.filter((i) => i.agencyId === submission.agencyId && i.month === submission.month)));
    }
  });
});

describe('ISP reporting staff over the demo year', () => {
  it('see one agency late with the month now due: Dixon Police LATE, the sheriff SUBMITTED, the other demo filers filed', async () => {
    const { agencyId, month } = history.late;
    expect(agencyId).toBe(A.dixonPolice);
    expect(crisisReportDueOn(month) < illinoisDate(seededAt)).toBe(true);
    const status = await statusOf(month);
    expect(status.get(A.dixonPolice)?.standing).toBe('LATE');
    expect(status.get(A.lakeCountySheriff)?.standing).toBe('SUBMITTED');
    expect(status.get(A.lakeCountySheriff)?.incidents).toBeGreaterThan(0);
    for (const filer of DEMO_CRISIS_FILERS.filter((id) => id !== A.dixonPolice)) expect(status.get(filer)?.standing).toMatch(/^SUBMITTED/);
    // Every agency that must file is in the demo filers, so Dixon is the only one late.
    expect([...status.entries()].filter(([, s]) => s.standing === 'LATE').map(([id]) => id)).toEqual([A.dixonPolice]);
  });

  it('see the one month filed after its due date as SUBMITTED_LATE, and Dixon on time before it fell behind', async () => {
    const late = history.submissions.filter((s) => s.version === 1 && illinoisDate(s.submittedAt) > crisisReportDueOn(s.month));
    expect(late).toHaveLength(1);
    const status = await statusOf(late[0]!.month);
    expect(status.get(late[0]!.agencyId)?.standing).toBe('SUBMITTED_LATE');
    expect(status.get(A.dixonPolice)?.standing).toBe('SUBMITTED');
  });

  it('see a month in which a small agency had no crisis call filed as an explicit zero report', async () => {
    const zero = history.submissions.find((s) => s.agencyId === A.dixonPolice && !history.incidents.some((i) => i.agencyId === A.dixonPolice && i.month === s.month));
    expect(zero).toBeDefined();
    expect(await versionsOf('isp-reporting', zero!.month, A.dixonPolice)).toEqual([{ version: 1, superseded: false, late: false, zeroReport: true, incidentCount: 0 }]);
  });
});

describe("the sheriff's records staff over the demo year", () => {
  it('see a corrected month as version 2 in force and version 1 superseded, standing SUBMITTED (no correction pending)', async () => {
    const corrected = history.submissions.filter((s) => s.agencyId === A.lakeCountySheriff && s.version === 2).map((s) => s.month);
    expect(corrected).toHaveLength(2);
    for (const month of corrected) {
      const versions = await versionsOf('records-staff', month);
      expect(versions.map((v) => [v.version, v.superseded, v.late])).toEqual([[2, false, false], [1, true, false]]);
      expect((await statusOf(month)).get(A.lakeCountySheriff)?.standing).toBe('SUBMITTED');
    }
    // One correction amended an incident; the other added one the deputies had not entered before the first filing.
    const counts = await Promise.all(corrected.map(async (month) => (await versionsOf('records-staff', month)).map((v) => v.incidentCount)));
    expect(counts.some(([v2, v1]) => v2 === v1! + 1)).toBe(true);
    expect(counts.some(([v2, v1]) => v2 === v1)).toBe(true);
    const amended = history.incidents.filter((i) => i.correction);
    expect(amended).toHaveLength(1);
    const row = await reporting().findOneOrFail(CrisisIncident, { id: amended[0]!.id });
    expect({ version: row.version, updatedById: row.updatedById, month: corrected.includes(row.month) }).toEqual({ version: 2, updatedById: amended[0]!.correction!.byId, month: true });
  });
});

describe('use of force over the demo year', () => {
  it('writes a handful of incidents, each qualifying and supported by its subject and officer segments', async () => {
    const rows = await reporting().find(UseOfForceIncident, {});
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(8);
    for (const row of rows) {
      const fields: UseOfForceFields = {
        agencyIncidentNumber: row.agencyIncidentNumber ?? null, occurredAt: row.occurredAt, qualifiers: [...row.qualifiers], officersApplyingForce: row.officersApplyingForce,
        officersFromAgency: row.officersFromAgency, location: row.location, locationType: row.locationType, initialContactReason: row.initialContactReason,
        officersApproached: row.officersApproached, ambush: row.ambush, supervisor: row.supervisor, subjects: row.subjects, officers: row.officers,
      };
      const v = new Violations();
      checkUseOfForce(v, fields, seededAt, row.agencyIncidentNumber ?? row.id);
      expect(v.list).toEqual([]);
    }
  });

  it('has exactly one rejected submission waiting, with the receiver’s reason: ISP and the sheriff see it, another agency does not', async () => {
    const query = '{ useOfForceRejections { id agency { id } month state rejectionReason superseded incidentCount } }';
    const isp = (await as<{ useOfForceRejections: { id: string; agency: { id: string }; rejectionReason: string; incidentCount: number }[] }>('isp-reporting', query)).useOfForceRejections;
    expect(isp).toHaveLength(1);
    expect(isp[0]).toMatchObject({ agency: { id: A.lakeCountySheriff }, state: 'REJECTED', superseded: false, rejectionReason: 'Subject 1: weight missing while height is given; resubmit with both or neither.' });
    expect(isp[0]!.incidentCount).toBeGreaterThan(0);
    const sheriff = (await as<{ useOfForceRejections: { id: string }[] }>('records-staff', query)).useOfForceRejections;
    expect(sheriff.map((s) => s.id)).toEqual([isp[0]!.id]);
    expect((await as<{ useOfForceRejections: unknown[] }>('agency-admin', query)).useOfForceRejections).toEqual([]);
  });

  it("files the sheriff's months with the collection, zero reports included, every answered one accepted but the rejection", async () => {
    const data = await as<{ useOfForceSubmissions: { month: string; state: string; zeroReport: boolean }[] }>('records-staff', '{ useOfForceSubmissions { month state zeroReport } }');
    const months = data.useOfForceSubmissions;
    expect(months.length).toBeGreaterThanOrEqual(11);
    expect(months.some((m) => m.zeroReport)).toBe(true);
    expect(months.filter((m) => m.state === 'REJECTED')).toHaveLength(1);
    expect(months.every((m) => ['ACCEPTED', 'REJECTED', 'SUBMITTED'].includes(m.state))).toBe(true);
  });
});
