import { defineEntity, p } from '@mikro-orm/core';

/**
 * What each publishing subgraph last reported about its outbox (with every delivery, and as a heartbeat when it has
 * nothing to send): reporting cannot read another subgraph's tables, so the publisher tells it how far behind it is.
 */
const EventSourceSchema = defineEntity({
  name: 'EventSource',
  tableName: 'event_source',
  properties: {
    source: p.string().length(40).primary(),
    reportedAt: p.datetime(),
    undelivered: p.integer(),
    oldestUndeliveredAt: p.datetime().nullable(),
    lastError: p.string().length(500).nullable(),
    lastAppliedAt: p.datetime().nullable(),
    lastAppliedSequence: p.bigint('number').nullable(),
  },
});

export class EventSource extends EventSourceSchema.class {}
EventSourceSchema.setClass(EventSource);
export { EventSourceSchema };
