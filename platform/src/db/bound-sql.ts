import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';

/**
 * Runs one statement with bind parameters ($1, $2, …) in the transaction `em` belongs to, and returns its rows.
 *
 * For set-based writes of a whole batch: MikroORM's `em.execute` inlines every parameter into the SQL text, escaping
 * it character by character, which for a bulk update's 200 kB of JSON cost more than PostgreSQL's work. Here the
 * values travel as parameters, untouched. Only inside a transaction (a command's), so a batch never half-applies.
 */
export async function executeBound<R extends object>(em: EntityManager, statement: string, parameters: readonly unknown[]): Promise<R[]> {
  if (!em.isInTransaction()) throw new Error('executeBound runs inside a command’s transaction');
  const started = performance.now();
  const result = await em.getKysely().executeQuery<R>(CompiledQuery.raw(statement, [...parameters]));
  // Kysely's own path skips MikroORM's logger: tell it, so statement counts (and debug logs) see these too.
  em.config.getLogger().logQuery({ query: statement, took: Math.round(performance.now() - started), level: 'info' });
  return [...result.rows];
}
