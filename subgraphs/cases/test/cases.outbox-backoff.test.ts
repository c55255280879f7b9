import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxEvent, OutboxRelay, retryDelay } from '@hub/platform/events';
import { createTestDatabase, type TestDatabase } from '@hub/platform/testing';
import { cases } from '../src/index.js';

/** A relay whose consumer is down waits longer after each failed attempt, up to a cap, and starts over once it answers. */
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase([cases], { seed: true });
});

afterAll(async () => {
  await db?.drop();
});

describe('outbox relay backoff', () => {
  it('doubles the wait per failure, with half of it random, up to the cap', () => {
    expect(retryDelay(0, 1000, 60_000, () => 0.5)).toBe(1000);
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1000, 60_000, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1000, 60_000, () => 1))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelay(50, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it('asks a consumer that is down less and less often, and delivers at the normal pace once it is back', async () => {
    const orm = db.orm('cases');
    let up = false;
    let attempts = 0;
    const fetchImpl = (async () => {
      attempts += 1;
      return up ? new Response('{}', { status: 200 }) : new Response('down', { status: 503 });
    }) as typeof fetch;
    const relay = new OutboxRelay(orm.fork, { source: 'cases', targetUrl: 'http://reporting.invalid/events', targetName: 'reporting', secret: 'x'.repeat(32), fetchImpl, backoffCapMs: 400 });
    const stop = relay.start(20, () => {});
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    // Every 20 ms without backoff would be some 60 attempts; doubling from 20 ms to the 400 ms cap makes a handful.
    expect(attempts).toBeLessThan(12);
    expect(relay.consecutiveFailures).toBeGreaterThan(2);
    up = true;
    for (let i = 0; i < 100 && (await orm.fork().count(OutboxEvent, { publishedAt: null })) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    await stop();
    expect(await orm.fork().count(OutboxEvent, { publishedAt: null })).toBe(0);
    expect(relay.consecutiveFailures).toBe(0);
  });
});
