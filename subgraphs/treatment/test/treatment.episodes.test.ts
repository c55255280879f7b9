import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A, DEMO_PERSON as P, demoDeflectionId } from '@hub/platform/demo';
import { executeBound } from '@hub/platform/db';
import { OutboxEvent } from '@hub/platform/events';
import { type Actor } from '@hub/platform/identity';
import type { SubgraphClient, TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { EpisodeTransition, Patient, TreatmentEpisode } from '../src/entities/episode.entity.js';
import { demoProviderId } from '../src/seed/demo-data.js';
import { startTreatmentWithCases } from './support.js';

let db: TestDatabase;
let client: SubgraphClient<Context>;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ db, client, stop } = await startTreatmentWithCases());
});

afterAll(async () => {
  await stop?.();
});

const gatewayCounselor: Actor = { personId: P.counselorFitzgerald, agencyId: A.gatewayFoundation, roles: ['PROVIDER_STAFF'], actingFor: null };
const lchdCounselor: Actor = { personId: P.counselorOkafor, agencyId: A.lakeCountyHealthDepartment, roles: ['PROVIDER_STAFF'], actingFor: null };

const REFER = `mutation($input: ReferToTreatmentInput!, $key: String) { referToTreatment(input: $input, idempotencyKey: $key) {
  id state version service provider { name } patient { familyName } transitions { toState by { id } } } }`;
type Referred = { referToTreatment: { id: string; state: string; version: number; provider: { name: string }; patient: { familyName: string }; transitions: { toState: string; by: { id: string } }[] } };
const UPDATE = `mutation($input: EpisodeUpdateInput!) { updateEpisode(input: $input) { id state version acknowledgedAt firstContactAt
  measures { minutesToAcknowledge hoursFromDeflectionToAcknowledgement daysFromDeflectionToFirstTreatmentContact engagedAt30Days }
  transitions { fromState toState at by { id } reason } } }`;
type Updated = { updateEpisode: { id: string; state: string; version: number; measures: { minutesToAcknowledge: number | null; hoursFromDeflectionToAcknowledgement: number | null; daysFromDeflectionToFirstTreatmentContact: number | null; engagedAt30Days: boolean | null }; transitions: { fromState: string | null; toState: string; at: string; by: { id: string } }[] } };

const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** A freshly referred episode written straight to the database: these tests are about updates, not referral rules. */
async function newEpisode(providerN: number, service: TreatmentEpisode['service'] = 'SUD_OUTPATIENT'): Promise<{ id: string; version: number }> {
  const em = db.orm('treatment').fork();
  const template = await em.findOneOrFail(TreatmentEpisode, { deflectionId: demoDeflectionId(2) });
  const referredAt = new Date(Date.now() - 60_000);
  const episode = em.create(TreatmentEpisode, {
    deflectionId: template.deflectionId, patient: template.patient, provider: demoProviderId(providerN), service, state: 'REFERRED',
    referredAt, referredById: P.caseManagerAbernathy, referredAs: template.referredAs, deflectionReferredAt: template.deflectionReferredAt, caseManagementOrganizationId: A.tasc,
  });
  em.create(EpisodeTransition, { episode, fromState: null, toState: 'REFERRED', at: referredAt, byId: P.caseManagerAbernathy, reason: null });
  await em.flush();
  return { id: episode.id, version: episode.version };
}

describe('the next states an episode may take (TRT-4)', () => {
  const NEXT_STATES = 'query($id: ID!) { treatmentEpisode(id: $id) { state nextStates } }';
  type Next = { treatmentEpisode: { state: string; nextStates: string[] } };

  it('offers the treating provider exactly the moves the state machine accepts, and nothing once the episode ended', async () => {
    const episode = await newEpisode(1);
    expect((await client.ok<Next>(gatewayCounselor, NEXT_STATES, { id: episode.id })).treatmentEpisode).toEqual({ state: 'REFERRED', nextStates: ['ACKNOWLEDGED', 'DECLINED'] });
    await client.ok(gatewayCounselor, UPDATE, { input: { episodeId: episode.id, version: episode.version, toState: 'DECLINED', at: minutesFromNow(0), reason: 'No bed.' } });
    expect((await client.ok<Next>(gatewayCounselor, NEXT_STATES, { id: episode.id })).treatmentEpisode).toEqual({ state: 'DECLINED', nextStates: [] });
  });

  it('offers no move to the case manager, who sees only the referral as it was made (in the referral’s own answer too)', async () => {
    const referred = await client.ok<{ referToTreatment: { state: string; nextStates: string[] } }>(
      'case-manager',
      'mutation($input: ReferToTreatmentInput!) { referToTreatment(input: $input) { state nextStates } }',
      { input: { deflectionId: demoDeflectionId(19), providerId: demoProviderId(1), service: 'SUD_OUTPATIENT' } },
    );
    expect(referred.referToTreatment).toEqual({ state: 'REFERRED', nextStates: [] });
  });
});

describe('referral into treatment (TRT-4)', () => {
  it('refers an active deflection to a provider with open capacity, copying who the patient is', async () => {
    const result = await client.ok<Referred>('case-manager', REFER, { input: { deflectionId: demoDeflectionId(19), providerId: demoProviderId(4), service: 'SUD_RESIDENTIAL' } });
    expect(result.referToTreatment).toMatchObject({ state: 'REFERRED', provider: { name: 'Rosecrance Harrison Campus' }, patient: { familyName: 'Tran' } });
    expect(result.referToTreatment.transitions).toEqual([{ toState: 'REFERRED', by: { id: P.caseManagerAbernathy } }]);
  });

  it('looks capacity up at the point of referral: no open slot, no referral', async () => {
    const episodes = () => db.orm('treatment').fork().count(TreatmentEpisode, { deflectionId: demoDeflectionId(19) });
    const before = await episodes();
    const error = await client.error('case-manager', REFER, { input: { deflectionId: demoDeflectionId(19), providerId: demoProviderId(3), service: 'SUD_OUTPATIENT' } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.service', rule: 'open-capacity' });
    expect(await episodes()).toBe(before);
  });

  it('refuses a provider whose licence is suspended, and a service it does not offer', async () => {
    const suspended = await client.error('case-manager', REFER, { input: { deflectionId: demoDeflectionId(19), providerId: demoProviderId(7), service: 'SUD_OUTPATIENT' } });
    expect(suspended.extensions).toMatchObject({ field: 'input.providerId', rule: 'licensed' });
    const notOffered = await client.error('case-manager', REFER, { input: { deflectionId: demoDeflectionId(19), providerId: demoProviderId(4), service: 'PEER_SUPPORT' } });
    expect(notOffered.extensions).toMatchObject({ field: 'input.service', rule: 'service-offered' });
  });

  it('refuses a deflection still waiting for approval', async () => {
    const error = await client.error('case-manager', REFER, { input: { deflectionId: demoDeflectionId(8), providerId: demoProviderId(1), service: 'SUD_OUTPATIENT' } });
    expect(error.extensions).toMatchObject({ field: 'input.deflectionId', rule: 'active-deflection' });
  });

  it('refuses a deflection the caller may not see (the cases subgraph decides)', async () => {
    const error = await client.error('local-officer', REFER, { input: { deflectionId: demoDeflectionId(20), providerId: demoProviderId(5), service: 'PEER_SUPPORT' } });
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers a retried referral with the first episode, and refuses the same referrer’s second referral to the same place', async () => {
    const input = { deflectionId: demoDeflectionId(20), providerId: demoProviderId(5), service: 'PEER_SUPPORT' };
    const first = await client.ok<Referred>('case-manager', REFER, { input, key: 'ref-20' });
    const retry = await client.ok<Referred>('case-manager', REFER, { input, key: 'ref-20' });
    expect(retry.referToTreatment.id).toBe(first.referToTreatment.id);
    const again = await client.error('case-manager', REFER, { input });
    expect(again.extensions).toMatchObject({ field: 'input.providerId', rule: 'not-already-referred-by-you' });
  });

  it('tells a referrer nothing of episodes others made, nor of what became of their own (42 CFR Part 2)', async () => {
    // A Peoria Fire deflection the firefighter's unit made and TASC's case manager follows.
    const input = { deflectionId: demoDeflectionId(20), providerId: demoProviderId(5), service: 'SUD_OUTPATIENT' };
    const caseManagers = await client.ok<Referred>('case-manager', REFER, { input });
    // The case manager's open episode is no reason to refuse the firefighter: a refusal would disclose it.
    const firefighters = await client.ok<Referred>('firefighter', REFER, { input });
    expect(firefighters.referToTreatment.id).not.toBe(caseManagers.referToTreatment.id);
    const asked = await client.error('firefighter', REFER, { input });
    // Declined or open, the firefighter's own second referral gets the same answer.
    await db.orm('treatment').fork().nativeUpdate(TreatmentEpisode, { id: firefighters.referToTreatment.id }, { state: 'DECLINED' });
    const afterDecline = await client.error('firefighter', REFER, { input });
    expect(afterDecline).toEqual(asked);
    expect(asked.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.providerId', rule: 'not-already-referred-by-you' });
  });
});

describe('the episode state machine and provider updates (TRT-2, TRT-4)', () => {
  const referred = () => newEpisode(1);

  it('keeps who and when for every transition, and measures the time to acknowledge', async () => {
    const episode = await referred();
    const acknowledgedAt = minutesFromNow(0);
    const engagedAt = minutesFromNow(1);
    const ack = await client.ok<Updated>(gatewayCounselor, UPDATE, { input: { episodeId: episode.id, version: episode.version, toState: 'ACKNOWLEDGED', at: acknowledgedAt } });
    expect(ack.updateEpisode.measures.minutesToAcknowledge).toBeGreaterThanOrEqual(0);
    expect(ack.updateEpisode.measures.hoursFromDeflectionToAcknowledgement).toBeGreaterThan(24 * 70);
    const engaged = await client.ok<Updated>(gatewayCounselor, UPDATE, { input: { episodeId: episode.id, version: ack.updateEpisode.version, toState: 'ENGAGED', at: engagedAt } });
    expect(engaged.updateEpisode.measures.daysFromDeflectionToFirstTreatmentContact).toBeGreaterThan(70);
    expect(engaged.updateEpisode.measures.engagedAt30Days).toBeNull();
    expect(engaged.updateEpisode.transitions.map((t) => [t.fromState, t.toState, t.by.id])).toEqual([
      [null, 'REFERRED', P.caseManagerAbernathy],
      ['REFERRED', 'ACKNOWLEDGED', P.counselorFitzgerald],
      ['ACKNOWLEDGED', 'ENGAGED', P.counselorFitzgerald],
    ]);
    expect(engaged.updateEpisode.transitions.slice(1).map((t) => Date.parse(t.at))).toEqual([Date.parse(acknowledgedAt), Date.parse(engagedAt)]);
  });

  it('rejects a transition the machine does not allow, naming the rule', async () => {
    const episode = await newEpisode(1);
    const error = await client.error(gatewayCounselor, UPDATE, { input: { episodeId: episode.id, version: episode.version, toState: 'COMPLETED', at: minutesFromNow(0) } });
    expect(error.extensions).toMatchObject({ field: 'input.toState', rule: 'episode-transition' });
  });

  it('requires a reason to decline or discharge', async () => {
    const episode = await newEpisode(4, 'SUD_RESIDENTIAL');
    const error = await client.error('case-manager', UPDATE, { input: { episodeId: episode.id, version: 1, toState: 'DECLINED', at: minutesFromNow(0) } });
    expect(error.extensions?.code).toBe('FORBIDDEN');
    const rosecrance: Actor = { personId: P.counselorMoreau, agencyId: A.rosecrance, roles: ['PROVIDER_STAFF'], actingFor: null };
    const noReason = await client.error(rosecrance, UPDATE, { input: { episodeId: episode.id, version: episode.version, toState: 'DECLINED', at: minutesFromNow(0) } });
    expect(noReason.extensions).toMatchObject({ field: 'input.reason', rule: 'required-for-state' });

    const engaged = await newEpisode(1);
    const ack = await client.ok<Updated>(gatewayCounselor, UPDATE, { input: { episodeId: engaged.id, version: engaged.version, toState: 'ACKNOWLEDGED', at: minutesFromNow(0) } });
    const met = await client.ok<Updated>(gatewayCounselor, UPDATE, { input: { episodeId: engaged.id, version: ack.updateEpisode.version, toState: 'ENGAGED', at: minutesFromNow(1) } });
    const noDischargeReason = await client.error(gatewayCounselor, UPDATE, { input: { episodeId: engaged.id, version: met.updateEpisode.version, toState: 'DISCHARGED', at: minutesFromNow(2) } });
    expect(noDischargeReason.extensions).toMatchObject({ field: 'input.reason', rule: 'required-for-state' });
  });

  it('reaches a retention milestone only after the days have passed since first contact', async () => {
    const episode = await db.orm('treatment').fork().findOneOrFail(TreatmentEpisode, { deflectionId: demoDeflectionId(14), state: 'ENGAGED' });
    const error = await client.error(gatewayCounselor, UPDATE, { input: { episodeId: episode.id, version: episode.version, toState: 'RETAINED_30', at: minutesFromNow(0) } });
    expect(error.extensions).toMatchObject({ field: 'input.at', rule: 'retention-milestone' });

    // First treatment contact 31 days ago (written straight to the database: the clock cannot be wound).
    const fresh = await newEpisode(1);
    const em = db.orm('treatment').fork();
    const row = await em.findOneOrFail(TreatmentEpisode, { id: fresh.id });
    Object.assign(row, { state: 'ENGAGED', acknowledgedAt: new Date(Date.now() - 32 * 86_400_000), firstContactAt: new Date(Date.now() - 31 * 86_400_000) });
    await em.flush();
    const retained = await client.ok<Updated>(gatewayCounselor, UPDATE, { input: { episodeId: fresh.id, version: row.version, toState: 'RETAINED_30', at: minutesFromNow(0) } });
    expect(retained.updateEpisode.state).toBe('RETAINED_30');
  });

  it('rejects an update made on a stale version with CONFLICT', async () => {
    const episode = await referred();
    await client.ok(gatewayCounselor, UPDATE, { input: { episodeId: episode.id, version: episode.version, toState: 'ACKNOWLEDGED', at: minutesFromNow(0) } });
    const stale = await client.error(gatewayCounselor, UPDATE, { input: { episodeId: episode.id, version: episode.version, toState: 'DECLINED', reason: 'x', at: minutesFromNow(0) } });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
  });

  it('lets providers see and update only their own episodes', async () => {
    const episode = await referred();
    expect((await client.error(lchdCounselor, UPDATE, { input: { episodeId: episode.id, version: episode.version, toState: 'ACKNOWLEDGED', at: minutesFromNow(0) } })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.error(lchdCounselor, 'query($id: ID!) { treatmentEpisode(id: $id) { id } }', { id: episode.id })).extensions?.code).toBe('FORBIDDEN');
    const mine = await client.ok<{ myEpisodes: { edges: { node: { provider: { organization: { id: string } } } }[] } }>(lchdCounselor, '{ myEpisodes(first: 100) { edges { node { provider { organization { id } } } } } }');
    expect(mine.myEpisodes.edges.length).toBeGreaterThan(0);
    expect(mine.myEpisodes.edges.every((e) => e.node.provider.organization.id === A.lakeCountyHealthDepartment)).toBe(true);
  });

  it('publishes each change for reporting without reasons or names', async () => {
    const episode = await newEpisode(4, 'SUD_RESIDENTIAL');
    const rosecrance: Actor = { personId: P.counselorMoreau, agencyId: A.rosecrance, roles: ['PROVIDER_STAFF'], actingFor: null };
    await client.ok<Updated>(rosecrance, UPDATE, { input: { episodeId: episode.id, version: episode.version, toState: 'DECLINED', reason: 'Waiting list closed this quarter', at: minutesFromNow(0) } });
    const mine = await db.orm('treatment').fork().find(OutboxEvent, { type: 'treatment.episode-changed', payload: { episodeId: episode.id } } as never);
    expect(mine.map((e) => (e.payload as { toState: string }).toState)).toEqual(['DECLINED']);
    const row = await db.orm('treatment').fork().findOneOrFail(TreatmentEpisode, { id: episode.id });
    const patient = await db.orm('treatment').fork().findOneOrFail(Patient, { id: row.patient.id });
    expect(JSON.stringify(mine.map((e) => e.payload))).not.toMatch(new RegExp(`Waiting list|${patient.givenName}|${patient.familyName}`));
    const events = await db.orm('treatment').fork().find(OutboxEvent, { type: 'treatment.episode-changed' });
    expect(events.length).toBeGreaterThan(0);
    const text = JSON.stringify(events.map((e) => e.payload));
    expect(text).not.toMatch(/Left against|Avery|Tran|No residential bed/);
  });
});

const BULK = `mutation($updates: [EpisodeUpdateInput!]!, $key: String!) { bulkUpdateEpisodes(updates: $updates, idempotencyKey: $key) {
  applied rejected duplicates results { index clientUpdateId status field rule reason episode { id state } } } }`;
type Bulk = { bulkUpdateEpisodes: { applied: number; rejected: number; duplicates: number; results: { index: number; clientUpdateId: string | null; status: string; field: string | null; rule: string | null; episode: { id: string; state: string } | null }[] } };

describe('bulk updates from a provider’s own system (TRT-2)', () => {
  async function freshEpisodes(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) ids.push((await newEpisode(2)).id);
    return ids;
  }

  it('applies the valid updates, rejects the others with a reason each, and answers per item', async () => {
    const [a, b, c] = await freshEpisodes(3);
    const updates = [
      { episodeId: a, toState: 'ACKNOWLEDGED', at: minutesFromNow(0), clientUpdateId: 'emr-1' },
      { episodeId: b, toState: 'COMPLETED', at: minutesFromNow(0), clientUpdateId: 'emr-2' },
      { episodeId: c, toState: 'DECLINED', at: minutesFromNow(0), clientUpdateId: 'emr-3' },
      { episodeId: '00000000-0000-4000-8000-000000000000', toState: 'ACKNOWLEDGED', at: minutesFromNow(0), clientUpdateId: 'emr-4' },
      { episodeId: a, toState: 'ENGAGED', at: minutesFromNow(1), clientUpdateId: 'emr-5' },
    ];
    const result = await client.ok<Bulk>(gatewayCounselor, BULK, { updates, key: 'upload-1' });
    expect(result.bulkUpdateEpisodes).toMatchObject({ applied: 2, rejected: 3, duplicates: 0 });
    expect(result.bulkUpdateEpisodes.results.map((r) => [r.clientUpdateId, r.status, r.rule])).toEqual([
      ['emr-1', 'APPLIED', null],
      ['emr-2', 'REJECTED', 'episode-transition'],
      ['emr-3', 'REJECTED', 'required-for-state'],
      ['emr-4', 'REJECTED', 'own-episode'],
      ['emr-5', 'APPLIED', null],
    ]);
    expect(result.bulkUpdateEpisodes.results[4]!.episode).toEqual({ id: a, state: 'ENGAGED' });
    expect(result.bulkUpdateEpisodes.results[1]!.field).toBe('updates[1].toState');
  });

  it('records what a single update would: each episode’s fields and version once, every transition and event in order', async () => {
    const [a, b] = await freshEpisodes(2);
    const fork = () => db.orm('treatment').fork();
    const before = await fork().findOneOrFail(TreatmentEpisode, { id: a });
    const acknowledged = minutesFromNow(0);
    const engaged = minutesFromNow(1);
    const declined = minutesFromNow(0);
    const result = await client.ok<Bulk>(gatewayCounselor, BULK, {
      updates: [
        // Reasons that must travel to the transitions as written, whatever they hold.
        { episodeId: a, toState: 'ACKNOWLEDGED', at: acknowledged, reason: 'Called back: "bed {2}", ward \\ east, 🚑' },
        { episodeId: b, toState: 'DECLINED', at: declined, reason: '  No bed this month  ' },
        { episodeId: a, toState: 'ENGAGED', at: engaged, reason: 'NULL' },
      ],
      key: 'upload-fields',
    });
    expect(result.bulkUpdateEpisodes).toMatchObject({ applied: 3, rejected: 0 });
    const episodeA = await fork().findOneOrFail(TreatmentEpisode, { id: a });
    expect(episodeA).toMatchObject({ state: 'ENGAGED', version: before.version + 1, endedAt: null });
    expect(episodeA.acknowledgedAt?.toISOString()).toBe(acknowledged);
    expect(episodeA.firstContactAt?.toISOString()).toBe(engaged);
    const episodeB = await fork().findOneOrFail(TreatmentEpisode, { id: b });
    expect(episodeB).toMatchObject({ state: 'DECLINED', declineReason: 'No bed this month' });
    expect(episodeB.endedAt?.toISOString()).toBe(declined);
    const transitions = await fork().find(EpisodeTransition, { episode: a }, { orderBy: { sequence: 'asc' } });
    expect(transitions.map((t) => [t.fromState, t.toState, t.at.toISOString(), t.byId, t.reason ?? null])).toEqual([
      [null, 'REFERRED', expect.any(String), expect.any(String), null],
      ['REFERRED', 'ACKNOWLEDGED', acknowledged, gatewayCounselor.personId, 'Called back: "bed {2}", ward \\ east, 🚑'],
      ['ACKNOWLEDGED', 'ENGAGED', engaged, gatewayCounselor.personId, 'NULL'],
    ]);
    const events = await fork().find(OutboxEvent, { type: 'treatment.episode-changed', payload: { episodeId: a } } as never, { orderBy: { sequence: 'asc' } });
    const patient = await fork().findOneOrFail(Patient, { id: episodeA.patient.id });
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ episodeId: a, fromState: 'REFERRED', toState: 'ACKNOWLEDGED', at: acknowledged, patientPseudonym: patient.pseudonym, providerId: episodeA.provider.id }),
      expect.objectContaining({ episodeId: a, fromState: 'ACKNOWLEDGED', toState: 'ENGAGED', at: engaged }),
    ]);
    // The reason stays with the provider: reporting gets states and dates.
    const eventB = await fork().findOneOrFail(OutboxEvent, { type: 'treatment.episode-changed', payload: { episodeId: b } } as never);
    expect(JSON.stringify(eventB.payload)).not.toMatch(/No bed/);
  });

  it('sends the batch’s set-based statements only inside a command’s transaction', async () => {
    await expect(executeBound(db.orm('treatment').fork(), 'select 1 as one', [])).rejects.toThrow(/inside a command/);
    await expect(db.orm('treatment').fork().transactional((em) => executeBound<{ one: number }>(em, 'select $1::int as one', [1]))).resolves.toEqual([{ one: 1 }]);
  });

  it('writes only the columns a move changed: the others keep their stored value, to the microsecond', async () => {
    const [a] = await freshEpisodes(1);
    const em = db.orm('treatment').fork();
    await em.execute(`update "treatment"."treatment_episode" set state = 'ACKNOWLEDGED', acknowledged_at = date_trunc('second', now()) - interval '1 minute' + interval '0.000123 seconds' where id = ?`, [a]);
    const stored = async () => (await em.execute<{ t: string }[]>(`select acknowledged_at::text as t from "treatment"."treatment_episode" where id = ?`, [a]))[0]!.t;
    const before = await stored();
    expect(before).toMatch(/\.000123/);
    const result = await client.ok<Bulk>(gatewayCounselor, BULK, { updates: [{ episodeId: a, toState: 'ENGAGED', at: minutesFromNow(0) }], key: 'upload-columns' });
    expect(result.bulkUpdateEpisodes.applied).toBe(1);
    expect(await stored()).toBe(before);
  });

  it('refuses a stale version per item and still applies the rest', async () => {
    const [a, b] = await freshEpisodes(2);
    const current = await db.orm('treatment').fork().findOneOrFail(TreatmentEpisode, { id: a });
    const result = await client.ok<Bulk>(gatewayCounselor, BULK, {
      updates: [
        { episodeId: a, version: current.version + 1, toState: 'ACKNOWLEDGED', at: minutesFromNow(0) },
        { episodeId: b, version: current.version, toState: 'ACKNOWLEDGED', at: minutesFromNow(0) },
      ],
      key: 'upload-versions',
    });
    expect(result.bulkUpdateEpisodes.results.map((r) => [r.status, r.rule, r.field])).toEqual([
      ['REJECTED', 'current-version', 'updates[0].version'],
      ['APPLIED', null, null],
    ]);
    expect((await db.orm('treatment').fork().findOneOrFail(TreatmentEpisode, { id: a })).state).toBe('REFERRED');
  });

  it('answers a retry with the same idempotency key with the same results, applying nothing twice', async () => {
    const [a] = await freshEpisodes(1);
    const updates = [{ episodeId: a, toState: 'ACKNOWLEDGED', at: minutesFromNow(0) }];
    const first = await client.ok<Bulk>(gatewayCounselor, BULK, { updates, key: 'upload-2' });
    const transitions = await db.orm('treatment').fork().count(EpisodeTransition, { episode: a });
    const retry = await client.ok<Bulk>(gatewayCounselor, BULK, { updates, key: 'upload-2' });
    expect(retry.bulkUpdateEpisodes.results.map((r) => r.status)).toEqual(first.bulkUpdateEpisodes.results.map((r) => r.status));
    expect(await db.orm('treatment').fork().count(EpisodeTransition, { episode: a })).toBe(transitions);
  });

  it('marks an update already applied as DUPLICATE when it is sent again under a new key', async () => {
    const [a] = await freshEpisodes(1);
    const updates = [{ episodeId: a, toState: 'ACKNOWLEDGED', at: minutesFromNow(0) }];
    await client.ok<Bulk>(gatewayCounselor, BULK, { updates, key: 'upload-3a' });
    const again = await client.ok<Bulk>(gatewayCounselor, BULK, { updates, key: 'upload-3b' });
    expect(again.bulkUpdateEpisodes).toMatchObject({ applied: 0, duplicates: 1 });
  });

  it('refuses the same key with other updates', async () => {
    const [a] = await freshEpisodes(1);
    await client.ok<Bulk>(gatewayCounselor, BULK, { updates: [{ episodeId: a, toState: 'ACKNOWLEDGED', at: minutesFromNow(0) }], key: 'upload-4' });
    const error = await client.error(gatewayCounselor, BULK, { updates: [{ episodeId: a, toState: 'ENGAGED', at: minutesFromNow(1) }], key: 'upload-4' });
    expect(error.extensions).toMatchObject({ field: 'idempotencyKey', rule: 'same-input' });
  });

  it('refuses more than 1,000 updates in one request', async () => {
    const updates = Array.from({ length: 1001 }, () => ({ episodeId: '00000000-0000-4000-8000-000000000000', toState: 'ACKNOWLEDGED', at: minutesFromNow(0) }));
    const error = await client.error(gatewayCounselor, BULK, { updates, key: 'upload-5' });
    expect(error.extensions).toMatchObject({ field: 'updates', rule: 'max-items' });
  });

  it('handles 1,000 updates in a constant number of statements', async () => {
    const orm = db.orm('treatment');
    const at = minutesFromNow(0);
    const small = await freshEpisodes(4);
    const few = Array.from({ length: 8 }, (_, i) => ({ episodeId: small[i % 4]!, toState: 'ACKNOWLEDGED', at, clientUpdateId: `f-${i}` }));
    const measuredFew = await orm.counter.measure(() => client.ok<Bulk>(gatewayCounselor, BULK, { updates: few, key: 'upload-6-few' }));
    expect(measuredFew.result.bulkUpdateEpisodes).toMatchObject({ applied: 4, duplicates: 4 });
    const ids = await freshEpisodes(4);
    const updates = Array.from({ length: 1000 }, (_, i) => ({ episodeId: ids[i % 4]!, toState: 'ACKNOWLEDGED', at, clientUpdateId: `n-${i}` }));
    const measured = await orm.counter.measure(() => client.ok<Bulk>(gatewayCounselor, BULK, { updates, key: 'upload-6' }));
    expect(measured.result.bulkUpdateEpisodes).toMatchObject({ applied: 4, duplicates: 996 });
    expect(measured.statements.length).toBeLessThan(40);
    expect(measured.statements.length).toBe(measuredFew.statements.length);
    // The set-based writes are among those counted (they bypass the ORM's query path).
    expect(measured.statements.filter((sql) => /update "treatment"\."treatment_episode" e|insert into "treatment"\."(episode_transition|outbox_event)"/.test(sql))).toHaveLength(3);
  });
});

describe('capacity reported by the provider (TRT-1)', () => {
  const UPDATE_CAPACITY = `mutation($input: UpdateCapacityInput!) { updateCapacity(input: $input) { capacity { service openSlots updatedAt } } }`;

  it('records open slots with the time of the update', async () => {
    const before = Date.now();
    const result = await client.ok<{ updateCapacity: { capacity: { service: string; openSlots: number; updatedAt: string }[] } }>(gatewayCounselor, UPDATE_CAPACITY, {
      input: { providerId: demoProviderId(1), capacity: [{ service: 'SUD_RESIDENTIAL', openSlots: 2 }] },
    });
    const row = result.updateCapacity.capacity.find((c) => c.service === 'SUD_RESIDENTIAL')!;
    expect(row.openSlots).toBe(2);
    expect(Date.parse(row.updatedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('refuses negative slots and services the provider does not offer, and other providers’ staff', async () => {
    const error = await client.error(gatewayCounselor, UPDATE_CAPACITY, { input: { providerId: demoProviderId(1), capacity: [{ service: 'SUD_OUTPATIENT', openSlots: -1 }, { service: 'PEER_SUPPORT', openSlots: 1 }] } });
    const rules = (error.extensions?.violations as { field: string; rule: string }[]).map((v) => `${v.field}:${v.rule}`);
    expect(rules).toEqual(['input.capacity[0].openSlots:range', 'input.capacity[1].service:service-offered']);
    expect((await client.error(lchdCounselor, UPDATE_CAPACITY, { input: { providerId: demoProviderId(1), capacity: [{ service: 'SUD_OUTPATIENT', openSlots: 1 }] } })).extensions?.code).toBe('FORBIDDEN');
  });
});

describe('directory search (TRT-1)', () => {
  const SEARCH = `query($search: ProviderSearch, $first: Int, $after: String) { providerSearch(search: $search, first: $first, after: $after) {
    edges { node { name languages levelsOfCare licenseExpiresOn paymentAccepted } } pageInfo { hasNextPage endCursor } } }`;
  type Search = { providerSearch: { edges: { node: { name: string; languages: string[]; levelsOfCare: string[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

  it('finds providers by county, language and open capacity for a service', async () => {
    const data = await client.ok<Search>('officer', SEARCH, { search: { county: 'Lake', language: 'spanish', service: 'MEDICATION_FOR_OPIOID_USE_DISORDER', hasOpenCapacity: true } });
    expect(data.providerSearch.edges.map((e) => e.node.name)).toEqual(['Lake County Health Department, Behavioral Health']);
  });

  it('pages through the directory by name without repeats', async () => {
    const first = await client.ok<Search>('officer', SEARCH, { first: 3 });
    const next = await client.ok<Search>('officer', SEARCH, { first: 10, after: first.providerSearch.pageInfo.endCursor });
    const names = [...first.providerSearch.edges, ...next.providerSearch.edges].map((e) => e.node.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
    expect(names).not.toContain('Centerstone Alton');
  });
});
