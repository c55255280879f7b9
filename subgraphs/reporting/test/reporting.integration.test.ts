import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A } from '@hub/platform/demo';
import { type EventEnvelope, signEventDelivery } from '@hub/platform/events';
import { runSubgraph } from '@hub/platform/subgraph';
import { createTestDatabase, SubgraphClient, testGatewayKeys, type TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { eventInbox } from '../src/events/inbox-route.js';
import { reporting } from '../src/index.js';
import { DeflectionFact } from '../src/entities/deflection-fact.entity.js';
import { suppress } from '../src/rules/suppression.js';

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

function referred(n: number, countsForId: string | null, initiatingUnitId = A.ispDopTroop2): EventEnvelope {
  return {
    eventId: `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    sequence: n,
    occurredAt: '2026-06-01T15:00:00Z',
    source: 'cases',
    event: {
      type: 'deflection.referred',
      deflectionId: `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      pathway: 'SELF_REFERRAL',
      status: 'ACTIVE',
      initiatingUnitId,
      countsForId,
      county: 'Lake',
      referredAt: '2026-06-01T15:00:00Z',
    },
  };
}

async function deliver(events: EventEnvelope[], secret = SECRET): Promise<{ status: number; body: { applied?: number } }> {
  const token = await signEventDelivery(secret, 'cases', 'reporting');
  const response = await fetch(inboxUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ events }) });
  return { status: response.status, body: (await response.json()) as { applied?: number } };
}

function statusChanged(n: number, deflectionN: number, type: 'deflection.approved' | 'deflection.closed', toStatus: 'ACTIVE' | 'SUCCESSFUL', fromStatus: 'PENDING_APPROVAL' | 'ACTIVE'): EventEnvelope {
  return {
    eventId: `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    sequence: n,
    occurredAt: '2026-06-02T15:00:00Z',
    source: 'cases',
    event: { type, deflectionId: `c0000000-0000-4000-8000-${String(deflectionN).padStart(12, '0')}`, fromStatus, toStatus, at: '2026-06-02T15:00:00Z' },
  };
}

async function factStatus(deflectionN: number): Promise<string | undefined> {
  return (await db.orm('reporting').fork().findOne(DeflectionFact, { deflectionId: `c0000000-0000-4000-8000-${String(deflectionN).padStart(12, '0')}` }))?.status;
}

const COUNT = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { id deflectionsCounted { value suppressed } } } }';

describe('configuration', () => {
  it('refuses to start with a suppression threshold that is not a whole number, naming the variable', async () => {
    const { verifier } = await testGatewayKeys();
    await expect(runSubgraph(reporting, { databaseUrl: db.urlFor('reporting'), verifier, port: 0, env: { REPORTING_SUPPRESSION_THRESHOLD: 'zero' } })).rejects.toThrow(
      'REPORTING_SUPPRESSION_THRESHOLD must be a whole number of at least 1',
    );
  });
});

describe('small counts are suppressed (FB-3)', () => {
  it('withholds counts from 1 to 10 and shows 0 and 11 or more', () => {
    expect(suppress(0, 11)).toEqual({ value: 0, suppressed: false });
    expect(suppress(1, 11)).toEqual({ value: null, suppressed: true });
    expect(suppress(10, 11)).toEqual({ value: null, suppressed: true });
    expect(suppress(11, 11)).toEqual({ value: 11, suppressed: false });
  });
});

describe('deflection statistics from published events', () => {
  it('applies a redelivered event once', async () => {
    const batch = Array.from({ length: 12 }, (_, i) => referred(i + 1, A.lakeCountyMeg));
    expect((await deliver(batch)).body.applied).toBe(12);
    expect((await deliver(batch)).body.applied).toBe(0);
    const data = await client.ok<{ _entities: { deflectionsCounted: { value: number } }[] }>('analyst', COUNT, { r: [{ __typename: 'Agency', id: A.lakeCountyMeg }] });
    expect(data._entities[0]!.deflectionsCounted).toEqual({ value: 12, suppressed: false });
  });

  it('counts a DOP deflection for the MEG that approves it and not for its unit, and one needing no approval for its unit (OPS-D9)', async () => {
    await deliver([...Array.from({ length: 11 }, (_, i) => referred(400 + i, A.duPageMeg, A.ispDopTroop3)), referred(100, null, A.lakeCountySheriff), referred(101, null, A.lakeCountySheriff)]);
    const data = await client.ok<{ _entities: { id: string; deflectionsCounted: { value: number | null; suppressed: boolean } }[] }>('analyst', COUNT, {
      r: [{ __typename: 'Agency', id: A.duPageMeg }, { __typename: 'Agency', id: A.ispDopTroop3 }, { __typename: 'Agency', id: A.lakeCountySheriff }, { __typename: 'Agency', id: A.icjia }],
    });
    expect(data._entities.map((e) => e.deflectionsCounted)).toEqual([
      { value: 11, suppressed: false },
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: 0, suppressed: false },
    ]);
  });

  it('does not apply an older event after a newer one delivered in an earlier batch', async () => {
    await deliver([referred(500, A.blackhawkTaskForce)]);
    await deliver([statusChanged(520, 500, 'deflection.closed', 'SUCCESSFUL', 'ACTIVE')]);
    await deliver([statusChanged(510, 500, 'deflection.approved', 'ACTIVE', 'PENDING_APPROVAL')]);
    expect(await factStatus(500)).toBe('SUCCESSFUL');
  });

  it('counts for many agencies in one statement', async () => {
    const orm = db.orm('reporting');
    const agencies = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Agency', id: `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const few = await orm.counter.measure(() => client.ok('analyst', COUNT, { r: agencies(2) }));
    const many = await orm.counter.measure(() => client.ok('analyst', COUNT, { r: agencies(40) }));
    expect(few.statements.length).toBe(1);
    expect(many.statements.length).toBe(1);
  });

  it('refuses a delivery signed with another secret and applies nothing', async () => {
    const result = await deliver([referred(200, A.duPageMeg)], 'another-secret-that-is-32-characters-long');
    expect(result.status).toBe(401);
    expect(await factStatus(200)).toBeUndefined();
  });

  it('rejects a malformed batch with 400 and applies nothing of it', async () => {
    const token = await signEventDelivery(SECRET, 'cases', 'reporting');
    const response = await fetch(inboxUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ events: [referred(300, null), { nope: true }] }) });
    expect(response.status).toBe(400);
    expect(await factStatus(300)).toBeUndefined();
  });
});
