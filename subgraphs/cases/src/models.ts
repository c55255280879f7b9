import type { Participant } from './entities/participant.entity.js';
import type { DeflectionStatus } from './entities/vocabulary.js';

/** How a caller sees a person: the shared identity, named as the caller's own record names them. */
export interface ParticipantView {
  participant: Participant;
  recorded: { givenName: string; familyName: string; dateOfBirth: string | null };
}

/**
 * A history entry as shown (OPS-D10): the row's values, read without a managed entity. History is append-only and
 * never changed once written, so a read needs no identity map or change tracking — which cost five times the query
 * itself for a queue of fifty deflections with their history.
 */
export interface HistoryRecord {
  deflectionId: string;
  at: Date;
  actorId: string;
  actingForId: string | null;
  action: string;
  fromStatus: DeflectionStatus | null;
  toStatus: DeflectionStatus | null;
  changes: Record<string, unknown> | null;
}
