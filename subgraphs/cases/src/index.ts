import { buildSubgraphSchema } from '@apollo/subgraph';
import { relayToReporting } from '@hub/platform/events';
import { loadTypeDefs, secureSchema } from '@hub/platform/graphql';
import type { SubgraphDefinition } from '@hub/platform/subgraph';
import { createContext, type Context } from './context.js';
import { entities, migrations } from './database.js';
import { resolvers } from './resolvers/index.js';
import { access } from './rules/access.js';
import { hasCases, seedCases } from './seed/demo-data.js';

/** The cases subgraph's schema: its SDL and resolvers, with its access rules and input limits in front. */
export const schema = secureSchema(buildSubgraphSchema([{ typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)), resolvers }]), access, {
  // CJIS AU-2: every read of a person's record, by any door, is audited.
  audited: ['Deflection', 'Participant', 'Incident'],
});

/** The cases subgraph: incidents and deflections, the daily work of officers, leaders and case managers. */
export const cases: SubgraphDefinition<Context> = {
  name: 'cases',
  schema,
  entities,
  appendOnlyTables: ['history_entry'],
  migrations,
  createContext,
  seedDemoData: seedCases,
  hasData: hasCases,
  background: relayToReporting('cases'),
};
