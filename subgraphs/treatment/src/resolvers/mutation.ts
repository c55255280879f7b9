import { execute } from '@hub/platform/db';
import { updateCapacity } from '../commands/capacity.js';
import { record, revokeConsent } from '../commands/consent.js';
import { bulkUpdateEpisodes, updateEpisode } from '../commands/episodes.js';
import { refer } from '../commands/refer.js';
import { treatingProviderView } from '../disclosure/consent-view.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

/**
 * Thin: each mutation is one command in one transaction. Referral and consent ask the cases and agencies
 * subgraphs first and open their transaction afterwards; see ../commands.
 */
export const Mutation: MutationResolvers = {
  referToTreatment: (_parent, { input, idempotencyKey }, context) => refer(context, input, idempotencyKey),
  updateEpisode: (_parent, { input }, context) => execute(context, (cmd) => updateEpisode(cmd, input)),
  async bulkUpdateEpisodes(_parent, { updates, idempotencyKey }, context) {
    const results = await execute(context, (cmd) => bulkUpdateEpisodes(cmd, updates, idempotencyKey));
    const count = (status: string) => results.filter((r) => r.status === status).length;
    return { applied: count('APPLIED'), rejected: count('REJECTED'), duplicates: count('DUPLICATE'), results };
  },
  updateCapacity: (_parent, { input }, context) => execute(context, (cmd) => updateCapacity(cmd, input)),
  recordConsent: async (_parent, { input, idempotencyKey }, context) => treatingProviderView(await record(context, input, idempotencyKey)),
  revokeConsent: async (_parent, { consentId }, context) => treatingProviderView(await execute(context, (cmd) => revokeConsent(cmd, consentId))),
};
