import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { agencies } from '@hub/agencies';
import { freePort } from '@hub/platform/db';
import { OutboxEvent } from '@hub/platform/events';
import { createTestDatabase, SubgraphClient, testGatewayKeys, type TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { Deflection } from '../src/entities/deflection.entity.js';
import { Incident } from '../src/entities/incident.entity.js';
import { Participant } from '../src/entities/participant.entity.js';
import { cases } from '../src/index.js';
import { demoDeflectionId } from '../src/seed/demo-data.js';

/**
 * Referral and approval ask the agencies subgraph which plan applies and who may approve today. When it does not
 * answer, they say so with a retryable error and write nothing: the caller (or the phone's offline queue) sends
 * the same request again with the same idempotency key.
 */
let db: TestDatabase;
let client: SubgraphClient<Context>;

beforeAll(async () => {
  db = await createTestDatabase([agencies, cases], { seed: true });
  const keys = await testGatewayKeys();
  // Nothing listens on this port: the agencies subgraph is down.
  client = new SubgraphClient(cases, db.orm('cases'), { signer: keys.signer, env: { AGENCIES_URL: `http://127.0.0.1:${await freePort()}/graphql` } });
});

afterAll(async () => {
  await db?.drop();
});

async function counts() {
  const em = db.orm('cases').fork();
  return { deflections: await em.count(Deflection, {}), participants: await em.count(Participant, {}), incidents: await em.count(Incident, {}), events: await em.count(OutboxEvent, {}) };
}

describe('while the agencies subgraph is down', () => {
  it('answers a referral with SUBGRAPH_UNAVAILABLE, retryable, and writes nothing', async () => {
    const before = await counts();
    const error = await client.error('local-officer', 'mutation($input: QuickReferralInput!) { quickReferral(input: $input, idempotencyKey: "offline-1") { deflection { id } } }', {
      input: { person: { givenName: 'Lee', familyName: 'Down', dateOfBirth: '1990-02-02' }, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help.' },
    });
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'agencies', retryable: true });
    expect(await counts()).toEqual(before);
  });

  it('answers an approval the same way and leaves the deflection pending', async () => {
    const written = await counts();
    const before = await db.orm('cases').fork().findOneOrFail(Deflection, { id: demoDeflectionId(8) });
    const error = await client.error('meg-director', 'mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { id } }', {
      input: { deflectionId: before.id, version: before.version, decision: 'APPROVED', reason: 'ok' },
    });
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'agencies', retryable: true });
    const after = await db.orm('cases').fork().findOneOrFail(Deflection, { id: before.id });
    expect(after.status).toBe('PENDING_APPROVAL');
    expect(after.version).toBe(before.version);
    expect(await counts()).toEqual(written);
  });
});
