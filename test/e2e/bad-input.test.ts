import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A, demoDeflectionId } from '@hub/platform/demo';
import { illinoisDate } from '@hub/platform/domain';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * Bad input gets BAD_USER_INPUT naming the field and the rule, through the gateway, before any SQL runs; nothing
 * reaches a client as an internal error. Each case below was once answered INTERNAL_SERVER_ERROR or accepted.
 */
let hub: TestHub;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  hub = await startTestHub();
  for (const persona of ['local-officer', 'hub-admin', 'agency-admin', 'provider', 'case-manager']) tokens[persona] = await hub.tokenFor(persona);
});

afterAll(async () => {
  await hub?.stop();
});

const REFER = 'mutation($input: QuickReferralInput!) { quickReferral(input: $input) { deflection { id } } }';
const referral = (over: Record<string, unknown> = {}, person: Record<string, unknown> = {}) => ({
  person: { givenName: 'Robin', familyName: 'Badinput', dateOfBirth: '1990-01-01', ...person },
  pathway: 'SELF_REFERRAL',
  personInitiated: true,
  narrative: 'Asked for help.',
  ...over,
});

async function refusal(persona: string, query: string, variables: Record<string, unknown>) {
  const result = await hub.gql(query, { token: tokens[persona]!, variables });
  expect(result.status).toBeLessThan(500);
  expect(result.errors?.length).toBeGreaterThan(0);
  return result.errors![0]!.extensions ?? {};
}

describe('bad input is refused with the field and the rule', () => {
  it('refuses a reference number passed as an id, pointing at what an id is', async () => {
    expect(await refusal('local-officer', 'query($id: ID!) { deflection(id: $id) { id } }', { id: 'DFL-2026-001000' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', rule: 'uuid' });
  });

  it('refuses a date that rolls over (31 September) instead of storing 1 October', async () => {
    const extensions = await refusal('local-officer', 'mutation($input: RecordIncidentInput!) { recordIncident(input: $input) { id } }', {
      input: { occurredAt: '2026-09-31T10:00:00Z', county: 'Lake', callType: 'OTHER', people: [{ person: { givenName: 'A', familyName: 'B' }, involvement: 'SUBJECT' }] },
    });
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.occurredAt', rule: 'date-time' });
  });

  it('refuses a DateTime without an offset instead of guessing UTC', async () => {
    expect(await refusal('local-officer', REFER, { input: referral({ occurredAt: '2026-11-20T10:00:00' }) })).toMatchObject({ field: 'input.occurredAt', rule: 'date-time' });
  });

  it('refuses a NUL byte in a name', async () => {
    expect(await refusal('local-officer', REFER, { input: referral({}, { givenName: 'Ro\u0000bin' }) })).toMatchObject({ field: 'input.person.givenName', rule: 'no-control-characters' });
  });

  it('refuses a string longer than its column', async () => {
    expect(await refusal('local-officer', REFER, { input: referral({}, { familyName: 'x'.repeat(101) }) })).toMatchObject({ field: 'input.person.familyName', rule: 'max-length' });
  });

  it('refuses a date of birth in 1800', async () => {
    expect(await refusal('local-officer', REFER, { input: referral({}, { dateOfBirth: '1800-01-01' }) })).toMatchObject({ field: 'input.person.dateOfBirth', rule: 'date-range' });
  });

  it('refuses a plan effective from 9999-12-31', async () => {
    const extensions = await refusal('agency-admin', 'mutation($input: PublishSolutionActionPlanInput!) { publishSolutionActionPlan(input: $input) { id } }', {
      input: {
        unitId: A.ispDopTroop8, effectiveFrom: '9999-12-31', enabledPathways: ['SELF_REFERRAL'], eligibility: { allowsActiveWarrants: false, allowsProbationOrParole: true },
        caseManagementOrganizationId: A.chestnutRecoveryCoaching, caseManagerContact: { preferredMethod: 'PHONE', phone: '(618) 555-0100' }, approvingAgencyId: A.megSouthwesternIllinois,
        protocols: { participantIdentification: 'x', screeningAndAssessment: 'x', caseManagement: 'x', treatmentFacilitation: 'x', reporting: 'x', restorativeJustice: 'x', continuedLawEnforcementInvolvement: 'x' },
      },
    });
    expect(extensions).toMatchObject({ field: 'input.effectiveFrom', rule: 'date-range' });
  });

  it('refuses consent recipients that are not agencies', async () => {
    const episodes = await hub.gql<{ myEpisodes: { edges: { node: { id: string } }[] } }>('{ myEpisodes(first: 1) { edges { node { id } } } }', { token: tokens.provider! });
    const extensions = await refusal('provider', 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: {
        kind: 'STANDARD', episodeId: episodes.data!.myEpisodes.edges[0]!.node.id, information: ['ENGAGEMENT'], recipients: [{ agencyId: demoDeflectionId(1) }],
        purpose: 'Tell the unit.', signedOn: '2026-01-01', expiresOn: '2030-01-01',
      },
    });
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.recipients[0].agencyId', rule: 'agency-exists' });
  });
});

describe('lists of 10,001 items are refused before anything runs', () => {
  const many = <T>(item: T) => Array.from({ length: 10_001 }, () => item);

  it.each([
    ['offences of a referral', 'local-officer', REFER, { input: referral({ eligibility: { offenses: many('Trespass') } }) }, 'input.eligibility.offenses'],
    ['counties of an agency', 'hub-admin', 'mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }', { input: { name: 'Too many', kind: 'SHERIFF', countiesServed: many('Lake') } }, 'input.countiesServed'],
    ['roles of a person', 'hub-admin', 'mutation($input: AddPersonInput!) { addPerson(input: $input) { id } }', { input: { agencyId: A.icjia, givenName: 'A', familyName: 'B', roles: many('ANALYST') } }, 'input.roles'],
    ['people in an incident', 'local-officer', 'mutation($input: RecordIncidentInput!) { recordIncident(input: $input) { id } }', { input: { occurredAt: '2026-11-20T10:00:00Z', county: 'Lake', callType: 'OTHER', people: many({ person: { givenName: 'A', familyName: 'B' }, involvement: 'SUBJECT' }) } }, 'input.people'],
    ['recipients of a consent', 'provider', 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', { input: { kind: 'STANDARD', episodeId: demoDeflectionId(1), information: ['ENGAGEMENT'], recipients: many({ agencyId: A.ispDopTroop2 }), purpose: 'x', signedOn: '2026-01-01', expiresOn: '2030-01-01' } }, 'input.recipients'],
  ])('%s', async (_what, persona, query, variables, field) => {
    expect(await refusal(persona, query, variables)).toMatchObject({ code: 'BAD_USER_INPUT', field, rule: 'max-items' });
  });
});

describe('a request that names no operation of its document', () => {
  it('answers 400 OPERATION_RESOLUTION_FAILURE, not 500', async () => {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['local-officer']}` },
      body: JSON.stringify({ query: 'query Mine { me { id } }', operationName: 'Theirs' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
  });
});

describe('a malformed persisted-query extension', () => {
  it.each([
    ['a version that is not an object', { query: '{ me { id } }', extensions: { persistedQuery: 'x' } }],
    ['an empty extension', { extensions: { persistedQuery: {} } }],
    ['a hash that does not match the query', { query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }],
  ])('answers 400 BAD_REQUEST for %s, not an internal error', async (_what, body) => {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['local-officer']}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });
});

describe('a request too large to answer safely is refused before it runs', () => {
  const AGENCY = `agency(id: "${A.ispDop}")`;
  /** children { parent { children … { id } } } nested to the given number of levels below the root field. */
  const nested = (levels: number) => Array.from({ length: levels }).reduce<string>((inner, _, i) => `${i % 2 ? 'parent' : 'children'} { ${inner} }`, 'id');

  async function limitRefusal(query: string) {
    const started = performance.now();
    const result = await hub.gql(query, { token: tokens['local-officer']! });
    return { ...result, ms: performance.now() - started };
  }

  it('refuses a query nested deeper than 8 levels (answers grow exponentially with depth), naming the limit', async () => {
    const refused = await limitRefusal(`{ ${AGENCY} { ${nested(8)} } }`);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth', max: 8 });
    const allowed = await limitRefusal(`{ ${AGENCY} { ${nested(4)} } }`);
    expect(allowed.errors).toBeUndefined();
  });

  it('refuses nested lists whose answer would grow by a power of their size, counting `first` from the variables', async () => {
    // Within the depth, alias and token limits: an agency's personnel's agency's personnel … three lists deep.
    const staff = await limitRefusal(`{ ${AGENCY} { personnel { agency { personnel { agency { personnel { id } } } } } } }`);
    expect(staff.status).toBe(400);
    expect(staff.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost', max: 100_000 });
    const PAGED = 'query($n: Int) { agencies(first: $n) { edges { node { personnel { agency { children { id } } } } } } }';
    const big = await hub.gql(PAGED, { token: tokens['local-officer']!, variables: { n: 200 } });
    expect(big.errors?.[0]?.extensions).toMatchObject({ limit: 'maxCost' });
    const small = await hub.gql(PAGED, { token: tokens['local-officer']!, variables: { n: 2 } });
    expect(small.errors).toBeUndefined();
    // A `first` that is no Int is not a cost problem: it is refused as bad input, naming the variable.
    const wrong = await hub.gql(PAGED, { token: tokens['local-officer']!, variables: { n: 'many' } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toContain('$n');
  });

  it('refuses a query too large to cost (over 10,000 fields once its fragments are expanded) rather than let it through unchecked', async () => {
    // 120 spreads of a 100-field fragment: 400 tokens, two levels deep, no alias, but 12,000 fields to cost.
    const fragment = `fragment F on Agency { ${Array.from({ length: 100 }, () => 'id').join(' ')} }`;
    const refused = await limitRefusal(`{ ${AGENCY} { ${Array.from({ length: 120 }, () => '...F').join(' ')} } } ${fragment}`);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost', max: 100_000 });
    const allowed = await limitRefusal(`{ ${AGENCY} { ...F ...F } } ${fragment}`);
    expect(allowed.errors).toBeUndefined();
  });

  it('refuses more than 30 aliases', async () => {
    const refused = await limitRefusal(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases', max: 30 });
  });

  it('refuses a 300 KiB query repeating one field while reading it, before validation could take quadratic time', async () => {
    const query = `{ ${'me { id } '.repeat(32_000)}}`;
    expect(Buffer.byteLength(query)).toBeGreaterThan(300 * 1024);
    const refused = await limitRefusal(query);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    // Milliseconds, not the seconds the overlapping-fields validation would take; bounded loosely for a busy machine.
    expect(refused.ms).toBeLessThan(2_000);
  });

  it('refuses a document of more than 5,000 tokens while reading it, before validation', async () => {
    const refused = await limitRefusal(`{ ${Array.from({ length: 3_000 }, () => 'me { id }').join(' ')} }`);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(refused.errors?.[0]?.message).toContain('5000 tokens');
  });
});

describe('a forged pagination cursor', () => {
  /** A cursor as the lists write them (base64url JSON of the sort key's values), with values no list wrote. */
  const cursor = (...values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
  const ID = '00000000-0000-4000-8000-000000000000';
  const DEFLECTIONS = 'query($after: String, $field: DeflectionSortField!) { deflections(after: $after, orderBy: { field: $field }) { edges { node { id } } } }';

  it.each([
    ['a word where a due date goes', 'case-manager', DEFLECTIONS, { field: 'NEXT_REVIEW_DUE', after: cursor('garbage', ID) }],
    ['31 February as a due date', 'case-manager', DEFLECTIONS, { field: 'NEXT_REVIEW_DUE', after: cursor('2026-02-31', ID) }],
    ['a year 275000 referral time', 'case-manager', DEFLECTIONS, { field: 'REFERRED_AT', after: cursor('+275000-01-01T00:00:00Z', ID) }],
    ['a NUL byte in a reference number', 'case-manager', DEFLECTIONS, { field: 'REFERENCE_NUMBER', after: cursor('DFL\u0000', ID) }],
    ['a NUL byte in an agency name', 'case-manager', 'query($after: String) { agencies(after: $after) { edges { node { id } } } }', { after: cursor('a\u0000b', ID) }],
    ['a year 275000 episode', 'provider', 'query($after: String) { myEpisodes(after: $after) { edges { node { id } } } }', { after: cursor('+275000-01-01T00:00:00Z', ID) }],
    ['an id that is no UUID', 'provider', 'query($after: String) { providerSearch(after: $after) { edges { node { id } } } }', { after: cursor('Gateway', 'DFL-2026-000001') }],
    ['an object instead of the sort key', 'provider', 'query($after: String) { providerSearch(after: $after) { edges { node { id } } } }', { after: Buffer.from('{"name":"x"}').toString('base64url') }],
  ])('refuses %s as BAD_USER_INPUT before SQL, not an internal error', async (_what, persona, query, variables) => {
    expect(await refusal(persona, query, variables)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' });
  });
});

describe('an id written in capitals', () => {
  it('names the same record as in lower case, on reads as on writes (UUIDs ignore case)', async () => {
    const upper = A.ispDop.toUpperCase();
    const agency = await hub.gql<{ agency: { id: string; name: string } | null }>('query($id: ID!) { agency(id: $id) { id name } }', { token: tokens['local-officer']!, variables: { id: upper } });
    expect(agency.data?.agency).toMatchObject({ id: A.ispDop, name: 'Illinois State Police, Division of Patrol' });
    const QUERY = 'query($id: ID!) { deflection(id: $id) { id referenceNumber } }';
    const lower = await hub.gql<{ deflection: { id: string } }>(QUERY, { token: tokens['case-manager']!, variables: { id: demoDeflectionId(15) } });
    const capitals = await hub.gql<{ deflection: { id: string } }>(QUERY, { token: tokens['case-manager']!, variables: { id: demoDeflectionId(15).toUpperCase() } });
    expect(lower.data?.deflection).toBeTruthy();
    expect(capitals.data).toEqual(lower.data);

    const CONTACTS = 'query($id: ID!) { deflection(id: $id) { contactAttempts { at } } }';
    const count = async () => (await hub.gql<{ deflection: { contactAttempts: unknown[] } }>(CONTACTS, { token: tokens['case-manager']!, variables: { id: demoDeflectionId(15) } })).data!.deflection.contactAttempts.length;
    const before = await count();
    const written = await hub.gql<{ recordContactAttempt: { id: string } }>('mutation($input: RecordContactAttemptInput!) { recordContactAttempt(input: $input) { id } }', {
      token: tokens['case-manager']!,
      variables: { input: { deflectionId: demoDeflectionId(15).toUpperCase(), at: new Date().toISOString(), method: 'PHONE', result: 'REACHED' } },
    });
    expect(written.data?.recordContactAttempt.id).toBe(demoDeflectionId(15));
    expect(await count()).toBe(before + 1);
  });
});

describe('implausible data is refused, naming the rule', () => {
  /** The violation about one field, whatever else the same request got wrong. */
  async function violation(persona: string, query: string, variables: Record<string, unknown>, field: string) {
    const extensions = await refusal(persona, query, variables);
    expect(extensions.code).toBe('BAD_USER_INPUT');
    const all = (extensions.violations as { field: string; rule: string }[] | undefined) ?? [extensions as { field: string; rule: string }];
    return all.find((v) => v.field === field);
  }
  const INCIDENT = 'mutation($input: RecordIncidentInput!) { recordIncident(input: $input) { id } }';
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();

  it('refuses an incident dated 1900, more than a year before it is recorded', async () => {
    expect(await violation('local-officer', REFER, { input: referral({ occurredAt: '1900-01-01T00:00:00Z' }) }, 'input.occurredAt')).toMatchObject({ rule: 'within-recording-window' });
  });

  it('refuses a person born after the incident they were in', async () => {
    const input = { occurredAt: lastWeek, county: 'Lake', callType: 'OTHER', people: [{ person: { givenName: 'Ada', familyName: 'Later', dateOfBirth: illinoisDate() }, involvement: 'SUBJECT' }] };
    expect(await violation('local-officer', INCIDENT, { input }, 'input.people[0].person.dateOfBirth')).toMatchObject({ rule: 'born-before-incident' });
  });

  it('refuses evidence seized in 1900, long before the incident', async () => {
    const referred = await hub.gql<{ quickReferral: { deflection: { id: string } } }>(REFER, { token: tokens['local-officer']!, variables: { input: referral({}, { familyName: 'Seizure' }) } });
    const deflectionId = referred.data!.quickReferral.deflection.id;
    const input = { deflectionId, description: 'Pipe', seizedAt: '1900-01-01T00:00:00+00:00' };
    expect(await violation('local-officer', 'mutation($input: RecordEvidenceInput!) { recordEvidence(input: $input) { id } }', { input }, 'input.seizedAt')).toMatchObject({ rule: 'after-incident' });
  });

  it('refuses a MEG as its own member, a member twice, and a joining date in 2199', async () => {
    const ADD = 'mutation($input: AddMegMemberInput!) { addMegMember(input: $input) { id } }';
    expect(await violation('hub-admin', ADD, { input: { megId: A.lakeCountyMeg, localGovernment: 'Itself', agencyId: A.lakeCountyMeg, joinedOn: '2020-01-01' } }, 'input.agencyId')).toMatchObject({ rule: 'law-enforcement' });
    expect(await violation('hub-admin', ADD, { input: { megId: A.lakeCountyMeg, localGovernment: 'Village of Later', joinedOn: '2199-12-31' } }, 'input.joinedOn')).toMatchObject({ rule: 'planning-horizon' });
    await hub.gql(ADD, { token: tokens['hub-admin']!, variables: { input: { megId: A.lakeCountyMeg, localGovernment: 'Village of Twice', joinedOn: '2020-01-01' } } });
    expect(await violation('hub-admin', ADD, { input: { megId: A.lakeCountyMeg, localGovernment: 'village of twice ', joinedOn: '2021-01-01' } }, 'input.localGovernment')).toMatchObject({ rule: 'not-already-member' });
  });

  it('refuses a criminal-justice consent irrevocable until 2199', async () => {
    const episodes = await hub.gql<{ myEpisodes: { edges: { node: { id: string } }[] } }>('{ myEpisodes(first: 1) { edges { node { id } } } }', { token: tokens.provider! });
    const input = {
      kind: 'CRIMINAL_JUSTICE', episodeId: episodes.data!.myEpisodes.edges[0]!.node.id, information: ['ENGAGEMENT'], recipients: [{ agencyId: A.lakeCountyStatesAttorney }],
      purpose: 'Progress for the prosecutor.', signedOn: illinoisDate(), expiresOnEvent: 'Final disposition', irrevocableUntil: '2199-12-31',
    };
    expect(await violation('provider', 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', { input }, 'input.irrevocableUntil')).toMatchObject({ rule: 'reasonable-period' });
  });
});
