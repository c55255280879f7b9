import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { AuditKind, AuditOutcome } from './audit-record.entity.js';

/** Who asked, from where, in which request: the same for every record one request writes. */
export interface AuditRequest {
  actorId: string | null;
  actingForId: string | null;
  agencyId: string | null;
  operation: string | null;
  clientAddress: string | null;
  requestId: string | null;
}

/** What happened: one record each. */
export interface AuditFact {
  kind: AuditKind;
  outcome: AuditOutcome;
  field?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  detail?: string | null;
}

interface ChainedRecord extends AuditRequest, Required<AuditFact> {
  sequence: number;
  recordedAt: Date;
  previousHash: string;
  hash: string;
}

/** The first record's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

const COLUMNS = [
  'sequence', 'recorded_at', 'kind', 'outcome', 'actor_id', 'acting_for_id', 'agency_id', 'operation', 'field',
  'entity_type', 'entity_id', 'detail', 'client_address', 'request_id', 'previous_hash', 'hash',
] as const;

/** Everything a record's hash covers but its sequence number (which leads) and the previous hash, in a fixed order. */
function hashedFields(record: Omit<ChainedRecord, 'hash' | 'sequence' | 'previousHash'>): unknown[] {
  return [
    record.recordedAt.toISOString(), record.kind, record.outcome, record.actorId, record.actingForId, record.agencyId,
    record.operation, record.field, record.entityType, record.entityId, record.detail, record.clientAddress, record.requestId,
  ];
}

/** The hash of a record: its every column but the hash itself, in a fixed order, after the previous record's hash. */
export function recordHash(record: Omit<ChainedRecord, 'hash'>): string {
  const content = JSON.stringify([record.sequence, ...hashedFields(record)]);
  return createHash('sha256').update(record.previousHash).update(content).digest('hex');
}

/** The JSON text recordHash hashes, from the comma after the sequence number on: `[` + sequence + this is all of it. */
function contentAfterSequence(record: Omit<ChainedRecord, 'hash' | 'sequence' | 'previousHash'>): string {
  return `,${JSON.stringify(hashedFields(record)).slice(1)}`;
}

/**
 * At most `length` characters, as PostgreSQL's varchar(n) counts them (code points, so an emoji is never cut in
 * half), and well-formed: a lone surrogate could be neither stored nor hashed the same on both sides.
 */
function clip(value: string | null | undefined, length: number): string | null {
  if (value == null) return null;
  const whole = value.toWellFormed();
  return whole.length <= length ? whole : Array.from(whole).slice(0, length).join('');
}

/** One request's records, as one append takes them: who asked, and what happened. */
export interface AuditEntry {
  request: AuditRequest;
  facts: readonly AuditFact[];
}

/**
 * The lock and the chained insert of every entry's facts, in the order given, as two statements: the insert reads the
 * chain once the lock is granted. Two statements in one string need the simple query protocol, which MikroORM's
 * `execute` uses (it inlines the values); were it ever to send them as parameters, PostgreSQL would refuse the string
 * outright, never half-run it.
 */
function appendStatements(schema: string, entries: readonly AuditEntry[]): { sql: string; params: unknown[] } {
  // One time for the whole append, taken when it is written, as for a single request before.
  const recordedAt = new Date();
  const records = entries.flatMap(({ request, facts }) =>
    facts.map((fact) => {
      const record = {
        recordedAt,
        kind: fact.kind,
        outcome: fact.outcome,
        actorId: request.actorId,
        actingForId: request.actingForId,
        agencyId: request.agencyId,
        operation: clip(request.operation, 200),
        field: clip(fact.field, 200),
        entityType: clip(fact.entityType, 80),
        entityId: clip(fact.entityId, 80),
        detail: clip(fact.detail, 500),
        clientAddress: clip(request.clientAddress, 80),
        requestId: clip(request.requestId, 80),
      };
      return { ...record, content: contentAfterSequence(record) };
    }),
  );
  const table = `"${schema}"."audit_record"`;
  return {
    sql: `select pg_advisory_xact_lock(hashtext(?));
     with recursive
       batch as (select ?::jsonb as facts),
       newest as (select sequence, hash from ${table} order by sequence desc limit 1),
       link (position, sequence, previous_hash, hash) as (
         select 0, coalesce((select sequence from newest), 0)::bigint, null::text, coalesce((select hash from newest), ?)::text
         union all
         select link.position + 1, link.sequence + 1, link.hash,
                encode(sha256(convert_to(link.hash || '[' || (link.sequence + 1)::text || (batch.facts -> link.position ->> 'content'), 'UTF8')), 'hex')
         from link, batch where link.position < jsonb_array_length(batch.facts)
       )
     insert into ${table} (${COLUMNS.map((c) => `"${c}"`).join(', ')})
     select link.sequence, (fact->>'recordedAt')::timestamptz, fact->>'kind', fact->>'outcome', (fact->>'actorId')::uuid, (fact->>'actingForId')::uuid,
            (fact->>'agencyId')::uuid, fact->>'operation', fact->>'field', fact->>'entityType', fact->>'entityId', fact->>'detail',
            fact->>'clientAddress', fact->>'requestId', link.previous_hash, link.hash
     from link, batch, lateral (select batch.facts -> (link.position - 1) as fact) f
     where link.position > 0
     order by link.sequence`,
    params: [`${schema}.audit_record`, JSON.stringify(records), GENESIS_HASH],
  };
}

/**
 * Appends records to this subgraph's chain inside the caller's transaction (`em` is a transaction's manager): a
 * write and its audit record commit together or not at all. The advisory lock orders concurrent appenders and is
 * held from here to the commit, which is why commands append last.
 *
 * One round trip: the lock, then (in a statement of its own, so it reads the chain after the lock is granted) the
 * links computed by PostgreSQL from the newest record, sha256(previous hash ‖ content) exactly as recordHash does,
 * and the insert. Reading the newest record, hashing in JavaScript and inserting took two more round trips with the
 * lock held, and under load every other writer of the subgraph queued behind them.
 */
export async function appendAuditRecords(em: EntityManager, schema: string, request: AuditRequest, facts: readonly AuditFact[]): Promise<void> {
  await appendAuditEntries(em, schema, [{ request, facts }]);
}

/** appendAuditRecords for the records of several requests at once, each request's records together and in order. */
export async function appendAuditEntries(em: EntityManager, schema: string, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.every((entry) => entry.facts.length === 0)) return;
  const { sql, params } = appendStatements(schema, entries);
  await em.execute(sql, params);
}

/**
 * Appends the records and commits the caller's transaction in the same round trip, ending with `commit`: the chain's
 * lock is released by PostgreSQL as soon as the records are in, not when this process next gets round to sending
 * COMMIT. Under 20 officers referring, the cases subgraph's busy event loop kept the lock held for that long 70% of
 * the time it was held, and five referrals on average queued for it. The COMMIT its owner sends afterwards is answered
 * by the connection without a round trip (saveTransactionRoundTrips), which also refuses any statement sent between.
 *
 * Only for a top-level transaction with nothing left to flush: everything the command wrote must already be sent,
 * and a savepoint's `commit` would commit its parent. Should anything fail after this round trip, the write has
 * committed all the same, and `execute` answers with it.
 */
export async function appendAuditRecordsAndCommit(em: EntityManager, schema: string, request: AuditRequest, facts: readonly AuditFact[]): Promise<void> {
  if (facts.length === 0) return;
  const { sql, params } = appendStatements(schema, [{ request, facts }]);
  // The pooled connection (saveTransactionRoundTrips) answers MikroORM's COMMIT that follows without sending it, and
  // refuses a statement sent in between, which would otherwise run, and commit, on its own. Every subgraph's ORM is
  // made by createSubgraphOrm, which installs it on the pool; audit-trail.test.ts sends such a statement through
  // MikroORM and sees it refused.
  await em.execute(`${sql};\n     commit`, params);
}

/**
 * Appends records in a transaction of their own, lock to commit in one round trip: the statements go as one simple
 * query, which PostgreSQL runs as one implicit transaction (each statement still with its own snapshot). A separate
 * COMMIT would keep the chain locked until this process got round to sending it, and under load every other
 * request of the subgraph waited for that (the review queue's reads waited 60–110 ms each).
 */
export async function appendAuditRecordsAlone(em: EntityManager, schema: string, request: AuditRequest, facts: readonly AuditFact[]): Promise<void> {
  await appendAuditEntriesAlone(em, schema, [{ request, facts }]);
}

/** appendAuditRecordsAlone for the records of several requests at once (GroupAppender). */
export async function appendAuditEntriesAlone(em: EntityManager, schema: string, entries: readonly AuditEntry[]): Promise<void> {
  if (em.isInTransaction()) throw new Error('appendAuditRecordsAlone runs its own transaction; inside one, use appendAuditRecords');
  await appendAuditEntries(em, schema, entries);
}

export interface ChainReport {
  schema: string;
  records: number;
  /** The first record that does not follow from the one before, and why; null when the chain holds. */
  broken: { sequence: number; reason: string } | null;
}

interface StoredRow {
  sequence: string;
  recorded_at: Date;
  kind: AuditKind;
  outcome: AuditOutcome;
  actor_id: string | null;
  acting_for_id: string | null;
  agency_id: string | null;
  operation: string | null;
  field: string | null;
  entity_type: string | null;
  entity_id: string | null;
  detail: string | null;
  client_address: string | null;
  request_id: string | null;
  previous_hash: string;
  hash: string;
}

/**
 * Walks a schema's chain from the first record: every sequence number present once and in order, every record's
 * hash recomputed from its content, every link to the previous hash intact. Reads in batches, so a long trail
 * never sits in memory; `onProgress` is told how far it got.
 */
export async function verifyAuditChain(client: pg.ClientBase, schema: string, onProgress?: (checked: number) => void): Promise<ChainReport> {
  let expectedSequence = 1;
  let previousHash = GENESIS_HASH;
  let after = 0;
  const BATCH = 5_000;
  for (;;) {
    const { rows } = await client.query<StoredRow>(
      `select ${COLUMNS.map((c) => `"${c}"`).join(', ')} from "${schema}"."audit_record" where sequence > $1 order by sequence limit ${BATCH}`,
      [after],
    );
    for (const row of rows) {
      const sequence = Number(row.sequence);
      if (sequence !== expectedSequence) return { schema, records: expectedSequence - 1, broken: { sequence, reason: `record ${expectedSequence} is missing` } };
      if (row.previous_hash !== previousHash) return { schema, records: sequence - 1, broken: { sequence, reason: 'it does not link to the record before it' } };
      const recomputed = recordHash({
        sequence, recordedAt: row.recorded_at, kind: row.kind, outcome: row.outcome, actorId: row.actor_id, actingForId: row.acting_for_id,
        agencyId: row.agency_id, operation: row.operation, field: row.field, entityType: row.entity_type, entityId: row.entity_id,
        detail: row.detail, clientAddress: row.client_address, requestId: row.request_id, previousHash: row.previous_hash,
      });
      if (recomputed !== row.hash) return { schema, records: sequence - 1, broken: { sequence, reason: 'its content was changed after it was written' } };
      previousHash = row.hash;
      expectedSequence += 1;
    }
    onProgress?.(expectedSequence - 1);
    if (rows.length < BATCH) return { schema, records: expectedSequence - 1, broken: null };
    after = expectedSequence - 1;
  }
}
