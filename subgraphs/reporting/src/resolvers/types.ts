import type { Resolvers } from '../generated/resolvers-types.js';
import { suppress } from '../rules/suppression.js';

/** Thin: counts through the request's loaders (one grouped statement for a list), suppression from ../rules. */
export const typeResolvers: Omit<Resolvers, 'Query'> = {
  Agency: {
    __resolveReference: (reference) => ({ id: reference.id }),
    deflectionsCounted: async (agency, _args, context) => suppress(await context.loaders.deflectionsCounted.load(agency.id), context.suppressionThreshold),
  },
};
