import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { DocumentNode } from 'graphql';
import type { Actor } from '../identity/actor.js';
import { InvalidInternalToken, type InternalTokenVerifier } from '../identity/internal-token.js';
import { formatError } from './format-error.js';
import { HttpError, sendJson, startHttpServer, type RouteHandler, type RunningServer } from './http.js';

export interface SubgraphServerOptions<C extends object> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<C>;
  port: number;
  host?: string;
  verifier: InternalTokenVerifier;
  createContext(actor: Actor | null, token: string): C;
  /** Answers whether the subgraph can serve (its database answers). */
  healthy(): Promise<boolean>;
  routes?: Record<string, RouteHandler>;
  plugins?: ApolloServerPlugin<C>[];
}

export async function startSubgraphServer<C extends object>(options: SubgraphServerOptions<C>): Promise<RunningServer> {
  const apollo = new ApolloServer<C>({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]),
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Subgraphs are only reached through the gateway, which has its own landing page; no Apollo Studio tracing.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled(), ...(options.plugins ?? [])],
  });
  await apollo.start();
  const health: RouteHandler = async (_req, res) => {
    const ok = await options.healthy().catch(() => false);
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', subgraph: options.name });
  };
  const running = await startHttpServer<C>({
    port: options.port,
    host: options.host,
    apollo,
    routes: { '/health': health, ...options.routes },
    async buildContext(req: IncomingMessage) {
      try {
        const actor = await options.verifier.verify(req.headers.authorization);
        return options.createContext(actor, req.headers.authorization!.slice('Bearer '.length));
      } catch (error) {
        if (error instanceof InvalidInternalToken) {
          throw new HttpError(401, 'UNAUTHENTICATED', 'This subgraph only answers requests signed by the hub gateway.');
        }
        throw error;
      }
    },
  });
  return {
    ...running,
    async close() {
      await running.close();
      await apollo.stop();
    },
  };
}
