import { DateScalar, DateTimeScalar } from '@hub/platform/graphql';
import type { Resolvers } from '../generated/resolvers-types.js';
import { discloseCount } from '../rules/suppression.js';
import { DIMENSIONS } from '../statistics/catalogue.js';
import { disclosureControl } from '../statistics/statistic.js';

/** Thin: counts through the request's loaders (one grouped statement for a list), disclosure control from ../rules. */
export const typeResolvers: Omit<Resolvers, 'Query'> = {
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
  MeasureValue: {
    value: (v) => v.disclosed.value,
    suppressed: (v) => v.disclosed.suppressed,
    reason: (v) => v.disclosed.reason,
  },
};
