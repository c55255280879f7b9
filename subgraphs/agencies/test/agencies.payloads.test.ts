import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A, DEMO_PERSON as P } from '@hub/platform/demo';
import { addDays, illinoisDate } from '@hub/platform/domain';
import type { Actor } from '@hub/platform/identity';
import { createTestDatabase, SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { agencies } from '../src/index.js';

/**
 * The hub's rule for every mutation: its payload never shows more than the caller could read through the normal
 * read paths. The directory is open to every signed-in user, so each test performs a mutation as someone allowed
 * to, with a broad selection of the payload, then reads the same record with the same selection as the same caller
 * (`agency`, `person`, and the agency's agreements and plans, the person's designations) and expects the two to be
 * equal. Every test works on agencies and people it creates itself.
 */
let db: TestDatabase;
let client: SubgraphClient<Context>;

beforeAll(async () => {
  db = await createTestDatabase([agencies], { seed: true });
  client = new SubgraphClient(agencies, db.orm('agencies'));
});

afterAll(async () => {
  await db?.drop();
});

const AGREEMENT = `fragment AgreementSeen on TaskForceAgreement { id title parties { id name kind } effectiveFrom effectiveTo inForce }`;
const PLAN = `fragment PlanSeen on SolutionActionPlan {
  id unit { id name } county version effectiveFrom supersededOn enabledPathways
  eligibility { minimumAge allowsActiveWarrants allowsProbationOrParole excludedOffenses notes }
  caseManagementOrganization { id name } caseManagerContact { preferredMethod phone email hours instructions } approvingAgency { id name }
  protocols { participantIdentification screeningAndAssessment caseManagement treatmentFacilitation reporting restorativeJustice continuedLawEnforcementInvolvement }
  publishedBy { id displayName } publishedAt
}`;
const AGENCY = `fragment AgencySeen on Agency {
  id name kind level ori active parent { id name } children { id name } countiesServed
  megMembers { localGovernment agency { id name } joinedOn leftOn }
  taskForceAgreements { ...AgreementSeen }
  personnel(includeInactive: true) { id displayName active roles }
  solutionActionPlan { id version } solutionActionPlansInForce { id version county } solutionActionPlans { ...PlanSeen }
  approvers { person { id displayName } capacity actingFor { id } designation { id validToday } }
  version
} ${AGREEMENT} ${PLAN}`;
const DESIGNATION = `fragment DesignationSeen on Designation {
  id designee { id displayName active roles agency { id } } delegatedBy { id displayName active roles } capacity agency { id name kind }
  validFrom validTo revokedAt validToday
}`;
const PERSON = `fragment PersonSeen on Person {
  id givenName familyName displayName badgeNumber email phone agency { id name kind } roles active designations { ...DesignationSeen }
} ${DESIGNATION}`;

interface AgencySeen {
  id: string;
  version: number;
  megMembers: { localGovernment: string }[];
  taskForceAgreements: AgreementSeen[];
  solutionActionPlans: PlanSeen[];
  [field: string]: unknown;
}
interface AgreementSeen {
  id: string;
  [field: string]: unknown;
}
interface PlanSeen {
  id: string;
  version: number;
  [field: string]: unknown;
}
interface DesignationSeen {
  id: string;
  revokedAt: string | null;
  validToday: boolean;
  [field: string]: unknown;
}
interface PersonSeen {
  id: string;
  active: boolean;
  designations: DesignationSeen[];
  [field: string]: unknown;
}

const READ_AGENCY = `query($id: ID!) { agency(id: $id) { ...AgencySeen } } ${AGENCY}`;
const READ_PERSON = `query($id: ID!) { person(id: $id) { ...PersonSeen } } ${PERSON}`;
const READ_AGREEMENTS = `query($id: ID!) { agency(id: $id) { taskForceAgreements { ...AgreementSeen } } } ${AGREEMENT}`;
const READ_DESIGNATIONS = `query($id: ID!) { person(id: $id) { designations { ...DesignationSeen } } } ${DESIGNATION}`;
const READ_PLANS = `query($id: ID!) { agency(id: $id) { solutionActionPlans { ...PlanSeen } } } ${PLAN}`;

const CREATE_AGENCY = `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { ...AgencySeen } } ${AGENCY}`;
const UPDATE_AGENCY = `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { ...AgencySeen } } ${AGENCY}`;
const ADD_MEG_MEMBER = `mutation($input: AddMegMemberInput!) { addMegMember(input: $input) { ...AgencySeen } } ${AGENCY}`;
const RECORD_AGREEMENT = `mutation($input: RecordTaskForceAgreementInput!) { recordTaskForceAgreement(input: $input) { ...AgreementSeen } } ${AGREEMENT}`;
const ADD_PERSON = `mutation($input: AddPersonInput!) { addPerson(input: $input) { ...PersonSeen } } ${PERSON}`;
const SET_ACTIVE = `mutation($input: SetPersonActiveInput!) { setPersonActive(input: $input) { ...PersonSeen } } ${PERSON}`;
const DESIGNATE = `mutation($input: DesignateInput!) { designate(input: $input) { ...DesignationSeen } } ${DESIGNATION}`;
const REVOKE = `mutation($id: ID!) { revokeDesignation(id: $id) { ...DesignationSeen } } ${DESIGNATION}`;
const PUBLISH = `mutation($input: PublishSolutionActionPlanInput!) { publishSolutionActionPlan(input: $input) { ...PlanSeen } } ${PLAN}`;

const readAgency = async (as: string | Actor, id: string) => (await client.ok<{ agency: AgencySeen }>(as, READ_AGENCY, { id })).agency;
const readPerson = async (as: string | Actor, id: string) => (await client.ok<{ person: PersonSeen }>(as, READ_PERSON, { id })).person;

let unique = 0;
/** A fresh suffix of letters (b, c, …, ba, …) so names and ORIs of this file never collide. */
function letters(): string {
  unique += 1;
  return unique.toString(26).split('').map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
}

/** An Illinois ORI of this file: IL, five letters, two more from the suffix. */
const ori = (five: string) => `IL${five}${letters().toUpperCase().padStart(2, 'A')}`;

async function newAgency(as: string | Actor, input: Record<string, unknown>): Promise<AgencySeen> {
  return (await client.ok<{ createAgency: AgencySeen }>(as, CREATE_AGENCY, { input: { name: `Payload ${letters()}`, ...input } })).createAgency;
}

async function newPerson(as: string | Actor, input: Record<string, unknown>): Promise<PersonSeen> {
  return (await client.ok<{ addPerson: PersonSeen }>(as, ADD_PERSON, { input: { givenName: 'Sam', familyName: `Payload${letters()}`, ...input } })).addPerson;
}

/** A zone under ISP DOP Troop 2: within the `agency-admin` persona's scope (ISP Division of Patrol). */
const troopZone = (over: Record<string, unknown> = {}) => ({ kind: 'ISP_DIVISION_OF_PATROL', level: 'ZONE', parentId: A.ispDopTroop2, countiesServed: ['McHenry'], ...over });

const PROTOCOLS = {
  participantIdentification: 'Officers identify eligible people on patrol.',
  screeningAndAssessment: 'GAIN-SS by the case manager.',
  caseManagement: 'Weekly contact for 30 days.',
  treatmentFacilitation: 'Warm hand-off to a provider with capacity.',
  reporting: 'Recorded in the hub the same shift.',
  restorativeJustice: 'Restorative conference offered.',
  continuedLawEnforcementInvolvement: 'Quarterly review with the supervisor.',
};

/** The mutations this file has a payload test for; the last test compares it with the schema. */
const covered = new Set<string>();
function payloadTest(mutation: string, rule: string, test: () => Promise<void>): void {
  covered.add(mutation);
  it(`${mutation}: ${rule}`, test);
}

describe('every mutation payload shows no more than the caller can read through the read paths', () => {
  payloadTest('createAgency', 'the payload shows no more than the agency administrator can read of the new unit', async () => {
    const created = await newAgency('agency-admin', troopZone({ ori: ori('PAYLD') }));
    expect(created).toEqual(await readAgency('agency-admin', created.id));
  });

  payloadTest('updateAgency', 'the payload shows no more than the agency administrator can read of the unit', async () => {
    const created = await newAgency('agency-admin', troopZone());
    const updated = (await client.ok<{ updateAgency: AgencySeen }>('agency-admin', UPDATE_AGENCY, {
      input: { id: created.id, version: created.version, name: `Payload zone ${letters()}`, ori: ori('UPDTD'), countiesServed: ['lake', 'McHenry'] },
    })).updateAgency;
    expect(updated).toEqual(await readAgency('agency-admin', created.id));
    expect(updated.version).toBe(created.version + 1);
  });

  payloadTest('addMegMember', 'the payload shows no more than the hub administrator can read of the MEG', async () => {
    const meg = await newAgency('hub-admin', { kind: 'MEG', countiesServed: ['Lake'] });
    const added = (await client.ok<{ addMegMember: AgencySeen }>('hub-admin', ADD_MEG_MEMBER, {
      input: { megId: meg.id, localGovernment: 'Village of Round Lake', agencyId: A.lakeCountySheriff, joinedOn: '2026-01-01' },
    })).addMegMember;
    expect(added).toEqual(await readAgency('hub-admin', meg.id));
    expect(added.megMembers.map((m) => m.localGovernment)).toEqual(['Village of Round Lake']);
  });

  payloadTest('recordTaskForceAgreement', 'the payload shows no more than the hub administrator can read of the task force’s agreements', async () => {
    const taskForce = await newAgency('hub-admin', { kind: 'TASK_FORCE', countiesServed: ['Lee'] });
    const recorded = (await client.ok<{ recordTaskForceAgreement: AgreementSeen }>('hub-admin', RECORD_AGREEMENT, {
      input: { taskForceId: taskForce.id, title: 'Intergovernmental agreement', partyIds: [A.ispDci, A.dixonPolice], effectiveFrom: '2026-01-01', effectiveTo: '2028-12-31' },
    })).recordTaskForceAgreement;
    const read = (await client.ok<{ agency: { taskForceAgreements: AgreementSeen[] } }>('hub-admin', READ_AGREEMENTS, { id: taskForce.id })).agency.taskForceAgreements;
    expect(recorded).toEqual(read.find((agreement) => agreement.id === recorded.id));
  });

  payloadTest('addPerson', 'the payload shows no more than the agency administrator can read of the person', async () => {
    const added = await newPerson('agency-admin', { agencyId: A.ispDopTroop3, badgeNumber: '4417', email: 'sam.payload@isp.example', phone: '(217) 555-0144', roles: ['OFFICER', 'SUPERVISOR'] });
    expect(added).toEqual(await readPerson('agency-admin', added.id));
  });

  payloadTest('setPersonActive', 'the payload shows no more than the agency administrator can read of the person', async () => {
    const added = await newPerson('agency-admin', { agencyId: A.ispDopTroop3, roles: ['OFFICER'] });
    const changed = (await client.ok<{ setPersonActive: PersonSeen }>('agency-admin', SET_ACTIVE, { input: { personId: added.id, active: false } })).setPersonActive;
    expect(changed).toEqual(await readPerson('agency-admin', added.id));
    expect(changed.active).toBe(false);
  });

  payloadTest('designate', 'the payload shows no more than the delegating MEG Director can read of the designee’s designations', async () => {
    const designee = await newPerson('hub-admin', { agencyId: A.lakeCountyMeg, roles: ['OFFICER', 'DESIGNEE'] });
    const made = (await client.ok<{ designate: DesignationSeen }>('meg-director', DESIGNATE, {
      input: { designeeId: designee.id, delegatedById: P.directorMarsh, capacity: 'MEG_DIRECTOR', agencyId: A.lakeCountyMeg, validFrom: illinoisDate(), validTo: addDays(illinoisDate(), 90) },
    })).designate;
    const read = (await client.ok<{ person: { designations: DesignationSeen[] } }>('meg-director', READ_DESIGNATIONS, { id: designee.id })).person.designations;
    expect(made).toEqual(read.find((d) => d.id === made.id));
    expect(made.validToday).toBe(true);
  });

  payloadTest('revokeDesignation', 'the payload shows no more than the delegating MEG Director can read of the designee’s designations', async () => {
    const designee = await newPerson('hub-admin', { agencyId: A.lakeCountyMeg, roles: ['OFFICER', 'DESIGNEE'] });
    const made = (await client.ok<{ designate: DesignationSeen }>('meg-director', DESIGNATE, {
      input: { designeeId: designee.id, delegatedById: P.directorMarsh, capacity: 'MEG_DIRECTOR', agencyId: A.lakeCountyMeg, validFrom: illinoisDate() },
    })).designate;
    const revoked = (await client.ok<{ revokeDesignation: DesignationSeen }>('meg-director', REVOKE, { id: made.id })).revokeDesignation;
    const read = (await client.ok<{ person: { designations: DesignationSeen[] } }>('meg-director', READ_DESIGNATIONS, { id: designee.id })).person.designations;
    expect(revoked).toEqual(read.find((d) => d.id === made.id));
    expect(revoked).toMatchObject({ revokedAt: expect.any(String), validToday: false });
  });

  payloadTest('publishSolutionActionPlan', 'the payload shows no more than the hub administrator can read of the unit’s plans', async () => {
    const unit = await newAgency('hub-admin', { kind: 'LOCAL_POLICE', countiesServed: ['Lake'] });
    const plan = (over: Record<string, unknown>) => ({
      unitId: unit.id, enabledPathways: ['SELF_REFERRAL', 'ACTIVE_OUTREACH'],
      eligibility: { minimumAge: 18, allowsActiveWarrants: false, allowsProbationOrParole: true, excludedOffenses: ['delivery of a controlled substance'], notes: 'Adults only.' },
      caseManagementOrganizationId: A.tasc, caseManagerContact: { preferredMethod: 'PHONE', phone: '(847) 555-0190', hours: '24/7', instructions: 'Ask for the on-call case manager.' },
      protocols: PROTOCOLS, ...over,
    });
    await client.ok('hub-admin', PUBLISH, { input: plan({ effectiveFrom: addDays(illinoisDate(), -30) }) });
    const published = (await client.ok<{ publishSolutionActionPlan: PlanSeen }>('hub-admin', PUBLISH, { input: plan({ effectiveFrom: addDays(illinoisDate(), 30) }) })).publishSolutionActionPlan;
    const read = (await client.ok<{ agency: { solutionActionPlans: PlanSeen[] } }>('hub-admin', READ_PLANS, { id: unit.id })).agency.solutionActionPlans;
    expect(published).toEqual(read.find((p) => p.id === published.id));
    expect(published.version).toBe(2);
  });
});

describe('payload tests keep up with the schema', () => {
  it('has a payload test for every mutation of the agencies schema, so a new mutation without one fails here', () => {
    const mutations = Object.keys(agencies.schema.getMutationType()!.getFields()).sort();
    expect([...covered].sort()).toEqual(mutations);
  });
});
