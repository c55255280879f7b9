import type { OutboxStatus } from '@hub/platform/events';
import type { EntityManager } from '@mikro-orm/postgresql';

/** What a publisher reported about its outbox, and what reporting last applied from it. */
export async function recordSourceStatus(em: EntityManager, source: string, outbox: OutboxStatus | null, lastSequence: number | null): Promise<void> {
  await em.execute(
    `insert into "reporting"."event_source" as s (source, reported_at, undelivered, oldest_undelivered_at, last_error, last_applied_at, last_applied_sequence)
     values (?, now(), ?, ?, ?, case when ?::bigint is null then null else now() end, ?)
     on conflict (source) do update set
       reported_at = now(),
       undelivered = excluded.undelivered,
       oldest_undelivered_at = excluded.oldest_undelivered_at,
       last_error = excluded.last_error,
       last_applied_at = coalesce(excluded.last_applied_at, s.last_applied_at),
       last_applied_sequence = greatest(s.last_applied_sequence, excluded.last_applied_sequence)`,
    [source, outbox?.undelivered ?? 0, outbox?.oldestUndeliveredAt ?? null, outbox?.lastError?.slice(0, 500) ?? null, lastSequence, lastSequence],
  );
}
