import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { HubEvent } from './contracts.js';

/**
 * Transactional outbox: events are written in the same transaction as the change they describe, and a relay
 * delivers them afterwards, so reporting never misses a committed change nor sees an uncommitted one.
 */
const OutboxEventSchema = defineEntity({
  name: 'OutboxEvent',
  tableName: 'outbox_event',
  // What a relay looks for, in the order it delivers: an index scan of this stays short while published events wait
  // for vacuum (the index on published_at alone led to bitmap scans of every dead version: 77 ms a poll after the
  // bench's bulk uploads, 3 ms with this one).
  indexes: [{ name: 'outbox_event_unpublished_index', properties: ['sequence'], where: 'published_at is null' }],
  properties: {
    sequence: p.bigint('number').primary().autoincrement(),
    eventId: p.uuid().unique().onCreate(() => randomUUID()),
    type: p.string().length(80),
    payload: p.json<HubEvent>(),
    occurredAt: p.datetime().onCreate(() => new Date()),
    publishedAt: p.datetime().nullable(),
    /** A relay's lease on the event while it delivers it (no transaction stays open across the network call). */
    claimedUntil: p.datetime().nullable(),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
  },
});

export class OutboxEvent extends OutboxEventSchema.class {}
OutboxEventSchema.setClass(OutboxEvent);
export { OutboxEventSchema };
