import { readAuditTrail } from '@hub/platform/audit';
import { crisisIncidents, crisisMonth, crisisReportingStatus, crisisSubmission, crisisSubmissions } from '../crisis/reads.js';
import { crisisStatistics } from '../crisis/statistics.js';
import { eventDelivery } from '../events/delivery-status.js';
import { useOfForceIncidents, useOfForceRejections, useOfForceSubmission, useOfForceSubmissions } from '../use-of-force/reads.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { feedbackDigest, myReferralOutcomes, referralCounts, unitReferralOutcomes } from '../statistics/feedback.js';
import { stateDataSet } from '../statistics/state-data-set.js';
import { statistic } from '../statistics/statistic.js';

/** Thin: every root field passed its role gate (rules/access.ts); the statistics modules apply the record-level rules. */
export const Query: QueryResolvers = {
  reportingAuditTrail: (_parent, { filter, first, after }, context) => readAuditTrail(context.em, filter, first, after),
  suppressionThreshold: (_parent, _args, context) => context.suppressionThreshold,
  statistics: (_parent, { query }, context) => statistic(context, query),
  myReferralOutcomes: (_parent, { from, to }, context) => myReferralOutcomes(context, from, to),
  unitReferralOutcomes: (_parent, { agencyId, from, to }, context) => unitReferralOutcomes(context, agencyId, from, to),
  referralCounts: (_parent, { from, to, agencyId }, context) => referralCounts(context, from, to, agencyId),
  feedbackDigest: (_parent, { month, agencyId }, context) => feedbackDigest(context, month, agencyId),
  stateDataSet: (_parent, { year, quarter, programIds }, context) => stateDataSet(context, year, quarter, programIds),
  eventDelivery: (_parent, _args, context) => eventDelivery(context.em),
  crisisStatistics: (_parent, { query }, context) => crisisStatistics(context, query),
  crisisIncidents: (_parent, { month, agencyId }, context) => crisisIncidents(context, month, agencyId),
  crisisMonth: (_parent, { month, agencyId }, context) => crisisMonth(context, month, agencyId),
  crisisSubmissions: (_parent, { month, agencyId }, context) => crisisSubmissions(context, month, agencyId),
  crisisSubmission: (_parent, { id }, context) => crisisSubmission(context, id),
  crisisReportingStatus: (_parent, { month, standings }, context) => crisisReportingStatus(context, month, standings),
  useOfForceIncidents: (_parent, { month }, context) => useOfForceIncidents(context, month),
  useOfForceSubmissions: (_parent, args, context) => useOfForceSubmissions(context, args),
  useOfForceRejections: (_parent, _args, context) => useOfForceRejections(context),
  useOfForceSubmission: (_parent, { id }, context) => useOfForceSubmission(context, id),
};
