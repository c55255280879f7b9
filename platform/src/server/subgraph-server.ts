import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Actor } from '../identity/actor.js';
import type { RequestFacts } from '../identity/internal-token.js';
import { decodeOnwardTokens, InvalidInternalToken, ONWARD_TOKENS_HEADER, type InternalTokenVerifier, type OnwardTokens } from '../identity/internal-token.js';
import { subgraphsReachedFrom, type SubgraphName } from '../topology.js';
import { formatError } from './format-error.js';
import { HttpError, sendJson, startHttpServer, type RouteHandler, type RunningServer } from './http.js';

export interface SubgraphServerOptions<C extends object> {
  name: SubgraphName;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  verifier: InternalTokenVerifier;
  /** `onward`: the tokens the gateway sent for the subgraphs this one may ask, acting for the same caller. */
  createContext(actor: Actor | null, onward: OnwardTokens, request: RequestFacts): C;
  /** Answers whether the subgraph can serve (its database answers). */
  healthy(): Promise<boolean>;
  routes?: Record<string, RouteHandler>;
  /** Told of every request refused for its token (someone inside the network calling a subgraph directly). */
  onRefusedToken?(req: IncomingMessage, reason: string): Promise<void>;
  plugins?: ApolloServerPlugin<BaseContext>[];
}

/** The Apollo Server of one subgraph, configured the same way for its HTTP server and for in-process tests. */
export function subgraphApollo<C extends object>(schema: GraphQLSchema, plugins: ApolloServerPlugin<BaseContext>[] = []): ApolloServer<C> {
  return new ApolloServer<C>({
    schema,
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The process stops on its own signal handler (stopOnSignals), once. Apollo's handler would race it, and a
    // second concurrent stop() waits forever: Apollo Server 5.5.1 resolves its stop barrier only when stopping fails.
    stopOnTerminationSignals: false,
    // Subgraphs are only reached through the gateway, which has its own landing page; no Apollo Studio tracing. No
    // cache hints either: every answer depends on who asks, nothing may be cached, and the default plugin ran a hook
    // on every field of every answer (50 rows of the review queue: about a thousand a request).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...plugins],
  });
}

export async function startSubgraphServer<C extends object>(options: SubgraphServerOptions<C>): Promise<RunningServer> {
  const apollo = subgraphApollo<C>(options.schema, options.plugins);
  await apollo.start();
  const health: RouteHandler = async (_req, res) => {
    const ok = await options.healthy().catch(() => false);
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', subgraph: options.name });
  };
  const running = await startHttpServer<C>({
    port: options.port,
    host: options.host,
    apollo,
    errorsAsOk: true,
    routes: { '/health': health, ...options.routes },
    async buildContext(req: IncomingMessage) {
      try {
        const { actor, request } = await options.verifier.verifyRequest(req.headers.authorization);
        return options.createContext(actor, decodeOnwardTokens(req.headers[ONWARD_TOKENS_HEADER], subgraphsReachedFrom(options.name)), request);
      } catch (error) {
        if (error instanceof InvalidInternalToken) {
          await options.onRefusedToken?.(req, error.message);
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
