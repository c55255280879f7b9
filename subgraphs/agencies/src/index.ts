import { loadTypeDefs, type SubgraphDefinition } from '@hub/platform';
import { createContext, type Context } from './context.js';
import { entities, migrations } from './database.js';
import { resolvers } from './resolvers/index.js';
import { hasAgencies, seedAgencies } from './seed/demo-data.js';

/** The agencies subgraph: who the agencies, units and people are, and the plans they work under. */
export const agencies: SubgraphDefinition<Context> = {
  name: 'agencies',
  defaultPort: 4001,
  typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers: resolvers as SubgraphDefinition<Context>['resolvers'],
  entities,
  migrations,
  createContext,
  seedDemoData: seedAgencies,
  hasData: hasAgencies,
};
