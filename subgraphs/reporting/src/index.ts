import { ConfigError, eventsSecret, loadTypeDefs, type SubgraphDefinition } from '@hub/platform';
import { createContext, type Context } from './context.js';
import { entities, migrations } from './database.js';
import { DeflectionFact } from './entities/deflection-fact.entity.js';
import { eventInbox } from './events/inbox-route.js';
import { resolvers } from './resolvers/index.js';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './rules/suppression.js';

function suppressionThreshold(env: Record<string, string | undefined>): number {
  const raw = env.REPORTING_SUPPRESSION_THRESHOLD;
  const value = raw ? Number(raw) : DEFAULT_SUPPRESSION_THRESHOLD;
  if (!Number.isInteger(value) || value < 1) throw new ConfigError('REPORTING_SUPPRESSION_THRESHOLD', 'must be a whole number of at least 1');
  return value;
}

const thresholds = new WeakMap<Record<string, string | undefined>, number>();
function thresholdFor(env: Record<string, string | undefined>): number {
  let threshold = thresholds.get(env);
  if (threshold === undefined) {
    threshold = suppressionThreshold(env);
    thresholds.set(env, threshold);
  }
  return threshold;
}

/** The reporting subgraph: de-identified statistics built from the events other subgraphs publish. */
export const reporting: SubgraphDefinition<Context> = {
  name: 'reporting',
  defaultPort: 4004,
  typeDefs: loadTypeDefs(new URL('../schema.graphql', import.meta.url)),
  resolvers: resolvers as SubgraphDefinition<Context>['resolvers'],
  entities,
  migrations,
  // Parsed once per environment (validated at start-up below), not on every request.
  createContext: (args) => createContext(args, thresholdFor(args.env)),
  validateConfig: (env) => void thresholdFor(env),
  // Reporting's data arrives as events from the other subgraphs' demo data; it has nothing of its own to seed.
  seedDemoData: async () => {},
  hasData: async (em) => (await em.count(DeflectionFact, {})) > 0,
  routes: (orm, env) => ({ '/events': eventInbox(orm, () => eventsSecret(env)) }),
};
