import type { EntityManager } from '@mikro-orm/postgresql';

/** The subgraphs that publish events to reporting: each is listed, even before it has ever reported. */
export const PUBLISHERS = ['cases', 'treatment'] as const;

/** A publisher that has not reported for this long is down, or cannot reach reporting. */
const SILENT_AFTER_MS = 60_000;

export interface EventSourceStatusModel {
  source: string;
  undelivered: number;
  oldestUndeliveredAt: Date | null;
  lagSeconds: number;
  lastError: string | null;
  reportedAt: Date | null;
  silent: boolean;
  lastAppliedAt: Date | null;
}

/** How far behind statistics are per source, from what each publisher last reported (one statement). */
export async function eventDelivery(em: EntityManager, now = new Date()): Promise<EventSourceStatusModel[]> {
  const rows = await em.execute<{ source: string; undelivered: number; oldest_undelivered_at: Date | null; last_error: string | null; reported_at: Date; last_applied_at: Date | null }[]>(
    `select source, undelivered, oldest_undelivered_at, last_error, reported_at, last_applied_at from "reporting"."event_source"`,
  );
  const bySource = new Map(rows.map((row) => [row.source, row]));
  const sources = [...new Set([...PUBLISHERS, ...bySource.keys()])].sort();
  return sources.map((source) => {
    const row = bySource.get(source);
    const oldest = row?.oldest_undelivered_at ? new Date(row.oldest_undelivered_at) : null;
    const reportedAt = row ? new Date(row.reported_at) : null;
    return {
      source,
      undelivered: row?.undelivered ?? 0,
      oldestUndeliveredAt: oldest,
      lagSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
      lastError: row?.last_error ?? null,
      reportedAt,
      silent: !reportedAt || now.getTime() - reportedAt.getTime() > SILENT_AFTER_MS,
      lastAppliedAt: row?.last_applied_at ? new Date(row.last_applied_at) : null,
    };
  });
}
