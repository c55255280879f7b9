import { illinoisDate } from '@hub/platform/domain';
import { DateScalar, DateTimeScalar } from '@hub/platform/graphql';
import type { Resolvers } from '../generated/resolvers-types.js';
import { crisisSubmissionContent, crisisSubmissionPath } from '../crisis/export.js';
import { crisisDisclosureControl } from '../crisis/statistics.js';
import { discloseCount } from '../rules/suppression.js';
import { useOfForceSubmissionContent, useOfForceSubmissionPath } from '../use-of-force/export.js';
import { DIMENSIONS } from '../statistics/catalogue.js';
import { disclosureControl } from '../statistics/statistic.js';

/** Thin: counts through the request's loaders (one grouped statement for a list), disclosure control from ../rules. */
export const typeResolvers: Omit<Resolvers, 'Query' | 'Mutation'> = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Agency: {
    __resolveReference: (reference) => ({ id: reference.id }),
    async deflectionsCounted(agency, _args, context) {
      const { count, keySum } = await context.loaders.deflectionsCounted.load(agency.id);
      const disclosed = discloseCount(count, keySum, context.suppressionThreshold);
      return { value: disclosed.value, suppressed: disclosed.suppressed };
    },
  },
  StatisticsResult: {
    disclosureControl: (result) => disclosureControl(result.suppressionThreshold),
  },
  DimensionValue: {
    agency: (d) => (DIMENSIONS[d.dimension].kind === 'agency' && d.value ? { id: d.value } : null),
    provider: (d) => (DIMENSIONS[d.dimension].kind === 'provider' && d.value ? { id: d.value } : null),
  },
  StateDataSet: {
    disclosureControl: (set) => disclosureControl(set.suppressionThreshold),
  },
  DigestFigure: {
    value: (f) => f.value.disclosed.value,
    suppressed: (f) => f.value.disclosed.suppressed,
    reason: (f) => f.value.disclosed.reason,
  },
  CrisisIncident: {
    agency: (incident) => ({ id: incident.agencyId }),
  },
  CrisisMonthStatus: {
    agency: (status) => ({ id: status.agencyId }),
  },
  CrisisSubmission: {
    agency: (submission) => ({ id: submission.agencyId }),
    submittedBy: (submission) => ({ id: submission.submittedById }),
    late: (submission) => illinoisDate(submission.submittedAt) > submission.dueOn,
    zeroReport: (submission) => submission.incidentCount === 0,
    superseded: (submission) => submission.supersededAt != null,
    csvPath: (submission) => crisisSubmissionPath(submission, 'csv'),
    jsonPath: (submission) => crisisSubmissionPath(submission, 'json'),
    async content(submission, { format }, context) {
      await context.em.populate(submission, ['incidents']);
      return crisisSubmissionContent(submission, format);
    },
  },
  CrisisStatisticsResult: {
    disclosureControl: (result) => crisisDisclosureControl(result.suppressionThreshold),
  },
  CrisisDimensionValue: {
    agency: (d) => (d.dimension === 'AGENCY' && d.value ? { id: d.value } : null),
  },
  CrisisMeasureValue: {
    value: (v) => v.disclosed.value,
    suppressed: (v) => v.disclosed.suppressed,
    reason: (v) => v.disclosed.reason,
  },
  UseOfForceIncident: {
    agency: (incident) => ({ id: incident.agencyId }),
  },
  UseOfForceSubmission: {
    agency: (submission) => ({ id: submission.agencyId }),
    submittedBy: (submission) => (submission.submittedById ? { id: submission.submittedById } : null),
    zeroReport: (submission) => submission.incidentCount === 0,
    superseded: (submission) => submission.supersededAt != null,
    jsonPath: (submission) => useOfForceSubmissionPath(submission),
    async content(submission, _args, context) {
      await context.em.populate(submission, ['incidents']);
      return useOfForceSubmissionContent(submission);
    },
  },
  MeasureValue: {
    value: (v) => v.disclosed.value,
    suppressed: (v) => v.disclosed.suppressed,
    reason: (v) => v.disclosed.reason,
  },
};
