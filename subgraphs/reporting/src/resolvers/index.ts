import type { Resolvers } from '../generated/resolvers-types.js';
import { Query } from './query.js';
import { typeResolvers } from './types.js';

/** Reporting has no mutations: its facts change only through the events other subgraphs publish. */
export const resolvers: Resolvers = { ...typeResolvers, Query };
