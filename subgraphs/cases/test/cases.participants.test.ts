import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A, DEMO_PERSON as P } from '@hub/platform/demo';
import type { Actor } from '@hub/platform/identity';
import type { SubgraphClient, TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { Participant } from '../src/entities/participant.entity.js';
import { startCasesWithAgencies } from './support.js';

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
  deflection { id priorDeflectionCount participant { id givenName familyName dateOfBirth deflections { id } } } } }`;
type Referred = { quickReferral: { deflection: { id: string; priorDeflectionCount: number; participant: { id: string; givenName: string; familyName: string; deflections: { id: string }[] } } } };

let unique = 0;
/** A person nobody has referred yet (names differ by letters: matching ignores digits). */
function newPerson(dateOfBirth = '1987-06-15') {
  unique += 1;
  return { givenName: 'Robin', familyName: `Okonkwo${'abcdefghij'[unique % 10]}${'klmnopqrst'[Math.floor(unique / 10) % 10]}`, dateOfBirth };
}

const dixonOfficer: Actor = { personId: P.officerDuarte, agencyId: A.dixonPolice, roles: ['OFFICER'], actingFor: null };
const sheriffReferral = (person: Record<string, unknown>) => ({ person, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help.' });
const dixonReferral = (person: Record<string, unknown>) => ({ person, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help.', county: 'Lee' });

describe('only the roles that work a case see who a person is', () => {
  it('refuses an analyst and an administrator of a unit that recorded the person, and answers the unit’s officer', async () => {
    const referred = await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral(newPerson()) });
    const id = referred.quickReferral.deflection.participant.id;
    const query = 'query($id: ID!) { participant(id: $id) { givenName familyName dateOfBirth } }';
    const analyst: Actor = { personId: P.analystSantiago, agencyId: A.lakeCountySheriff, roles: ['ANALYST'], actingFor: null };
    const administrator: Actor = { personId: P.dopAdministrator, agencyId: A.lakeCountySheriff, roles: ['ADMINISTRATOR'], actingFor: null };
    expect((await client.error(analyst, query, { id })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.error(administrator, query, { id })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.error('analyst', query, { id })).extensions?.code).toBe('FORBIDDEN');
    const officer = await client.ok<{ participant: { familyName: string } }>('local-officer', query, { id });
    expect(officer.participant.familyName).toMatch(/^Okonkwo/);
  });
});

describe('a referral by name and date of birth is no statewide lookup', () => {
  it('shows another unit only its own spelling and its own earlier deflections of the same person', async () => {
    const person = newPerson();
    const first = await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral({ ...person, familyName: `${person.familyName.toUpperCase()}` }) });
    const second = await client.ok<Referred>(dixonOfficer, REFER, { input: dixonReferral(person) });
    const seen = second.quickReferral.deflection;
    // The same person (OPS-D10: linked for statistics and for those who follow them)…
    expect(seen.participant.id).toBe(first.quickReferral.deflection.participant.id);
    // …but Dixon learns nothing of the sheriff's record: not its spelling, not its existence.
    expect(seen.participant.familyName).toBe(person.familyName);
    expect(seen.priorDeflectionCount).toBe(0);
    expect(seen.participant.deflections.map((d) => d.id)).toEqual([seen.id]);
  });

  it('counts every unit’s earlier deflections for the case manager, who follows the person', async () => {
    const person = newPerson();
    await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral(person) });
    const second = await client.ok<Referred>(dixonOfficer, REFER, { input: dixonReferral(person) });
    const asCaseManager = await client.ok<{ deflection: { priorDeflectionCount: number } }>('case-manager', 'query($id: ID!) { deflection(id: $id) { priorDeflectionCount } }', { id: second.quickReferral.deflection.id });
    expect(asCaseManager.deflection.priorDeflectionCount).toBe(1);
  });

  it('counts a unit’s own earlier deflections for its officers', async () => {
    const person = newPerson();
    await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral(person) });
    const again = await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral(person) });
    expect(again.quickReferral.deflection.priorDeflectionCount).toBe(1);
  });
});

describe('names in any script', () => {
  it('keeps people whose names are written in Cyrillic or Chinese apart, even with one date of birth', async () => {
    const dateOfBirth = '1985-05-05';
    const people = [
      { givenName: 'Иван', familyName: 'Петров', dateOfBirth },
      { givenName: '美玲', familyName: '王', dateOfBirth },
      { givenName: 'Ольга', familyName: 'Смирнова', dateOfBirth },
    ];
    const referred = [];
    for (const person of people) referred.push((await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral(person) })).quickReferral.deflection);
    expect(new Set(referred.map((d) => d.participant.id)).size).toBe(3);
    expect(referred.map((d) => d.priorDeflectionCount)).toEqual([0, 0, 0]);
  });

  it('still links the same Cyrillic name written in other case, as it links Latin names with and without accents', async () => {
    const first = await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral({ givenName: 'Алексей', familyName: 'Кузнецов', dateOfBirth: '1979-03-03' }) });
    const again = await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral({ givenName: 'АЛЕКСЕЙ', familyName: 'КУЗНЕЦОВ', dateOfBirth: '1979-03-03' }) });
    expect(again.quickReferral.deflection.participant.id).toBe(first.quickReferral.deflection.participant.id);
  });

  it('refers a person whose name expands past the key column (a hundred Hangul syllables) without an error', async () => {
    const person = { givenName: '한'.repeat(100), familyName: '\uFDFA'.repeat(50), dateOfBirth: '1991-09-09' };
    const first = await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral(person) });
    const again = await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral(person) });
    expect(again.quickReferral.deflection.participant.id).toBe(first.quickReferral.deflection.participant.id);
  });

  it('never matches a name with no letters left to anyone, however often it is used', async () => {
    const numbered = { givenName: '—', familyName: '123', dateOfBirth: '1970-07-07' };
    const first = await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral(numbered) });
    const second = await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral({ ...numbered, givenName: '…' }) });
    expect(second.quickReferral.deflection.participant.id).not.toBe(first.quickReferral.deflection.participant.id);
  });
});

describe('the same new person referred twice at once', () => {
  it('becomes one participant, not two', async () => {
    const person = newPerson('1979-12-01');
    const [a, b] = await Promise.all([
      client.ok<Referred>('local-officer', REFER, { input: sheriffReferral(person), key: 'lake-at-once' }),
      client.ok<Referred>(dixonOfficer, REFER, { input: dixonReferral(person), key: 'dixon-at-once' }),
    ]);
    expect(a.quickReferral.deflection.participant.id).toBe(b.quickReferral.deflection.participant.id);
    expect(await db.orm('cases').fork().count(Participant, { familyName: person.familyName })).toBe(1);
  });
});

describe('a person already in the unit’s records', () => {
  it('is referred by id with the unit’s own record of them', async () => {
    const person = newPerson();
    const first = await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral(person) });
    const again = await client.ok<Referred>('local-officer', REFER, {
      input: { participantId: first.quickReferral.deflection.participant.id, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Back again.' },
    });
    expect(again.quickReferral.deflection.participant).toMatchObject({ id: first.quickReferral.deflection.participant.id, familyName: person.familyName });
  });

  it('is unknown to another unit that never recorded them', async () => {
    const first = await client.ok<Referred>('local-officer', REFER, { input: sheriffReferral(newPerson()) });
    const error = await client.error(dixonOfficer, REFER, { input: { participantId: first.quickReferral.deflection.participant.id, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'x', county: 'Lee' } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.participantId', rule: 'known-participant' });
  });
});
