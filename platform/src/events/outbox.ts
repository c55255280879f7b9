import type { EntityManager } from '@mikro-orm/postgresql';
import { executeBound } from '../db/bound-sql.js';
import type { HubEvent, EventEnvelope, OutboxStatus } from './contracts.js';
import { signEventDelivery } from './event-token.js';
import { OutboxEvent } from './outbox-event.entity.js';

/** Records an event in the caller's transaction; it is delivered only if that transaction commits. */
export function recordEvent(em: EntityManager, event: HubEvent): OutboxEvent {
  const record = newOutboxEvent(em, event);
  em.persist(record);
  return record;
}

/** An event not yet recorded: the caller writes it in its change's transaction (insertTogether), as recordEvent would. */
export function newOutboxEvent(em: EntityManager, event: HubEvent): OutboxEvent {
  return em.create(OutboxEvent, { type: event.type, payload: event }, { persist: false });
}

/**
 * Records many events in the caller's transaction with one statement, in the given order (for a bulk write, where
 * an entity per event would cost more than the write itself). Delivered like recordEvent's, only if it commits.
 * They are inserted at once (recordEvent's wait for the flush) and stamped with the transaction's start: a command
 * uses one or the other, not both.
 */
export async function recordEvents(em: EntityManager, events: readonly HubEvent[]): Promise<void> {
  if (events.length === 0) return;
  await executeBound(
    em,
    `insert into ${table(em)} (event_id, type, payload, occurred_at)
     select gen_random_uuid(), e.value->>'type', e.value, now() from jsonb_array_elements($1::jsonb) with ordinality as e(value, position)
     order by e.position`,
    [JSON.stringify(events)],
  );
}

export interface OutboxRelayOptions {
  source: string;
  /** The consumer's event inbox, e.g. http://127.0.0.1:4004/events */
  targetUrl: string;
  targetName: string;
  secret: string;
  batchSize?: number;
  fetchImpl?: typeof fetch;
  /** How long a claimed batch stays reserved for its delivery before another relay may take it (default 30 s). */
  claimMs?: number;
  /** How often the relay tells the consumer its outbox is empty when it has nothing to send (default 10 s). */
  heartbeatMs?: number;
  /** The longest wait between attempts while deliveries keep failing (default 60 s). */
  backoffCapMs?: number;
}

/**
 * How long to wait before the next attempt after `failures` failed ones in a row: the poll interval doubled per
 * failure up to a cap, half of it fixed and half random ("equal jitter"), so relays that lost the same consumer do
 * not all come back at the same instant, and a consumer that is down is not asked every second.
 */
export function retryDelay(failures: number, intervalMs: number, capMs: number, random: () => number = Math.random): number {
  if (failures <= 0) return intervalMs;
  const ceiling = Math.min(capMs, intervalMs * 2 ** Math.min(failures, 30));
  return ceiling / 2 + random() * (ceiling / 2);
}

/** The outbox table in the publishing subgraph's own schema (raw SQL does not get the ORM's schema on its own). */
function table(em: EntityManager): string {
  const schema = em.getMetadata().get(OutboxEvent).schema ?? em.config.get('schema');
  return `"${schema}"."outbox_event"`;
}

interface ClaimedRow {
  sequence: string;
  event_id: string;
  payload: HubEvent;
  occurred_at: Date;
  last_error: string | null;
}

/** A claimed batch (perhaps empty, when a heartbeat is due) and what is waiting besides it. */
interface Claim {
  rows: ClaimedRow[];
  status: OutboxStatus;
}

/**
 * Every relay read goes through the partial index of unpublished events by plain index scans. Claiming and publishing
 * an event each leave a dead index entry until vacuum runs; a plain index scan marks the entries it passes as dead,
 * so later scans skip them, while a bitmap scan skips only those already marked and marks none. With a few hundred
 * rows unpublished PostgreSQL's estimate prefers a bitmap scan, so the relay's transaction rules it (and a sequential
 * scan) out: with 10,000 dead entries a claim read 1,700 pages (4 ms, and the status count as much again); after one
 * plain scan had passed them, 28 (0.1 ms). The settings end with the relay's transaction (set_config's `is_local`),
 * which is always a transaction of its own: `fork` gives an entity manager outside any transaction.
 */
const INDEX_SCANS_ONLY = `select set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)`;

/**
 * Delivers committed outbox events in order, at least once, with no transaction open while it waits on the
 * network: a short transaction claims a batch (FOR UPDATE SKIP LOCKED, then a lease in `claimed_until`, so several
 * relays never send one event at the same time), the delivery happens outside it, and a second short transaction
 * records the outcome. A relay that dies mid-delivery leaves a lease that expires. Consumers de-duplicate by event
 * id for the retries that remain possible. Every delivery, and a heartbeat when there is nothing to send, tells the
 * consumer how much is still waiting (OutboxStatus), so it can report the lag.
 */
export class OutboxRelay {
  private lastContact = 0;
  /** Deliveries that failed in a row (reset by the next one that succeeds). */
  private failedInARow = 0;

  get consecutiveFailures(): number {
    return this.failedInARow;
  }

  constructor(
    private readonly fork: () => EntityManager,
    private readonly options: OutboxRelayOptions,
  ) {}

  /**
   * Claims the next batch and, in the same short transaction, reads its last failure (RETURNING) and what is waiting
   * besides it (for the consumer's lag report): one transaction per delivery instead of three. Null when there is
   * nothing to send and no heartbeat due. A database error here is not a failed delivery: nothing was claimed, and
   * it goes to the poller's error handler and backoff.
   */
  private async claim(heartbeatDue: boolean): Promise<Claim | null> {
    const em = this.fork();
    return em.transactional(async (tx) => {
      await tx.execute(INDEX_SCANS_ONLY);
      const rows = await tx.execute<ClaimedRow[]>(
        `update ${table(em)} o set claimed_until = now() + (? * interval '1 millisecond')
         where o.sequence in (select sequence from ${table(em)}
                              where published_at is null and (claimed_until is null or claimed_until < now())
                              order by sequence limit ? for update skip locked)
         returning o.sequence, o.event_id, o.payload, o.occurred_at, o.last_error`,
        [this.options.claimMs ?? 30_000, this.options.batchSize ?? 100],
      );
      rows.sort((a, b) => Number(a.sequence) - Number(b.sequence));
      if (rows.length === 0 && !heartbeatDue) return null;
      return { rows, status: await this.status(tx, rows) };
    });
  }

  /** What is waiting besides the batch in hand: how many events, and since when; the batch's last failure. */
  private async status(tx: EntityManager, batch: readonly ClaimedRow[]): Promise<OutboxStatus> {
    const excluding = batch.map((row) => String(row.sequence));
    const [row] = await tx.execute<{ undelivered: string; oldest: Date | null }[]>(
      `select count(*) as undelivered, min(occurred_at) as oldest from ${table(tx)} where published_at is null${excluding.length > 0 ? ' and sequence not in (?)' : ''}`,
      excluding.length > 0 ? [excluding] : [],
    );
    return { undelivered: Number(row?.undelivered ?? 0), oldestUndeliveredAt: row?.oldest ? new Date(row.oldest).toISOString() : null, lastError: batch[0]?.last_error ?? null };
  }

  private async post(events: EventEnvelope[], outbox: OutboxStatus): Promise<void> {
    const token = await signEventDelivery(this.options.secret, this.options.source, this.options.targetName);
    const response = await (this.options.fetchImpl ?? fetch)(this.options.targetUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ events, outbox }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`${this.options.targetName} answered ${response.status}`);
    this.lastContact = Date.now();
  }

  /** Publishes one batch; returns how many events were delivered. */
  async publishBatch(): Promise<number> {
    const claim = await this.claim(Date.now() - this.lastContact >= (this.options.heartbeatMs ?? 10_000));
    if (!claim) return 0;
    const { rows, status } = claim;
    if (rows.length === 0) {
      await this.post([], status).catch(() => undefined);
      return 0;
    }
    const sequences = rows.map((row) => String(row.sequence));
    const envelopes: EventEnvelope[] = rows.map((row) => ({
      eventId: row.event_id,
      sequence: Number(row.sequence),
      occurredAt: new Date(row.occurred_at).toISOString(),
      source: this.options.source,
      event: row.payload,
    }));
    const em = this.fork();
    try {
      await this.post(envelopes, status);
    } catch (error) {
      this.failedInARow += 1;
      await em.execute(`update ${table(em)} set attempts = attempts + 1, last_error = ?, claimed_until = null where sequence in (?)`, [(error as Error).message.slice(0, 500), sequences]);
      return 0;
    }
    this.failedInARow = 0;
    await em.execute(`update ${table(em)} set published_at = now(), claimed_until = null where sequence in (?)`, [sequences]);
    return rows.length;
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

  /**
   * Polls in the background, backing off while deliveries fail (or the database cannot be reached); the returned
   * function stops it and waits for the batch in flight.
   */
  start(intervalMs: number, onError: (error: unknown) => void = (e) => console.error('[outbox]', e)): () => Promise<void> {
    let stopped = false;
    let inFlight: Promise<unknown> = Promise.resolve();
    const tick = () => {
      if (stopped) return;
      inFlight = this.drain()
        .catch((error: unknown) => {
          this.failedInARow += 1;
          onError(error);
        })
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, retryDelay(this.failedInARow, intervalMs, this.options.backoffCapMs ?? 60_000));
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
