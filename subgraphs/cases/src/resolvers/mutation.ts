import { execute } from '@hub/platform/db';
import { disposeEvidence, recordContactAttempt, recordDisposition, recordEvidence, recordEvidenceHandling } from '../commands/case-records.js';
import { decide } from '../commands/decide-approval.js';
import { closeDeflection, recordReview, submitToProsecutor } from '../commands/follow-up.js';
import { recordIncident, refer } from '../commands/refer.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

/**
 * Thin: each mutation is one command in one transaction. The two that need the agencies subgraph (referral and
 * approval) ask it first and open their transaction afterwards; see ../commands.
 */
export const Mutation: MutationResolvers = {
  async quickReferral(_parent, { input, idempotencyKey }, context) {
    const deflection = await refer(context, input, idempotencyKey);
    return { deflection, nextSteps: deflection };
  },
  recordIncident: (_parent, { input, idempotencyKey }, context) => execute(context, (cmd) => recordIncident(cmd, input, idempotencyKey)),
  decideApproval: (_parent, { input }, context) => decide(context, input),
  recordDisposition: (_parent, { input }, context) => execute(context, (cmd) => recordDisposition(cmd, input)),
  recordContactAttempt: (_parent, { input, idempotencyKey }, context) => execute(context, (cmd) => recordContactAttempt(cmd, input, idempotencyKey)),
  recordEvidence: (_parent, { input, idempotencyKey }, context) => execute(context, (cmd) => recordEvidence(cmd, input, idempotencyKey)),
  recordEvidenceHandling: (_parent, { input }, context) => execute(context, (cmd) => recordEvidenceHandling(cmd, input)),
  disposeEvidence: (_parent, { input }, context) => execute(context, (cmd) => disposeEvidence(cmd, input)),
  recordReview: (_parent, { input, idempotencyKey }, context) => execute(context, (cmd) => recordReview(cmd, input, idempotencyKey)),
  closeDeflection: (_parent, { input }, context) => execute(context, (cmd) => closeDeflection(cmd, input)),
  submitToProsecutor: (_parent, { input }, context) => execute(context, (cmd) => submitToProsecutor(cmd, input)),
};
