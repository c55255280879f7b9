import { requireActor } from '@hub/platform';
import type { Resolvers } from '../generated/resolvers-types.js';
import { suppress } from '../rules/suppression.js';

export const resolvers: Resolvers = {
  Query: {
    suppressionThreshold: (_parent, _args, context) => context.suppressionThreshold,
  },
  Agency: {
    __resolveReference: (reference, context) => {
      requireActor(context);
      return { id: reference.id };
    },
    async deflectionsCounted(agency, _args, context) {
      requireActor(context);
      return suppress(await context.loaders.deflectionsCounted.load(agency.id), context.suppressionThreshold);
    },
  },
};
