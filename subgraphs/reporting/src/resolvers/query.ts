import type { QueryResolvers } from '../generated/resolvers-types.js';

/** Thin: every root field passed its role gate (rules/access.ts). */
export const Query: QueryResolvers = {
  suppressionThreshold: (_parent, _args, context) => context.suppressionThreshold,
};
