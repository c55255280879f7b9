import type { Actor } from '@hub/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Deflection } from './entities/deflection.entity.js';
import { Incident, IncidentPerson } from './entities/incident.entity.js';
import { canSee } from './rules/visibility.js';

/**
 * A participant is known to a caller through an incident of the caller's unit, or through a deflection the
 * caller may see. Used both to read a participant and to refer one: the same rule, one place.
 */
export async function isParticipantKnownTo(em: EntityManager, actor: Actor, participantId: string): Promise<boolean> {
  const deflections = await em.find(Deflection, { participantId });
  if (deflections.some((d) => canSee(actor, d))) return true;
  const links = await em.find(IncidentPerson, { participantId });
  if (links.length === 0) return false;
  return (await em.count(Incident, { id: { $in: links.map((l) => l.incidentId) }, agencyId: actor.agencyId })) > 0;
}
