import { illinoisDate } from '@hub/platform/domain';
import { type EventEnvelope } from '@hub/platform/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DeflectionFact } from '../entities/deflection-fact.entity.js';

/**
 * Applies one delivered event exactly once: the event id is claimed with INSERT … ON CONFLICT DO NOTHING in
 * the caller's transaction, so a redelivered event (at-least-once delivery) changes nothing.
 */
export async function applyEvent(em: EntityManager, envelope: EventEnvelope): Promise<boolean> {
  const claimed = await em.execute<{ event_id: string }[]>(
    `insert into "reporting"."processed_event" (event_id, source, sequence, type, processed_at)
     values (?, ?, ?, ?, now()) on conflict (event_id) do nothing returning event_id`,
    [envelope.eventId, envelope.source, envelope.sequence, envelope.event.type],
  );
  if (claimed.length === 0) return false;
  const event = envelope.event;
  switch (event.type) {
    case 'deflection.referred': {
      const existing = await em.findOne(DeflectionFact, { deflectionId: event.deflectionId });
      if (existing) return true;
      em.create(DeflectionFact, {
        deflectionId: event.deflectionId,
        pathway: event.pathway,
        status: event.status,
        initiatingUnitId: event.initiatingUnitId,
        countsForId: event.countsForId,
        attributedToId: event.countsForId ?? event.initiatingUnitId,
        county: event.county,
        referredOn: illinoisDate(new Date(event.referredAt)),
        lastEventSequence: envelope.sequence,
      });
      return true;
    }
    case 'deflection.approved':
    case 'deflection.declined':
    case 'deflection.closed': {
      // Events of one deflection can arrive in any order across batches: apply only what is newer.
      const fact = await em.findOne(DeflectionFact, { deflectionId: event.deflectionId });
      if (fact && fact.lastEventSequence < envelope.sequence) {
        fact.status = event.toStatus;
        fact.lastEventSequence = envelope.sequence;
      }
      return true;
    }
    case 'deflection.reviewed':
    case 'deflection.handed-off':
    case 'treatment.episode-changed':
      // Recorded as processed; the statistics that use them arrive with the reporting issue.
      return true;
  }
}
