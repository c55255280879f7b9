import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A, DEMO_PERSON as P } from '@hub/platform/demo';
import { illinoisDate } from '@hub/platform/domain';
import { createTestDatabase, SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../src/context.js';
import { agencies } from '../src/index.js';

let db: TestDatabase;
let client: SubgraphClient<Context>;

beforeAll(async () => {
  db = await createTestDatabase([agencies], { seed: true });
  client = new SubgraphClient(agencies, db.orm('agencies'));
});

afterAll(async () => {
  await db.drop();
});

const PROTOCOLS = {
  participantIdentification: 'Officers identify eligible people on patrol.',
  screeningAndAssessment: 'GAIN-SS by the case manager.',
  caseManagement: 'Weekly contact for 30 days.',
  treatmentFacilitation: 'Warm hand-off to a provider with capacity.',
  reporting: 'Recorded in the hub the same shift.',
  restorativeJustice: 'Restorative conference offered.',
  continuedLawEnforcementInvolvement: 'Quarterly review with the approving leader.',
};

describe('directory queries', () => {
  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const error = await client.error(null, '{ myAgency { id } }');
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers my agency and me for the signed-in person', async () => {
    const data = await client.ok<{ myAgency: { name: string; parent: { name: string } }; me: { displayName: string } }>(
      'officer',
      '{ myAgency { name parent { name } } me { displayName } }',
    );
    expect(data.myAgency.name).toBe('ISP Division of Patrol, Troop 2');
    expect(data.myAgency.parent.name).toBe('Illinois State Police, Division of Patrol');
    expect(data.me.displayName).toBe('Daniel Reyes');
  });

  it('lists ISP troops and zones as children of their division', async () => {
    const data = await client.ok<{ agency: { children: { name: string; level: string }[] } }>(
      'officer',
      'query($id: ID!) { agency(id: $id) { children { name level } } }',
      { id: A.ispDop },
    );
    expect(data.agency.children.map((c) => c.name)).toEqual([
      'ISP Division of Patrol, Troop 2',
      'ISP Division of Patrol, Troop 3',
      'ISP Division of Patrol, Troop 8',
    ]);
    expect(data.agency.children.every((c) => c.level === 'TROOP')).toBe(true);
    const dci = await client.ok<{ agency: { children: { name: string; level: string }[] } }>(
      'officer',
      'query($id: ID!) { agency(id: $id) { children { name level } } }',
      { id: A.ispDci },
    );
    expect(dci.agency.children).toEqual([
      { name: 'ISP DCI, North Zone', level: 'ZONE' },
      { name: 'ISP DCI, South Zone', level: 'ZONE' },
    ]);
  });

  it('finds agencies by kind and by county, paginated with a cursor', async () => {
    const query = `query($after: String) { agencies(filter: { kind: [MEG], county: "lake county" }, first: 1, after: $after) {
      totalCount edges { node { name countiesServed } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { agencies: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await client.ok<Page>('officer', query);
    expect(first.agencies.totalCount).toBe(1);
    expect(first.agencies.edges.map((e) => e.node.name)).toEqual(['Lake County Metropolitan Enforcement Group']);
    expect(first.agencies.pageInfo.hasNextPage).toBe(false);

    const all = await client.ok<Page>('officer', '{ agencies(filter: { kind: [MEG] }, first: 2) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }');
    expect(all.agencies.totalCount).toBe(4);
    expect(all.agencies.pageInfo.hasNextPage).toBe(true);
    const next = await client.ok<Page>(
      'officer',
      'query($after: String) { agencies(filter: { kind: [MEG] }, first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }',
      { after: all.agencies.pageInfo.endCursor },
    );
    expect(next.agencies.edges).toHaveLength(2);
    expect(next.agencies.pageInfo.hasNextPage).toBe(false);
    // The cursor moves on: the second page repeats nothing of the first, and the two hold all four MEGs.
    const names = [...all.agencies.edges, ...next.agencies.edges].map((e) => e.node.name);
    expect(new Set(names).size).toBe(4);
  });

  it('rejects a county filter that is not an Illinois county, naming the field', async () => {
    const error = await client.error('officer', '{ agencies(filter: { county: "Narnia" }) { totalCount } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.county', rule: 'illinois-county' });
  });

  it('shows MEG members and task-force agreements with their parties', async () => {
    const data = await client.ok<{ meg: { megMembers: { localGovernment: string }[] }; tf: { taskForceAgreements: { parties: { name: string }[]; inForce: boolean }[] } }>(
      'officer',
      'query($meg: ID!, $tf: ID!) { meg: agency(id: $meg) { megMembers { localGovernment } } tf: agency(id: $tf) { taskForceAgreements { inForce parties { name } } } }',
      { meg: A.lakeCountyMeg, tf: A.westCentralTaskForce },
    );
    expect(data.meg.megMembers.map((m) => m.localGovernment)).toContain('Lake County');
    expect(data.tf.taskForceAgreements[0]!.parties.map((p) => p.name)).toEqual([
      'Illinois State Police, Division of Criminal Investigation',
      'Quincy Police Department',
    ]);
  });
});

describe('who can approve for a MEG or task force (OPS-092 III.D)', () => {
  const query = 'query($id: ID!, $on: Date) { approversFor(agencyId: $id, on: $on) { person { displayName } capacity actingFor { displayName } } }';
  type Approvers = { approversFor: { person: { displayName: string }; capacity: string; actingFor: { displayName: string } | null }[] };

  it('lists the MEG Director and a designee valid on the date', async () => {
    const data = await client.ok<Approvers>('officer', query, { id: A.lakeCountyMeg, on: '2026-11-23' });
    expect(data.approversFor).toEqual([
      { person: { displayName: 'Elaine Marsh' }, capacity: 'MEG_DIRECTOR', actingFor: null },
      { person: { displayName: 'Ravi Patel' }, capacity: 'MEG_DIRECTOR', actingFor: { displayName: 'Elaine Marsh' } },
    ]);
  });

  it('leaves out a designee whose designation has expired or who is inactive', async () => {
    const data = await client.ok<Approvers>('officer', query, { id: A.lakeCountyMeg, on: '2025-03-01' });
    // Vance's designation covered this date, but he is no longer active; Patel's had not started.
    expect(data.approversFor.map((a) => a.person.displayName)).toEqual(['Elaine Marsh']);

    // An active designee whose designation ended: listed while it ran, left out once it expired.
    const added = await client.ok<{ addPerson: { id: string } }>('hub-admin', 'mutation($input: AddPersonInput!) { addPerson(input: $input) { id } }', {
      input: { agencyId: A.lakeCountyMeg, givenName: 'Esme', familyName: 'Expired', roles: ['OFFICER', 'DESIGNEE'] },
    });
    const director = { personId: P.directorMarsh, agencyId: A.lakeCountyMeg, roles: ['MEG_DIRECTOR' as const], actingFor: null };
    await client.ok(director, 'mutation($input: DesignateInput!) { designate(input: $input) { id } }', {
      input: { designeeId: added.addPerson.id, delegatedById: P.directorMarsh, capacity: 'MEG_DIRECTOR', agencyId: A.lakeCountyMeg, validFrom: '2025-09-01', validTo: '2025-10-31' },
    });
    const during = await client.ok<Approvers>('officer', query, { id: A.lakeCountyMeg, on: '2025-10-15' });
    expect(during.approversFor.map((a) => a.person.displayName)).toContain('Esme Expired');
    const afterExpiry = await client.ok<Approvers>('officer', query, { id: A.lakeCountyMeg, on: '2025-11-01' });
    expect(afterExpiry.approversFor.map((a) => a.person.displayName)).toEqual(['Elaine Marsh']);
  });

  it('names the Task Force Commander for a task force', async () => {
    const data = await client.ok<Approvers>('officer', query, { id: A.westCentralTaskForce });
    expect(data.approversFor.map((a) => [a.person.displayName, a.capacity])).toEqual([['Luke Holt', 'TASK_FORCE_COMMANDER']]);
  });

  it('has no approvers for an agency that is neither a MEG nor a task force', async () => {
    const data = await client.ok<Approvers>('officer', query, { id: A.lakeCountySheriff });
    expect(data.approversFor).toEqual([]);
  });
});

describe('Solution Action Plans (OPS-D1, OPS-D11)', () => {
  const query = `query($unit: ID!, $county: String, $on: Date) { solutionActionPlan(unitId: $unit, county: $county, on: $on) {
    version county enabledPathways approvingAgency { name } caseManagementOrganization { name } caseManagerContact { preferredMethod phone }
    protocols { restorativeJustice } } }`;
  type Plan = { solutionActionPlan: { version: number; county: string | null; enabledPathways: string[]; approvingAgency: { name: string } | null } | null };

  it('answers the version in force on a date', async () => {
    const old = await client.ok<Plan>('officer', query, { unit: A.ispDopTroop2, on: '2025-06-01' });
    expect(old.solutionActionPlan?.version).toBe(1);
    const current = await client.ok<Plan>('officer', query, { unit: A.ispDopTroop2, on: '2026-11-23' });
    expect(current.solutionActionPlan?.version).toBe(2);
    expect(current.solutionActionPlan?.enabledPathways).toHaveLength(6);
    expect(current.solutionActionPlan?.approvingAgency?.name).toBe('Lake County Metropolitan Enforcement Group');
  });

  it('prefers a county-specific plan over the unit-wide one', async () => {
    const data = await client.ok<Plan>('officer', query, { unit: A.ispDopTroop2, county: 'DuPage', on: '2026-11-23' });
    expect(data.solutionActionPlan?.county).toBe('DuPage');
    expect(data.solutionActionPlan?.approvingAgency?.name).toBe('DuPage Metropolitan Enforcement Group');
  });

  const publish = `mutation($input: PublishSolutionActionPlanInput!) { publishSolutionActionPlan(input: $input) { id version effectiveFrom enabledPathways } }`;
  const input = (over: Record<string, unknown> = {}) => ({
    unitId: A.ispDopTroop8,
    effectiveFrom: '2027-01-01',
    enabledPathways: ['SELF_REFERRAL', 'OFFICER_INTERVENTION'],
    eligibility: { minimumAge: 18, allowsActiveWarrants: false, allowsProbationOrParole: true },
    caseManagementOrganizationId: A.chestnutRecoveryCoaching,
    caseManagerContact: { preferredMethod: 'PHONE', phone: '(618) 555-0100' },
    approvingAgencyId: A.megSouthwesternIllinois,
    protocols: PROTOCOLS,
    ...over,
  });

  it('publishes a new version that supersedes the previous one on its start date', async () => {
    const data = await client.ok<{ publishSolutionActionPlan: { version: number } }>('agency-admin', publish, { input: input() });
    expect(data.publishSolutionActionPlan.version).toBe(2);
    const before = await client.ok<Plan>('officer', query, { unit: A.ispDopTroop8, on: '2026-12-31' });
    expect(before.solutionActionPlan?.version).toBe(1);
    const after = await client.ok<Plan>('officer', query, { unit: A.ispDopTroop8, on: '2027-01-01' });
    expect(after.solutionActionPlan?.version).toBe(2);
  });

  it('refuses an approving MEG that works in none of the plan’s counties', async () => {
    // Troop 8 serves Madison, St. Clair and Monroe; the Lake County MEG serves Lake.
    const error = await client.error('agency-admin', publish, { input: input({ approvingAgencyId: A.lakeCountyMeg, effectiveFrom: '2027-03-01' }) });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.approvingAgencyId', rule: 'serves-county' });
  });

  it('rejects a DOP plan without an approving MEG or task force', async () => {
    const error = await client.error('agency-admin', publish, { input: input({ approvingAgencyId: null, effectiveFrom: '2027-02-01' }) });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.approvingAgencyId', rule: 'required-for-isp' });
  });

  it('rejects officer intervention in a fire department plan', async () => {
    const error = await client.error('hub-admin', publish, {
      input: input({ unitId: A.peoriaFire, approvingAgencyId: null, caseManagementOrganizationId: A.tasc, effectiveFrom: '2027-01-01' }),
    });
    expect(error.extensions).toMatchObject({ field: 'input.enabledPathways', rule: 'law-enforcement-only' });
  });

  it('rejects a plan with a blank statutory protocol section, naming the section', async () => {
    const error = await client.error('agency-admin', publish, {
      input: input({ effectiveFrom: '2027-03-01', protocols: { ...PROTOCOLS, restorativeJustice: ' ' } }),
    });
    expect(error.extensions).toMatchObject({ field: 'input.protocols.restorativeJustice', rule: 'required' });
  });

  it('forbids an administrator from publishing for a unit outside their agency', async () => {
    const error = await client.error('agency-admin', publish, { input: input({ unitId: A.ispDciSouthZone }) });
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a plan that starts more than two years ahead, and a date no calendar has', async () => {
    const far = await client.error('agency-admin', publish, { input: input({ effectiveFrom: '2099-01-01' }) });
    expect(far.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.effectiveFrom', rule: 'planning-horizon' });
    const never = await client.error('agency-admin', publish, { input: input({ effectiveFrom: '9999-12-31' }) });
    expect(never.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.effectiveFrom', rule: 'date-range' });
  });

  it('forbids an officer from publishing a plan', async () => {
    const error = await client.error('officer', publish, { input: input() });
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('administration mutations', () => {
  it('creates a zone under a troop and refuses one with no parent', async () => {
    const create = 'mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id name level parent { name } countiesServed } }';
    const data = await client.ok<{ createAgency: { level: string; parent: { name: string }; countiesServed: string[] } }>('agency-admin', create, {
      input: { name: 'ISP DOP Troop 2, Zone 4', kind: 'ISP_DIVISION_OF_PATROL', level: 'ZONE', parentId: A.ispDopTroop2, countiesServed: ['mchenry'] },
    });
    expect(data.createAgency.level).toBe('ZONE');
    expect(data.createAgency.parent.name).toBe('ISP Division of Patrol, Troop 2');
    expect(data.createAgency.countiesServed).toEqual(['McHenry']);

    const error = await client.error('hub-admin', create, {
      input: { name: 'Orphan zone', kind: 'ISP_DIVISION_OF_PATROL', level: 'ZONE', countiesServed: [] },
    });
    expect(error.extensions).toMatchObject({ field: 'input.parentId', rule: 'required' });
  });

  it('rejects an update made against a stale version with CONFLICT', async () => {
    const created = await client.ok<{ createAgency: { id: string; version: number } }>('agency-admin', 'mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id version } }', {
      input: { name: 'ISP DOP Troop 3, Zone 9', kind: 'ISP_DIVISION_OF_PATROL', level: 'ZONE', parentId: A.ispDopTroop3, countiesServed: ['Cook'] },
    });
    const { id, version } = created.createAgency;
    const update = 'mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { name version } }';
    const ok = await client.ok<{ updateAgency: { version: number } }>('agency-admin', update, { input: { id, version, name: 'ISP DOP Troop 3, Zone 9 (Chicago)' } });
    expect(ok.updateAgency.version).toBe(version + 1);
    const stale = await client.error('agency-admin', update, { input: { id, version, name: 'Lost update' } });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
  });

  it('rejects a MEG Director role in a sheriff’s office', async () => {
    const error = await client.error('hub-admin', 'mutation($input: AddPersonInput!) { addPerson(input: $input) { id } }', {
      input: { agencyId: A.lakeCountySheriff, givenName: 'Ann', familyName: 'Example', roles: ['MEG_DIRECTOR'] },
    });
    expect(error.extensions).toMatchObject({ field: 'input.roles', rule: 'role-fits-agency' });
  });

  it('lets a MEG Director designate a designee, who then appears among the approvers until revoked', async () => {
    const added = await client.ok<{ addPerson: { id: string } }>('hub-admin', 'mutation($input: AddPersonInput!) { addPerson(input: $input) { id } }', {
      input: { agencyId: A.lakeCountyMeg, givenName: 'Nadia', familyName: 'Example', roles: ['OFFICER', 'DESIGNEE'] },
    });
    const designate = 'mutation($input: DesignateInput!) { designate(input: $input) { id validToday } }';
    const director = { personId: P.directorMarsh, agencyId: A.lakeCountyMeg, roles: ['MEG_DIRECTOR' as const], actingFor: null };
    // From today: the designation is revoked today, so it must not reach back into dates other tests ask about.
    const made = await client.ok<{ designate: { id: string; validToday: boolean } }>(director, designate, {
      input: { designeeId: added.addPerson.id, delegatedById: P.directorMarsh, capacity: 'MEG_DIRECTOR', agencyId: A.lakeCountyMeg, validFrom: illinoisDate() },
    });
    expect(made.designate.validToday).toBe(true);
    const names = async () =>
      (await client.ok<{ approversFor: { person: { displayName: string } }[] }>('officer', 'query($id: ID!) { approversFor(agencyId: $id) { person { displayName } } }', { id: A.lakeCountyMeg }))
        .approversFor.map((a) => a.person.displayName);
    expect(await names()).toContain('Nadia Example');
    await client.ok(director, 'mutation($id: ID!) { revokeDesignation(id: $id) { revokedAt } }', { id: made.designate.id });
    // Revoking again is safe: a retried request changes nothing.
    await client.ok(director, 'mutation($id: ID!) { revokeDesignation(id: $id) { revokedAt } }', { id: made.designate.id });
    expect(await names()).not.toContain('Nadia Example');
  });

  it('refuses a designation by someone who does not hold the delegated role', async () => {
    const error = await client.error('hub-admin', 'mutation($input: DesignateInput!) { designate(input: $input) { id } }', {
      input: { designeeId: P.inspectorPatel, delegatedById: P.deputyLindqvist, capacity: 'MEG_DIRECTOR', agencyId: A.lakeCountyMeg, validFrom: '2026-01-01' },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.delegatedById', rule: 'holds-capacity' });
  });

  const RECORD_AGREEMENT = 'mutation($input: RecordTaskForceAgreementInput!) { recordTaskForceAgreement(input: $input) { id } }';

  it('refuses a task-force agreement without ISP as a party', async () => {
    const error = await client.error('hub-admin', RECORD_AGREEMENT, { input: { taskForceId: A.blackhawkTaskForce, title: 'Renewal', partyIds: [A.dixonPolice], effectiveFrom: '2027-01-01' } });
    expect(error.extensions).toMatchObject({ field: 'input.partyIds', rule: 'isp-party' });
  });

  it('refuses a task-force agreement without a municipal or county law-enforcement party', async () => {
    const error = await client.error('hub-admin', RECORD_AGREEMENT, { input: { taskForceId: A.blackhawkTaskForce, title: 'Renewal', partyIds: [A.ispDci, A.rockfordFire], effectiveFrom: '2027-01-01' } });
    expect(error.extensions).toMatchObject({ field: 'input.partyIds', rule: 'local-party' });
  });
});

describe('no escalation through the directory', () => {
  const ADD_PERSON = 'mutation($input: AddPersonInput!) { addPerson(input: $input) { id roles } }';
  const DESIGNATE = 'mutation($input: DesignateInput!) { designate(input: $input) { id } }';
  const director = { personId: P.directorMarsh, agencyId: A.lakeCountyMeg, roles: ['MEG_DIRECTOR' as const], actingFor: null };

  it('refuses an agency administrator who grants HUB_ADMINISTRATOR, and writes nobody', async () => {
    const count = async () => (await client.ok<{ agency: { personnel: unknown[] } }>('hub-admin', 'query($id: ID!) { agency(id: $id) { personnel(includeInactive: true) { id } } }', { id: A.ispDop })).agency.personnel.length;
    const before = await count();
    const error = await client.error('agency-admin', ADD_PERSON, { input: { agencyId: A.ispDop, givenName: 'Eve', familyName: 'Example', roles: ['OFFICER', 'HUB_ADMINISTRATOR'] } });
    expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('lets an agency administrator grant roles within their scope, administrators included', async () => {
    const data = await client.ok<{ addPerson: { roles: string[] } }>('agency-admin', ADD_PERSON, { input: { agencyId: A.ispDopTroop3, givenName: 'Ike', familyName: 'Example', roles: ['OFFICER', 'ADMINISTRATOR'] } });
    expect(data.addPerson.roles).toEqual(['OFFICER', 'ADMINISTRATOR']);
  });

  it('refuses an agency administrator who makes a MEG, a provider or a prosecutor, under their agency or beside it', async () => {
    const CREATE = 'mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }';
    const count = async () => (await client.ok<{ agencies: { totalCount: number } }>('hub-admin', '{ agencies(first: 1) { totalCount } }')).agencies.totalCount;
    const before = await count();
    for (const kind of ['MEG', 'CASE_MANAGEMENT_ORGANIZATION', 'TREATMENT_PROVIDER_ORGANIZATION', 'PROSECUTOR']) {
      const asAgency = await client.error('agency-admin', CREATE, { input: { name: `Puppet ${kind}`, kind, level: 'AGENCY', parentId: A.ispDop, countiesServed: ['Lake'] } });
      expect(asAgency.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId', rule: 'unit-hierarchy' });
      const asUnit = await client.error('agency-admin', CREATE, { input: { name: `Puppet ${kind} unit`, kind, level: 'UNIT', parentId: A.ispDop, countiesServed: ['Lake'] } });
      expect(asUnit.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind', rule: 'same-organisation' });
      const standingAlone = await client.error('agency-admin', CREATE, { input: { name: `Puppet ${kind} alone`, kind, level: 'AGENCY', countiesServed: ['Lake'] } });
      expect(standingAlone.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(before);
  });

  it('refuses an agency administrator who grants a role their organisation does not have', async () => {
    for (const role of ['MEG_DIRECTOR', 'DESIGNEE', 'CASE_MANAGER', 'PROVIDER_STAFF', 'PROSECUTOR']) {
      const error = await client.error('agency-admin', ADD_PERSON, { input: { agencyId: A.ispDopTroop2, givenName: 'Pat', familyName: 'Puppet', roles: [role] } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles', rule: 'role-fits-agency' });
    }
    // ISP is one of the analysts' organisations (with ICJIA, DHS and the programs).
    const analyst = await client.ok<{ addPerson: { roles: string[] } }>('agency-admin', ADD_PERSON, { input: { agencyId: A.ispDop, givenName: 'Ana', familyName: 'Lyst', roles: ['ANALYST'] } });
    expect(analyst.addPerson.roles).toEqual(['ANALYST']);
  });

  it('lets only a hub administrator make another hub administrator', async () => {
    const data = await client.ok<{ addPerson: { roles: string[] } }>('hub-admin', ADD_PERSON, { input: { agencyId: A.icjia, givenName: 'Hal', familyName: 'Example', roles: ['HUB_ADMINISTRATOR'] } });
    expect(data.addPerson.roles).toEqual(['HUB_ADMINISTRATOR']);
    const byAgencyAdministrator = await client.error('agency-admin', ADD_PERSON, { input: { agencyId: A.ispDop, givenName: 'Hugo', familyName: 'Example', roles: ['HUB_ADMINISTRATOR'] } });
    expect(byAgencyAdministrator.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a MEG Director who designates another agency’s officer, who therefore never approves for the MEG', async () => {
    const error = await client.error(director, DESIGNATE, {
      input: { designeeId: P.deputyLindqvist, delegatedById: P.directorMarsh, capacity: 'MEG_DIRECTOR', agencyId: A.lakeCountyMeg, validFrom: '2026-01-01' },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.designeeId', rule: 'designee-same-agency' });
    const approvers = await client.ok<{ approversFor: { person: { id: string } }[] }>('officer', 'query($id: ID!) { approversFor(agencyId: $id) { person { id } } }', { id: A.lakeCountyMeg });
    expect(approvers.approversFor.map((a) => a.person.id)).not.toContain(P.deputyLindqvist);
  });

  it('refuses a leader who records a designation of another leader’s authority', async () => {
    const error = await client.error(director, DESIGNATE, {
      input: { designeeId: P.inspectorPatel, delegatedById: P.directorBaptiste, capacity: 'MEG_DIRECTOR', agencyId: A.megSouthwesternIllinois, validFrom: '2026-01-01' },
    });
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('finding plans and agencies', () => {
  it('shows every plan of a unit in force today, unit-wide and county-specific, so the county plan is not missed', async () => {
    const data = await client.ok<{ myAgency: { solutionActionPlan: { county: string | null }; solutionActionPlansInForce: { county: string | null; version: number }[] } }>(
      'officer',
      '{ myAgency { solutionActionPlan { county } solutionActionPlansInForce { county version } } }',
    );
    expect(data.myAgency.solutionActionPlan.county).toBeNull();
    expect(data.myAgency.solutionActionPlansInForce.map((p) => p.county ?? 'unit-wide').sort()).toEqual(['DuPage', 'unit-wide']);
  });

  it('looks several agencies up at once by id', async () => {
    const data = await client.ok<{ agencies: { totalCount: number; edges: { node: { id: string } }[] } }>('officer', 'query($ids: [ID!]) { agencies(filter: { ids: $ids }) { totalCount edges { node { id } } } }', {
      ids: [A.tasc, A.lakeCountyMeg],
    });
    expect(data.agencies.edges.map((e) => e.node.id).sort()).toEqual([A.lakeCountyMeg, A.tasc].sort());
    expect(data.agencies.totalCount).toBe(2);
  });
});

describe('batching', () => {
  it('loads personnel and parents of a page of agencies in a constant number of statements', async () => {
    const orm = db.orm('agencies');
    const measure = async (first: number) =>
      (await orm.counter.measure(() => client.ok('officer', `{ agencies(first: ${first}) { edges { node { parent { name } personnel { displayName agency { name } } } } } }`))).statements
        .length;
    const small = await measure(3);
    const large = await measure(25);
    expect(large).toBe(small);
  });
});

describe('the change version other subgraphs keep answers by', () => {
  const version = async () => BigInt((await client.ok<{ changeVersion: string }>('officer', '{ changeVersion }')).changeVersion.split('.')[0]!);
  const versionIn = async (tx: EntityManager) => BigInt((await tx.execute<{ version: string }[]>(`select version from "agencies"."change_version"`))[0]!.version);

  it('moves when a write to the directory commits, at the commit, and not with reads or a write rolled back', async () => {
    const start = await version();
    await client.ok('officer', '{ myAgency { name personnel { id } solutionActionPlan { id } } me { displayName } }');
    expect(await version()).toBe(start);
    const rename = (tx: EntityManager) => tx.execute(`update "agencies"."agency" set name = name where id = ?`, [A.quincyPolice]);
    await db.orm('agencies').fork().transactional(async (tx) => {
      await rename(tx);
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect(await version()).toBe(start);
    await db.orm('agencies').fork().transactional(async (tx) => {
      await rename(tx);
      // Deferred to the commit: a writer takes the version's row lock after every other lock it needs.
      expect(await versionIn(tx)).toBe(start);
    });
    expect(await version()).toBe(start + 1n);
  });

  it('is moved by a committed write to every table of the directory, all but the audit trail, the migrations’ and its own', async () => {
    const orm = db.orm('agencies');
    const tables = await orm.fork().execute<{ table: string }[]>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'agencies' and c.relkind = 'r' and c.relname not in ('audit_record', 'change_version', 'mikro_orm_migrations') order by 1`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const { table } of tables) {
      const before = await version();
      await orm.fork().transactional((tx) => tx.execute(`update "agencies"."${table}" set id = id where id = (select id from "agencies"."${table}" limit 1)`));
      expect([table, await version()]).toEqual([table, before + 1n]);
    }
  });

  it('names the agencies process run beside the count, so answers kept from an older deploy are read again', async () => {
    const answer = (await client.ok<{ changeVersion: string }>('officer', '{ changeVersion }')).changeVersion;
    expect(answer).toMatch(/^\d+\.[0-9a-f-]{36}$/);
  });
});
