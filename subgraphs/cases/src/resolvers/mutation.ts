import { inTransaction } from '@hub/platform';
import { recordContactAttempt, recordDisposition, recordEvidence, recordEvidenceHandling, disposeEvidence } from '../commands/case-records.js';
import { decideApproval } from '../commands/decide-approval.js';
import { closeDeflection, recordReview, submitToProsecutor } from '../commands/follow-up.js';
import { quickReferral, recordIncident } from '../commands/refer.js';
import { command } from '../commands/support.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

/** Thin: each mutation is one transaction around one command; the rules live in ../rules and ../commands. */
export const Mutation: MutationResolvers = {
  quickReferral: (_parent, { input, idempotencyKey }, context) =>
    inTransaction(context.em, async (em) => {
      const deflection = await quickReferral(command(context, em), input, idempotencyKey);
      return {
        deflection,
        nextSteps: {
          approvalRequired: deflection.approvalRequired,
          approvingAgency: deflection.countsForId ? { id: deflection.countsForId } : null,
          caseManagementOrganization: { id: deflection.caseManagementOrganizationId },
          solutionActionPlan: { id: deflection.solutionActionPlanId! },
          summary: deflection.nextStepsSummary,
        },
      };
    }),
  recordIncident: (_parent, { input, idempotencyKey }, context) => inTransaction(context.em, (em) => recordIncident(command(context, em), input, idempotencyKey)),
  decideApproval: (_parent, { input }, context) => inTransaction(context.em, (em) => decideApproval(command(context, em), input)),
  recordDisposition: (_parent, { input }, context) => inTransaction(context.em, (em) => recordDisposition(command(context, em), input)),
  recordContactAttempt: (_parent, { input, idempotencyKey }, context) =>
    inTransaction(context.em, (em) => recordContactAttempt(command(context, em), input, idempotencyKey)),
  recordEvidence: (_parent, { input, idempotencyKey }, context) => inTransaction(context.em, (em) => recordEvidence(command(context, em), input, idempotencyKey)),
  recordEvidenceHandling: (_parent, { input }, context) => inTransaction(context.em, (em) => recordEvidenceHandling(command(context, em), input)),
  disposeEvidence: (_parent, { input }, context) => inTransaction(context.em, (em) => disposeEvidence(command(context, em), input)),
  recordReview: (_parent, { input, idempotencyKey }, context) => inTransaction(context.em, (em) => recordReview(command(context, em), input, idempotencyKey)),
  closeDeflection: (_parent, { input }, context) => inTransaction(context.em, (em) => closeDeflection(command(context, em), input)),
  submitToProsecutor: (_parent, { input }, context) => inTransaction(context.em, (em) => submitToProsecutor(command(context, em), input)),
};
