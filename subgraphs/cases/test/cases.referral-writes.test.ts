import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertTogether, runIdempotently } from '@hub/platform/db';
import { randomUUID } from 'node:crypto';
import { OutboxEvent } from '@hub/platform/events';
import type { SubgraphClient, TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { HistoryEntry } from '../src/entities/case-records.entity.js';
import { Deflection } from '../src/entities/deflection.entity.js';
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
  deflection { id referenceNumber status version participant { id givenName familyName } history { action toStatus } } } }`;
type Referred = {
  quickReferral: { deflection: { id: string; referenceNumber: string; status: string; version: number; participant: { id: string; givenName: string; familyName: string }; history: { action: string; toStatus: string }[] } };
};
const referral = (familyName: string) => ({
  person: { givenName: 'Quinn', familyName },
  pathway: 'SELF_REFERRAL',
  personInitiated: true,
  narrative: `Walked in; said "it's time" and asked what happens next?`,
});

async function rowsOf(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  return db.orm('cases').fork().getConnection().execute(sql, params);
}

describe('a referral is written in few statements', () => {
  it('writes its participant, incident, person, deflection, history and event in one statement, and its id with the idempotency key', async () => {
    const orm = db.orm('cases');
    const key = `one-statement-${Date.now()}`;
    const { result, statements } = await orm.counter.measure(() => client.ok<Referred>('local-officer', REFER, { input: referral('Writesonce'), key }));
    const sql = statements.map((statement) => statement.trim().toLowerCase());
    const inside = sql.slice(sql.indexOf('begin') + 1, sql.indexOf('commit'));
    const inserts = inside.filter((statement) => statement.includes('insert into "cases"."deflection"'));
    expect(inserts).toHaveLength(1);
    for (const table of ['participant', 'incident', 'incident_person', 'history_entry', 'outbox_event']) expect(inserts[0]).toContain(`insert into "cases"."${table}"`);
    // Besides the audit record: the idempotency claim, which records the deflection's id too, and the records.
    const writes = inside.filter((statement) => /^(insert|update|delete|with)\b/.test(statement));
    expect(writes).toHaveLength(2);
    expect(writes[0]).toMatch(/^insert into "cases"\."idempotency_record" \(.*result_id/);

    const deflection = result.quickReferral.deflection;
    const [claim] = await rowsOf(`select result_id from "cases"."idempotency_record" where key = ?`, [key]);
    expect(claim?.result_id).toBe(deflection.id);
    const again = await client.ok<Referred>('local-officer', REFER, { input: referral('Writesonce'), key });
    expect(again.quickReferral.deflection.id).toBe(deflection.id);
  });

  it('answers with what the database filled in, and stores JSON as JSON', async () => {
    const { quickReferral } = await client.ok<Referred>('local-officer', REFER, { input: referral('Filledin') });
    const d = quickReferral.deflection;
    expect(d.version).toBe(1);
    expect(d.referenceNumber).toMatch(/^DFL-\d{4}-\d{6}$/);
    expect(d.participant.familyName).toBe('Filledin');
    expect(d.history).toEqual([{ action: 'REFERRED', toStatus: d.status }]);
    const [history] = await rowsOf(`select jsonb_typeof(changes) as kind, changes->>'pathway' as pathway from "cases"."history_entry" where deflection_id = ?`, [d.id]);
    expect(history).toEqual({ kind: 'object', pathway: 'SELF_REFERRAL' });
    const [event] = await rowsOf(`select jsonb_typeof(payload) as kind, payload->>'deflectionId' as deflection from "cases"."outbox_event" where payload->>'deflectionId' = ?`, [d.id]);
    expect(event).toEqual({ kind: 'object', deflection: d.id });
    const [stored] = await rowsOf(`select narrative from "cases"."deflection" where id = ?`, [d.id]);
    expect(stored?.narrative).toBe(referral('Filledin').narrative);
  });
});

describe('records written together', () => {
  it('are managed afterwards: the database’s sequence is set on them, and a later change is flushed as an update', async () => {
    const orm = db.orm('cases');
    const em = orm.fork();
    const deflection = (await em.find(Deflection, {}, { limit: 1 }))[0]!;
    const event = em.create(OutboxEvent, { type: 'test.written-together', payload: { type: 'test.written-together', note: "it's" } } as never, { persist: false });
    const entry = em.create(HistoryEntry, { deflection, at: new Date(), actorId: deflection.createdById, actingForId: null, action: 'TEST', fromStatus: null, toStatus: null, changes: { a: 1 } }, { persist: false });
    const written = await orm.counter.measure(() => em.transactional((tx) => insertTogether(tx, [event, entry])));
    expect(written.statements.filter((s) => s.trim().toLowerCase().startsWith('with'))).toHaveLength(1);
    expect(typeof event.sequence).toBe('number');
    expect(typeof entry.sequence).toBe('number');

    event.attempts = 3;
    const flushed = await orm.counter.measure(() => em.flush());
    const changes = flushed.statements.map((s) => s.trim().toLowerCase()).filter((s) => s.startsWith('insert') || s.startsWith('update'));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/^update "cases"\."outbox_event"/);
    const [row] = await rowsOf(`select attempts, payload->>'note' as note from "cases"."outbox_event" where sequence = ?`, [event.sequence]);
    expect(row).toEqual({ attempts: 3, note: "it's" });
  });
});

describe('records written together are new records', () => {
  it('refuses a record the unit of work already tracks (it would be written twice) and writes nothing', async () => {
    const orm = db.orm('cases');
    const em = orm.fork();
    const tracked = em.create(OutboxEvent, { type: 'test.tracked', payload: { type: 'test.tracked' } } as never);
    const fresh = em.create(OutboxEvent, { type: 'test.fresh', payload: { type: 'test.fresh' } } as never, { persist: false });
    await expect(em.transactional((tx) => insertTogether(tx, [fresh, tracked]))).rejects.toThrow(/already managed/);
    expect(await rowsOf(`select 1 from "cases"."outbox_event" where type in ('test.tracked', 'test.fresh')`, [])).toHaveLength(0);
  });
});

describe('an id claimed with the idempotency key', () => {
  it('must be the id the command created: otherwise nothing commits, so a retry cannot be answered with a record that does not exist', async () => {
    const em = db.orm('cases').fork();
    const key = `claimed-${Date.now()}`;
    const claimedId = randomUUID();
    const args = { actorId: randomUUID(), operation: 'test', key, input: { a: 1 }, resultId: claimedId };
    await expect(em.transactional((tx) => runIdempotently(tx, args, async () => ({ id: randomUUID(), result: null }), async () => null))).rejects.toThrow(/claimed result/);
    expect(await rowsOf(`select 1 from "cases"."idempotency_record" where key = ?`, [key])).toHaveLength(0);
    // Outside a transaction the claim would commit on its own, whatever became of the record.
    await expect(runIdempotently(em, args, async () => ({ id: claimedId, result: null }), async () => null)).rejects.toThrow(/transaction/);
    expect(await rowsOf(`select 1 from "cases"."idempotency_record" where key = ?`, [key])).toHaveLength(0);
    await em.transactional((tx) => runIdempotently(tx, args, async () => ({ id: claimedId, result: null }), async () => null));
    expect(await rowsOf(`select result_id from "cases"."idempotency_record" where key = ?`, [key])).toEqual([{ result_id: claimedId }]);
  });
});
