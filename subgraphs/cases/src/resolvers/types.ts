import { DateScalar, DateTimeScalar, illinoisDate, requireActor } from '@hub/platform';
import type { Deflection } from '../entities/deflection.entity.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { isOverdue } from '../rules/review-schedule.js';
import { canSee } from '../rules/visibility.js';
import { visibleDeflection } from './visible.js';

const ref = (id: string) => ({ id });
const optionalRef = (id: string | null | undefined) => (id ? { id } : null);

export const typeResolvers: Omit<Resolvers, 'Query' | 'Mutation'> = {
  Date: DateScalar,
  DateTime: DateTimeScalar,

  Deflection: {
    __resolveReference: (reference, context) => visibleDeflection(context, reference.id),
    initiatingUnit: (d) => ref(d.initiatingUnitId),
    countsFor: (d) => optionalRef(d.countsForId),
    participant: async (d, _args, context) => (await context.loaders.participant.load(d.participantId!))!,
    incident: async (d, _args, context) => (await context.loaders.incident.load(d.incidentId!))!,
    initiatedBy: (d) => ref(d.createdById),
    solutionActionPlan: (d) => ref(d.solutionActionPlanId!),
    caseManagementOrganization: (d) => ref(d.caseManagementOrganizationId),
    approval: (d) =>
      d.approvalDecision && d.approvalById && d.approvalAt
        ? {
            decision: d.approvalDecision as 'APPROVED' | 'DECLINED',
            decidedBy: ref(d.approvalById),
            actingFor: optionalRef(d.approvalForId),
            decidedAt: d.approvalAt,
            reason: d.approvalReason ?? '',
          }
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
    async priorDeflectionCount(d, _args, context) {
      if (!d.participantId) return 0;
      const all = await context.loaders.deflectionsOfParticipant.load(d.participantId);
      return all.filter((other) => other.id !== d.id && other.referredAt <= d.referredAt).length;
    },
    nextSteps: (d) => ({
      approvalRequired: d.approvalRequired,
      approvingAgency: optionalRef(d.countsForId),
      caseManagementOrganization: ref(d.caseManagementOrganizationId),
      solutionActionPlan: ref(d.solutionActionPlanId!),
      summary: d.nextStepsSummary,
    }),
    history: (d, _args, context) => context.loaders.historyOf.load(d.id),
  },

  Participant: {
    async deflections(participant, _args, context) {
      const actor = requireActor(context);
      const all: Deflection[] = await context.loaders.deflectionsOfParticipant.load(participant.id);
      return all.filter((d) => canSee(actor, d));
    },
  },

  Incident: {
    agency: (incident) => ref(incident.agencyId),
    people: (incident, _args, context) => context.loaders.peopleOfIncident.load(incident.id),
  },

  IncidentPerson: {
    participant: async (link, _args, context) => (await context.loaders.participant.load(link.participantId))!,
  },

  ContactAttempt: {
    by: (attempt) => ref(attempt.byId),
    actingFor: (attempt) => optionalRef(attempt.actingForId),
  },

  EvidenceItem: {
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
    fromStatus: (entry) => (entry.fromStatus as Deflection['status'] | null) ?? null,
    toStatus: (entry) => (entry.toStatus as Deflection['status'] | null) ?? null,
    changes: (entry) => (entry.changes ? JSON.stringify(entry.changes) : null),
  },
};
