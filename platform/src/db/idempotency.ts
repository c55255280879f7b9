import { createHash } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { invalidInput } from '../errors.js';

/** A create mutation's idempotency key: the same key and input answer the first result again. */
const IdempotencyRecordSchema = defineEntity({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_record',
  uniques: [{ properties: ['actorId', 'operation', 'key'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    actorId: p.uuid(),
    operation: p.string().length(80),
    key: p.string().length(200),
    requestHash: p.string().length(64),
    resultId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class IdempotencyRecord extends IdempotencyRecordSchema.class {}
IdempotencyRecordSchema.setClass(IdempotencyRecord);
export { IdempotencyRecordSchema };

/**
 * The keys of objects with this shape in canonical order (localeCompare, as every stored hash was made with). A
 * batch repeats one shape a thousand times: sorting it once per shape rather than per object halves the hash's cost.
 * The shape is the key list as JSON (unambiguous whatever the keys hold); shapes come from the schema's input types,
 * so there are few, and the caps only guard against the unexpected.
 */
const keyOrder = new Map<string, string[]>();
const MAX_SHAPES = 1_000;
const MAX_CACHED_KEYS = 64;
function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  const sort = () => [...keys].sort((a, b) => a.localeCompare(b));
  if (keys.length > MAX_CACHED_KEYS) return sort();
  const shape = JSON.stringify(keys);
  let sorted = keyOrder.get(shape);
  if (!sorted) {
    sorted = sort();
    if (keyOrder.size < MAX_SHAPES) keyOrder.set(shape, sorted);
  }
  return sorted;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    // fromEntries, not assignment: an own "__proto__" key stays a key, as it always has in these hashes.
    return Object.fromEntries(sortedKeys(object).filter((key) => object[key] !== undefined).map((key) => [key, canonical(object[key])]));
  }
  return value;
}

export function requestHash(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(input))).digest('hex');
}

function sameInputRequired(): never {
  throw invalidInput([{ field: 'idempotencyKey', rule: 'same-input', message: 'This idempotencyKey was already used with different input; use a new key for a new request.' }]);
}

/**
 * The id a completed request with this key produced, or null when the key is new (or still in flight). Read
 * before anything else happens, so a retry is answered without consulting other subgraphs again.
 */
export async function findReplay(em: EntityManager, args: { actorId: string; operation: string; key: string | null | undefined; input: unknown }): Promise<string | null> {
  if (!args.key || args.key.length > 200) return null;
  const existing = await em.findOne(IdempotencyRecord, { actorId: args.actorId, operation: args.operation, key: args.key });
  if (!existing?.resultId) return null;
  if (existing.requestHash !== requestHash(args.input)) sameInputRequired();
  return existing.resultId;
}

/**
 * Runs `create` once per (actor, operation, key), inside the caller's transaction. The key is claimed first with
 * INSERT … ON CONFLICT DO NOTHING: a concurrent retry waits for the first transaction and then reads its
 * result. The same key with different input is refused, naming the argument.
 *
 * `resultId`, when the command chose its record's id before creating it, is claimed with the key: the claim and
 * the record commit together or not at all, so the id needs no second statement once the record exists.
 */
export async function runIdempotently<T>(
  em: EntityManager,
  args: { actorId: string; operation: string; key: string | null | undefined; input: unknown; resultId?: string },
  create: () => Promise<{ id: string; result: T }>,
  replay: (resultId: string) => Promise<T>,
): Promise<T> {
  if (!args.key) return (await create()).result;
  if (args.key.length > 200) throw invalidInput([{ field: 'idempotencyKey', rule: 'max-length', message: 'idempotencyKey must be at most 200 characters.' }]);
  // Outside a transaction the claim would commit on its own, naming a record that may never be created.
  if (args.resultId !== undefined && !em.isInTransaction()) throw new Error('runIdempotently with a resultId runs inside the command’s transaction');
  const hash = requestHash(args.input);
  const table = `"${em.config.get('schema')}"."${em.getMetadata().get(IdempotencyRecord).tableName}"`;
  const claimed = await em.execute<{ id: string }[]>(
    `insert into ${table} (actor_id, operation, key, request_hash, result_id, created_at) values (?, ?, ?, ?, ?, now())
     on conflict (actor_id, operation, key) do nothing returning id`,
    [args.actorId, args.operation, args.key, hash, args.resultId ?? null],
  );
  if (claimed.length === 0) {
    const existing = await em.findOneOrFail(IdempotencyRecord, { actorId: args.actorId, operation: args.operation, key: args.key });
    if (existing.requestHash !== hash || !existing.resultId) sameInputRequired();
    return replay(existing.resultId);
  }
  const { id, result } = await create();
  if (args.resultId === undefined) await em.execute(`update ${table} set result_id = ? where id = ?`, [id, claimed[0]!.id]);
  // A replay would answer with the claimed id: a command that made a different record has a bug, and must not commit.
  else if (id !== args.resultId) throw new Error(`${args.operation} claimed result ${args.resultId} but created ${id}`);
  return result;
}
