import { helper, ReferenceKind, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Records are written by property name, whatever their class. */
type Meta = EntityMetadata<Record<string, unknown>>;

/**
 * Writes new records in one statement, one data-modifying WITH clause each, where a flush would send one statement
 * per table. A referral creates six records in six tables, and at 20 officers each statement cost the subgraph and
 * PostgreSQL together about 0.4 ms of CPU before any row was written (MikroORM inlines values, so each is parsed
 * and planned afresh).
 *
 * The records must be made with `em.create(…, { persist: false })`, so the next flush does not insert them again;
 * foreign keys between them hold because PostgreSQL checks them at the end of the statement. Afterwards each is
 * managed like a flushed record: what the database filled in (a version, a sequence) is set on it, and a later
 * change to it is flushed as an update.
 */
export async function insertTogether(em: EntityManager, records: readonly object[]): Promise<void> {
  if (records.length === 0) return;
  const unitOfWork = em.getUnitOfWork();
  // A record the unit of work already tracks (loaded, or persisted for the next flush) would be written twice.
  const managed = records.find((record) => helper(record).__managed || unitOfWork.getPersistStack().has(record));
  if (managed) throw new Error(`insertTogether writes new records only (made with persist: false); ${managed.constructor.name} is already managed`);
  const metas = records.map((record) => helper(record).__meta as unknown as Meta);
  const params: unknown[] = [];
  // As flush prepares them, once: the same values make the insert and, unless the database adds some, the snapshot.
  const prepared = records.map((record) => em.getComparator().prepareEntity(record) as Record<string, unknown>);
  const clauses = records.map((_, i) => `"w${i}" as (${insertStatement(em, metas[i]!, prepared[i]!, params)})`);
  const rows = await em.execute<{ index: number; row: Record<string, unknown> }[]>(
    `with ${clauses.join(', ')} ${records.map((_, i) => `select ${i} as "index", to_jsonb("w${i}") as "row" from "w${i}"`).join(' union all ')}`,
    params,
  );
  for (const { index, row } of rows) {
    if (fillFromDatabase(records[index]!, metas[index]!, row)) prepared[index] = em.getComparator().prepareEntity(records[index]!) as Record<string, unknown>;
  }
  records.forEach((record, i) => unitOfWork.register(record, prepared[i]));
}

/**
 * The insert a flush would send for one record, its values as flush prepares them (custom types such as JSON already
 * converted) added to `params`. Built here rather than by the query builder, which cost more than the statements
 * it saved. A property this cannot write in one column (an embeddable, a composite key) is refused, not dropped.
 */
function insertStatement(em: EntityManager, meta: Meta, prepared: Record<string, unknown>, params: unknown[]): string {
  const platform = em.getPlatform();
  const columns: string[] = [];
  for (const [name, value] of Object.entries(prepared)) {
    const prop = meta.properties[name];
    if (!prop || prop.persist === false) continue;
    if (prop.fieldNames?.length !== 1) throw new Error(`insertTogether cannot write ${meta.className}.${name}: it is not one column`);
    // Values are inlined into the SQL text, where an array would be spread into several values (JSON is a string here).
    if (Array.isArray(value)) throw new Error(`insertTogether cannot write ${meta.className}.${name}: an array value`);
    columns.push(platform.quoteIdentifier(prop.fieldNames[0]!));
    params.push(value);
  }
  const table = `${platform.quoteIdentifier(meta.schema ?? em.config.get('schema') ?? 'public')}.${platform.quoteIdentifier(meta.tableName)}`;
  return `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')}) returning *`;
}

/**
 * The values the database chose (its defaults, sequences and version numbers), on the scalar properties left unset;
 * true when there were any. They arrive through `to_jsonb`: numbers, text, booleans and ISO timestamps, which is
 * what those columns hold here.
 */
function fillFromDatabase(record: object, meta: Meta, row: Record<string, unknown>): boolean {
  const target = record as Record<string, unknown>;
  let filled = false;
  for (const prop of meta.props) {
    if (prop.kind !== ReferenceKind.SCALAR || prop.persist === false || prop.fieldNames?.length !== 1 || target[prop.name] !== undefined) continue;
    const value = row[prop.fieldNames[0]!];
    if (value === undefined) continue;
    target[prop.name] = value !== null && prop.runtimeType === 'Date' ? new Date(value as string) : value;
    filled = true;
  }
  return filled;
}
