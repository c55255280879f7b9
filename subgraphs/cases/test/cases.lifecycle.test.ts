import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A, DEMO_PERSON as P, DEMO_PLAN as PLAN } from '@hub/platform/demo';
import { addDays, illinoisDate } from '@hub/platform/domain';
import { OutboxEvent } from '@hub/platform/events';
import { type Actor } from '@hub/platform/identity';
import { type RunningSubgraph, runSubgraph } from '@hub/platform/subgraph';
import { requirePersona, type SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { startCasesWithAgencies } from './support.js';
import { Deflection } from '../src/entities/deflection.entity.js';
import { Incident } from '../src/entities/incident.entity.js';
import { Participant } from '../src/entities/participant.entity.js';
import { demoDeflectionId } from '../src/seed/demo-data.js';

let db: TestDatabase;
let client: SubgraphClient<Context>;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ db, client, stop } = await startCasesWithAgencies());
});

afterAll(async () => {
  await stop?.();
});

const REFER = `mutation($input: QuickReferralInput!, $key: String) { quickReferral(input: $input, idempotencyKey: $key) {
  deflection { id referenceNumber status pathway county version approvalRequired initiatingUnit { id } countsFor { id } caseManagementOrganization { id }
    solutionActionPlan { id } nextReviewDue participant { id } priorDeflectionCount history { action toStatus actor { id } } }
  nextSteps { approvalRequired approvingAgency { id } caseManagementOrganization { id } summary } } }`;

type Referred = {
  quickReferral: {
    deflection: { id: string; referenceNumber: string; status: string; county: string; version: number; approvalRequired: boolean; initiatingUnit: { id: string }; countsFor: { id: string } | null;
      caseManagementOrganization: { id: string }; solutionActionPlan: { id: string }; nextReviewDue: string | null; participant: { id: string }; priorDeflectionCount: number;
      history: { action: string; toStatus: string | null; actor: { id: string } }[] };
    nextSteps: { approvalRequired: boolean; approvingAgency: { id: string } | null; caseManagementOrganization: { id: string }; summary: string };
  };
};

let uniquePerson = 0;
/** Matching ignores digits in names (OPS-D10), so test people differ by letters: Testerb, Testerc, … */
function person(over: Record<string, unknown> = {}) {
  uniquePerson += 1;
  const suffix = uniquePerson.toString(26).split('').map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
  return { givenName: 'Alex', familyName: `Tester${suffix}`, dateOfBirth: '1990-01-01', ...over };
}

const refer = (as: string | Actor, input: Record<string, unknown>, key?: string) => client.run<Referred>(as, REFER, { input, key });
const referOk = async (as: string | Actor, input: Record<string, unknown>, key?: string) => (await client.ok<Referred>(as, REFER, { input, key })).quickReferral;
const referError = (as: string | Actor, input: Record<string, unknown>) => client.error(as, REFER, { input });

const sheriffReferral = (over: Record<string, unknown> = {}) => ({ person: person(), pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help at the jail lobby.', ...over });
const troopReferral = (over: Record<string, unknown> = {}) => ({
  person: person(), pathway: 'OFFICER_INTERVENTION', chargesHeldInAbeyance: true, county: 'Lake', narrative: 'Passenger with paraphernalia during a traffic stop.', ...over,
});

async function counts() {
  const em = db.orm('cases').fork();
  return { deflections: await em.count(Deflection, {}), participants: await em.count(Participant, {}), incidents: await em.count(Incident, {}), events: await em.count(OutboxEvent, {}) };
}

describe('quick referral (FB-1)', () => {
  it('derives the unit, plan and case-management organisation, and says what happens next', async () => {
    const result = await referOk('local-officer', sheriffReferral());
    expect(result.deflection).toMatchObject({ status: 'ACTIVE', county: 'Lake', approvalRequired: false, countsFor: null, caseManagementOrganization: { id: A.tasc } });
    expect(result.deflection.initiatingUnit).toEqual({ id: A.lakeCountySheriff });
    expect(result.deflection.solutionActionPlan).toEqual({ id: PLAN.lakeCountySheriff });
    expect(result.deflection.referenceNumber).toMatch(/^DFL-\d{4}-\d{6}$/);
    expect(result.deflection.nextReviewDue).toBe(addDays(illinoisDate(), 90));
    expect(result.nextSteps.summary).toContain('TASC');
    expect(result.deflection.history).toEqual([{ action: 'REFERRED', toStatus: 'ACTIVE', actor: { id: P.deputyLindqvist } }]);
  });

  it('keeps a DOP deflection to a MEG pending until approval, counting for that MEG (OPS-D3, OPS-D9)', async () => {
    const result = await referOk('officer', troopReferral());
    expect(result.deflection).toMatchObject({ status: 'PENDING_APPROVAL', approvalRequired: true, countsFor: { id: A.lakeCountyMeg }, nextReviewDue: null });
    expect(result.nextSteps).toMatchObject({ approvalRequired: true, approvingAgency: { id: A.lakeCountyMeg } });
    expect(result.nextSteps.summary).toContain('Lake County Metropolitan Enforcement Group');
  });

  it('uses the county plan of a unit that has one (DuPage → DuPage MEG)', async () => {
    const result = await referOk('officer', troopReferral({ county: 'DuPage' }));
    expect(result.deflection.solutionActionPlan).toEqual({ id: PLAN.troop2DuPage });
    expect(result.deflection.countsFor).toEqual({ id: A.duPageMeg });
  });

  it('asks for the county when the unit serves several', async () => {
    const error = await referError('officer', troopReferral({ county: null }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.county', rule: 'required' });
  });

  it('links a second deflection of the same person to the first (OPS-D10)', async () => {
    const someone = person({ givenName: 'Sam', familyName: 'Repeat', dateOfBirth: '1985-02-02' });
    const first = await referOk('local-officer', sheriffReferral({ person: someone }));
    const second = await referOk('local-officer', sheriffReferral({ person: { ...someone, givenName: 'SAM', familyName: 'repeat ' } }));
    expect(second.deflection.participant.id).toBe(first.deflection.participant.id);
    expect(second.deflection.priorDeflectionCount).toBe(1);
    expect(second.deflection.status).toBe('ACTIVE');
  });

  it('refuses analysts and treatment providers', async () => {
    expect((await referError('analyst', sheriffReferral())).extensions?.code).toBe('FORBIDDEN');
    expect((await referError('provider', sheriffReferral())).extensions?.code).toBe('FORBIDDEN');
  });

  it('names every broken field at once, and writes nothing', async () => {
    const before = await counts();
    const error = await referError('local-officer', sheriffReferral({ narrative: '  ', person: person({ givenName: '' }) }));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (error.extensions?.violations as { field: string }[]).map((v) => v.field);
    expect(fields).toEqual(expect.arrayContaining(['input.person.givenName', 'input.narrative']));
    expect(await counts()).toEqual(before);
  });
});

describe('pathway rules (OPS-D2)', () => {
  it('rejects a pathway that is not enabled in the unit’s SAP', async () => {
    const dixon: Actor = { personId: P.officerDuarte, agencyId: A.dixonPolice, roles: ['OFFICER'], actingFor: null };
    const error = await referError(dixon, troopReferral({ county: 'Lee' }));
    expect(error.extensions).toMatchObject({ field: 'input.pathway', rule: 'pathway-enabled-in-sap' });
  });

  it('rejects officer intervention by a fire department (law enforcement only)', async () => {
    const error = await referError('firefighter', troopReferral({ county: 'Peoria' }));
    const rules = (error.extensions?.violations as { rule: string }[]).map((v) => v.rule);
    expect(rules).toContain('law-enforcement-only');
  });

  it('rejects officer intervention without charges held in abeyance or a non-criminal citation', async () => {
    const error = await referError('local-officer', troopReferral({ chargesHeldInAbeyance: false }));
    expect(error.extensions).toMatchObject({ field: 'input.chargesHeldInAbeyance', rule: 'abeyance-or-citation' });
  });

  it('accepts officer intervention with a non-criminal citation instead of charges in abeyance', async () => {
    const result = await referOk('local-officer', troopReferral({ chargesHeldInAbeyance: false, nonCriminalCitation: true }));
    expect(result.deflection.status).toBe('ACTIVE');
  });

  it('rejects officer prevention by law enforcement when charges were filed', async () => {
    const error = await referError('local-officer', { ...sheriffReferral(), pathway: 'OFFICER_PREVENTION', personInitiated: false, chargesFiled: true });
    expect(error.extensions).toMatchObject({ field: 'input.chargesFiled', rule: 'no-charges' });
  });

  it('rejects officer prevention by law enforcement when an arrest was made', async () => {
    const error = await referError('local-officer', { ...sheriffReferral(), pathway: 'OFFICER_PREVENTION', personInitiated: false, arrestMade: true });
    expect(error.extensions).toMatchObject({ field: 'input.arrestMade', rule: 'no-arrest' });
  });

  it('rejects naloxone plus for someone without a recent overdose', async () => {
    const error = await referError('local-officer', { ...sheriffReferral(), pathway: 'NALOXONE_PLUS', personInitiated: false });
    expect(error.extensions).toMatchObject({ field: 'input.recentOverdose', rule: 'recent-overdose' });
  });

  it('rejects a self-referral the person did not initiate', async () => {
    const error = await referError('local-officer', sheriffReferral({ personInitiated: false }));
    expect(error.extensions).toMatchObject({ field: 'input.personInitiated', rule: 'person-initiated' });
  });

  it('rejects charges held in abeyance on any pathway but officer intervention', async () => {
    const error = await referError('local-officer', sheriffReferral({ chargesHeldInAbeyance: true }));
    expect(error.extensions).toMatchObject({ field: 'input.chargesHeldInAbeyance', rule: 'officer-intervention-only' });
  });
});

describe('eligibility under the SAP (OPS-D1)', () => {
  it('rejects a person younger than the plan’s minimum age', async () => {
    const error = await referError('local-officer', sheriffReferral({ person: person({ dateOfBirth: addDays(illinoisDate(), -365 * 16) }) }));
    expect(error.extensions).toMatchObject({ field: 'input.person.dateOfBirth', rule: 'sap-minimum-age' });
  });

  it('rejects a person with an active warrant where the plan excludes them', async () => {
    const error = await referError('local-officer', sheriffReferral({ eligibility: { hasActiveWarrant: true } }));
    expect(error.extensions).toMatchObject({ field: 'input.eligibility.hasActiveWarrant', rule: 'sap-excludes-active-warrants' });
  });

  it('accepts a person with an active warrant where the plan allows it (checklist)', async () => {
    const result = await referOk('officer', troopReferral({ eligibility: { hasActiveWarrant: true } }));
    expect(result.deflection.status).toBe('PENDING_APPROVAL');
  });

  it('rejects an offence the plan excludes', async () => {
    const error = await referError('local-officer', sheriffReferral({ eligibility: { offenses: ['delivery of a controlled substance'] } }));
    expect(error.extensions).toMatchObject({ field: 'input.eligibility.offenses', rule: 'sap-excluded-offense' });
  });
});

describe('idempotency keys on create mutations', () => {
  it('answers a retried referral with the first result and creates nothing more', async () => {
    const input = sheriffReferral();
    const first = await referOk('local-officer', input, 'phone-retry-1');
    const before = await counts();
    const again = await referOk('local-officer', input, 'phone-retry-1');
    expect(again.deflection.id).toBe(first.deflection.id);
    expect(await counts()).toEqual(before);
  });

  it('rejects the same key with different input, naming the key', async () => {
    await referOk('local-officer', sheriffReferral(), 'phone-retry-2');
    const result = await refer('local-officer', sheriffReferral(), 'phone-retry-2');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey', rule: 'same-input' });
  });
});

const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { id status version nextReviewDue
  approval { decision reason decidedBy { id } actingFor { id } } history { action fromStatus toStatus actor { id } actingFor { id } } } }`;
type Decided = { decideApproval: { status: string; version: number; nextReviewDue: string | null; approval: { decision: string; reason: string; decidedBy: { id: string }; actingFor: { id: string } | null }; history: { action: string; fromStatus: string | null; toStatus: string | null; actor: { id: string }; actingFor: { id: string } | null }[] } };

async function pendingTroopDeflection() {
  return (await referOk('officer', troopReferral())).deflection;
}

describe('approval (OPS-D3)', () => {
  it('lets the MEG Director approve, starting the 90-day review clock', async () => {
    const d = await pendingTroopDeflection();
    const result = await client.ok<Decided>('meg-director', DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'Eligible; collateral person.' } });
    expect(result.decideApproval).toMatchObject({ status: 'ACTIVE', approval: { decision: 'APPROVED', decidedBy: { id: P.directorMarsh }, actingFor: null } });
    expect(result.decideApproval.nextReviewDue).toBe(addDays(illinoisDate(), 90));
  });

  it('lets a designee valid today approve, recording for whom they acted (OPS-D10)', async () => {
    const d = await pendingTroopDeflection();
    const result = await client.ok<Decided>('meg-designee', DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'Approved for the Director.' } });
    expect(result.decideApproval.approval).toMatchObject({ decidedBy: { id: P.inspectorPatel }, actingFor: { id: P.directorMarsh } });
    expect(result.decideApproval.history.at(-1)).toEqual({ action: 'APPROVED', fromStatus: 'PENDING_APPROVAL', toStatus: 'ACTIVE', actor: { id: P.inspectorPatel }, actingFor: { id: P.directorMarsh } });
  });

  it('lets the leader decline, with a reason', async () => {
    const d = await pendingTroopDeflection();
    const result = await client.ok<Decided>('meg-director', DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'DECLINED', reason: 'Target of an open investigation.' } });
    expect(result.decideApproval.status).toBe('DECLINED');
    expect(result.decideApproval.approval).toMatchObject({ decision: 'DECLINED', reason: 'Target of an open investigation.', decidedBy: { id: P.directorMarsh } });
    expect(result.decideApproval.nextReviewDue).toBeNull();
  });

  it('requires a reason for the decision', async () => {
    const d = await pendingTroopDeflection();
    const error = await client.error('meg-director', DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'DECLINED', reason: ' ' } });
    expect(error.extensions).toMatchObject({ field: 'input.reason', rule: 'required' });
  });

  it('refuses the referring officer and their supervisor', async () => {
    const d = await pendingTroopDeflection();
    for (const who of ['officer', 'supervisor']) {
      const error = await client.error(who, DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'x' } });
      expect(error.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses the director of another MEG, without revealing the deflection', async () => {
    const d = await pendingTroopDeflection();
    const other: Actor = { personId: P.directorBaptiste, agencyId: A.megSouthwesternIllinois, roles: ['MEG_DIRECTOR'], actingFor: null };
    const error = await client.error(other, DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'x' } });
    expect(error).toMatchObject({ message: 'You are not allowed to do this.', extensions: { code: 'FORBIDDEN' } });
    const none = await client.error(other, DECIDE, { input: { deflectionId: '00000000-0000-4000-8000-000000000000', version: d.version, decision: 'APPROVED', reason: 'x' } });
    expect(error).toEqual(none);
  });

  it('refuses a designee whose designation is no longer valid', async () => {
    const d = await pendingTroopDeflection();
    const lapsed: Actor = { personId: P.formerTrooperVance, agencyId: A.lakeCountyMeg, roles: ['DESIGNEE'], actingFor: P.directorMarsh };
    const error = await client.error(lapsed, DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'x' } });
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects a decision made on a stale version with CONFLICT, and a second decision as already decided', async () => {
    const d = await pendingTroopDeflection();
    await client.ok('meg-director', DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'ok' } });
    const stale = await client.error('meg-designee', DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'DECLINED', reason: 'no' } });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    const again = await client.error('meg-director', DECIDE, { input: { deflectionId: d.id, version: d.version + 1, decision: 'APPROVED', reason: 'ok' } });
    expect(again.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'lifecycle' });
  });
});

const CONTACT = `mutation($input: RecordContactAttemptInput!, $key: String) { recordContactAttempt(input: $input, idempotencyKey: $key) {
  id handedOffAt contactAttempts { method result caseManagerName by { id } } } }`;
const DISPOSITION = `mutation($input: RecordDispositionInput!) { recordDisposition(input: $input) { version disposition { kind reportNumber recordsSystem } } }`;

describe('no approval, no deflection (OPS-D3)', () => {
  it('refuses to contact the case manager for a DCI deflection before approval', async () => {
    const agent = await referOk('dci-agent', troopReferral({ pathway: 'PRE_ARREST_DIVERSION', chargesHeldInAbeyance: false }));
    expect(agent.deflection.status).toBe('PENDING_APPROVAL');
    const error = await client.error('dci-agent', CONTACT, { input: { deflectionId: agent.deflection.id, at: new Date().toISOString(), method: 'PHONE', result: 'NO_ANSWER' } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deflectionId', rule: 'approval-required' });
  });

  it('refuses to record the criminal-deflection disposition before approval', async () => {
    const d = await pendingTroopDeflection();
    const error = await client.error('officer', DISPOSITION, { input: { deflectionId: d.id, version: d.version, reportNumber: 'TR-26-1', recordsSystem: 'TRACS' } });
    expect(error.extensions).toMatchObject({ rule: 'approval-required' });
  });
});

async function activeTroopDeflection() {
  const d = await pendingTroopDeflection();
  const decided = await client.ok<Decided>('meg-director', DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'ok' } });
  return { id: d.id, version: decided.decideApproval.version };
}

describe('disposition and case-manager contact (OPS-D4, OPS-D6)', () => {
  it('records the disposition as a criminal deflection with the TraCS report number', async () => {
    const d = await activeTroopDeflection();
    const result = await client.ok<{ recordDisposition: { disposition: unknown } }>('officer', DISPOSITION, { input: { deflectionId: d.id, version: d.version, reportNumber: 'TR-26-77881', recordsSystem: 'TRACS' } });
    expect(result.recordDisposition.disposition).toEqual({ kind: 'CRIMINAL_DEFLECTION', reportNumber: 'TR-26-77881', recordsSystem: 'TRACS' });
  });

  it('records each contact attempt and the hand-off, which must name the case manager', async () => {
    const d = await activeTroopDeflection();
    const at = new Date().toISOString();
    await client.ok('officer', CONTACT, { input: { deflectionId: d.id, at, method: 'PHONE', result: 'NO_ANSWER' } });
    const missing = await client.error('officer', CONTACT, { input: { deflectionId: d.id, at, method: 'PHONE', result: 'HANDED_OFF' } });
    expect(missing.extensions).toMatchObject({ field: 'input.caseManagerName', rule: 'required-for-hand-off' });
    const result = await client.ok<{ recordContactAttempt: { handedOffAt: string; contactAttempts: { result: string }[] } }>('case-manager', CONTACT, {
      input: { deflectionId: d.id, at, method: 'IN_PERSON', result: 'HANDED_OFF', caseManagerName: 'Joy Abernathy' },
    });
    expect(result.recordContactAttempt.contactAttempts.map((c) => c.result)).toEqual(['NO_ANSWER', 'HANDED_OFF']);
    expect(result.recordContactAttempt.handedOffAt).toBe(at);
  });

  it('records a retried contact attempt once', async () => {
    const d = await activeTroopDeflection();
    const input = { deflectionId: d.id, at: new Date().toISOString(), method: 'PHONE', result: 'LEFT_MESSAGE' };
    await client.ok('officer', CONTACT, { input, key: 'contact-1' });
    const again = await client.ok<{ recordContactAttempt: { contactAttempts: unknown[] } }>('officer', CONTACT, { input, key: 'contact-1' });
    expect(again.recordContactAttempt.contactAttempts).toHaveLength(1);
  });
});

const EVIDENCE = `mutation($input: RecordEvidenceInput!) { recordEvidence(input: $input) { evidence { id disposed responsibleUnit { id } handling { action } } } }`;
const DISPOSE = `mutation($input: DisposeEvidenceInput!) { disposeEvidence(input: $input) { evidence { id disposed disposalMethod } } }`;
const CLOSE = `mutation($input: CloseDeflectionInput!) { closeDeflection(input: $input) { status version nextReviewDue
  outcome { kind chargesReleasedAt prosecutingAttorney submittedToProsecutorOn reason } } }`;
type Closed = { closeDeflection: { status: string; version: number; outcome: { kind: string; chargesReleasedAt: string | null; prosecutingAttorney: string | null; submittedToProsecutorOn: string | null } } };

describe('evidence (OPS-D5, OPS-D8)', () => {
  it('keeps a case open while evidence is undisposed, and closes it once disposed', async () => {
    const d = await activeTroopDeflection();
    const recorded = await client.ok<{ recordEvidence: { evidence: { id: string; responsibleUnit: { id: string }; handling: { action: string }[] }[] } }>('officer', EVIDENCE, {
      input: { deflectionId: d.id, description: 'Digital scale', seizedAt: new Date(Date.now() - 60_000).toISOString() },
    });
    const item = recorded.recordEvidence.evidence[0]!;
    expect(item.responsibleUnit.id).toBe(A.ispDopTroop2);
    expect(item.handling.map((h) => h.action)).toEqual(['SEIZED']);
    const refused = await client.error('meg-director', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'SUCCESSFUL' } });
    expect(refused.extensions).toMatchObject({ field: 'input.deflectionId', rule: 'evidence-disposed' });
    const open = await client.ok<{ deflection: { status: string } }>('officer', 'query($id: ID!) { deflection(id: $id) { status } }', { id: d.id });
    expect(open.deflection.status).toBe('ACTIVE');
    await client.ok('officer', DISPOSE, { input: { evidenceId: item.id, method: 'DESTROYED', at: new Date().toISOString() } });
    // Disposing again the same way is a safe retry.
    await client.ok('officer', DISPOSE, { input: { evidenceId: item.id, method: 'DESTROYED', at: new Date().toISOString() } });
    const other = await client.error('officer', DISPOSE, { input: { evidenceId: item.id, method: 'RETURNED_TO_OWNER', at: new Date().toISOString() } });
    expect(other.extensions).toMatchObject({ rule: 'not-disposed' });
    const closed = await client.ok<Closed>('meg-director', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'SUCCESSFUL' } });
    expect(closed.closeDeflection.status).toBe('SUCCESSFUL');
  });

  it('refuses evidence handling by a unit that is not responsible for it', async () => {
    const d = await activeTroopDeflection();
    const error = await client.error('local-officer', EVIDENCE, { input: { deflectionId: d.id, description: 'x', seizedAt: new Date().toISOString() } });
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });
});

const REVIEW = `mutation($input: RecordReviewInput!) { recordReview(input: $input) { version nextReviewDue reviews { dueOn heldOn caseManagerName finding reviewer { id } actingFor { id } } } }`;

describe('follow-up reviews (OPS-D7)', () => {
  it('lists overdue reviews for the approving MEG, oldest first', async () => {
    const data = await client.ok<{ overdueReviews: { id: string; reviewOverdue: boolean }[] }>('meg-director', '{ overdueReviews { id reviewOverdue } }');
    expect(data.overdueReviews.map((d) => d.id)).toEqual([demoDeflectionId(1), demoDeflectionId(10)]);
    expect(data.overdueReviews.every((d) => d.reviewOverdue)).toBe(true);
  });

  it('lists reviews due in the next N days, overdue ones included', async () => {
    const data = await client.ok<{ reviewsDue: { id: string; nextReviewDue: string }[] }>('meg-designee', '{ reviewsDue(withinDays: 14) { id nextReviewDue } }');
    expect(data.reviewsDue.map((d) => d.id)).toEqual([demoDeflectionId(1), demoDeflectionId(10), demoDeflectionId(2)]);
  });

  it('keeps review lists from officers', async () => {
    expect((await client.error('officer', '{ overdueReviews { id } }')).extensions?.code).toBe('FORBIDDEN');
    expect((await client.error('officer', '{ reviewsDue(withinDays: 14) { id } }')).extensions?.code).toBe('FORBIDDEN');
  });

  it('records a review with the case manager and moves the next review a quarter on', async () => {
    const d = await activeTroopDeflection();
    const today = illinoisDate();
    type Reviewed = { recordReview: { version: number; nextReviewDue: string; reviews: { dueOn: string; heldOn: string; caseManagerName: string; finding: string; actingFor: { id: string } | null }[] } };
    const result = await client.ok<Reviewed>('meg-designee', REVIEW, {
      input: { deflectionId: d.id, version: d.version, heldOn: today, caseManagerName: 'Joy Abernathy', finding: 'PROGRESSING' },
    });
    expect(result.recordReview.reviews).toEqual([{ dueOn: addDays(today, 90), heldOn: today, caseManagerName: 'Joy Abernathy', finding: 'PROGRESSING', reviewer: { id: P.inspectorPatel }, actingFor: { id: P.directorMarsh } }]);
    // The first review is due 90 days after approval; held today, the next one is due 90 days from today.
    expect(result.recordReview.nextReviewDue).toBe(addDays(today, 90));
    // A review due in ten days and held today moves the next one a quarter after today (written straight to the
    // database: the clock cannot be wound).
    const em = db.orm('cases').fork();
    const row = await em.findOneOrFail(Deflection, { id: d.id });
    row.nextReviewDue = addDays(today, 10);
    await em.flush();
    const next = await client.ok<Reviewed>('meg-director', REVIEW, {
      input: { deflectionId: d.id, version: row.version, heldOn: today, caseManagerName: 'Joy Abernathy', finding: 'PROGRESSING' },
    });
    expect(next.recordReview.reviews.at(-1)).toMatchObject({ dueOn: addDays(today, 10), heldOn: today });
    expect(next.recordReview.nextReviewDue).toBe(addDays(today, 90));
  });

  it('clears an overdue review by recording it', async () => {
    const d = await activeTroopDeflection();
    // A deflection whose review fell due a week ago (written straight to the database: the clock cannot be wound).
    const em = db.orm('cases').fork();
    const row = await em.findOneOrFail(Deflection, { id: d.id });
    row.nextReviewDue = addDays(illinoisDate(), -7);
    await em.flush();
    const overdue = async () => (await client.ok<{ overdueReviews: { id: string }[] }>('meg-director', '{ overdueReviews { id } }')).overdueReviews.map((x) => x.id);
    expect(await overdue()).toContain(d.id);
    const result = await client.ok<{ recordReview: { nextReviewDue: string } }>('meg-director', REVIEW, {
      input: { deflectionId: d.id, version: row.version, heldOn: illinoisDate(), caseManagerName: 'Joy Abernathy', finding: 'PROGRESSING' },
    });
    expect(result.recordReview.nextReviewDue).toBe(addDays(illinoisDate(), 90));
    expect(await overdue()).not.toContain(d.id);
  });

  it('requires the case manager’s name and refuses a review held in the future', async () => {
    const d = await activeTroopDeflection();
    const error = await client.error('meg-director', REVIEW, { input: { deflectionId: d.id, version: d.version, heldOn: addDays(illinoisDate(), 3), caseManagerName: '', finding: 'PROGRESSING' } });
    const fields = (error.extensions?.violations as { field: string; rule: string }[]).map((v) => `${v.field}:${v.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['input.caseManagerName:required', 'input.heldOn:not-in-future']));
  });

  it('refuses a review by the referring officer (follow-up belongs to the approving leader)', async () => {
    const d = await activeTroopDeflection();
    const error = await client.error('officer', REVIEW, { input: { deflectionId: d.id, version: d.version, heldOn: illinoisDate(), caseManagerName: 'J', finding: 'PROGRESSING' } });
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('outcomes (OPS-D8)', () => {
  it('releases charges held in abeyance when a deflection succeeds', async () => {
    const d = await activeTroopDeflection();
    const result = await client.ok<Closed>('meg-director', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'SUCCESSFUL' } });
    expect(result.closeDeflection.outcome.kind).toBe('SUCCESSFUL');
    expect(result.closeDeflection.outcome.chargesReleasedAt).not.toBeNull();
  });

  it('submits an unsuccessful deflection to a named prosecuting attorney, with the date', async () => {
    const d = await activeTroopDeflection();
    const incomplete = await client.error('meg-director', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'UNSUCCESSFUL', prosecutingAttorney: "Lake County State's Attorney" } });
    expect(incomplete.extensions).toMatchObject({ field: 'input.submittedToProsecutorOn', rule: 'required-with-attorney' });
    const result = await client.ok<Closed>('meg-director', CLOSE, {
      input: { deflectionId: d.id, version: d.version, outcome: 'UNSUCCESSFUL', prosecutingAttorney: "Lake County State's Attorney", submittedToProsecutorOn: illinoisDate() },
    });
    expect(result.closeDeflection.outcome).toMatchObject({ kind: 'UNSUCCESSFUL', prosecutingAttorney: "Lake County State's Attorney", submittedToProsecutorOn: illinoisDate(), chargesReleasedAt: null });
  });

  it('refuses a prosecutor submission for a deflection that did not fail', async () => {
    const d = await activeTroopDeflection();
    const error = await client.error('meg-director', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'SUCCESSFUL', prosecutingAttorney: 'X', submittedToProsecutorOn: illinoisDate() } });
    expect(error.extensions).toMatchObject({ field: 'input.prosecutingAttorney', rule: 'unsuccessful-only' });
  });

  it('requires a reason to withdraw, and then stops the review clock', async () => {
    const d = await activeTroopDeflection();
    const error = await client.error('meg-director', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'WITHDRAWN' } });
    expect(error.extensions).toMatchObject({ field: 'input.reason', rule: 'required-for-withdrawal' });
    const result = await client.ok<{ closeDeflection: { status: string; nextReviewDue: string | null } }>('meg-director', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'WITHDRAWN', reason: 'Moved away' } });
    expect(result.closeDeflection).toMatchObject({ status: 'WITHDRAWN', nextReviewDue: null });
  });

  it('lets the unit’s supervisor follow up deflections that need no approval', async () => {
    const sheriffSupervisor: Actor = { personId: requirePersona('local-officer').actor.personId, agencyId: A.lakeCountySheriff, roles: ['OFFICER', 'SUPERVISOR'], actingFor: null };
    const local = (await referOk('local-officer', sheriffReferral())).deflection;
    const result = await client.ok<Closed>(sheriffSupervisor, CLOSE, { input: { deflectionId: local.id, version: local.version, outcome: 'SUCCESSFUL' } });
    expect(result.closeDeflection.status).toBe('SUCCESSFUL');
    const officerOnly = (await referOk('local-officer', sheriffReferral())).deflection;
    const refused = await client.error('local-officer', CLOSE, { input: { deflectionId: officerOnly.id, version: officerOnly.version, outcome: 'SUCCESSFUL' } });
    expect(refused.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('history (OPS-D10)', () => {
  it('keeps every change with who, for whom, when, and from which state to which', async () => {
    const d = await activeTroopDeflection();
    await client.ok('meg-designee', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'WITHDRAWN', reason: 'Declined services' } });
    const data = await client.ok<{ deflection: { history: { action: string; fromStatus: string | null; toStatus: string | null; actor: { id: string }; actingFor: { id: string } | null; at: string }[] } }>(
      'officer',
      'query($id: ID!) { deflection(id: $id) { history { at action fromStatus toStatus actor { id } actingFor { id } } } }',
      { id: d.id },
    );
    expect(data.deflection.history.map(({ at: _at, ...rest }) => rest)).toEqual([
      { action: 'REFERRED', fromStatus: null, toStatus: 'PENDING_APPROVAL', actor: { id: P.trooperReyes }, actingFor: null },
      { action: 'APPROVED', fromStatus: 'PENDING_APPROVAL', toStatus: 'ACTIVE', actor: { id: P.directorMarsh }, actingFor: null },
      { action: 'CLOSED', fromStatus: 'ACTIVE', toStatus: 'WITHDRAWN', actor: { id: P.inspectorPatel }, actingFor: { id: P.directorMarsh } },
    ]);
  });
});

describe('lists: filters and sorting', () => {
  const LIST = `query($filter: DeflectionFilter, $orderBy: DeflectionOrder, $first: Int) { deflections(filter: $filter, orderBy: $orderBy, first: $first) { edges { node { referenceNumber status pathway nextReviewDue } } } }`;
  type List = { deflections: { edges: { node: { referenceNumber: string; status: string; pathway: string; nextReviewDue: string | null } }[] } };

  it('filters by status and pathway', async () => {
    const data = await client.ok<List>('meg-director', LIST, { filter: { status: ['SUCCESSFUL'], pathway: ['SELF_REFERRAL'] }, first: 50 });
    expect(data.deflections.edges.map((e) => e.node.referenceNumber).sort()).toEqual(['DFL-2026-000003', 'DFL-2026-000012']);
  });

  it('filters by referral date range, in Illinois days', async () => {
    const from = addDays(illinoisDate(), -3);
    const data = await client.ok<List>('case-manager', LIST, { filter: { referredFrom: from, referredTo: addDays(illinoisDate(), -1), status: ['PENDING_APPROVAL'] }, first: 50 });
    expect(data.deflections.edges.map((e) => e.node.referenceNumber).sort()).toEqual(['DFL-2026-000008', 'DFL-2026-000013']);

    // A referral late in the Illinois evening is already the next day in UTC: it belongs to the Illinois day
    // (written straight to the database: the clock cannot be wound).
    const day = addDays(illinoisDate(), -5);
    const late = (await referOk('officer', troopReferral())).deflection;
    const em = db.orm('cases').fork();
    const row = await em.findOneOrFail(Deflection, { id: late.id });
    row.referredAt = new Date(`${addDays(day, 1)}T04:30:00Z`);
    await em.flush();
    const on = async (date: string) =>
      (await client.ok<List>('case-manager', LIST, { filter: { referredFrom: date, referredTo: date, status: ['PENDING_APPROVAL'] }, first: 50 })).deflections.edges.map((e) => e.node.referenceNumber);
    expect(await on(day)).toContain(late.referenceNumber);
    expect(await on(addDays(day, 1))).not.toContain(late.referenceNumber);
  });

  it('filters overdue reviews and sorts by next review date', async () => {
    const data = await client.ok<List>('meg-director', LIST, { filter: { reviewDue: 'OVERDUE' }, orderBy: { field: 'NEXT_REVIEW_DUE', direction: 'ASC' }, first: 50 });
    expect(data.deflections.edges.map((e) => e.node.referenceNumber)).toEqual(['DFL-2026-000001', 'DFL-2026-000010']);
  });

  it('sorts by reference number ascending', async () => {
    const data = await client.ok<List>('meg-director', LIST, { orderBy: { field: 'REFERENCE_NUMBER', direction: 'ASC' }, first: 3 });
    expect(data.deflections.edges.map((e) => e.node.referenceNumber)).toEqual(['DFL-2026-000001', 'DFL-2026-000002', 'DFL-2026-000003']);
  });
});

describe('events for reporting', () => {
  it('publishes approvals, reviews and closings in the same transaction, with no names or birth dates', async () => {
    const orm = db.orm('cases');
    /** The change and its event are written between one `begin` and one `commit`: both commit, or neither. */
    const expectOneTransactionWithEvent = (statements: string[]) => {
      const sql = statements.map((statement) => statement.trim().toLowerCase());
      expect(sql.filter((statement) => statement === 'begin')).toHaveLength(1);
      expect(sql.filter((statement) => statement === 'commit')).toHaveLength(1);
      const inside = sql.slice(sql.indexOf('begin') + 1, sql.indexOf('commit'));
      expect(inside.some((statement) => statement.startsWith('update "cases"."deflection"'))).toBe(true);
      expect(inside.some((statement) => statement.startsWith('insert into "cases"."outbox_event"'))).toBe(true);
    };
    const d = await pendingTroopDeflection();
    const approval = await orm.counter.measure(() =>
      client.ok<Decided>('meg-director', DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'ok' } }),
    );
    expectOneTransactionWithEvent(approval.statements);
    const review = await orm.counter.measure(() =>
      client.ok<{ recordReview: { version: number } }>('meg-director', REVIEW, {
        input: { deflectionId: d.id, version: approval.result.decideApproval.version, heldOn: illinoisDate(), caseManagerName: 'Joy Abernathy', finding: 'SUCCESSFUL' },
      }),
    );
    expectOneTransactionWithEvent(review.statements);
    const closing = await orm.counter.measure(() =>
      client.ok('meg-director', CLOSE, { input: { deflectionId: d.id, version: review.result.recordReview.version, outcome: 'SUCCESSFUL' } }),
    );
    expectOneTransactionWithEvent(closing.statements);
    const events = await orm.fork().find(OutboxEvent, { payload: { deflectionId: d.id } } as never, { orderBy: { sequence: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['deflection.referred', 'deflection.approved', 'deflection.reviewed', 'deflection.closed']);
    const text = JSON.stringify(events.map((e) => e.payload));
    expect(text).not.toMatch(/Tester|Alex|1990-01-01/);
  });

  it('writes no event when the change is refused', async () => {
    const before = await counts();
    const d = await pendingTroopDeflection();
    const afterReferral = await counts();
    await client.error('officer', DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'x' } });
    expect(await counts()).toEqual(afterReferral);
    expect(afterReferral.events).toBe(before.events + 1);
  });
});

describe('incidents and collateral persons (OPS-092 III.A)', () => {
  const INCIDENT = `mutation($input: RecordIncidentInput!, $key: String) { recordIncident(input: $input, idempotencyKey: $key) {
    id county callType reportNumber people { involvement participant { id familyName } } } }`;
  type Recorded = { recordIncident: { id: string; people: { involvement: string; participant: { id: string; familyName: string } }[] } };

  it('records an incident with its people, then deflects the collateral person from it', async () => {
    const recorded = await client.ok<Recorded>('local-officer', INCIDENT, {
      input: {
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(), county: 'lake', callType: 'INVESTIGATION', reportNumber: 'LC-26-0042', recordsSystem: 'LOCAL_RMS',
        people: [
          { person: person({ familyName: 'Suspect' }), involvement: 'SUBJECT' },
          { person: person({ familyName: 'Passenger' }), involvement: 'COLLATERAL' },
        ],
      },
    });
    const collateral = recorded.recordIncident.people.find((p) => p.involvement === 'COLLATERAL')!.participant;
    const result = await referOk('local-officer', { participantId: collateral.id, incidentId: recorded.recordIncident.id, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Passenger asked for help.' });
    expect(result.deflection.participant.id).toBe(collateral.id);
    const incident = await client.ok<{ deflection: { incident: { id: string; county: string; people: unknown[] } } }>('local-officer', 'query($id: ID!) { deflection(id: $id) { incident { id county people { involvement } } } }', { id: result.deflection.id });
    expect(incident.deflection.incident).toMatchObject({ id: recorded.recordIncident.id, county: 'Lake' });
    expect(incident.deflection.incident.people).toHaveLength(2);
  });

  it('shows the case manager following a deflection its person, not the incident’s victim or the other people in it', async () => {
    const recorded = await client.ok<Recorded>('local-officer', INCIDENT, {
      input: {
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(), county: 'Lake', callType: 'INVESTIGATION',
        people: [
          { person: person({ familyName: 'Deflected' }), involvement: 'SUBJECT' },
          { person: person({ familyName: 'Victim', dateOfBirth: '1975-03-03' }), involvement: 'VICTIM' },
        ],
      },
    });
    const subject = recorded.recordIncident.people.find((p) => p.involvement === 'SUBJECT')!.participant;
    const victim = recorded.recordIncident.people.find((p) => p.involvement === 'VICTIM')!.participant;
    const referred = await referOk('local-officer', { participantId: subject.id, incidentId: recorded.recordIncident.id, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help.' });
    // The victim is deflected too, later and apart: the case manager follows her, but not as this incident's victim.
    await referOk('local-officer', { participantId: victim.id, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help herself.' });
    const PEOPLE = 'query($id: ID!) { incident(id: $id) { people { involvement participant { id familyName } } } }';
    type People = { incident: { people: { involvement: string; participant: { id: string; familyName: string } }[] } };
    const asCaseManager = await client.ok<People>('case-manager', PEOPLE, { id: recorded.recordIncident.id });
    expect(asCaseManager.incident.people).toEqual([{ involvement: 'SUBJECT', participant: { id: subject.id, familyName: subject.familyName } }]);
    const asUnit = await client.ok<People>('local-officer', PEOPLE, { id: recorded.recordIncident.id });
    expect(asUnit.incident.people.map((p) => p.participant.id).sort()).toEqual([subject.id, victim.id].sort());
    expect(referred.deflection.participant.id).toBe(subject.id);
  });

  it('refuses another unit’s participant and incident, without saying whether they exist', async () => {
    const recorded = await client.ok<Recorded>('local-officer', INCIDENT, {
      input: { occurredAt: new Date().toISOString(), county: 'Lake', callType: 'PATROL_CONTACT', people: [{ person: person(), involvement: 'SUBJECT' }] },
    });
    const someone = recorded.recordIncident.people[0]!.participant;
    const error = await referError('officer', troopReferral({ person: null, participantId: someone.id, incidentId: recorded.recordIncident.id }));
    const fields = (error.extensions?.violations as { field: string }[]).map((v) => v.field);
    expect(fields).toEqual(expect.arrayContaining(['input.incidentId', 'input.participantId']));
    expect((await client.error('officer', 'query($id: ID!) { incident(id: $id) { id } }', { id: recorded.recordIncident.id })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.error('officer', 'query($id: ID!) { participant(id: $id) { id } }', { id: someone.id })).extensions?.code).toBe('FORBIDDEN');
    // The same answers, word for word, as for ids that exist nowhere.
    const nowhere = '00000000-0000-4000-8000-000000000000';
    const missing = await referError('officer', troopReferral({ person: null, participantId: nowhere, incidentId: nowhere }));
    expect(missing).toEqual(error);
    expect(await client.error('officer', 'query($id: ID!) { incident(id: $id) { id } }', { id: nowhere })).toEqual(
      await client.error('officer', 'query($id: ID!) { incident(id: $id) { id } }', { id: recorded.recordIncident.id }),
    );
    expect(await client.error('officer', 'query($id: ID!) { participant(id: $id) { id } }', { id: nowhere })).toEqual(
      await client.error('officer', 'query($id: ID!) { participant(id: $id) { id } }', { id: someone.id }),
    );
  });

  it('requires the records system with a report number', async () => {
    const error = await client.error('local-officer', INCIDENT, {
      input: { occurredAt: new Date().toISOString(), county: 'Lake', callType: 'PATROL_CONTACT', reportNumber: 'X-1', people: [{ person: person(), involvement: 'SUBJECT' }] },
    });
    expect(error.extensions).toMatchObject({ field: 'input.recordsSystem', rule: 'required-with-report-number' });
  });
});

describe('concurrent retries', () => {
  it('creates one deflection when the same referral arrives twice at once', async () => {
    const input = sheriffReferral();
    const before = await counts();
    const [a, b] = await Promise.all([referOk('local-officer', input, 'double-tap'), referOk('local-officer', input, 'double-tap')]);
    expect(a.deflection.id).toBe(b.deflection.id);
    const after = await counts();
    expect(after.deflections).toBe(before.deflections + 1);
    expect(after.events).toBe(before.events + 1);
  });
});

describe('versions protect follow-up from lost updates', () => {
  it('bumps the version with every review, so a second review sent with the version read before the first gets CONFLICT', async () => {
    const d = await activeTroopDeflection();
    const input = { deflectionId: d.id, version: d.version, heldOn: illinoisDate(), caseManagerName: 'Joy Abernathy', finding: 'PROGRESSING' };
    const first = await client.ok<{ recordReview: { version: number } }>('meg-director', REVIEW, { input });
    expect(first.recordReview.version).toBe(d.version + 1);
    const second = await client.error('meg-designee', REVIEW, { input });
    expect(second.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
  });

  it('refuses to close on a stale version with CONFLICT, and closes nothing', async () => {
    const d = await activeTroopDeflection();
    await client.ok('meg-director', REVIEW, { input: { deflectionId: d.id, version: d.version, heldOn: illinoisDate(), caseManagerName: 'Joy Abernathy', finding: 'PROGRESSING' } });
    const stale = await client.error('meg-director', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'SUCCESSFUL' } });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    const now = await client.ok<{ deflection: { status: string } }>('officer', 'query($id: ID!) { deflection(id: $id) { status } }', { id: d.id });
    expect(now.deflection.status).toBe('ACTIVE');
  });
});

describe('a designee acts only for the leader who designated them (OPS-D3)', () => {
  it('refuses a designee whose token says they act for another leader', async () => {
    const d = await pendingTroopDeflection();
    const wrongLeader: Actor = { personId: P.inspectorPatel, agencyId: A.lakeCountyMeg, roles: ['OFFICER', 'DESIGNEE'], actingFor: P.directorBaptiste };
    const error = await client.error(wrongLeader, DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'For someone else.' } });
    expect(error.extensions?.code).toBe('FORBIDDEN');
    const still = await client.ok<{ deflection: { status: string } }>('officer', 'query($id: ID!) { deflection(id: $id) { status } }', { id: d.id });
    expect(still.deflection.status).toBe('PENDING_APPROVAL');
  });
});

describe('an unsuccessful deflection goes to the prosecutor with its evidence (OPS-092 III.E.2)', () => {
  const OPEN = '{ evidenceAwaitingDisposal { id disposed deflection { id status } } }';
  type Open = { evidenceAwaitingDisposal: { id: string; deflection: { id: string; status: string } }[] };

  it('closes unsuccessful with a prosecutor submission while the evidence is kept, and the unit sees the disposal still owed', async () => {
    const d = await activeTroopDeflection();
    const recorded = await client.ok<{ recordEvidence: { evidence: { id: string }[] } }>('officer', EVIDENCE, { input: { deflectionId: d.id, description: 'Pipe', seizedAt: new Date(Date.now() - 60_000).toISOString() } });
    const item = recorded.recordEvidence.evidence[0]!;
    const closed = await client.ok<Closed>('meg-director', CLOSE, {
      input: { deflectionId: d.id, version: d.version, outcome: 'UNSUCCESSFUL', prosecutingAttorney: "Lake County State's Attorney", submittedToProsecutorOn: illinoisDate() },
    });
    expect(closed.closeDeflection.status).toBe('UNSUCCESSFUL');
    const owed = await client.ok<Open>('officer', OPEN);
    expect(owed.evidenceAwaitingDisposal.find((e) => e.id === item.id)?.deflection).toEqual({ id: d.id, status: 'UNSUCCESSFUL' });
    await client.ok('officer', DISPOSE, { input: { evidenceId: item.id, method: 'RELEASED_TO_PROSECUTOR', at: new Date().toISOString() } });
    expect((await client.ok<Open>('officer', OPEN)).evidenceAwaitingDisposal.map((e) => e.id)).not.toContain(item.id);
  });

  it('shows another unit none of it', async () => {
    const d = await activeTroopDeflection();
    const recorded = await client.ok<{ recordEvidence: { evidence: { id: string }[] } }>('officer', EVIDENCE, { input: { deflectionId: d.id, description: 'Baggie', seizedAt: new Date(Date.now() - 60_000).toISOString() } });
    const item = recorded.recordEvidence.evidence[0]!;
    await client.ok<Closed>('meg-director', CLOSE, {
      input: { deflectionId: d.id, version: d.version, outcome: 'UNSUCCESSFUL', prosecutingAttorney: "Lake County State's Attorney", submittedToProsecutorOn: illinoisDate() },
    });
    expect((await client.ok<Open>('officer', OPEN)).evidenceAwaitingDisposal.map((e) => e.id)).toContain(item.id);
    const owed = await client.ok<Open>('local-officer', OPEN);
    expect(owed.evidenceAwaitingDisposal.map((e) => e.id)).not.toContain(item.id);
    expect(owed.evidenceAwaitingDisposal.map((e) => e.deflection.id)).not.toContain(d.id);
    expect(owed.evidenceAwaitingDisposal.every((e) => e.deflection.id !== undefined)).toBe(true);
    const troop = await client.ok<Open>('officer', OPEN);
    const lake = new Set(owed.evidenceAwaitingDisposal.map((e) => e.id));
    expect(troop.evidenceAwaitingDisposal.some((e) => lake.has(e.id))).toBe(false);
  });

  it('still requires disposal before a successful close', async () => {
    const d = await activeTroopDeflection();
    await client.ok('officer', EVIDENCE, { input: { deflectionId: d.id, description: 'Scale', seizedAt: new Date(Date.now() - 60_000).toISOString() } });
    const error = await client.error('meg-director', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'SUCCESSFUL' } });
    expect(error.extensions).toMatchObject({ rule: 'evidence-disposed' });
  });
});

describe('looking a deflection up by the number people quote', () => {
  const BY_REFERENCE = 'query($ref: String!) { deflectionByReference(referenceNumber: $ref) { id referenceNumber } }';

  it('finds a deflection the caller may see by its reference number, whatever the case', async () => {
    const d = (await referOk('officer', troopReferral())).deflection;
    const data = await client.ok<{ deflectionByReference: { id: string } }>('officer', BY_REFERENCE, { ref: d.referenceNumber.toLowerCase() });
    expect(data.deflectionByReference.id).toBe(d.id);
  });

  it('answers FORBIDDEN alike for another unit’s number and for a number that does not exist', async () => {
    const d = (await referOk('officer', troopReferral())).deflection;
    const other = await client.error('local-officer', BY_REFERENCE, { ref: d.referenceNumber });
    const none = await client.error('local-officer', BY_REFERENCE, { ref: 'DFL-2026-999999' });
    expect(other).toEqual(none);
    expect(none.extensions?.code).toBe('FORBIDDEN');
  });

  it('tells someone who passes a reference number as an id what an id is, instead of failing', async () => {
    const error = await client.error('officer', 'query($id: ID!) { deflection(id: $id) { id } }', { id: 'DFL-2026-001000' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', rule: 'uuid' });
  });
});

describe('the plan a referral goes by is as current as agencies', () => {
  it('asks agencies only for its change version while a kept plan is current, and follows a plan changed in agencies at once', async () => {
    const agencies = db.orm('agencies');
    await referOk('local-officer', sheriffReferral());
    const repeat = await agencies.counter.measure(() => referOk('local-officer', sheriffReferral()));
    expect(repeat.statements).toHaveLength(1);
    expect(repeat.statements[0]).toContain('change_version');
    // An administrator's change to the plan, written however it is: the next referral goes by it.
    const setPathways = (pathways: string) =>
      agencies.fork().execute(`update "agencies"."solution_action_plan" set enabled_pathways = ?::text[] where id = ?`, [pathways, PLAN.lakeCountySheriff]);
    const [row] = await agencies.fork().execute<{ pathways: string }[]>(`select enabled_pathways::text as pathways from "agencies"."solution_action_plan" where id = ?`, [PLAN.lakeCountySheriff]);
    await setPathways('{ACTIVE_OUTREACH}');
    try {
      const error = await referError('local-officer', sheriffReferral());
      expect(error.extensions).toMatchObject({ field: 'input.pathway', rule: 'pathway-enabled-in-sap' });
    } finally {
      await setPathways(row!.pathways);
    }
    expect((await referOk('local-officer', sheriffReferral())).deflection.status).toBe('ACTIVE');
  });
});

describe('the plan that applied is named in a refusal', () => {
  it('says which unit, county and version of plan did not enable the pathway', async () => {
    const dixon: Actor = { personId: P.officerDuarte, agencyId: A.dixonPolice, roles: ['OFFICER'], actingFor: null };
    const error = await referError(dixon, troopReferral({ county: 'Lee' }));
    expect(error.extensions).toMatchObject({ field: 'input.pathway', rule: 'pathway-enabled-in-sap' });
    expect(error.message).toContain('Dixon Police Department plan for every county it serves, version 1');
  });
});

describe('an idempotent replay answers only what the caller may read now', () => {
  it('refuses the replay to the same person once they act for another unit', async () => {
    const input = sheriffReferral();
    await referOk('local-officer', input, 'moved-unit');
    const moved: Actor = { ...requirePersona('local-officer').actor, agencyId: A.dixonPolice };
    const replay = await refer(moved, input, 'moved-unit');
    expect(replay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(replay.data).toBeNull();
  });
});
