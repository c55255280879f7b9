import { importCrisisIncidents, recordCrisisIncident, submitCrisisMonth, updateCrisisIncident } from '../commands/crisis.js';
import { recordUseOfForceIncident, recordUseOfForceResponse, submitUseOfForceMonth, updateUseOfForceIncident } from '../commands/use-of-force.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

/** Thin: each mutation is one command in one transaction, after asking the agencies subgraph who files (../commands). */
export const Mutation: MutationResolvers = {
  recordCrisisIncident: (_parent, { input, idempotencyKey }, context) => recordCrisisIncident(context, input, idempotencyKey),
  updateCrisisIncident: (_parent, { id, version, input }, context) => updateCrisisIncident(context, id, version, input),
  submitCrisisMonth: (_parent, { month, idempotencyKey }, context) => submitCrisisMonth(context, month, idempotencyKey),
  importCrisisIncidents: (_parent, { csv, mode, idempotencyKey }, context) => importCrisisIncidents(context, csv, mode ?? 'ALL_OR_NOTHING', idempotencyKey),
  recordUseOfForceIncident: (_parent, { input, idempotencyKey }, context) => recordUseOfForceIncident(context, input, idempotencyKey),
  updateUseOfForceIncident: (_parent, { id, version, input }, context) => updateUseOfForceIncident(context, id, version, input),
  submitUseOfForceMonth: (_parent, { month, draft, idempotencyKey }, context) => submitUseOfForceMonth(context, month, draft ?? false, idempotencyKey),
  recordUseOfForceResponse: (_parent, { submissionId, accepted, reason }, context) => recordUseOfForceResponse(context, submissionId, accepted, reason),
};
