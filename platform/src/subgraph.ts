import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { EntityManager, Options } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { createSubgraphOrm, type MigrationClass, type SubgraphOrm } from './db/orm.js';
import { sealAppendOnlyTables, subgraphDatabase } from './db/roles.js';
import { demoHistory, type DemoHistory } from './demo/history.js';
import type { Actor } from './identity/actor.js';
import { auditPlugin, recordRefusedToken, requestAudit, RequestAudit, SIGN_IN_FAILURES_PATH, signInFailureRoute } from './audit/index.js';
import type { JWK } from 'jose';
import { InternalTokenVerifier, type OnwardTokens } from './identity/internal-token.js';
import type { RouteHandler, RunningServer } from './server/http.js';
import { startSubgraphServer } from './server/subgraph-server.js';
import { subgraphPort, type SubgraphName } from './topology.js';

type Env = Record<string, string | undefined>;

/** What every subgraph folder exports from `src/index.ts`: the four read alike, so one teaches the others. */
export interface SubgraphDefinition<C extends object> {
  name: SubgraphName;
  /** The subgraph's schema, built from its SDL and resolvers, with its access rules and input limits in front. */
  schema: GraphQLSchema;
  entities: NonNullable<Options['entities']>;
  migrations: MigrationClass[];
  /** Tables besides the audit trail that the subgraph's role may only append to (history, disclosure logs). */
  appendOnlyTables?: readonly string[];
  /**
   * Builds a request's context. `onward` holds the gateway-signed tokens the request came with for the subgraphs
   * this one may ask (SUBGRAPH_CALLS): it presents them when it asks for data (through the graph, never their
   * tables), acting for the caller.
   */
  createContext(args: { actor: Actor | null; onward: OnwardTokens; audit: RequestAudit; em: EntityManager; orm: SubgraphOrm; env: Env }): C;
  /** Loads the demo data set; called only when the subgraph's tables are empty. */
  seedDemoData(em: EntityManager, demo: DemoSeed): Promise<void>;
  hasData(em: EntityManager): Promise<boolean>;
  /** Extra HTTP routes (for example an event inbox), each doing its own authentication. */
  routes?(orm: SubgraphOrm, env: Env): Record<string, RouteHandler>;
  /** Reads and validates this subgraph's own settings at start-up; a wrong value throws a ConfigError. */
  validateConfig?(env: Env): void;
  /**
   * Apollo Server plugins of this subgraph (for example one that adds a notice to responses). Typed for any
   * context, so the four definitions fit one list; a plugin narrows to its own subgraph's context with a guard.
   */
  plugins?: ApolloServerPlugin<BaseContext>[];
  /** Background work tied to the process lifetime (for example an outbox relay); returns a stopper. */
  background?(orm: SubgraphOrm, env: Env): () => Promise<void>;
}

/** What a subgraph's demo seed loads besides its fixtures. */
export interface DemoSeed {
  /** One clock reading for every subgraph of a run, so their demo records agree on what happened when. */
  now: Date;
  /** A year of history before `now` for the subgraphs that keep part of it (cases, treatment), or null for none. */
  history: DemoHistory | null;
}

/** The database side of a subgraph: enough to migrate and seed it, whatever its resolvers' context. */
export type SubgraphDataDefinition = Pick<SubgraphDefinition<object>, 'name' | 'entities' | 'migrations' | 'seedDemoData' | 'hasData' | 'appendOnlyTables'>;

/**
 * With the admin connection, after migrations (and the demo seed): the audit trail and the subgraph's other
 * append-only tables become insert-only for its role.
 */
export async function sealSubgraphTables(adminUrl: string, definition: SubgraphDataDefinition, database = subgraphDatabase(definition.name)): Promise<void> {
  await sealAppendOnlyTables(adminUrl, database, ['audit_record', ...(definition.appendOnlyTables ?? [])]);
}

export interface RunningSubgraph {
  name: SubgraphName;
  server: RunningServer;
  orm: SubgraphOrm;
  stop(): Promise<void>;
}

export async function openSubgraphOrm(definition: SubgraphDataDefinition, databaseUrl: string): Promise<SubgraphOrm> {
  return createSubgraphOrm({
    url: databaseUrl,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
  });
}

export interface PrepareOptions {
  seed: boolean;
  /** Also load a year of demo history (about 900 deflections); off unless asked, since tests count the fixtures. */
  history?: boolean;
  /** Defaults to the time of the call; give one for all subgraphs of a run. */
  now?: Date;
  /** Told just before the demo data is loaded (after migrations), to show progress. */
  onSeeding?: () => void;
}

/** Applies pending migrations and, when the subgraph holds no data yet, the demo data set. */
export async function prepareSubgraphData(definition: SubgraphDataDefinition, orm: SubgraphOrm, options: PrepareOptions): Promise<{ migrations: string[]; seeded: boolean }> {
  const migrations = await orm.migrate();
  let seeded = false;
  if (options.seed) {
    const em = orm.fork();
    if (!(await definition.hasData(em))) {
      options.onSeeding?.();
      const now = options.now ?? new Date();
      const demo: DemoSeed = { now, history: options.history ? demoHistory(now) : null };
      await em.transactional((tx) => definition.seedDemoData(tx, demo));
      seeded = true;
    }
  }
  return { migrations, seeded };
}

export async function runSubgraph<C extends object>(
  definition: SubgraphDefinition<C>,
  options: {
    databaseUrl: string;
    /** The gateway's public key: the subgraph accepts tokens it signed for this subgraph alone. */
    gatewayKey: JWK;
    port?: number;
    host?: string;
    env?: Env;
    orm?: SubgraphOrm;
  },
): Promise<RunningSubgraph> {
  const env = options.env ?? process.env;
  definition.validateConfig?.(env);
  const orm = options.orm ?? (await openSubgraphOrm(definition, options.databaseUrl));
  const verifier = await InternalTokenVerifier.fromJwk(options.gatewayKey, definition.name);
  const server = await startSubgraphServer<C>({
    name: definition.name,
    schema: definition.schema,
    port: options.port ?? subgraphPort(definition.name, env),
    host: options.host,
    verifier,
    createContext: (actor, onward, request) => definition.createContext({ actor, onward, audit: requestAudit(definition.name, actor, request), em: orm.fork(), orm, env }),
    healthy: async () => {
      await orm.orm.em.fork().getConnection().execute('select 1');
      return true;
    },
    onRefusedToken: (req, reason) => recordRefusedToken(definition.name, orm, req.socket.remoteAddress ?? null, reason),
    routes: { ...definition.routes?.(orm, env), [SIGN_IN_FAILURES_PATH]: signInFailureRoute(definition.name, orm, verifier) },
    plugins: [auditPlugin(orm), ...(definition.plugins ?? [])],
  });
  const stopBackground = definition.background?.(orm, env);
  return {
    name: definition.name,
    server,
    orm,
    async stop() {
      await stopBackground?.();
      await server.close();
      if (!options.orm) await orm.close();
    },
  };
}
