import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A } from '@hub/platform/demo';
import { illinoisDate } from '@hub/platform/domain';
import type { Actor } from '@hub/platform/identity';
import { requirePersona, type SubgraphClient } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { cases } from '../src/index.js';
import { startCasesWithAgencies } from './support.js';

/**
 * The hub's rule for every mutation: its payload never shows more than the caller could read through the normal
 * read paths, and an idempotent replay answers only what the caller may see now. Each test performs a mutation as
 * someone allowed to, with a broad selection of the payload, then reads the same record with the same selection
 * as the same caller and expects the two to be equal.
 */
let client: SubgraphClient<Context>;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ client, stop } = await startCasesWithAgencies());
});

afterAll(async () => {
  await stop?.();
});

const FRAGMENTS = `
fragment PersonSeen on Participant { id givenName familyName dateOfBirth deflections { id referenceNumber status priorDeflectionCount } }
fragment IncidentSeen on Incident {
  id agency { id } occurredAt county place callType reportNumber recordsSystem
  people { involvement participant { ...PersonSeen } }
}
fragment NextStepsSeen on NextSteps { approvalRequired approvingAgency { id } caseManagementOrganization { id } solutionActionPlan { id } summary }
fragment DeflectionSeen on Deflection {
  id referenceNumber pathway status initiatingUnit { id } countsFor { id } county referredAt narrative initiatedBy { id }
  participant { ...PersonSeen }
  incident { ...IncidentSeen }
  solutionActionPlan { id } caseManagementOrganization { id } chargesHeldInAbeyance nonCriminalCitation approvalRequired
  approval { decision decidedBy { id } actingFor { id } decidedAt reason }
  disposition { kind reportNumber recordsSystem recordedAt recordedBy { id } }
  contactAttempts { id at by { id } actingFor { id } method result caseManagerName notes }
  handedOffAt
  evidence {
    id description seizedAt responsibleUnit { id } handling { action at by { id } notes } disposedAt disposalMethod disposed
    deflection { id status version priorDeflectionCount participant { id familyName } }
  }
  reviews { id dueOn heldOn reviewer { id } actingFor { id } caseManagerName finding notes }
  nextReviewDue reviewOverdue lastReviewedOn
  outcome { kind decidedAt decidedBy { id } chargesReleasedAt prosecutingAttorney submittedToProsecutorOn reason }
  priorDeflectionCount
  nextSteps { ...NextStepsSeen }
  history { at actor { id } actingFor { id } action fromStatus toStatus changes }
  version
}`;

/** Only the fragments a document uses (GraphQL refuses unused ones). */
const INCIDENT_FRAGMENTS = FRAGMENTS.split('fragment NextStepsSeen')[0]!;

interface ParticipantSeen {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  deflections: { id: string; referenceNumber: string; status: string; priorDeflectionCount: number }[];
}

interface IncidentSeen {
  id: string;
  people: { involvement: string; participant: ParticipantSeen }[];
  [field: string]: unknown;
}

interface DeflectionSeen {
  id: string;
  status: string;
  version: number;
  participant: ParticipantSeen;
  incident: IncidentSeen;
  contactAttempts: { result: string }[];
  evidence: { id: string; disposed: boolean; handling: { action: string }[] }[];
  reviews: { finding: string }[];
  priorDeflectionCount: number;
  approval: { decision: string } | null;
  disposition: { reportNumber: string } | null;
  outcome: { kind: string; prosecutingAttorney: string | null } | null;
  nextSteps: Record<string, unknown>;
  history: { action: string }[];
  [field: string]: unknown;
}

const READ = `query($id: ID!) { deflection(id: $id) { ...DeflectionSeen } } ${FRAGMENTS}`;
const READ_INCIDENT = `query($id: ID!) { incident(id: $id) { ...IncidentSeen } } ${INCIDENT_FRAGMENTS}`;

const REFER = `mutation($input: QuickReferralInput!, $key: String) { quickReferral(input: $input, idempotencyKey: $key) {
  deflection { ...DeflectionSeen } nextSteps { ...NextStepsSeen } } } ${FRAGMENTS}`;
const INCIDENT = `mutation($input: RecordIncidentInput!, $key: String) { recordIncident(input: $input, idempotencyKey: $key) { ...IncidentSeen } } ${INCIDENT_FRAGMENTS}`;
const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { ...DeflectionSeen } } ${FRAGMENTS}`;
const DISPOSITION = `mutation($input: RecordDispositionInput!) { recordDisposition(input: $input) { ...DeflectionSeen } } ${FRAGMENTS}`;
const CONTACT = `mutation($input: RecordContactAttemptInput!, $key: String) { recordContactAttempt(input: $input, idempotencyKey: $key) { ...DeflectionSeen } } ${FRAGMENTS}`;
const EVIDENCE = `mutation($input: RecordEvidenceInput!, $key: String) { recordEvidence(input: $input, idempotencyKey: $key) { ...DeflectionSeen } } ${FRAGMENTS}`;
const HANDLING = `mutation($input: RecordEvidenceHandlingInput!) { recordEvidenceHandling(input: $input) { ...DeflectionSeen } } ${FRAGMENTS}`;
const DISPOSE = `mutation($input: DisposeEvidenceInput!) { disposeEvidence(input: $input) { ...DeflectionSeen } } ${FRAGMENTS}`;
const REVIEW = `mutation($input: RecordReviewInput!, $key: String) { recordReview(input: $input, idempotencyKey: $key) { ...DeflectionSeen } } ${FRAGMENTS}`;
const CLOSE = `mutation($input: CloseDeflectionInput!) { closeDeflection(input: $input) { ...DeflectionSeen } } ${FRAGMENTS}`;
const SUBMIT = `mutation($input: SubmitToProsecutorInput!) { submitToProsecutor(input: $input) { ...DeflectionSeen } } ${FRAGMENTS}`;

type Referred = { quickReferral: { deflection: DeflectionSeen; nextSteps: Record<string, unknown> } };

let uniquePerson = 0;
/** Matching ignores digits in names (OPS-D10), so test people differ by letters: Payloadb, Payloadc, … */
function person(over: Record<string, unknown> = {}) {
  uniquePerson += 1;
  const suffix = uniquePerson.toString(26).split('').map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
  return { givenName: 'Robin', familyName: `Payload${suffix}`, dateOfBirth: '1987-03-14', ...over };
}

const sheriffReferral = (over: Record<string, unknown> = {}) => ({ person: person(), pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help at the jail lobby.', ...over });
const troopReferral = (over: Record<string, unknown> = {}) => ({
  person: person(), pathway: 'OFFICER_INTERVENTION', chargesHeldInAbeyance: true, county: 'Lake', narrative: 'Passenger with paraphernalia during a traffic stop.', ...over,
});

const referOk = async (as: string | Actor, input: Record<string, unknown>, key?: string) => (await client.ok<Referred>(as, REFER, { input, key })).quickReferral;
const readAs = async (as: string | Actor, id: string) => (await client.ok<{ deflection: DeflectionSeen }>(as, READ, { id })).deflection;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

async function pendingTroopDeflection(over: Record<string, unknown> = {}) {
  return (await referOk('officer', troopReferral(over))).deflection;
}

async function activeTroopDeflection(over: Record<string, unknown> = {}) {
  const d = await pendingTroopDeflection(over);
  const decided = await client.ok<{ decideApproval: DeflectionSeen }>('meg-director', DECIDE, { input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'Eligible.' } });
  return decided.decideApproval;
}

async function troopEvidence(d: { id: string }) {
  const recorded = await client.ok<{ recordEvidence: DeflectionSeen }>('officer', EVIDENCE, { input: { deflectionId: d.id, description: 'Glass pipe', seizedAt: minutesAgo(30) } });
  return recorded.recordEvidence.evidence.at(-1)!;
}

/** The same person acting for another unit: what they may read now is decided afresh. */
const movedTo = (key: string, agencyId: string): Actor => ({ ...requirePersona(key).actor, agencyId });

/** The mutations this file has a payload test for; the last test compares it with the schema. */
const covered = new Set<string>();
function payloadTest(mutation: string, rule: string, test: () => Promise<void>): void {
  covered.add(mutation);
  it(`${mutation}: ${rule}`, test);
}

describe('every mutation payload shows no more than the caller can read through the read paths', () => {
  payloadTest('quickReferral', 'the payload shows no more than the referring officer can read of the deflection, and a replay what they may read now', async () => {
    // The same person was deflected by another unit first: the deputy must learn nothing of that deflection.
    const someone = person();
    await referOk('officer', troopReferral({ person: { ...someone, givenName: someone.givenName.toUpperCase(), familyName: someone.familyName.toUpperCase() } }));
    await referOk('local-officer', sheriffReferral({ person: someone }));
    const input = sheriffReferral({ person: someone, narrative: 'Came back asking for help again.' });
    const result = await referOk('local-officer', input, 'payload-quick-referral');

    const read = await readAs('local-officer', result.deflection.id);
    expect(result.deflection).toEqual(read);
    expect(result.nextSteps).toEqual(read.nextSteps);
    // Only the deputy's own unit's earlier deflection is counted and listed, spelled as the unit's records spell it.
    expect(result.deflection.priorDeflectionCount).toBe(1);
    expect(result.deflection.participant.deflections).toHaveLength(2);
    expect(result.deflection.participant.familyName).toBe(someone.familyName);

    const replay = await referOk('local-officer', input, 'payload-quick-referral');
    expect(replay.deflection).toEqual(await readAs('local-officer', result.deflection.id));
    expect(replay.nextSteps).toEqual(read.nextSteps);
  });

  payloadTest('recordIncident', 'the payload shows no more than the recording officer can read of the incident, and a replay what they may read now', async () => {
    // One of the people was deflected by another unit: their other deflections stay out of the deputy's answer.
    const known = person();
    await referOk('officer', troopReferral({ person: known }));
    const input = {
      occurredAt: minutesAgo(90), county: 'Lake', place: 'Route 12 rest area', callType: 'INVESTIGATION', reportNumber: 'LC-26-7001', recordsSystem: 'LOCAL_RMS',
      people: [
        { person: { ...known, givenName: known.givenName.toUpperCase() }, involvement: 'SUBJECT' },
        { person: person(), involvement: 'COLLATERAL' },
      ],
    };
    const recorded = (await client.ok<{ recordIncident: IncidentSeen }>('local-officer', INCIDENT, { input, key: 'payload-incident' })).recordIncident;

    const read = (await client.ok<{ incident: IncidentSeen }>('local-officer', READ_INCIDENT, { id: recorded.id })).incident;
    expect(recorded).toEqual(read);
    expect(recorded.people.map((p) => p.participant.deflections)).toEqual([[], []]);
    // The deputy sees the person as the deputy's own record spells them, not as the troop recorded them.
    expect(recorded.people.find((p) => p.involvement === 'SUBJECT')!.participant).toMatchObject({ givenName: 'ROBIN', familyName: known.familyName });

    const replay = (await client.ok<{ recordIncident: IncidentSeen }>('local-officer', INCIDENT, { input, key: 'payload-incident' })).recordIncident;
    expect(replay).toEqual((await client.ok<{ incident: IncidentSeen }>('local-officer', READ_INCIDENT, { id: recorded.id })).incident);
  });

  payloadTest('decideApproval', 'the payload shows no more than the approving designee can read of the deflection', async () => {
    const d = await pendingTroopDeflection();
    const decided = (await client.ok<{ decideApproval: DeflectionSeen }>('meg-designee', DECIDE, {
      input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'Approved for the Director.' },
    })).decideApproval;
    expect(decided).toEqual(await readAs('meg-designee', d.id));
    expect(decided.approval?.decision).toBe('APPROVED');
  });

  payloadTest('recordDisposition', 'the payload shows no more than the recording officer can read of the deflection', async () => {
    const d = await activeTroopDeflection();
    const recorded = (await client.ok<{ recordDisposition: DeflectionSeen }>('officer', DISPOSITION, {
      input: { deflectionId: d.id, version: d.version, reportNumber: 'TR-26-55120', recordsSystem: 'TRACS' },
    })).recordDisposition;
    expect(recorded).toEqual(await readAs('officer', d.id));
    expect(recorded.disposition?.reportNumber).toBe('TR-26-55120');
  });

  payloadTest('recordContactAttempt', 'the payload shows no more than the case manager can read of the deflection, and a replay what they may read now', async () => {
    const d = await activeTroopDeflection();
    const input = { deflectionId: d.id, at: new Date().toISOString(), method: 'IN_PERSON', result: 'HANDED_OFF', caseManagerName: 'Joy Abernathy', notes: 'Met at the station.' };
    const recorded = (await client.ok<{ recordContactAttempt: DeflectionSeen }>('case-manager', CONTACT, { input, key: 'payload-contact' })).recordContactAttempt;
    expect(recorded).toEqual(await readAs('case-manager', d.id));
    expect(recorded.contactAttempts.map((c) => c.result)).toEqual(['HANDED_OFF']);

    // Someone else records a later attempt; the replay answers the deflection as the case manager may read it now.
    await client.ok('officer', CONTACT, { input: { deflectionId: d.id, at: new Date().toISOString(), method: 'PHONE', result: 'REACHED' } });
    const replay = (await client.ok<{ recordContactAttempt: DeflectionSeen }>('case-manager', CONTACT, { input, key: 'payload-contact' })).recordContactAttempt;
    expect(replay).toEqual(await readAs('case-manager', d.id));
  });

  payloadTest('recordEvidence', 'the payload shows no more than the seizing officer can read of the deflection, and a replay what they may read now', async () => {
    const d = await activeTroopDeflection();
    const input = { deflectionId: d.id, description: 'Digital scale', seizedAt: minutesAgo(20) };
    const recorded = (await client.ok<{ recordEvidence: DeflectionSeen }>('officer', EVIDENCE, { input, key: 'payload-evidence' })).recordEvidence;
    expect(recorded).toEqual(await readAs('officer', d.id));
    expect(recorded.evidence).toHaveLength(1);

    const replay = (await client.ok<{ recordEvidence: DeflectionSeen }>('officer', EVIDENCE, { input, key: 'payload-evidence' })).recordEvidence;
    expect(replay).toEqual(await readAs('officer', d.id));
  });

  payloadTest('recordEvidenceHandling', 'the payload shows no more than the unit’s supervisor can read of the deflection', async () => {
    const d = await activeTroopDeflection();
    const item = await troopEvidence(d);
    const handled = (await client.ok<{ recordEvidenceHandling: DeflectionSeen }>('supervisor', HANDLING, {
      input: { evidenceId: item.id, action: 'SUBMITTED_TO_LAB', at: minutesAgo(10), notes: 'To the ISP lab in Joliet.' },
    })).recordEvidenceHandling;
    expect(handled).toEqual(await readAs('supervisor', d.id));
    expect(handled.evidence[0]!.handling.map((h) => h.action)).toEqual(['SEIZED', 'SUBMITTED_TO_LAB']);
  });

  payloadTest('disposeEvidence', 'the payload shows no more than the approving MEG Director can read of the deflection', async () => {
    const d = await activeTroopDeflection();
    const item = await troopEvidence(d);
    const disposed = (await client.ok<{ disposeEvidence: DeflectionSeen }>('meg-director', DISPOSE, { input: { evidenceId: item.id, method: 'DESTROYED', at: minutesAgo(2) } })).disposeEvidence;
    expect(disposed).toEqual(await readAs('meg-director', d.id));
    expect(disposed.evidence[0]!.disposed).toBe(true);
  });

  payloadTest('recordReview', 'the payload shows no more than the reviewing designee can read of the deflection, and a replay what they may read now', async () => {
    const d = await activeTroopDeflection();
    const input = { deflectionId: d.id, version: d.version, heldOn: illinoisDate(), caseManagerName: 'Joy Abernathy', finding: 'PROGRESSING', notes: 'Attending weekly.' };
    const reviewed = (await client.ok<{ recordReview: DeflectionSeen }>('meg-designee', REVIEW, { input, key: 'payload-review' })).recordReview;
    expect(reviewed).toEqual(await readAs('meg-designee', d.id));
    expect(reviewed.reviews.map((r) => r.finding)).toEqual(['PROGRESSING']);

    await client.ok('officer', CONTACT, { input: { deflectionId: d.id, at: new Date().toISOString(), method: 'PHONE', result: 'REACHED' } });
    const replay = (await client.ok<{ recordReview: DeflectionSeen }>('meg-designee', REVIEW, { input, key: 'payload-review' })).recordReview;
    expect(replay).toEqual(await readAs('meg-designee', d.id));
  });

  payloadTest('closeDeflection', 'the payload shows no more than the unit’s supervisor can read of the deflection', async () => {
    const d = (await referOk('local-officer', sheriffReferral())).deflection;
    const closed = (await client.ok<{ closeDeflection: DeflectionSeen }>('local-supervisor', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'SUCCESSFUL' } })).closeDeflection;
    expect(closed).toEqual(await readAs('local-supervisor', d.id));
    expect(closed.outcome?.kind).toBe('SUCCESSFUL');
  });

  payloadTest('submitToProsecutor', 'the payload shows no more than the approving MEG Director can read of the deflection', async () => {
    const d = await activeTroopDeflection();
    const closed = (await client.ok<{ closeDeflection: DeflectionSeen }>('meg-director', CLOSE, { input: { deflectionId: d.id, version: d.version, outcome: 'UNSUCCESSFUL', reason: 'Stopped attending.' } })).closeDeflection;
    const submitted = (await client.ok<{ submitToProsecutor: DeflectionSeen }>('meg-director', SUBMIT, {
      input: { deflectionId: d.id, version: closed.version, prosecutingAttorney: "Lake County State's Attorney", submittedOn: illinoisDate() },
    })).submitToProsecutor;
    expect(submitted).toEqual(await readAs('meg-director', d.id));
    expect(submitted.outcome?.prosecutingAttorney).toBe("Lake County State's Attorney");
  });
});

describe('an idempotent replay answers only what the caller may read now', () => {
  // quickReferral's replay to someone who moved units is pinned in cases.lifecycle.test.ts.

  it('recordIncident: refuses the replay to the officer once they act for another unit, as the read refuses them', async () => {
    const input = { occurredAt: minutesAgo(60), county: 'Lake', callType: 'PATROL_CONTACT', people: [{ person: person(), involvement: 'SUBJECT' }] };
    const recorded = (await client.ok<{ recordIncident: IncidentSeen }>('local-officer', INCIDENT, { input, key: 'moved-incident' })).recordIncident;
    const moved = movedTo('local-officer', A.dixonPolice);
    expect((await client.error(moved, READ_INCIDENT, { id: recorded.id })).extensions?.code).toBe('FORBIDDEN');
    const replay = await client.run(moved, INCIDENT, { input, key: 'moved-incident' });
    expect(replay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(replay.data).toBeNull();
  });

  it('recordContactAttempt: refuses the replay to the case manager once they work for another organisation', async () => {
    const d = await activeTroopDeflection();
    const input = { deflectionId: d.id, at: new Date().toISOString(), method: 'PHONE', result: 'LEFT_MESSAGE' };
    await client.ok('case-manager', CONTACT, { input, key: 'moved-contact' });
    const moved = movedTo('case-manager', A.chestnutRecoveryCoaching);
    expect((await client.error(moved, READ, { id: d.id })).extensions?.code).toBe('FORBIDDEN');
    const replay = await client.run(moved, CONTACT, { input, key: 'moved-contact' });
    expect(replay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(replay.data).toBeNull();
  });

  it('recordEvidence: refuses the replay to the officer once they act for another unit', async () => {
    const d = await activeTroopDeflection();
    const input = { deflectionId: d.id, description: 'Baggie', seizedAt: minutesAgo(15) };
    await client.ok('officer', EVIDENCE, { input, key: 'moved-evidence' });
    const moved = movedTo('officer', A.ispDopTroop3);
    expect((await client.error(moved, READ, { id: d.id })).extensions?.code).toBe('FORBIDDEN');
    const replay = await client.run(moved, EVIDENCE, { input, key: 'moved-evidence' });
    expect(replay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(replay.data).toBeNull();
  });

  it('recordReview: refuses the replay to the designee once they act for another MEG', async () => {
    const d = await activeTroopDeflection();
    const input = { deflectionId: d.id, version: d.version, heldOn: illinoisDate(), caseManagerName: 'Joy Abernathy', finding: 'PROGRESSING' };
    await client.ok('meg-designee', REVIEW, { input, key: 'moved-review' });
    const moved = movedTo('meg-designee', A.duPageMeg);
    expect((await client.error(moved, READ, { id: d.id })).extensions?.code).toBe('FORBIDDEN');
    const replay = await client.run(moved, REVIEW, { input, key: 'moved-review' });
    expect(replay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(replay.data).toBeNull();
  });
});

describe('payload tests keep up with the schema', () => {
  it('has a payload test for every mutation of the cases schema, so a new mutation without one fails here', () => {
    const mutations = Object.keys(cases.schema.getMutationType()!.getFields()).sort();
    expect([...covered].sort()).toEqual(mutations);
  });
});
