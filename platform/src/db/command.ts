import type { EntityManager } from '@mikro-orm/postgresql';
import { illinoisDate } from '../domain/dates.js';
import { requireActor, type Actor } from '../identity/actor.js';
import type { RequestAudit } from '../audit/request-audit.js';
import { inTransaction } from './transaction.js';

/**
 * What a write needs: who acts, the transaction's entity manager, and one clock reading for the whole change.
 * Facts from other subgraphs are fetched before the transaction opens and passed to the command as arguments, so
 * no command ever waits on the network while it holds a lock.
 */
export interface Command {
  actor: Actor;
  em: EntityManager;
  now: Date;
  today: string;
}

/** Runs one command in one transaction: it commits whole or not at all. */
export async function execute<T>(context: { actor: Actor | null; em: EntityManager; audit?: RequestAudit }, work: (cmd: Command) => Promise<T>): Promise<T> {
  const actor = requireActor(context);
  const now = new Date();
  // A command run inside another's transaction is a savepoint: only the outermost may commit.
  const outermost = !context.em.isInTransaction();
  let committed: { done: T } | null = null;
  let result: T;
  try {
    result = await inTransaction(context.em, async (em) => {
      const done = await work({ actor, em, now, today: illinoisDate(now) });
      // Last, so the audit chain's lock is held only from here to the commit, which goes in the same round trip.
      await em.flush();
      await context.audit?.recordWrite(em, done, { commit: outermost });
      if (outermost && context.audit) committed = { done };
      return done;
    });
  } catch (error) {
    // Once the audit record's round trip has committed, the write is done: what can still fail comes after it (a
    // subscriber of MikroORM's commit, a statement the connection refuses), and telling the caller the write failed
    // would invite a retry that writes it twice.
    if (!committed) throw error;
    console.error('[after commit] the write committed; this failed afterwards:', error);
    result = (committed as { done: T }).done;
  }
  context.audit?.writeCommitted();
  return result;
}
