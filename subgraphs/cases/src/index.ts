import { eventsSecret, loadTypeDefs, OutboxRelay, readPort, readUrl, type SubgraphDefinition } from '@hub/platform';
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
  background(orm, env) {
    const target = readUrl('REPORTING_EVENTS_URL', env, ['http:', 'https:'])?.toString() ?? `http://127.0.0.1:${readPort('REPORTING_PORT', 4004, env)}/events`;
    let stop: (() => Promise<void>) | null = null;
    const starting = eventsSecret(env).then((secret) => {
      const relay = new OutboxRelay(orm.fork, { source: 'cases', targetUrl: target, targetName: 'reporting', secret });
      stop = relay.start(Number(env.OUTBOX_POLL_MS ?? 1000), () => {});
    });
    return async () => {
      await starting;
      await stop?.();
    };
  },
};
