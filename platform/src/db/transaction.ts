import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../errors.js';

/**
 * Runs one mutation in one transaction: it commits whole or not at all. Database-level races surface as
 * CONFLICT, which a client can safely retry after re-reading.
 */
export async function inTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await em.transactional(work);
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      throw conflict('Someone else changed this record since you read it; read it again and retry.', { rule: 'current-version' });
    }
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict('This would duplicate a record that already exists.', { rule: 'unique' });
    }
    throw error;
  }
}

/** Optimistic concurrency against the version a client read. */
export function expectVersion(entity: { version: number }, expected: number, what: string): void {
  if (entity.version !== expected) {
    throw conflict(`${what} has changed since you read it (you sent version ${expected}, it is now ${entity.version}); read it again and retry.`, {
      field: 'input.version',
      rule: 'current-version',
      currentVersion: entity.version,
    });
  }
}
