import { loaderById, loaderGroupedBy } from '@hub/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContactAttempt, EvidenceEvent, EvidenceItem, HistoryEntry, Review } from './entities/case-records.entity.js';
import { Deflection } from './entities/deflection.entity.js';
import { Incident, IncidentPerson } from './entities/incident.entity.js';
import { Participant } from './entities/participant.entity.js';

/** Request-scoped loaders: one SQL statement per relation per batch, whatever the size of the list. */
export function createLoaders(em: EntityManager) {
  return {
    deflection: loaderById((ids) => em.find(Deflection, { id: { $in: ids } })),
    participant: loaderById((ids) => em.find(Participant, { id: { $in: ids } })),
    incident: loaderById((ids) => em.find(Incident, { id: { $in: ids } })),
    deflectionsOfParticipant: loaderGroupedBy((ids) => em.find(Deflection, { participantId: { $in: ids } }, { orderBy: { referredAt: 'desc' } }), 'participantId'),
    peopleOfIncident: loaderGroupedBy((ids) => em.find(IncidentPerson, { incidentId: { $in: ids } }), 'incidentId'),
    contactAttemptsOf: loaderGroupedBy((ids) => em.find(ContactAttempt, { deflectionId: { $in: ids } }, { orderBy: { at: 'asc' } }), 'deflectionId'),
    evidenceOf: loaderGroupedBy((ids) => em.find(EvidenceItem, { deflectionId: { $in: ids } }, { orderBy: { seizedAt: 'asc' } }), 'deflectionId'),
    handlingOf: loaderGroupedBy((ids) => em.find(EvidenceEvent, { evidenceId: { $in: ids } }, { orderBy: { at: 'asc' } }), 'evidenceId'),
    reviewsOf: loaderGroupedBy((ids) => em.find(Review, { deflectionId: { $in: ids } }, { orderBy: { heldOn: 'asc' } }), 'deflectionId'),
    historyOf: loaderGroupedBy((ids) => em.find(HistoryEntry, { deflectionId: { $in: ids } }, { orderBy: { sequence: 'asc' } }), 'deflectionId'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
