import { defineEntity, p } from '@mikro-orm/core';

/** Event ids already applied: deliveries are at-least-once, so each event is applied exactly once here. */
const ProcessedEventSchema = defineEntity({
  name: 'ProcessedEvent',
  tableName: 'processed_event',
  properties: {
    eventId: p.uuid().primary(),
    source: p.string().length(40),
    sequence: p.bigint('number'),
    type: p.string().length(80),
    processedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class ProcessedEvent extends ProcessedEventSchema.class {}
ProcessedEventSchema.setClass(ProcessedEvent);
export { ProcessedEventSchema };
