import { loadTypeDefs, relayToReporting, type SubgraphDefinition } from '@hub/platform';
import { createContext, type Context } from './context.js';
import { entities, migrations } from './database.js';
import { resolvers } from './resolvers/index.js';
import { hasCases, seedCases } from './seed/demo-data.js';

/** The cases subgraph: incidents and deflections, the daily work of officers, leaders and case managers. */
export const cases: SubgraphDefinition<Context> = {
  name: 'cases',
  defaultPort: 4002,
  typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers: resolvers as SubgraphDefinition<Context>['resolvers'],
  entities,
  migrations,
  createContext,
  seedDemoData: seedCases,
  hasData: hasCases,
  background: relayToReporting('cases'),
};
