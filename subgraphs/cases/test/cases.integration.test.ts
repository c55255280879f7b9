import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, illinoisDate } from '@hub/platform/domain';
import { DEMO_AGENCY as A, PERSONAS } from '@hub/platform/demo';
import { OutboxEvent, OutboxRelay } from '@hub/platform/events';
import type { SubgraphClient, TestDatabase } from '@hub/platform/testing';
import pg from 'pg';
import type { Context } from '../src/context.js';
import { Deflection } from '../src/entities/deflection.entity.js';
import { startCasesWithAgencies } from './support.js';
import { demoDeflectionId } from '../src/seed/demo-data.js';

let db: TestDatabase;
let client: SubgraphClient<Context>;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ db, client, stop } = await startCasesWithAgencies());
});

afterAll(async () => {
  await stop?.();
});

type List = { deflections: { edges: { node: { id: string; referenceNumber: string; initiatingUnit: { id: string }; countsFor: { id: string } | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
const LIST = 'query($first: Int, $after: String) { deflections(first: $first, after: $after) { edges { node { id referenceNumber initiatingUnit { id } countsFor { id } } } pageInfo { hasNextPage endCursor } } }';

describe('who sees which deflection', () => {
  it('shows an officer the deflections of their own unit only', async () => {
    const data = await client.ok<List>('officer', LIST, { first: 100 });
    expect(data.deflections.edges.length).toBe(10);
    expect(data.deflections.edges.every((e) => e.node.initiatingUnit.id === A.ispDopTroop2)).toBe(true);
  });

  it('shows a MEG director the deflections that count for the MEG, from every unit', async () => {
    const data = await client.ok<List>('meg-director', LIST, { first: 100 });
    expect(data.deflections.edges.length).toBe(13);
    expect(data.deflections.edges.every((e) => e.node.countsFor?.id === A.lakeCountyMeg)).toBe(true);
    expect(new Set(data.deflections.edges.map((e) => e.node.initiatingUnit.id))).toEqual(new Set([A.ispDopTroop2, A.ispDciNorthZone]));
  });

  it('shows a designee acting for the MEG director what the director sees', async () => {
    const data = await client.ok<List>('meg-designee', LIST, { first: 100 });
    expect(data.deflections.edges.filter((e) => e.node.countsFor?.id === A.lakeCountyMeg).length).toBe(13);
    const director = await client.ok<List>('meg-director', LIST, { first: 100 });
    expect(data.deflections.edges.map((e) => e.node.id)).toEqual(director.deflections.edges.map((e) => e.node.id));
  });

  it('shows a case manager the deflections assigned to their organisation', async () => {
    const data = await client.ok<List>('case-manager', LIST, { first: 100 });
    expect(data.deflections.edges.length).toBe(21);
    const assigned = await client.ok<{ deflections: { edges: { node: { caseManagementOrganization: { id: string } } }[] } }>(
      'case-manager',
      '{ deflections(first: 100) { edges { node { caseManagementOrganization { id } } } } }',
    );
    expect(assigned.deflections.edges.length).toBe(21);
    expect(assigned.deflections.edges.every((e) => e.node.caseManagementOrganization.id === A.tasc)).toBe(true);
  });

  it('forbids analysts and providers from listing individual deflections', async () => {
    expect((await client.error('analyst', LIST)).extensions?.code).toBe('FORBIDDEN');
    expect((await client.error('provider', LIST)).extensions?.code).toBe('FORBIDDEN');
  });

  it('answers FORBIDDEN alike for another unit’s deflection and for one that does not exist', async () => {
    const query = 'query($id: ID!) { deflection(id: $id) { referenceNumber } }';
    const otherUnit = await client.error('local-officer', query, { id: demoDeflectionId(1) });
    const missing = await client.error('local-officer', query, { id: '00000000-0000-4000-8000-000000000000' });
    expect(otherUnit.extensions?.code).toBe('FORBIDDEN');
    expect(missing).toEqual({ ...otherUnit, path: missing.path, locations: missing.locations });
  });

  it('applies the same rule to entity references resolved for the gateway', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Deflection { referenceNumber } } }';
    const result = await client.run<{ _entities: ({ referenceNumber: string } | null)[] }>('local-officer', query, {
      r: [{ __typename: 'Deflection', id: demoDeflectionId(1) }, { __typename: 'Deflection', id: demoDeflectionId(15) }],
    });
    expect(result.data?._entities[0]).toBeNull();
    expect(result.data?._entities[1]?.referenceNumber).toBe('DFL-2026-000015');
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('pagination', () => {
  it('pages newest first with a cursor, without gaps or repeats', async () => {
    type Dated = { deflections: { edges: { node: { referenceNumber: string; referredAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const DATED = 'query($first: Int, $after: String) { deflections(first: $first, after: $after) { edges { node { referenceNumber referredAt } } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    const referredAt: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const data: Dated = await client.ok<Dated>('case-manager', DATED, { first: 4, after });
      seen.push(...data.deflections.edges.map((e) => e.node.referenceNumber));
      referredAt.push(...data.deflections.edges.map((e) => Date.parse(e.node.referredAt)));
      if (!data.deflections.pageInfo.hasNextPage) break;
      after = data.deflections.pageInfo.endCursor;
    }
    expect(seen.length).toBe(21);
    expect(new Set(seen).size).toBe(21);
    // No gaps: the pages together are exactly what one large page holds.
    const whole = await client.ok<List>('case-manager', LIST, { first: 100 });
    expect([...seen].sort()).toEqual(whole.deflections.edges.map((e) => e.node.referenceNumber).sort());
    // Newest first across page boundaries.
    expect(referredAt).toEqual([...referredAt].sort((a, b) => b - a));
    // Demo dates are relative to today: the DCI North referral of yesterday is the newest the case manager sees.
    expect(seen[0]).toBe('DFL-2026-000013');
  });

  it('rejects a page size outside 1–500, naming the argument', async () => {
    const error = await client.error('officer', LIST, { first: 0 });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', rule: 'range' });
    const tooMany = await client.error('officer', LIST, { first: 501 });
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', rule: 'range' });
    await client.ok<List>('officer', LIST, { first: 1 });
    await client.ok<List>('officer', LIST, { first: 500 });
  });
});

describe('batching', () => {
  it('resolves a batch of entity references in one statement', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Deflection { referenceNumber } } }';
    const representations = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Deflection', id: demoDeflectionId(i + 1) }));
    const orm = db.orm('cases');
    const few = await orm.counter.measure(() => client.ok('case-manager', query, { r: representations(2) }));
    const many = await orm.counter.measure(() => client.ok('case-manager', query, { r: representations(20) }));
    expect(few.statements.length).toBe(1);
    expect(many.statements.length).toBe(1);
  });
});

describe('the cases role cannot read another subgraph’s tables', () => {
  it('is refused by PostgreSQL when it selects from the agencies schema', async () => {
    const client = new pg.Client({ connectionString: db.urlFor('cases') });
    await client.connect();
    try {
      await expect(client.query('select count(*) from agencies.agency')).rejects.toThrow(/permission denied for schema agencies/);
    } finally {
      await client.end();
    }
  });
});

describe('transactional outbox', () => {
  it('records a de-identified deflection.referred event for every demo deflection', async () => {
    const em = db.orm('cases').fork();
    const events = await em.find(OutboxEvent, { type: 'deflection.referred' }, { orderBy: { sequence: 'asc' } });
    expect(events).toHaveLength(22);
    const demoIds = Array.from({ length: 22 }, (_, i) => demoDeflectionId(i + 1));
    expect(events.map((e) => (e.payload as { deflectionId: string }).deflectionId).sort()).toEqual(demoIds.sort());
    // De-identified: the same fields in every event, none of them a name or a date of birth.
    for (const event of events) {
      expect(Object.keys(event.payload).sort()).toEqual([
        'ageBand', 'approvalRequired', 'arrestMade', 'callType', 'channel', 'countsForId', 'county', 'deflectionId', 'encounterAt', 'ethnicity', 'initiatingOfficerId',
        'initiatingUnitId', 'pathway', 'personPseudonym', 'race', 'referredAt', 'sex', 'status', 'type',
      ]);
    }
  });

  it('keeps events unpublished, with the reason, while the consumer is down, and publishes them once it answers', async () => {
    const orm = db.orm('cases');
    const deliveries: unknown[][] = [];
    let up = false;
    const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
      if (!up) return new Response('down', { status: 503 });
      deliveries.push((JSON.parse(String(init?.body)) as { events: unknown[] }).events);
      return new Response('{}', { status: 200 });
    }) as typeof fetch;
    const relay = new OutboxRelay(orm.fork, { source: 'cases', targetUrl: 'http://reporting.invalid/events', targetName: 'reporting', secret: 'x'.repeat(32), batchSize: 50, fetchImpl });
    const waiting = await orm.fork().count(OutboxEvent, { publishedAt: null });
    expect(await relay.drain()).toBe(0);
    expect(await orm.fork().count(OutboxEvent, { publishedAt: null })).toBe(waiting);
    const failed = await orm.fork().findOneOrFail(OutboxEvent, { sequence: 1 });
    expect(failed.publishedAt).toBeNull();
    expect(failed.lastError).toBe('reporting answered 503');
    up = true;
    expect(await relay.drain()).toBe(waiting);
    expect(deliveries.every((batch) => batch.length <= 50)).toBe(true);
    expect(deliveries.flat()).toHaveLength(waiting);
    expect(await orm.fork().count(OutboxEvent, { publishedAt: null })).toBe(0);
  });
});

describe('demo data', () => {
  it('gives every overdue or due-soon review to a demo persona who can act on it', async () => {
    const due = await db.orm('cases').fork().find(Deflection, { status: 'ACTIVE', nextReviewDue: { $lte: addDays(illinoisDate(), 14) }, id: { $in: Array.from({ length: 30 }, (_, i) => demoDeflectionId(i + 1)) } });
    expect(due.length).toBeGreaterThan(2);
    const covered = new Set<string>();
    for (const persona of PERSONAS) {
      const result = await client.run<{ reviewsDue: { id: string }[] }>(persona.key, '{ reviewsDue(withinDays: 14) { id } }');
      for (const d of result.data?.reviewsDue ?? []) covered.add(d.id);
    }
    expect(due.map((d) => d.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});
