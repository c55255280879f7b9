export type { HubEvent, EventEnvelope, OutboxStatus, DeflectionReferred, DeflectionStatusChanged, DeflectionReviewed, DeflectionHandedOff, TreatmentEpisodeChanged } from './contracts.js';
export { newOutboxEvent, recordEvent, recordEvents, OutboxRelay, retryDelay } from './outbox.js';
export { OutboxEvent, OutboxEventSchema } from './outbox-event.entity.js';
export { signEventDelivery, verifyEventDelivery } from './event-token.js';
export { relayToReporting } from './relay-to-reporting.js';
