import type { Resolvers } from '../generated/resolvers-types.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { typeResolvers } from './types.js';

/** Facts change only through the events other subgraphs publish; mutations are the agencies' own crisis reports. */
export const resolvers: Resolvers = { ...typeResolvers, Query, Mutation };
