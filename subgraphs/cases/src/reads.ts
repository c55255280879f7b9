import { requireActor, type Actor } from '@hub/platform/identity';
import type { Context } from './context.js';
import type { Deflection } from './entities/deflection.entity.js';
import type { IncidentPerson } from './entities/incident.entity.js';
import type { ParticipantView } from './models.js';
import { canSee, isUnitMember, type ParticipantAccess } from './rules/access.js';

/** Reads shared by resolvers and commands: what the caller may know of a person. */

export interface ParticipantKnowledge {
  access: ParticipantAccess;
  /** The caller's own records of the person (incident links), newest first. */
  records: IncidentPerson[];
}

function isOwnRecord(actor: Actor, link: IncidentPerson, visibleIncidentIds: ReadonlySet<string>): boolean {
  const agencyId = link.incident.getEntity().agencyId;
  return isUnitMember(actor, { initiatingUnitId: agencyId }) || visibleIncidentIds.has(link.incident.id);
}

export async function participantKnowledge(context: Context, participantId: string): Promise<ParticipantKnowledge> {
  const actor = requireActor(context);
  const [deflections, links] = await Promise.all([context.loaders.deflectionsOfParticipant.load(participantId), context.loaders.recordsOfParticipant.load(participantId)]);
  const visibleIncidentIds = new Set(deflections.filter((d) => canSee(actor, d)).map((d) => d.incident.id));
  const records = links.filter((link) => isOwnRecord(actor, link, visibleIncidentIds)).sort((a, b) => b.incident.getEntity().occurredAt.getTime() - a.incident.getEntity().occurredAt.getTime());
  return { access: { deflections, incidentAgencyIds: links.map((link) => link.incident.getEntity().agencyId) }, records };
}

export function viewOf(link: IncidentPerson, participant: ParticipantView['participant']): ParticipantView {
  return { participant, recorded: { givenName: link.givenName, familyName: link.familyName, dateOfBirth: link.dateOfBirth ?? null } };
}

/** The person of a deflection, named as the deflection's own incident record names them. */
export async function participantOfDeflection(context: Context, deflection: Deflection): Promise<ParticipantView> {
  const [participant, people] = await Promise.all([context.loaders.participant.load(deflection.participant.id), context.loaders.peopleOfIncident.load(deflection.incident.id)]);
  const link = people.find((p) => p.participant.id === deflection.participant.id);
  if (!participant || !link) throw new Error(`deflection ${deflection.id} has no record of its participant`);
  return viewOf(link, participant);
}
