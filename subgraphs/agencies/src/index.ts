import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadTypeDefs, secureSchema } from '@hub/platform/graphql';
import type { SubgraphDefinition } from '@hub/platform/subgraph';
import { createContext, type Context } from './context.js';
import { entities, migrations } from './database.js';
import { resolvers } from './resolvers/index.js';
import { access } from './rules/access.js';
import { hasAgencies, seedAgencies } from './seed/demo-data.js';

/** The agencies subgraph's schema: its SDL and resolvers, with its access rules and input limits in front. */
export const schema = secureSchema(buildSubgraphSchema([{ typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)), resolvers }]), access, {
  // CJIS AU-2: every read of a person's record, by any door, is audited.
  audited: ['Person'],
});

/** The agencies subgraph: who the agencies, units and people are, and the plans they work under. */
export const agencies: SubgraphDefinition<Context> = {
  name: 'agencies',
  schema,
  entities,
  migrations,
  createContext,
  seedDemoData: seedAgencies,
  hasData: hasAgencies,
};
