import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A, DEMO_PERSON as P, demoDeflectionId } from '@hub/platform/demo';
import { addDays, illinoisDate } from '@hub/platform/domain';
import type { Actor } from '@hub/platform/identity';
import type { SubgraphClient, TestDatabase } from '@hub/platform/testing';
import pg from 'pg';
import type { Context } from '../src/context.js';
import { Consent, Disclosure } from '../src/entities/consent.entity.js';
import { EpisodeTransition, TreatmentEpisode } from '../src/entities/episode.entity.js';
import { demoProviderId } from '../src/seed/demo-data.js';
import { startTreatmentWithCases } from './support.js';

/** 42 CFR Part 2 by every door: mutation payloads and their replays, nested consent fields, the disclosure log. */
let db: TestDatabase;
let client: SubgraphClient<Context>;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ db, client, stop } = await startTreatmentWithCases());
});

afterAll(async () => {
  await stop?.();
});

const trooper: Actor = { personId: P.trooperReyes, agencyId: A.ispDopTroop2, roles: ['OFFICER'], actingFor: null };
const rosecranceCounselor: Actor = { personId: P.counselorMoreau, agencyId: A.rosecrance, roles: ['PROVIDER_STAFF'], actingFor: null };
const gatewayCounselor: Actor = { personId: P.counselorFitzgerald, agencyId: A.gatewayFoundation, roles: ['PROVIDER_STAFF'], actingFor: null };

const disclosures = () => db.orm('treatment').fork().count(Disclosure, {});

describe('a referral’s answer, and its replays, disclose nothing the provider recorded since', () => {
  const REFER = `mutation($input: ReferToTreatmentInput!, $key: String) { referToTreatment(input: $input, idempotencyKey: $key) {
    id state version acknowledgedAt firstContactAt endedAt dischargeReason declineReason intakeScheduledFor
    transitions { fromState toState } measures { minutesToAcknowledge daysFromDeflectionToFirstTreatmentContact engagedAt30Days } } }`;
  type Receipt = { referToTreatment: { id: string; state: string; version: number; dischargeReason: string | null; acknowledgedAt: string | null; transitions: unknown[]; measures: Record<string, unknown> } };
  const UPDATE = 'mutation($input: EpisodeUpdateInput!) { updateEpisode(input: $input) { version } }';

  it('answers an officer’s replayed referral with the referral as it was made, after the provider discharged the person', async () => {
    const input = { deflectionId: demoDeflectionId(2), providerId: demoProviderId(5), service: 'PEER_SUPPORT' };
    const first = await client.ok<Receipt>(trooper, REFER, { input, key: 'squad-referral-1' });
    let version = first.referToTreatment.version;
    const at = (minutes: number) => new Date(Date.now() + minutes * 1000).toISOString();
    for (const [toState, reason] of [['ACKNOWLEDGED', null], ['ENGAGED', null], ['DISCHARGED', 'Relapsed and left the program']] as const) {
      version = (await client.ok<{ updateEpisode: { version: number } }>(rosecranceCounselor, UPDATE, { input: { episodeId: first.referToTreatment.id, toState, at: at(version), version, reason } })).updateEpisode.version;
    }
    const before = await disclosures();
    const replay = await client.run<Receipt>(trooper, REFER, { input, key: 'squad-referral-1' });
    expect(replay.errors).toBeUndefined();
    expect(replay.data!.referToTreatment).toEqual({
      ...first.referToTreatment,
      state: 'REFERRED',
      acknowledgedAt: null,
      dischargeReason: null,
      transitions: [{ fromState: null, toState: 'REFERRED' }],
      measures: { minutesToAcknowledge: null, daysFromDeflectionToFirstTreatmentContact: null, engagedAt30Days: null },
    });
    expect(replay.extensions?.redisclosureNotice).toBeUndefined();
    expect(await disclosures()).toBe(before);
  });

  it('refuses the replay to a referrer who may no longer see the deflection', async () => {
    const input = { deflectionId: demoDeflectionId(4), providerId: demoProviderId(5), service: 'SUD_OUTPATIENT' };
    await client.ok<Receipt>(trooper, REFER, { input, key: 'squad-referral-2' });
    const moved: Actor = { ...trooper, agencyId: A.dixonPolice };
    expect((await client.error(moved, REFER, { input, key: 'squad-referral-2' })).extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the consent a disclosure is made under is shown within its scope', () => {
  const CONSENT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Deflection { treatment { engaged
    consent { kind purpose information disclosingProvider { name } disclosingOrganization { id } recipients { agency { id } role } } } } } }`;
  type Consent = { _entities: { treatment: { consent: { disclosingProvider: { name: string } | null; disclosingOrganization: { id: string } | null; recipients: { agency: { id: string } }[] } } }[] };
  const deflection = (n: number) => ({ r: [{ __typename: 'Deflection', id: demoDeflectionId(n) }] });

  it('hides the disclosing provider from a recipient whose consent covers engagement only', async () => {
    const data = await client.ok<Consent>(trooper, CONSENT, deflection(1));
    expect(data._entities[0]!.treatment.consent).toMatchObject({ disclosingProvider: null, disclosingOrganization: null });
  });

  it('shows the disclosing organisation when the consent covers the episode’s status, and only the caller’s own recipient entry', async () => {
    const data = await client.ok<Consent>(trooper, CONSENT, deflection(14));
    const consent = data._entities[0]!.treatment.consent;
    expect(consent.disclosingOrganization).toEqual({ id: A.gatewayFoundation });
    expect(consent.recipients).toEqual([{ agency: { id: A.ispDopTroop2 }, role: null }]);
  });

  it('never shows a recipient the patient’s record', async () => {
    const result = await client.run(trooper, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Deflection { treatment { engaged consent { patient { familyName dateOfBirth } } } } } }', deflection(1));
    expect(result.errors?.[0]).toMatchObject({ path: ['_entities', 0, 'treatment', 'consent', 'patient'], extensions: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(result.data)).not.toMatch(/Avery|1991/);
  });
});

describe('consent recipients (42 CFR 2.31(a)(4))', () => {
  const RECORD = 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }';
  const input = async (recipients: unknown[]) => ({
    kind: 'STANDARD', episodeId: (await db.orm('treatment').fork().findOneOrFail(TreatmentEpisode, { deflectionId: demoDeflectionId(10) })).id, information: ['ENGAGEMENT'], recipients,
    purpose: 'Tell the unit whether treatment started.', signedOn: illinoisDate(), expiresOn: addDays(illinoisDate(), 30),
  });

  it('refuses a recipient that is not an agency of the hub, naming it, and writes nothing', async () => {
    const before = await db.orm('treatment').fork().count(Consent, {});
    const error = await client.error(gatewayCounselor, RECORD, { input: await input([{ agencyId: A.ispDopTroop2 }, { agencyId: '7d4c1a2e-0000-4000-8000-000000000001' }]) });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.recipients[1].agencyId', rule: 'agency-exists' });
    expect(await db.orm('treatment').fork().count(Consent, {})).toBe(before);
  });

  it('refuses a recipient role that is not a hub role', async () => {
    const error = await client.error(gatewayCounselor, RECORD, { input: await input([{ agencyId: A.lakeCountyStatesAttorney, role: 'WIZARD' }]) });
    expect(error.extensions).toMatchObject({ field: 'input.recipients[0].role', rule: 'hub-role' });
  });
});

describe('the disclosure log', () => {
  const TREATMENT = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Deflection { treatment { engaged state } } } }';
  const of17 = { r: [{ __typename: 'Deflection', id: demoDeflectionId(17) }] };

  it('withholds the response when its disclosure log cannot be written: nothing is disclosed that is not accounted for', async () => {
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      await admin.query('alter table treatment.disclosure add constraint refuse_every_row check (false) not valid');
      const result = await client.run('case-manager', TREATMENT, of17);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', retryable: true });
      expect(result.extensions?.redisclosureNotice).toBeUndefined();
      expect(JSON.stringify(result)).not.toMatch(/DISCHARGED/);
    } finally {
      await admin.query('alter table treatment.disclosure drop constraint if exists refuse_every_row');
      await admin.end();
    }
  });

  it('writes exactly the queued disclosures in one insert, and nothing else the request touched', async () => {
    const before = await disclosures();
    const measured = await db.orm('treatment').counter.measure(() => client.run('case-manager', TREATMENT, of17));
    const writes = measured.statements.filter((sql) => !/^\s*select/i.test(sql));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^insert into "treatment"\."disclosure"/);
    // Exactly the one disclosure the response made: the case manager's view of deflection 17.
    expect(await disclosures()).toBe(before + 1);
    const logged = await db.orm('treatment').fork().find(Disclosure, {}, { orderBy: { at: 'desc' }, limit: 1 });
    expect(logged[0]).toMatchObject({ recipientId: P.caseManagerAbernathy, recipientAgencyId: A.tasc, basis: 'CASE_MANAGEMENT' });
  });
});

describe('bulk updates cost the same few statements however the updates are spread', () => {
  async function freshEpisodes(count: number): Promise<string[]> {
    const em = db.orm('treatment').fork();
    const template = await em.findOneOrFail(TreatmentEpisode, { deflectionId: demoDeflectionId(2), provider: demoProviderId(3) });
    const referredAt = new Date(Date.now() - 60_000);
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const episode = em.create(TreatmentEpisode, { deflectionId: template.deflectionId, patient: template.patient, provider: demoProviderId(1), service: 'SUD_OUTPATIENT', state: 'REFERRED', referredAt, referredById: P.caseManagerAbernathy, referredAs: template.referredAs, deflectionReferredAt: template.deflectionReferredAt, caseManagementOrganizationId: A.tasc });
      em.create(EpisodeTransition, { episode, fromState: null, toState: 'REFERRED', at: referredAt, byId: P.caseManagerAbernathy, reason: null });
      ids.push(episode.id);
    }
    await em.flush();
    return ids;
  }

  const BULK = 'mutation($updates: [EpisodeUpdateInput!]!, $key: String!) { bulkUpdateEpisodes(updates: $updates, idempotencyKey: $key) { applied duplicates } }';

  it('uses as many statements for 1,000 updates over 10 episodes as over 250', async () => {
    const statementsFor = async (episodes: number, key: string) => {
      const ids = await freshEpisodes(episodes);
      const at = new Date().toISOString();
      const updates = Array.from({ length: 1000 }, (_, i) => ({ episodeId: ids[i % episodes]!, toState: 'ACKNOWLEDGED', at }));
      const measured = await db.orm('treatment').counter.measure(() => client.ok<{ bulkUpdateEpisodes: { applied: number } }>(gatewayCounselor, BULK, { updates, key }));
      expect(measured.result.bulkUpdateEpisodes.applied).toBe(episodes);
      return measured.statements.length;
    };
    expect(await statementsFor(250, 'spread-wide')).toBe(await statementsFor(10, 'spread-narrow'));
  });
});
