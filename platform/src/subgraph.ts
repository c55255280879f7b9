import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { EntityManager, Options } from '@mikro-orm/postgresql';
import type { DocumentNode } from 'graphql';
import { readPort } from './config.js';
import { createSubgraphOrm, type MigrationClass, type SubgraphOrm } from './db/orm.js';
import type { Actor } from './identity/actor.js';
import type { InternalTokenVerifier } from './identity/internal-token.js';
import type { RouteHandler, RunningServer } from './server/http.js';
import { startSubgraphServer } from './server/subgraph-server.js';

export const SUBGRAPH_NAMES = ['agencies', 'cases', 'treatment', 'reporting'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** What every subgraph folder exports from `src/index.ts`: the four read alike, so one teaches the others. */
export interface SubgraphDefinition<C extends object> {
  name: SubgraphName;
  defaultPort: number;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<C>;
  entities: NonNullable<Options['entities']>;
  migrations: MigrationClass[];
  /**
   * Builds a request's context. `token` is the gateway-signed identity the request came with: a subgraph that
   * asks another subgraph for data (through the graph, never its tables) forwards it, acting for the caller.
   */
  createContext(args: { actor: Actor | null; token: string | null; em: EntityManager; orm: SubgraphOrm; env: Record<string, string | undefined> }): C;
  /** Loads the demo data set; called only when the subgraph's tables are empty. */
  seedDemoData(em: EntityManager): Promise<void>;
  hasData(em: EntityManager): Promise<boolean>;
  /** Extra HTTP routes (for example an event inbox), each doing its own authentication. */
  routes?(orm: SubgraphOrm, env: Record<string, string | undefined>): Record<string, RouteHandler>;
  /** Reads and validates this subgraph's own settings at start-up; a wrong value throws a ConfigError. */
  validateConfig?(env: Record<string, string | undefined>): void;
  /** Apollo Server plugins of this subgraph (for example one that adds a notice to responses). */
  plugins?: ApolloServerPlugin<C>[];
  /** Background work tied to the process lifetime (for example an outbox relay); returns a stopper. */
  background?(orm: SubgraphOrm, env: Record<string, string | undefined>): () => Promise<void>;
}

/** The database side of a subgraph: enough to migrate and seed it, whatever its resolvers' context. */
export type SubgraphDataDefinition = Pick<SubgraphDefinition<object>, 'name' | 'entities' | 'migrations' | 'seedDemoData' | 'hasData'>;

export function subgraphPortVariable(name: SubgraphName): string {
  return `${name.toUpperCase()}_PORT`;
}

export function subgraphUrlVariable(name: SubgraphName): string {
  return `${name.toUpperCase()}_URL`;
}

export function subgraphDatabaseUrlVariable(name: SubgraphName): string {
  return `${name.toUpperCase()}_DATABASE_URL`;
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

/** Applies pending migrations and, when the subgraph holds no data yet, the demo data set. */
export async function prepareSubgraphData(
  definition: SubgraphDataDefinition,
  orm: SubgraphOrm,
  options: { seed: boolean },
): Promise<{ migrations: string[]; seeded: boolean }> {
  const migrations = await orm.migrate();
  let seeded = false;
  if (options.seed) {
    const em = orm.fork();
    if (!(await definition.hasData(em))) {
      await em.transactional((tx) => definition.seedDemoData(tx));
      seeded = true;
    }
  }
  return { migrations, seeded };
}

export async function runSubgraph<C extends object>(
  definition: SubgraphDefinition<C>,
  options: {
    databaseUrl: string;
    verifier: InternalTokenVerifier;
    port?: number;
    host?: string;
    env?: Record<string, string | undefined>;
    orm?: SubgraphOrm;
  },
): Promise<RunningSubgraph> {
  const env = options.env ?? process.env;
  definition.validateConfig?.(env);
  const orm = options.orm ?? (await openSubgraphOrm(definition, options.databaseUrl));
  const server = await startSubgraphServer<C>({
    name: definition.name,
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers,
    port: options.port ?? readPort(subgraphPortVariable(definition.name), definition.defaultPort, env),
    host: options.host,
    verifier: options.verifier,
    createContext: (actor, token) => definition.createContext({ actor, token, em: orm.fork(), orm, env }),
    healthy: async () => {
      await orm.orm.em.fork().getConnection().execute('select 1');
      return true;
    },
    routes: definition.routes?.(orm, env),
    plugins: definition.plugins,
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
