import type { EntityManager } from '@mikro-orm/postgresql';
import { wrappedErrors } from '../server/format-error.js';
import { appendAuditEntriesAlone, type AuditEntry, type AuditFact, type AuditRequest } from './chain.js';

interface Waiting extends AuditEntry {
  schema: string;
  written(): void;
  failed(error: unknown): void;
}

/** The SQLSTATE PostgreSQL refused a statement with, or null when it did not answer (a connection lost, a timeout). */
function sqlStateOf(error: unknown): string | null {
  for (const { code } of wrappedErrors(error)) if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  return null;
}

/**
 * Refused for what one request's records hold (a value a column cannot take: classes 22 and 23), so the group's
 * transaction certainly rolled back and the others' records may go again without it. Anything else (the database
 * away, a lost answer whose commit may have happened, a missing grant) would fail each request alone just the same,
 * or could append its records twice.
 */
const refusedForItsRecords = (error: unknown) => /^2[23]/.test(sqlStateOf(error) ?? '');

/**
 * Appends the read and refusal records of requests that finish at the same time in one transaction of their own,
 * as PostgreSQL's group commit does for commits: the first request appends at once; those that finish while its
 * append is in flight wait for it and then go together, each request's records together and in the order they came.
 * Each request still answers only once its own records have committed.
 *
 * Why: each subgraph has one chain, and its lock is held from the append to the commit's WAL flush. With twenty case
 * managers opening their queues at once, every request took that lock for its own 50 records in turn, and waited
 * 40–85 ms for it; in a group, one lock, one statement and one flush serve them all.
 *
 * A group refused for what one request's records hold is tried again one request at a time, so only that request
 * loses its answer (AUDIT_UNAVAILABLE). Any other failure fails the whole group at once. A group not answered within
 * `deadlineMs` fails too (its outcome unknown, so never tried again), and the next group goes ahead on another
 * connection: a stuck connection must not hold every later read of the subgraph.
 */
export class GroupAppender {
  private waiting: Waiting[] = [];
  private appending = false;

  constructor(
    private readonly fork: () => EntityManager,
    /** At most this many records in one append (one request's records are never split). */
    private readonly maxRecords = 2_000,
    private readonly deadlineMs = 10_000,
  ) {}

  append(schema: string, request: AuditRequest, facts: readonly AuditFact[]): Promise<void> {
    if (facts.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ schema, request, facts, written: resolve, failed: reject });
      if (!this.appending) void this.appendWaiting();
    });
  }

  private async appendWaiting(): Promise<void> {
    this.appending = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.nextGroup();
        // appendGroup settles every entry itself; this only guards against an edit that would let it throw.
        await this.appendGroup(group).catch((error: unknown) => group.forEach((entry) => entry.failed(error)));
      }
    } finally {
      this.appending = false;
    }
  }

  /** The oldest waiting requests of one schema, up to maxRecords records (always at least one request). */
  private nextGroup(): Waiting[] {
    const schema = this.waiting[0]!.schema;
    let records = 0;
    let taken = 0;
    for (const entry of this.waiting) {
      if (entry.schema !== schema || (taken > 0 && records + entry.facts.length > this.maxRecords)) break;
      records += entry.facts.length;
      taken += 1;
    }
    return this.waiting.splice(0, taken);
  }

  private async appendGroup(group: Waiting[]): Promise<void> {
    try {
      await this.appendWithin(group);
      for (const entry of group) entry.written();
    } catch (error) {
      if (group.length === 1 || !refusedForItsRecords(error)) {
        for (const entry of group) entry.failed(error);
        return;
      }
      for (const entry of group) {
        try {
          await this.appendWithin([entry]);
          entry.written();
        } catch (alone) {
          entry.failed(alone);
        }
      }
    }
  }

  private async appendWithin(entries: Waiting[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the audit append did not answer within ${this.deadlineMs} ms`)), this.deadlineMs);
    });
    try {
      const appended = appendAuditEntriesAlone(this.fork(), entries[0]!.schema, entries);
      // Past the deadline its answer no longer matters; without this, a late refusal would be an unhandled rejection.
      appended.catch(() => {});
      await Promise.race([appended, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
