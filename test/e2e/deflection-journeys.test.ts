import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A } from '@hub/platform/demo';
import { illinoisDate } from '@hub/platform/domain';
import { OutboxEvent } from '@hub/platform/events';
import { startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  hub = await startTestHub();
  for (const persona of ['officer', 'meg-director', 'meg-designee', 'case-manager', 'dci-agent']) tokens[persona] = await hub.tokenFor(persona);
});

afterAll(async () => {
  await hub?.stop();
});

const as = <T>(persona: string, query: string, variables: Record<string, unknown> = {}) => hub.ok<T>(tokens[persona]!, query, variables);

async function refused(persona: string, query: string, variables: Record<string, unknown>) {
  const result = await hub.gql(query, { token: tokens[persona]!, variables });
  expect(result.errors).toBeDefined();
  return result.errors![0]!;
}

const REFER = `mutation($input: QuickReferralInput!) { quickReferral(input: $input, idempotencyKey: null) {
  deflection { id referenceNumber status version initiatingUnit { name } }
  nextSteps { approvalRequired summary
    approvingAgency { name approvers { person { displayName } actingFor { displayName } } }
    caseManagementOrganization { name }
    solutionActionPlan { caseManagerContact { preferredMethod phone } } } } }`;
type Referred = { quickReferral: { deflection: { id: string; status: string; version: number; initiatingUnit: { name: string } };
  nextSteps: { approvalRequired: boolean; approvingAgency: { name: string; approvers: { person: { displayName: string }; actingFor: { displayName: string } | null }[] };
    caseManagementOrganization: { name: string }; solutionActionPlan: { caseManagerContact: { preferredMethod: string; phone: string } } } } };
const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { status version } }`;
const CONTACT = `mutation($input: RecordContactAttemptInput!) { recordContactAttempt(input: $input) { handedOffAt version } }`;
const REVIEW = `mutation($input: RecordReviewInput!) { recordReview(input: $input) { version nextReviewDue } }`;
const CLOSE = `mutation($input: CloseDeflectionInput!) { closeDeflection(input: $input) { status version outcome { kind chargesReleasedAt prosecutingAttorney submittedToProsecutorOn } } }`;
const COUNTED = `query($id: ID!) { agency(id: $id) { deflectionsCounted { value } } }`;

function troopReferral(familyName: string) {
  return {
    person: { givenName: 'Kai', familyName, dateOfBirth: '1992-03-04' },
    pathway: 'OFFICER_INTERVENTION',
    chargesHeldInAbeyance: true,
    county: 'Lake',
    narrative: 'Passenger with a small amount of heroin; agreed to treatment.',
  };
}

/** Deflections reporting counts for the Lake County MEG: the true count (published counts are perturbed). */
async function counted(): Promise<number> {
  const [row] = await hub.db.orm('reporting').fork().execute<{ n: string }[]>(`select count(*) as n from "reporting"."deflection_fact" where attributed_to_id = ?`, [A.lakeCountyMeg]);
  return Number(row!.n);
}

/** What reporting counts for the Lake County MEG once every event the cases subgraph has committed is delivered. */
async function settledCount(): Promise<number> {
  const delivered = async () => (await hub.db.orm('cases').fork().count(OutboxEvent, { publishedAt: null })) === 0;
  if (!(await eventually(delivered))) throw new Error('the cases outbox did not drain');
  return counted();
}

async function eventually(probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('journey: officer refers → MEG director approves → case manager contacted → 90-day review → successful', () => {
  it('runs the whole deflection through the gateway', async () => {
    const before = await settledCount();
    expect(before).toBeGreaterThanOrEqual(10);
    const published = await as<{ agency: { deflectionsCounted: { value: number | null } } }>('meg-director', COUNTED, { id: A.lakeCountyMeg });
    expect(published.agency.deflectionsCounted).toBeDefined();

    const referred = await as<Referred>('officer', REFER, { input: troopReferral('Journey') });
    const { deflection, nextSteps } = referred.quickReferral;
    expect(deflection.status).toBe('PENDING_APPROVAL');
    expect(deflection.initiatingUnit.name).toBe('ISP Division of Patrol, Troop 2');
    expect(nextSteps.approvingAgency.name).toBe('Lake County Metropolitan Enforcement Group');
    expect(nextSteps.approvingAgency.approvers.map((a) => a.person.displayName)).toEqual(['Elaine Marsh', 'Ravi Patel']);
    expect(nextSteps.caseManagementOrganization.name).toContain('TASC');
    expect(nextSteps.solutionActionPlan.caseManagerContact.preferredMethod).toBe('PHONE');
    // Pending approval, it counts for nobody yet (OPS-D9).
    expect(await settledCount()).toBe(before);

    const approved = await as<{ decideApproval: { status: string; version: number } }>('meg-director', DECIDE, {
      input: { deflectionId: deflection.id, version: deflection.version, decision: 'APPROVED', reason: 'Eligible under the Troop 2 SAP.' },
    });
    expect(approved.decideApproval.status).toBe('ACTIVE');

    const at = new Date().toISOString();
    const contacted = await as<{ recordContactAttempt: { handedOffAt: string; version: number } }>('case-manager', CONTACT, {
      input: { deflectionId: deflection.id, at, method: 'PHONE', result: 'HANDED_OFF', caseManagerName: 'Joy Abernathy' },
    });
    expect(contacted.recordContactAttempt.handedOffAt).toBe(at);

    const reviewed = await as<{ recordReview: { version: number } }>('meg-designee', REVIEW, {
      // The hand-off changed the deflection, so the review is made against the version it returned.
      input: { deflectionId: deflection.id, version: contacted.recordContactAttempt.version, heldOn: illinoisDate(), caseManagerName: 'Joy Abernathy', finding: 'SUCCESSFUL' },
    });
    const closed = await as<{ closeDeflection: { status: string; outcome: { kind: string; chargesReleasedAt: string | null } } }>('meg-director', CLOSE, {
      input: { deflectionId: deflection.id, version: reviewed.recordReview.version, outcome: 'SUCCESSFUL' },
    });
    expect(closed.closeDeflection.status).toBe('SUCCESSFUL');
    expect(closed.closeDeflection.outcome.chargesReleasedAt).not.toBeNull();

    const history = await as<{ deflection: { history: { action: string; actor: { displayName: string }; actingFor: { displayName: string } | null }[] } }>('officer',
      'query($id: ID!) { deflection(id: $id) { history { action actor { displayName } actingFor { displayName } } } }', { id: deflection.id });
    expect(history.deflection.history.map((h) => [h.action, h.actor.displayName, h.actingFor?.displayName ?? null])).toEqual([
      ['REFERRED', 'Daniel Reyes', null],
      ['APPROVED', 'Elaine Marsh', null],
      ['CASE_MANAGER_CONTACT', 'Joy Abernathy', null],
      ['REVIEWED', 'Ravi Patel', 'Elaine Marsh'],
      ['CLOSED', 'Elaine Marsh', null],
    ]);
    // The referral reached reporting through the outbox: once approved, it counts for the approving MEG (OPS-D9).
    expect(await settledCount()).toBe(before + 1);
  });
});

describe('journey: a DCI referral without approval is refused', () => {
  it('stays pending, and nothing proceeds until the MEG’s leader approves', async () => {
    const referred = await as<Referred>('dci-agent', REFER, { input: { ...troopReferral('Pending'), pathway: 'PRE_ARREST_DIVERSION', chargesHeldInAbeyance: false } });
    const { deflection } = referred.quickReferral;
    expect(deflection.status).toBe('PENDING_APPROVAL');
    const contact = await refused('dci-agent', CONTACT, { input: { deflectionId: deflection.id, at: new Date().toISOString(), method: 'PHONE', result: 'NO_ANSWER' } });
    expect(contact.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'approval-required' });
    const selfApproval = await refused('dci-agent', DECIDE, { input: { deflectionId: deflection.id, version: deflection.version, decision: 'APPROVED', reason: 'me' } });
    expect(selfApproval.extensions?.code).toBe('FORBIDDEN');
    const caseManager = await refused('case-manager', DECIDE, { input: { deflectionId: deflection.id, version: deflection.version, decision: 'APPROVED', reason: 'me' } });
    expect(caseManager.extensions?.code).toBe('FORBIDDEN');
    const state = await as<{ deflection: { status: string } }>('dci-agent', 'query($id: ID!) { deflection(id: $id) { status } }', { id: deflection.id });
    expect(state.deflection.status).toBe('PENDING_APPROVAL');

    // Once the MEG's leader approves, the same contact goes through.
    const approved = await as<{ decideApproval: { status: string } }>('meg-director', DECIDE, {
      input: { deflectionId: deflection.id, version: deflection.version, decision: 'APPROVED', reason: 'Eligible under the DCI North SAP.' },
    });
    expect(approved.decideApproval.status).toBe('ACTIVE');
    const contacted = await hub.gql(CONTACT, { token: tokens['dci-agent']!, variables: { input: { deflectionId: deflection.id, at: new Date().toISOString(), method: 'PHONE', result: 'NO_ANSWER' } } });
    expect(contacted.errors).toBeUndefined();
  });
});

describe('journey: unsuccessful → prosecutor', () => {
  it('closes an unsuccessful deflection and submits it to the prosecuting attorney', async () => {
    const { deflection } = (await as<Referred>('officer', REFER, { input: troopReferral('Unsuccessful') })).quickReferral;
    const approved = await as<{ decideApproval: { version: number } }>('meg-designee', DECIDE, {
      input: { deflectionId: deflection.id, version: deflection.version, decision: 'APPROVED', reason: 'Approved for the Director.' },
    });
    const reviewed = await as<{ recordReview: { version: number } }>('meg-director', REVIEW, {
      input: { deflectionId: deflection.id, version: approved.decideApproval.version, heldOn: illinoisDate(), caseManagerName: 'Joy Abernathy', finding: 'UNSUCCESSFUL', notes: 'Stopped attending after week 2.' },
    });
    const closed = await as<{ closeDeflection: { status: string; outcome: { prosecutingAttorney: string; submittedToProsecutorOn: string; chargesReleasedAt: string | null } } }>('meg-director', CLOSE, {
      input: {
        deflectionId: deflection.id, version: reviewed.recordReview.version, outcome: 'UNSUCCESSFUL',
        prosecutingAttorney: "Lake County State's Attorney's Office", submittedToProsecutorOn: illinoisDate(),
      },
    });
    expect(closed.closeDeflection).toEqual({
      status: 'UNSUCCESSFUL',
      version: expect.any(Number),
      outcome: { kind: 'UNSUCCESSFUL', prosecutingAttorney: "Lake County State's Attorney's Office", submittedToProsecutorOn: illinoisDate(), chargesReleasedAt: null },
    });
  });
});
