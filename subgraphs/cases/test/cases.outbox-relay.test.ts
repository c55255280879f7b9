import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { type EventEnvelope, OutboxEvent, OutboxRelay, type OutboxStatus } from '@hub/platform/events';
import type { SubgraphOrm } from '@hub/platform/db';
import { openSubgraphOrm } from '@hub/platform/subgraph';
import { createTestDatabase, type TestDatabase } from '@hub/platform/testing';
import { cases } from '../src/index.js';

/**
 * Publishing an event (and claiming it) leaves dead entries in the partial index of unpublished events until vacuum
 * runs (and on a database without autovacuum, never). A plain index scan marks the entries it passes as dead, so
 * later scans skip them; a bitmap scan skips those already marked but marks none, and a sequential scan reads the
 * whole table.
 */
let db: TestDatabase;
let admin: pg.Client;
/** The relay's connections, on a database whose planner prefers anything to a plain index scan, as it did at scale. */
let orm: SubgraphOrm;

beforeAll(async () => {
  db = await createTestDatabase([cases], { seed: true });
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query('create extension if not exists pageinspect');
  // At scale, PostgreSQL's estimate chose a bitmap scan of the index for a short backlog (214 rows estimated, 10,000
  // dead entries read). A small test table would get a plain index scan on its own; this cost makes every random
  // heap read look dear, so the planner picks another path unless the relay rules the others out.
  await admin.query(`alter database "${db.name}" set random_page_cost = 1000`);
  // Vacuum would remove the entries the test counts, and an autovacuum worker's analyze holds a snapshot that keeps
  // them from being dead to everyone: neither may run on this table while the test counts.
  await admin.query('alter table cases.outbox_event set (autovacuum_enabled = off)');
  orm = await openSubgraphOrm(cases, db.urlFor('cases'));
});

afterAll(async () => {
  await orm?.close();
  await admin?.end();
  await db?.drop();
});

/** Entries of the unpublished-events index that a scan has marked dead (LP_DEAD), page by page. */
async function markedDead(): Promise<number> {
  const { rows } = await admin.query<{ dead: string }>(
    `select count(*) as dead
     from generate_series(1, (pg_relation_size('cases.outbox_event_unpublished_index') / current_setting('block_size')::int)::int - 1) as page,
          lateral bt_page_items('cases.outbox_event_unpublished_index', page) as item
     where item.dead`,
  );
  return Number(rows[0]!.dead);
}

const delivered = (async () => new Response('{}', { status: 200 })) as typeof fetch;
const relayTo = (consumer: typeof fetch, batchSize?: number) =>
  new OutboxRelay(() => orm.fork(), { source: 'cases', targetUrl: 'http://reporting.invalid/events', targetName: 'reporting', secret: 'x'.repeat(32), fetchImpl: consumer, ...(batchSize ? { batchSize } : {}) });

/** Waits until no other session of this database holds a snapshot (an autovacuum worker's analyze of another table). */
async function noOlderSnapshots(): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const { rows } = await admin.query(`select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_xmin is not null`);
    if (rows.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('outbox relay', () => {
  it('tells the consumer, with each batch, how many events wait besides it, since when, and why the batch failed before', async () => {
    const sent: { events: EventEnvelope[]; outbox: OutboxStatus }[] = [];
    let up = false;
    const consumer = (async (_url: string | URL | Request, init?: RequestInit) => {
      if (!up) return new Response('down', { status: 503 });
      sent.push(JSON.parse(String(init?.body)) as { events: EventEnvelope[]; outbox: OutboxStatus });
      return new Response('{}', { status: 200 });
    }) as typeof fetch;
    await relayTo(delivered).drain();
    // Twelve events, an hour apart, the oldest first.
    await admin.query(`insert into cases.outbox_event (event_id, type, payload, occurred_at) select gen_random_uuid(), 'test.waiting', '{}'::jsonb, now() - (12 - n) * interval '1 hour' from generate_series(0, 11) as n`);
    const waiting = await orm.fork().find(OutboxEvent, { publishedAt: null }, { orderBy: { sequence: 'asc' } });
    expect(waiting).toHaveLength(12);
    const relay = relayTo(consumer, 5);

    expect(await relay.publishBatch()).toBe(0);
    up = true;
    expect(await relay.publishBatch()).toBe(5);
    expect(await relay.publishBatch()).toBe(5);

    expect(sent.map((s) => s.events.map((e) => e.sequence))).toEqual([waiting.slice(0, 5).map((e) => Number(e.sequence)), waiting.slice(5, 10).map((e) => Number(e.sequence))]);
    expect(sent[0]!.outbox).toEqual({ undelivered: waiting.length - 5, oldestUndeliveredAt: waiting[5]!.occurredAt.toISOString(), lastError: 'reporting answered 503' });
    expect(sent[1]!.outbox).toEqual({ undelivered: waiting.length - 10, oldestUndeliveredAt: waiting[10]!.occurredAt.toISOString(), lastError: null });
  });

  it('reads by plain index scans, which mark the dead index entries publishing leaves, so later claims skip them', async () => {
    const relay = relayTo(delivered);
    await relay.drain();
    expect(await orm.fork().execute(`select current_setting('random_page_cost') as cost`)).toEqual([{ cost: '1000' }]);
    // A burst of 2,000 events, published by another relay: 2,000 index entries now point at dead row versions.
    await admin.query(`insert into cases.outbox_event (event_id, type, payload, occurred_at) select gen_random_uuid(), 'test.burst', '{}'::jsonb, now() from generate_series(1, 2000)`);
    await admin.query(`update cases.outbox_event set published_at = now() where published_at is null`);
    await noOlderSnapshots();
    const before = await markedDead();

    expect(await relay.publishBatch()).toBe(0);

    expect((await markedDead()) - before).toBeGreaterThanOrEqual(2000);
  });
});
