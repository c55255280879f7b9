import { illinoisDate } from '@hub/platform/domain';
import { DateScalar, DateTimeScalar } from '@hub/platform/graphql';
import { requireActor } from '@hub/platform/identity';
import type { Resolvers } from '../generated/resolvers-types.js';
import { participantOfDeflection, viewOf } from '../reads.js';
import { access, canSee, knownPeopleOfIncident } from '../rules/access.js';
import { isOverdue } from '../rules/review-schedule.js';
import { visible } from './query.js';

const ref = (id: string) => ({ id });
const optionalRef = (id: string | null | undefined) => (id ? { id } : null);

async function mustLoad<T>(load: Promise<T | null>, what: string): Promise<T> {
  const found = await load;
  if (!found) throw new Error(`${what} is referenced but missing`);
  return found;
}

/** Thin: relations through the request's loaders (one statement per relation per list), rules from ../rules. */
export const typeResolvers: Omit<Resolvers, 'Query' | 'Mutation'> = {
  Date: DateScalar,
  DateTime: DateTimeScalar,

  Deflection: {
    __resolveReference: async (reference, context) => visible(context, await context.loaders.deflection.load(reference.id)),
    initiatingUnit: (d) => ref(d.initiatingUnitId),
    countsFor: (d) => optionalRef(d.countsForId),
    participant: (d, _args, context) => participantOfDeflection(context, d),
    incident: (d, _args, context) => mustLoad(context.loaders.incident.load(d.incident.id), 'incident'),
    initiatedBy: (d) => ref(d.createdById),
    solutionActionPlan: (d) => ref(d.solutionActionPlanId),
    caseManagementOrganization: (d) => ref(d.caseManagementOrganizationId),
    approval: (d) =>
      d.approvalDecision && d.approvalById && d.approvalAt
        ? { decision: d.approvalDecision, decidedBy: ref(d.approvalById), actingFor: optionalRef(d.approvalForId), decidedAt: d.approvalAt, reason: d.approvalReason ?? '' }
        : null,
    disposition: (d) =>
      d.dispositionReportNumber && d.dispositionRecordsSystem && d.dispositionAt && d.dispositionById
        ? { kind: 'CRIMINAL_DEFLECTION', reportNumber: d.dispositionReportNumber, recordsSystem: d.dispositionRecordsSystem, recordedAt: d.dispositionAt, recordedBy: ref(d.dispositionById) }
        : null,
    contactAttempts: (d, _args, context) => context.loaders.contactAttemptsOf.load(d.id),
    evidence: (d, _args, context) => context.loaders.evidenceOf.load(d.id),
    reviews: (d, _args, context) => context.loaders.reviewsOf.load(d.id),
    reviewOverdue: (d) => d.status === 'ACTIVE' && isOverdue(d.nextReviewDue ?? null, illinoisDate()),
    outcome: (d) =>
      d.outcome && d.outcomeAt && d.outcomeById
        ? {
            kind: d.outcome,
            decidedAt: d.outcomeAt,
            decidedBy: ref(d.outcomeById),
            chargesReleasedAt: d.chargesReleasedAt ?? null,
            prosecutingAttorney: d.prosecutingAttorney ?? null,
            submittedToProsecutorOn: d.submittedToProsecutorOn ?? null,
            reason: d.outcomeReason ?? null,
          }
        : null,
    // Those who follow the person (approving leader, assigned case manager) count every unit's earlier
    // deflections; anyone else counts only the ones they may see, so a lookup by name reveals nothing elsewhere.
    async priorDeflectionCount(d, _args, context) {
      const actor = requireActor(context);
      const statewide = access.can(actor, 'deflection:see-other-units-of-person', d);
      const all = await context.loaders.deflectionsOfParticipant.load(d.participant.id);
      return all.filter((other) => other.id !== d.id && other.referredAt <= d.referredAt && (statewide || canSee(actor, other))).length;
    },
    nextSteps: (d) => d,
    demographics: (d) => ({ ageBand: d.ageBand, sex: d.sex, race: d.race, ethnicity: d.ethnicity }),
    history: (d, _args, context) => context.loaders.historyOf.load(d.id),
  },

  NextSteps: {
    approvalRequired: (d) => d.approvalRequired,
    approvingAgency: (d) => optionalRef(d.countsForId),
    caseManagementOrganization: (d) => ref(d.caseManagementOrganizationId),
    solutionActionPlan: (d) => ref(d.solutionActionPlanId),
    summary: (d) => d.nextStepsSummary,
  },

  Participant: {
    id: (view) => view.participant.id,
    givenName: (view) => view.recorded.givenName,
    familyName: (view) => view.recorded.familyName,
    dateOfBirth: (view) => view.recorded.dateOfBirth,
    async deflections(view, _args, context) {
      const actor = requireActor(context);
      return (await context.loaders.deflectionsOfParticipant.load(view.participant.id)).filter((d) => canSee(actor, d));
    },
  },

  Incident: {
    agency: (incident) => ref(incident.agencyId),
    async people(incident, _args, context) {
      const [people, deflections] = await Promise.all([context.loaders.peopleOfIncident.load(incident.id), context.loaders.deflectionsOfIncident.load(incident.id)]);
      const known = knownPeopleOfIncident(context.actor, { agencyId: incident.agencyId, deflections });
      return people.filter((link) => known(link.participant.id));
    },
  },

  IncidentPerson: {
    participant: async (link, _args, context) => viewOf(link, await mustLoad(context.loaders.participant.load(link.participant.id), 'participant')),
  },

  ContactAttempt: {
    by: (attempt) => ref(attempt.byId),
    actingFor: (attempt) => optionalRef(attempt.actingForId),
  },

  EvidenceItem: {
    deflection: async (item, _args, context) => visible(context, await context.loaders.deflection.load(item.deflection.id)),
    responsibleUnit: (item) => ref(item.responsibleUnitId),
    handling: (item, _args, context) => context.loaders.handlingOf.load(item.id),
    disposed: (item) => item.disposedAt != null,
  },

  EvidenceEvent: {
    by: (event) => ref(event.byId),
  },

  Review: {
    reviewer: (review) => ref(review.reviewerId),
    actingFor: (review) => optionalRef(review.actingForId),
  },

  HistoryEntry: {
    actor: (entry) => ref(entry.actorId),
    actingFor: (entry) => optionalRef(entry.actingForId),
    changes: (entry) => (entry.changes ? JSON.stringify(entry.changes) : null),
  },
};
