import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAuditEntriesAlone, type AuditEntry, type AuditFact, type AuditRequest } from './chain.js';

interface Waiting extends Required<AuditEntry> {
  schema: string;
  written(): void;
  failed(error: unknown): void;
}

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
 * A group that cannot be written is tried again one request at a time, so records that cannot be stored cost only
 * their own request its answer (AUDIT_UNAVAILABLE), never the others' that happened to be appended with them.
 */
export class GroupAppender {
  private waiting: Waiting[] = [];
  private appending = false;

  constructor(
    private readonly fork: () => EntityManager,
    /** At most this many records in one append (one request's records are never split). */
    private readonly maxRecords = 2_000,
  ) {}

  append(schema: string, request: AuditRequest, facts: readonly AuditFact[]): Promise<void> {
    if (facts.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ schema, request, facts, recordedAt: new Date(), written: resolve, failed: reject });
      if (!this.appending) void this.appendWaiting();
    });
  }

  private async appendWaiting(): Promise<void> {
    this.appending = true;
    try {
      while (this.waiting.length > 0) await this.appendGroup(this.nextGroup());
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
      await appendAuditEntriesAlone(this.fork(), group[0]!.schema, group);
      for (const entry of group) entry.written();
    } catch (error) {
      if (group.length === 1) return group[0]!.failed(error);
      for (const entry of group) {
        try {
          await appendAuditEntriesAlone(this.fork(), entry.schema, [entry]);
          entry.written();
        } catch (alone) {
          entry.failed(alone);
        }
      }
    }
  }
}
