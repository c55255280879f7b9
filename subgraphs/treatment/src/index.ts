import { loadTypeDefs, relayToReporting, type SubgraphDefinition } from '@hub/platform';
import { createContext, type Context } from './context.js';
import { entities, migrations } from './database.js';
import { redisclosureNotice } from './disclosure/redisclosure-notice.js';
import { resolvers } from './resolvers/index.js';
import { hasTreatment, seedTreatment } from './seed/demo-data.js';

/** The treatment subgraph: licensed providers, capacity, closed-loop referrals and episodes under 42 CFR Part 2. */
export const treatment: SubgraphDefinition<Context> = {
  name: 'treatment',
  defaultPort: 4003,
  typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers: resolvers as SubgraphDefinition<Context>['resolvers'],
  entities,
  migrations,
  createContext,
  seedDemoData: seedTreatment,
  hasData: hasTreatment,
  plugins: [redisclosureNotice],
  background: relayToReporting('treatment'),
};
