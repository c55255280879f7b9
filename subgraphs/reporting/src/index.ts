import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadTypeDefs, secureSchema } from '@hub/platform/graphql';
import { eventsSecret } from '@hub/platform/runtime';
import type { SubgraphDefinition } from '@hub/platform/subgraph';
import { createContext, suppressionThresholdFor, type Context } from './context.js';
import { entities, migrations } from './database.js';
import { eventInbox } from './events/inbox-route.js';
import { resolvers } from './resolvers/index.js';
import { access } from './rules/access.js';
import { hasReporting, seedReporting } from './seed/demo-data.js';

/** The reporting subgraph's schema: its SDL and resolvers, with its access rules and input limits in front. */
export const schema = secureSchema(buildSubgraphSchema([{ typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)), resolvers }]), access, {
  // CJIS AU-2: every read of a person's record, by any door, is audited.
  audited: ['CrisisIncident', 'UseOfForceIncident'],
});

/** The reporting subgraph: de-identified statistics built from the events other subgraphs publish. */
export const reporting: SubgraphDefinition<Context> = {
  name: 'reporting',
  schema,
  entities,
  migrations,
  // Parsed once per environment (validated at start-up below), not on every request.
  createContext: (args) => createContext(args, suppressionThresholdFor(args.env)),
  validateConfig: (env) => void suppressionThresholdFor(env),
  seedDemoData: seedReporting,
  hasData: hasReporting,
  routes: (orm, env) => ({ '/events': eventInbox(orm, () => eventsSecret(env)) }),
};
