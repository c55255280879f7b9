import { buildSubgraphSchema } from '@apollo/subgraph';
import { relayToReporting } from '@hub/platform/events';
import { loadTypeDefs, secureSchema } from '@hub/platform/graphql';
import type { SubgraphDefinition } from '@hub/platform/subgraph';
import { createContext, type Context } from './context.js';
import { entities, migrations } from './database.js';
import { disclosureLog } from './disclosure/log.js';
import { resolvers } from './resolvers/index.js';
import { access } from './rules/access.js';
import { hasTreatment, seedTreatment } from './seed/demo-data.js';

/** The treatment subgraph's schema: its SDL and resolvers, with its access rules and input limits in front. */
export const schema = secureSchema(buildSubgraphSchema([{ typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)), resolvers }]), access, {
  // CJIS AU-2: every read of a person's record, by any door, is audited.
  audited: ['Patient', 'TreatmentEpisode', 'Consent', 'Disclosure'],
});

/** The treatment subgraph: licensed providers, capacity, closed-loop referrals and episodes under 42 CFR Part 2. */
export const treatment: SubgraphDefinition<Context> = {
  name: 'treatment',
  schema,
  entities,
  appendOnlyTables: ['disclosure'],
  migrations,
  createContext,
  seedDemoData: seedTreatment,
  hasData: hasTreatment,
  plugins: [disclosureLog],
  background: relayToReporting('treatment'),
};
