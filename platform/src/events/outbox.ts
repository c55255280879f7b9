import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubEvent, EventEnvelope } from './contracts.js';
import { signEventDelivery } from './event-token.js';
import { OutboxEvent } from './outbox-event.entity.js';

/** Records an event in the caller's transaction; it is delivered only if that transaction commits. */
export function recordEvent(em: EntityManager, event: HubEvent): OutboxEvent {
  return em.create(OutboxEvent, { type: event.type, payload: event });
}

export interface OutboxRelayOptions {
  source: string;
  /** The consumer's event inbox, e.g. http://127.0.0.1:4004/events */
  targetUrl: string;
  targetName: string;
  secret: string;
  batchSize?: number;
  fetchImpl?: typeof fetch;
}

/**
 * Delivers committed outbox events in order, at least once. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several relay processes can run side by side without sending an event twice at the same time; consumers
 * de-duplicate by event id for the retries that remain possible.
 */
export class OutboxRelay {
  constructor(
    private readonly fork: () => EntityManager,
    private readonly options: OutboxRelayOptions,
  ) {}

  /** Publishes one batch; returns how many events were delivered. */
  async publishBatch(): Promise<number> {
    const em = this.fork();
    return em.transactional(async (tx) => {
      const batch = await tx.find(
        OutboxEvent,
        { publishedAt: null },
        { orderBy: { sequence: 'asc' }, limit: this.options.batchSize ?? 100, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      if (batch.length === 0) return 0;
      const envelopes: EventEnvelope[] = batch.map((row) => ({
        eventId: row.eventId,
        sequence: Number(row.sequence),
        occurredAt: row.occurredAt.toISOString(),
        source: this.options.source,
        event: row.payload,
      }));
      try {
        const token = await signEventDelivery(this.options.secret, this.options.source, this.options.targetName);
        const response = await (this.options.fetchImpl ?? fetch)(this.options.targetUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ events: envelopes }),
          signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok) throw new Error(`${this.options.targetName} answered ${response.status}`);
        const now = new Date();
        for (const row of batch) row.publishedAt = now;
        return batch.length;
      } catch (error) {
        for (const row of batch) {
          row.attempts += 1;
          row.lastError = (error as Error).message.slice(0, 500);
        }
        return 0;
      }
    });
  }

  /** Publishes until the outbox is empty or a delivery fails. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent === 0) return total;
    }
  }

  /** Polls in the background; the returned function stops it and waits for the batch in flight. */
  start(intervalMs: number, onError: (error: unknown) => void = (e) => console.error('[outbox]', e)): () => Promise<void> {
    let stopped = false;
    let inFlight: Promise<unknown> = Promise.resolve();
    const tick = () => {
      if (stopped) return;
      inFlight = this.drain()
        .catch(onError)
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, intervalMs);
        });
    };
    let timer = setTimeout(tick, 0);
    return async () => {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    };
  }
}
