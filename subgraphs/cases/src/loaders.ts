import { loaderById, loaderGroupedBy } from '@hub/platform/db';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContactAttempt, EvidenceEvent, EvidenceItem, HistoryEntry, Review } from './entities/case-records.entity.js';
import { Deflection } from './entities/deflection.entity.js';
import { Incident, IncidentPerson } from './entities/incident.entity.js';
import { Participant } from './entities/participant.entity.js';
import type { HistoryRecord } from './models.js';

/** Request-scoped loaders: one SQL statement per relation per batch, whatever the size of the list. */
export function createLoaders(em: EntityManager) {
  return {
    deflection: loaderById((ids) => em.find(Deflection, { id: { $in: ids } })),
    participant: loaderById((ids) => em.find(Participant, { id: { $in: ids } })),
    incident: loaderById((ids) => em.find(Incident, { id: { $in: ids } })),
    evidence: loaderById((ids) => em.find(EvidenceItem, { id: { $in: ids } })),
    deflectionsOfParticipant: loaderGroupedBy((ids) => em.find(Deflection, { participant: { $in: ids } }, { orderBy: { referredAt: 'desc' } }), (d) => d.participant.id),
    deflectionsOfIncident: loaderGroupedBy((ids) => em.find(Deflection, { incident: { $in: ids } }), (d) => d.incident.id),
    peopleOfIncident: loaderGroupedBy((ids) => em.find(IncidentPerson, { incident: { $in: ids } }, { orderBy: { involvement: 'asc', familyName: 'asc', id: 'asc' } }), (link) => link.incident.id),
    recordsOfParticipant: loaderGroupedBy((ids) => em.find(IncidentPerson, { participant: { $in: ids } }, { populate: ['incident'] }), (link) => link.participant.id),
    contactAttemptsOf: loaderGroupedBy((ids) => em.find(ContactAttempt, { deflection: { $in: ids } }, { orderBy: { at: 'asc' } }), (c) => c.deflection.id),
    evidenceOf: loaderGroupedBy((ids) => em.find(EvidenceItem, { deflection: { $in: ids } }, { orderBy: { seizedAt: 'asc' } }), (e) => e.deflection.id),
    handlingOf: loaderGroupedBy((ids) => em.find(EvidenceEvent, { evidence: { $in: ids } }, { orderBy: { at: 'asc' } }), (e) => e.evidence.id),
    reviewsOf: loaderGroupedBy((ids) => em.find(Review, { deflection: { $in: ids } }, { orderBy: { heldOn: 'asc' } }), (r) => r.deflection.id),
    historyOf: loaderGroupedBy((ids) => historyOf(em, ids), (h) => h.deflectionId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The history of these deflections, oldest first, as plain records (see HistoryRecord). */
async function historyOf(em: EntityManager, deflectionIds: readonly string[]): Promise<HistoryRecord[]> {
  const rows = await em
    .createQueryBuilder(HistoryEntry, 'h')
    .select(['deflection', 'at', 'actorId', 'actingForId', 'action', 'fromStatus', 'toStatus', 'changes'])
    .where({ deflection: { $in: [...deflectionIds] } })
    .orderBy({ sequence: 'asc' })
    .execute('all');
  return rows.map((row) => ({
    deflectionId: String(row.deflection),
    at: row.at as Date,
    actorId: row.actorId as string,
    actingForId: (row.actingForId as string | null) ?? null,
    action: row.action as string,
    fromStatus: row.fromStatus ?? null,
    toStatus: row.toStatus ?? null,
    changes: (row.changes as Record<string, unknown> | null) ?? null,
  }));
}
