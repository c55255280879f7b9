import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A, DEMO_PERSON as P } from '@hub/platform/demo';
import { type EventEnvelope, type OutboxStatus, signEventDelivery } from '@hub/platform/events';
import type { Actor } from '@hub/platform/identity';
import { runSubgraph } from '@hub/platform/subgraph';
import { createTestDatabase, SubgraphClient, testGatewayKeys, type TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { DeflectionFact } from '../src/entities/deflection-fact.entity.js';
import { eventInbox } from '../src/events/inbox-route.js';
import { reporting } from '../src/index.js';
import { after, EventLog, shuffled, uuidOf } from './events.js';

const SECRET = 'reporting-test-secret-of-at-least-32-chars';
let db: TestDatabase;
let client: SubgraphClient<Context>;
let inboxUrl: string;
let closeInbox: () => void;

beforeAll(async () => {
  db = await createTestDatabase([reporting]);
  client = new SubgraphClient(reporting, db.orm('reporting'));
  const handler = eventInbox(db.orm('reporting'), async () => SECRET);
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  inboxUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  closeInbox = () => server.close();
});

afterAll(async () => {
  closeInbox();
  await db.drop();
});

async function deliver(events: EventEnvelope[], options: { secret?: string; source?: string; outbox?: OutboxStatus } = {}): Promise<{ status: number; body: { applied?: number } }> {
  const token = await signEventDelivery(options.secret ?? SECRET, options.source ?? 'cases', 'reporting');
  const response = await fetch(inboxUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ events, ...(options.outbox ? { outbox: options.outbox } : {}) }),
  });
  return { status: response.status, body: (await response.json()) as { applied?: number } };
}

/** Both sources' events of a log, each batch signed by its own source. */
async function deliverAll(envelopes: EventEnvelope[]): Promise<void> {
  for (const source of ['cases', 'treatment']) {
    const batch = envelopes.filter((e) => e.source === source);
    if (batch.length > 0) expect((await deliver(batch, { source })).status).toBe(200);
  }
}

async function fact(log: EventLog, name: string): Promise<DeflectionFact | null> {
  return db.orm('reporting').fork().findOne(DeflectionFact, { deflectionId: log.id(name) });
}

const COUNT = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { id deflectionsCounted { value suppressed } } } }';
type Counted = { _entities: { id: string; deflectionsCounted: { value: number | null; suppressed: boolean } }[] };

describe('configuration', () => {
  it('refuses to start with a suppression threshold that is not a whole number, naming the variable', async () => {
    const { publicJwk } = await testGatewayKeys();
    await expect(runSubgraph(reporting, { databaseUrl: db.urlFor('reporting'), gatewayKey: publicJwk, port: 0, env: { REPORTING_SUPPRESSION_THRESHOLD: 'zero' } })).rejects.toThrow(
      'REPORTING_SUPPRESSION_THRESHOLD must be a whole number of at least 1',
    );
  });
});

describe('facts from published events: at least once, exactly-once application, any order', () => {
  it('applies a redelivered event once', async () => {
    const log = new EventLog('redelivery');
    for (let i = 0; i < 3; i += 1) log.referred(`D${i}`, { person: `P${i}`, referredAt: '2026-06-01T15:00:00Z' });
    expect((await deliver(log.envelopes)).body.applied).toBe(3);
    expect((await deliver(log.envelopes)).body.applied).toBe(0);
  });

  it('does not apply an older status after a newer one delivered in an earlier batch', async () => {
    const log = new EventLog('order');
    const [referred, approved, closed] = [
      log.referred('D', { person: 'P', referredAt: '2026-06-01T15:00:00Z', countsForId: A.blackhawkTaskForce }),
      log.status('D', 'deflection.approved', 'ACTIVE', '2026-06-01T16:00:00Z', A.blackhawkTaskForce),
      log.status('D', 'deflection.closed', 'SUCCESSFUL', '2026-09-01T16:00:00Z'),
    ];
    await deliver([closed!]);
    await deliver([referred!]);
    await deliver([approved!]);
    expect(await fact(log, 'D')).toMatchObject({ status: 'SUCCESSFUL', approvingAgencyId: A.blackhawkTaskForce, attributedToId: A.blackhawkTaskForce });
  });

  it('builds the same facts whatever order both sources’ events arrive in, treatment before the referral included', async () => {
    const build = (prefix: string) => {
      const log = new EventLog(prefix);
      log.referred('D', { person: 'P', referredAt: '2026-05-01T15:00:00Z' });
      log.handedOff('D', '2026-05-01T17:00:00Z');
      log.episode('D', 'E', 'X', 'SUD_OUTPATIENT', [['REFERRED', '2026-05-02T15:00:00Z'], ['ENGAGED', '2026-05-09T15:00:00Z'], ['RETAINED_30', '2026-06-09T15:00:00Z']]);
      log.referred('D2', { person: 'P', referredAt: '2026-07-01T15:00:00Z' });
      return log;
    };
    const inOrder = build('in-order');
    await deliverAll(inOrder.envelopes);
    const reversed = build('reversed');
    for (const envelope of [...reversed.envelopes].reverse()) await deliver([envelope], { source: envelope.source });
    const shuffledLog = build('shuffled');
    for (const envelope of shuffled(shuffledLog.envelopes, 3)) await deliver([envelope], { source: envelope.source });
    const comparable = (f: DeflectionFact | null) => ({
      status: f?.status, referredToTreatment: f?.referredToTreatment, firstTreatmentContactAt: f?.firstTreatmentContactAt, retained30: f?.retained30,
      handedOffAt: f?.handedOffAt, isRepeat: f?.isRepeat, service: f?.service,
    });
    for (const name of ['D', 'D2']) {
      const expected = comparable(await fact(inOrder, name));
      expect(comparable(await fact(reversed, name))).toEqual(expected);
      expect(comparable(await fact(shuffledLog, name))).toEqual(expected);
    }
    expect(comparable(await fact(inOrder, 'D'))).toMatchObject({ referredToTreatment: true, retained30: true, isRepeat: false });
    expect((await fact(inOrder, 'D2'))?.isRepeat).toBe(true);
  });

  it('applies a delivery’s referrals together: as many statements for 40 as for 4, and the facts one at a time gives', async () => {
    // A story with every interaction a referral has: repeats of one person inside the batch and with an earlier
    // delivery, treatment that arrived before its referral, and an approval in the same delivery.
    const meg = uuidOf('meg:batched referrals');
    const story = (prefix: string, referrals: number) => {
      const log = new EventLog(prefix);
      log.referred('earlier', { person: 'P0', referredAt: '2026-03-01T15:00:00Z' });
      const treatmentFirst = log.episode('D1', 'E1', 'X', 'SUD_OUTPATIENT', [['REFERRED', '2026-03-02T15:00:00Z'], ['ENGAGED', '2026-03-05T15:00:00Z']]);
      const batch: EventEnvelope[] = [];
      for (let i = 0; i < referrals; i += 1) {
        batch.push(log.referred(`D${i}`, { person: i === 1 ? 'P0' : `P${(i % 2) + 1}`, referredAt: after('2026-03-02T15:00:00Z', { hours: referrals - i }), countsForId: i === 2 ? meg : null }));
      }
      batch.push(log.status('D2', 'deflection.approved', 'ACTIVE', '2026-03-03T15:00:00Z', meg));
      batch.push(log.handedOff('D3', '2026-03-03T16:00:00Z'));
      batch.push(log.referred('anonymous', { person: 'nobody', personPseudonym: null, referredAt: '2026-03-02T15:00:00Z' }));
      // The same event twice in one delivery is applied once.
      batch.push(batch[0]!);
      return { log, earlier: log.envelopes[0]!, treatmentFirst, batch };
    };
    const together = story('batched', 4);
    const large = story('batched-large', 40);
    const oneByOne = story('one-by-one', 4);
    const orm = db.orm('reporting');
    for (const s of [together, large, oneByOne]) {
      await deliver([s.earlier]);
      await deliver(s.treatmentFirst, { source: 'treatment' });
    }
    const four = await orm.counter.measure(() => deliver(together.batch));
    const forty = await orm.counter.measure(() => deliver(large.batch));
    expect(four.result.body.applied).toBe(7);
    expect(forty.result.body.applied).toBe(43);
    expect(forty.statements.length).toBe(four.statements.length);
    for (const envelope of oneByOne.batch) await deliver([envelope]);
    const comparable = (f: DeflectionFact | null) => ({
      status: f?.status, attributedToId: f?.attributedToId, approvingAgencyId: f?.approvingAgencyId, approvalRequired: f?.approvalRequired, isRepeat: f?.isRepeat,
      referredOn: f?.referredOn, intercept: f?.intercept, referredToTreatment: f?.referredToTreatment, firstTreatmentContactAt: f?.firstTreatmentContactAt,
      service: f?.service, handedOffAt: f?.handedOffAt, closedAt: f?.closedAt, declinedAt: f?.declinedAt, personPseudonym: f?.personPseudonym === null ? null : 'someone',
    });
    for (const name of ['earlier', 'D0', 'D1', 'D2', 'D3', 'anonymous']) expect(comparable(await fact(together.log, name))).toEqual(comparable(await fact(oneByOne.log, name)));
    expect(comparable(await fact(together.log, 'D1'))).toMatchObject({ referredToTreatment: true, service: 'SUD_OUTPATIENT' });
    expect(comparable(await fact(together.log, 'D2'))).toMatchObject({ status: 'ACTIVE', attributedToId: meg });
    expect(comparable(await fact(together.log, 'D3'))).toMatchObject({ status: 'ACTIVE', attributedToId: uuidOf('unit:default'), approvalRequired: false, handedOffAt: new Date('2026-03-03T16:00:00Z') });
    expect(comparable(await fact(together.log, 'anonymous'))).toMatchObject({ personPseudonym: null, isRepeat: false, intercept: 'INTERCEPT_0' });
    // D0 repeats D2 (same person, two hours earlier, same delivery); D1 repeats the earlier delivery's referral.
    const repeats = await Promise.all(['D0', 'D1', 'D2', 'D3'].map(async (name) => (await fact(together.log, name))?.isRepeat));
    expect(repeats).toEqual([true, true, false, false]);
  });

  it('applies a delivery’s episode changes together: as many statements for 40 episodes as for 4, and the facts one at a time gives', async () => {
    // Several changes of one episode in the delivery, an episode whose start came in an earlier delivery, and two
    // episodes of one deflection (the first referred names the provider).
    const story = (prefix: string, episodes: number) => {
      const log = new EventLog(prefix);
      const earlier = log.episode('D0', 'E0', 'X', 'SUD_OUTPATIENT', [['REFERRED', '2026-02-01T15:00:00Z']]);
      const later = log.episode('D0', 'E0', 'X', 'SUD_OUTPATIENT', [['ENGAGED', '2026-02-03T15:00:00Z'], ['RETAINED_30', '2026-03-05T15:00:00Z']]);
      const batch = [...later, ...log.episode('D1', 'E1b', 'Y', 'MENTAL_HEALTH', [['REFERRED', '2026-02-04T15:00:00Z'], ['ENGAGED', '2026-02-06T15:00:00Z']])];
      batch.push(...log.episode('D1', 'E1a', 'X', 'SUD_RESIDENTIAL', [['REFERRED', '2026-02-02T15:00:00Z'], ['ENGAGED', '2026-02-09T15:00:00Z'], ['RETAINED_30', '2026-03-09T15:00:00Z'], ['COMPLETED', '2026-04-01T15:00:00Z']]));
      for (let i = 2; i < episodes; i += 1) batch.push(...log.episode(`D${i}`, `E${i}`, 'X', 'PEER_SUPPORT', [['REFERRED', '2026-02-02T15:00:00Z']]));
      return { log, earlier, batch };
    };
    const together = story('episodes-batched', 4);
    const large = story('episodes-batched-large', 40);
    const oneByOne = story('episodes-one-by-one', 4);
    const orm = db.orm('reporting');
    for (const s of [together, large, oneByOne]) await deliver(s.earlier, { source: 'treatment' });
    const four = await orm.counter.measure(() => deliver(together.batch, { source: 'treatment' }));
    const forty = await orm.counter.measure(() => deliver(large.batch, { source: 'treatment' }));
    expect(four.result.body.applied).toBe(together.batch.length);
    expect(forty.result.body.applied).toBe(large.batch.length);
    expect(forty.statements.length).toBe(four.statements.length);
    for (const envelope of oneByOne.batch) await deliver([envelope], { source: 'treatment' });
    const comparable = (f: DeflectionFact | null) => ({
      referredToTreatment: f?.referredToTreatment, firstTreatmentContactAt: f?.firstTreatmentContactAt, retained30: f?.retained30,
      treatmentCompleted: f?.treatmentCompleted, service: f?.service,
    });
    for (const name of ['D0', 'D1', 'D2', 'D3']) expect(comparable(await fact(together.log, name))).toEqual(comparable(await fact(oneByOne.log, name)));
    expect(comparable(await fact(together.log, 'D0'))).toEqual({
      referredToTreatment: true, firstTreatmentContactAt: new Date('2026-02-03T15:00:00Z'), retained30: true, treatmentCompleted: false, service: 'SUD_OUTPATIENT',
    });
    expect(comparable(await fact(together.log, 'D1'))).toEqual({
      referredToTreatment: true, firstTreatmentContactAt: new Date('2026-02-06T15:00:00Z'), retained30: true, treatmentCompleted: true, service: 'SUD_RESIDENTIAL',
    });
    const state = async (log: EventLog, episode: string) =>
      (await orm.fork().execute<{ state: string }[]>('select state from "reporting"."episode_fact" where episode_id = ?', [log.id(episode)]))[0]?.state;
    expect([await state(together.log, 'E0'), await state(together.log, 'E1a'), await state(together.log, 'E1b')]).toEqual(['RETAINED_30', 'COMPLETED', 'ENGAGED']);
  });

  it('applies a delivery that refers one deflection twice one event at a time, in order, as facts always were', async () => {
    const log = new EventLog('referred-twice');
    const [first, second] = [uuidOf('meg:first'), uuidOf('meg:second')];
    log.referred('D', { person: 'P', referredAt: '2026-03-01T15:00:00Z', countsForId: first });
    // An approval from before decidedByAgencyId existed: it names the MEG the referral then awaited.
    log.status('D', 'deflection.approved', 'ACTIVE', '2026-03-01T16:00:00Z');
    log.referred('D', { person: 'P', referredAt: '2026-03-01T15:00:00Z', countsForId: second, pathway: 'ACTIVE_OUTREACH' });
    expect((await deliver(log.envelopes)).body.applied).toBe(3);
    expect(await fact(log, 'D')).toMatchObject({ pathway: 'ACTIVE_OUTREACH', countsForId: second, approvingAgencyId: first, attributedToId: first });
  });

  it('applies an event whose id is written in capitals (a uuid is a uuid)', async () => {
    const log = new EventLog('capitals');
    const envelope = log.referred('D', { person: 'P', referredAt: '2026-03-01T15:00:00Z' });
    expect((await deliver([{ ...envelope, eventId: envelope.eventId.toUpperCase() }])).body.applied).toBe(1);
    expect(await fact(log, 'D')).toMatchObject({ pathway: 'SELF_REFERRAL' });
    expect((await deliver([envelope])).body.applied).toBe(0);
  });

  it('refuses a delivery signed with another secret and applies nothing', async () => {
    const log = new EventLog('forged');
    log.referred('D', { person: 'P', referredAt: '2026-06-01T15:00:00Z' });
    expect((await deliver(log.envelopes, { secret: 'another-secret-that-is-32-characters-long' })).status).toBe(401);
    expect(await fact(log, 'D')).toBeNull();
  });

  it('rejects a malformed batch with 400 and applies nothing of it', async () => {
    const log = new EventLog('malformed');
    log.referred('D', { person: 'P', referredAt: '2026-06-01T15:00:00Z' });
    const token = await signEventDelivery(SECRET, 'cases', 'reporting');
    const response = await fetch(inboxUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ events: [...log.envelopes, { nope: true }] }) });
    expect(response.status).toBe(400);
    expect(await fact(log, 'D')).toBeNull();
  });

  it('rejects with 400, before any SQL, an envelope whose id is not a uuid, whose sequence is not a whole number or whose type is too long', async () => {
    const log = new EventLog('malformed-fields');
    const [envelope] = [log.referred('D', { person: 'P', referredAt: '2026-06-01T15:00:00Z' })];
    const bad = [
      { ...envelope!, eventId: 'not-a-uuid' },
      { ...envelope!, sequence: 1.5 },
      { ...envelope!, event: { ...envelope!.event, type: 'x'.repeat(81) } },
    ];
    for (const wrong of bad) expect((await deliver([wrong as EventEnvelope])).status).toBe(400);
    expect(await fact(log, 'D')).toBeNull();
  });
});

describe('attribution follows the approval (OPS-D9)', () => {
  it('counts a DOP deflection for the MEG once it approves, never while pending, and takes a declined one off', async () => {
    const log = new EventLog('ops-d9');
    const at = '2026-04-01T15:00:00Z';
    for (let i = 0; i < 14; i += 1) log.referred(`approved${i}`, { person: `A${i}`, referredAt: at, countsForId: A.duPageMeg, initiatingUnitId: A.ispDopTroop3 });
    for (let i = 0; i < 12; i += 1) log.referred(`pending${i}`, { person: `B${i}`, referredAt: at, countsForId: A.duPageMeg, initiatingUnitId: A.ispDopTroop3 });
    for (let i = 0; i < 12; i += 1) log.referred(`declined${i}`, { person: `C${i}`, referredAt: at, countsForId: A.duPageMeg, initiatingUnitId: A.ispDopTroop3 });
    for (let i = 0; i < 14; i += 1) log.status(`approved${i}`, 'deflection.approved', 'ACTIVE', after(at, { hours: 1 }), A.duPageMeg);
    for (let i = 0; i < 12; i += 1) log.status(`declined${i}`, 'deflection.declined', 'DECLINED', after(at, { hours: 1 }), A.duPageMeg);
    await deliverAll(log.envelopes);
    const data = await client.ok<Counted>('analyst', COUNT, { r: [{ __typename: 'Agency', id: A.duPageMeg }, { __typename: 'Agency', id: A.ispDopTroop3 }] });
    // 14 approved, perturbed by at most 2 (the cell-key method); the unit itself counts none of them.
    expect(data._entities[0]!.deflectionsCounted.value).toBeGreaterThanOrEqual(12);
    expect(data._entities[0]!.deflectionsCounted.value).toBeLessThanOrEqual(16);
    expect(data._entities[1]!.deflectionsCounted).toEqual({ value: 0, suppressed: false });
    const raw = await db.orm('reporting').fork().count(DeflectionFact, { attributedToId: A.duPageMeg });
    expect(raw).toBe(14);
  });

  it('counts one needing no approval for its unit, and withholds a small count', async () => {
    const log = new EventLog('own-unit');
    for (let i = 0; i < 2; i += 1) log.referred(`D${i}`, { person: `P${i}`, referredAt: '2026-04-02T15:00:00Z', initiatingUnitId: A.quincyPolice });
    await deliverAll(log.envelopes);
    const data = await client.ok<Counted>('analyst', COUNT, { r: [{ __typename: 'Agency', id: A.quincyPolice }, { __typename: 'Agency', id: A.icjia }] });
    expect(data._entities.map((e) => e.deflectionsCounted)).toEqual([{ value: null, suppressed: true }, { value: 0, suppressed: false }]);
  });

  it('counts for many agencies in one statement', async () => {
    const orm = db.orm('reporting');
    const agencies = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Agency', id: `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const few = await orm.counter.measure(() => client.ok('analyst', COUNT, { r: agencies(2) }));
    const many = await orm.counter.measure(() => client.ok('analyst', COUNT, { r: agencies(40) }));
    expect(few.statements.length).toBe(1);
    expect(many.statements.length).toBe(1);
  });
});

describe('how far behind statistics are (event lag)', () => {
  const DELIVERY = '{ eventDelivery { source undelivered oldestUndeliveredAt lagSeconds lastError silent reportedAt } }';
  type Delivery = { eventDelivery: { source: string; undelivered: number; oldestUndeliveredAt: string | null; lagSeconds: number; lastError: string | null; silent: boolean }[] };

  it('shows each publisher’s undelivered events and the age of the oldest, as it last reported them, to hub administrators', async () => {
    const oldest = new Date(Date.now() - 90_000).toISOString();
    await deliver([], { source: 'treatment', outbox: { undelivered: 42, oldestUndeliveredAt: oldest, lastError: 'reporting answered 503' } });
    const data = await client.ok<Delivery>('hub-admin', DELIVERY);
    const treatment = data.eventDelivery.find((s) => s.source === 'treatment')!;
    expect(treatment).toMatchObject({ undelivered: 42, oldestUndeliveredAt: oldest, lastError: 'reporting answered 503', silent: false });
    expect(treatment.lagSeconds).toBeGreaterThanOrEqual(90);
    await deliver([], { source: 'treatment', outbox: { undelivered: 0, oldestUndeliveredAt: null, lastError: null } });
    expect((await client.ok<Delivery>('hub-admin', DELIVERY)).eventDelivery.find((s) => s.source === 'treatment')).toMatchObject({ undelivered: 0, lagSeconds: 0 });
    expect((await client.error('analyst', DELIVERY)).extensions?.code).toBe('FORBIDDEN');
  });
});

describe('feedback to officers and units (FB-2)', () => {
  const officer: Actor = { personId: P.deputyLindqvist, agencyId: A.lakeCountySheriff, roles: ['OFFICER'], actingFor: null };
  const sergeant: Actor = { personId: P.sheriffSergeantBrooks, agencyId: A.lakeCountySheriff, roles: ['OFFICER', 'SUPERVISOR'], actingFor: null };
  const log = new EventLog('feedback');

  beforeAll(async () => {
    for (let i = 0; i < 15; i += 1) {
      const at = `2026-02-${String(1 + i).padStart(2, '0')}T15:00:00Z`;
      log.referred(`mine${i}`, { person: `M${i}`, referredAt: at, initiatingUnitId: A.lakeCountySheriff, initiatingOfficerId: officer.personId });
      log.handedOff(`mine${i}`, after(at, { hours: 3 }));
      if (i < 12) log.episode(`mine${i}`, `E${i}`, 'X', 'SUD_OUTPATIENT', [['REFERRED', after(at, { days: 1 })], ['ENGAGED', after(at, { days: 4 })]]);
    }
    for (let i = 0; i < 3; i += 1) log.referred(`other${i}`, { person: `O${i}`, referredAt: '2026-02-10T15:00:00Z', initiatingUnitId: A.lakeCountySheriff, initiatingOfficerId: sergeant.personId });
    await deliverAll(log.envelopes);
  });

  const OUTCOMES = `query($from: Date, $to: Date) { myReferralOutcomes(from: $from, to: $to) { referrals { value suppressed } people { value } engagedWithin30Days { value suppressed } repeatDeflections { value } } }`;

  it('shows an officer the aggregated outcomes of the people they referred, and nobody else’s', async () => {
    const data = await client.ok<{ myReferralOutcomes: { referrals: { value: number }; engagedWithin30Days: { value: number } } }>(officer, OUTCOMES, { from: '2026-02-01', to: '2026-02-28' });
    expect(data.myReferralOutcomes.referrals.value).toBeGreaterThanOrEqual(13);
    expect(data.myReferralOutcomes.referrals.value).toBeLessThanOrEqual(17);
    expect(data.myReferralOutcomes.engagedWithin30Days.value).toBeGreaterThan(0.6);
    // The sergeant's own three referrals are too few to show.
    const few = await client.ok<{ myReferralOutcomes: { referrals: { value: number | null; suppressed: boolean } } }>({ ...sergeant, roles: ['OFFICER'] }, OUTCOMES, { from: '2026-02-01', to: '2026-02-28' });
    expect(few.myReferralOutcomes.referrals).toEqual({ value: null, suppressed: true });
  });

  it('shows a supervisor the unit’s outcomes and refuses another unit’s', async () => {
    const QUERY = 'query($agencyId: ID) { unitReferralOutcomes(agencyId: $agencyId, from: "2026-02-01", to: "2026-02-28") { referrals { value } } }';
    const data = await client.ok<{ unitReferralOutcomes: { referrals: { value: number } } }>(sergeant, QUERY, {});
    expect(data.unitReferralOutcomes.referrals.value).toBeGreaterThanOrEqual(16);
    expect((await client.error(sergeant, QUERY, { agencyId: A.dixonPolice })).extensions?.code).toBe('FORBIDDEN');
  });

  it('counts referrals per officer and unit for a supervisor, exactly (officers’ own actions)', async () => {
    const data = await client.ok<{ referralCounts: { unit: { id: string }; referrals: number; byOfficer: { officer: { id: string }; referrals: number }[] }[] }>(
      sergeant,
      'query { referralCounts(from: "2026-02-01", to: "2026-02-28") { unit { id } referrals byOfficer { officer { id } referrals } } }',
    );
    expect(data.referralCounts).toEqual([{ unit: { id: A.lakeCountySheriff }, referrals: 18, byOfficer: [{ officer: { id: officer.personId }, referrals: 15 }, { officer: { id: sergeant.personId }, referrals: 3 }] }]);
  });

  it('gives the unit a monthly digest ready to render, with last month for the trend', async () => {
    const data = await client.ok<{ feedbackDigest: { title: string; month: string; figures: { label: string; format: string; value: number | null; suppressed: boolean; previous: number | null }[]; byPathway: { dimensions: { value: string }[] }[]; notes: string[] } }>(
      officer,
      'query { feedbackDigest(month: "2026-02") { title month figures { label format value suppressed previous } byPathway { dimensions { value } values { value suppressed } } notes } }',
    );
    expect(data.feedbackDigest.title).toBe('Deflection feedback, February 2026');
    expect(data.feedbackDigest.figures.find((f) => f.label === 'Referrals')).toMatchObject({ format: 'COUNT', suppressed: false, previous: 0 });
    expect(data.feedbackDigest.byPathway.map((c) => c.dimensions[0]!.value)).toEqual(['SELF_REFERRAL']);
    expect((await client.error(officer, 'query { feedbackDigest(month: "2026-13") { title } }')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month', rule: 'month' });
  });
});
