import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cases } from '@hub/cases';
import { OutboxEvent, OutboxRelay } from '@hub/platform/events';
import { createTestDatabase, type TestDatabase } from '@hub/platform/testing';
import { DeflectionFact } from '../src/entities/deflection-fact.entity.js';
import { eventDelivery } from '../src/events/delivery-status.js';
import { eventInbox } from '../src/events/inbox-route.js';
import { reporting } from '../src/index.js';

/**
 * A consumer that was down catches up: the cases subgraph's outbox keeps its events while reporting does not answer,
 * and delivers them all once it does; reporting then knows how far behind it was and that it is no longer.
 */
const SECRET = 'reporting-test-secret-of-at-least-32-chars';
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase([cases, reporting], { seed: true });
});

afterAll(async () => {
  await db?.drop();
});

describe('reporting down, then up', () => {
  it('keeps every event in the outbox while reporting is down, then applies them all and reports no lag', async () => {
    const handler = eventInbox(db.orm('reporting'), async () => SECRET);
    const server = createServer((req, res) => void handler(req, res));
    // A port that is free now: reporting is "down" until the server listens on it.
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const relay = new OutboxRelay(db.orm('cases').fork, { source: 'cases', targetUrl: `http://127.0.0.1:${port}/events`, targetName: 'reporting', secret: SECRET, batchSize: 10 });
    const waiting = await db.orm('cases').fork().count(OutboxEvent, { publishedAt: null });
    expect(waiting).toBeGreaterThan(40);

    expect(await relay.drain()).toBe(0);
    expect(await db.orm('cases').fork().count(OutboxEvent, { publishedAt: null })).toBe(waiting);
    expect(await db.orm('reporting').fork().count(DeflectionFact, {})).toBe(0);

    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      expect(await relay.drain()).toBe(waiting);
      expect(await db.orm('cases').fork().count(OutboxEvent, { publishedAt: null })).toBe(0);
      // Every demo deflection arrived, in batches of ten, whatever their order.
      expect(await db.orm('reporting').fork().count(DeflectionFact, { referredAt: { $ne: null } })).toBe(22);
      const [status] = (await eventDelivery(db.orm('reporting').fork())).filter((s) => s.source === 'cases');
      expect(status).toMatchObject({ undelivered: 0, lagSeconds: 0, silent: false });
      // The outbox still says why the first attempts failed, for the operator.
      expect((await db.orm('cases').fork().findOneOrFail(OutboxEvent, { sequence: 1 })).lastError).toMatch(/fetch failed|ECONNREFUSED/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
