import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { CallerTokenVerifier, DevIssuer, InternalTokenSigner, InvalidCallerToken, type SigningKeyPair } from '@hub/platform/identity';
import { HttpError, type RouteHandler, type RunningServer, sendJson, startHttpServer } from '@hub/platform/server';
import { isSubgraphName, type SubgraphName } from '@hub/platform/topology';
import type { Actor, InternalCredentials } from '@hub/platform/identity';
import type { GatewayConfig } from './config.js';
import { DEV_JWKS_PATH } from './config.js';
import type { GatewayContext } from './context.js';
import { devSignInRoutes } from './dev-sign-in.js';
import { crisisSubmissionExport } from './exports/crisis-submission-route.js';
import { stateDataSetExport } from './exports/state-data-set-route.js';
import { useOfForceSubmissionExport } from './exports/use-of-force-submission-route.js';
import { loadExplorer } from './explorer/explorer.js';
import { loadConsole } from './console/console.js';
import { TrustedDocuments } from './trusted-documents.js';
import { gatewayHealth } from './health.js';
import { operationResolution } from './operation-resolution.js';
import { parseOptions, queryCost, requestLimitRules } from './request-limits.js';
import { corsFor } from './cors.js';
import { gatewayFormatError, tokenRefused } from './client-errors.js';
import { reportSignInFailure, requestIdOf } from './sign-in-audit.js';
import { IdentityRules } from './identity-policy.js';
import { rateLimits } from './rate-limits.js';
import { keepAliveFetcher } from './subgraph-fetcher.js';
import { SignedSubgraphDataSource } from './subgraph-data-source.js';
import { signAhead } from './sign-ahead.js';

export interface GatewayOptions {
  config: GatewayConfig;
  supergraphSdl: string;
  /** The gateway's own key: it signs the identity it forwards to subgraphs. */
  internalKey: SigningKeyPair;
  /** In dev mode, the public key of the development issuer, served as a JWKS. */
  devIssuerPublicKey?: SigningKeyPair['publicJwk'];
  /** In dev mode, the development issuer's private key: the explorer's persona picker gets its tokens from it. */
  devIssuerPrivateKey?: SigningKeyPair['privateJwk'];
}

export async function readSupergraph(file = new URL('../../schema/supergraph.graphql', import.meta.url)): Promise<string> {
  return readFile(file, 'utf8');
}

export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const { config } = options;
  // One keep-alive HTTP client for every subgraph call this gateway makes, closed with it.
  const http = keepAliveFetcher({ timeoutMs: config.subgraphTimeoutMs });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      if (!isSubgraphName(name)) throw new Error(`The supergraph names a subgraph the hub does not know: ${name}`);
      return new SignedSubgraphDataSource({ name, url: config.subgraphUrls[name], timeoutMs: config.subgraphTimeoutMs, fetcher: http.fetcher });
    },
    experimental_didResolveQueryPlan: signAhead,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: gatewayFormatError,
    validationRules: requestLimitRules(config.requestLimits),
    parseOptions: parseOptions(config.requestLimits),
    introspection: config.introspection,
    // "Did you mean …" suggestions and the names of expected types: a map of the schema for whoever probes it.
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    // The process stops on its own signal handler (stopOnSignals), once. Apollo's handler would race it, and a
    // second concurrent stop() waits forever: Apollo Server 5.5.1 resolves its stop barrier only when stopping fails.
    stopOnTerminationSignals: false,
    // Apollo's automatic persisted queries would let any server register text under a hash a browser then runs,
    // around HUB_TRUSTED_DOCUMENTS=only; the hub's registered operations are its manifest, nothing else.
    persistedQueries: false,
    plugins: [
      operationResolution,
      queryCost(config.requestLimits),
      rateLimits(config.rateLimits),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              response.http.headers.set('x-request-id', contextValue.requestId);
              if (!contextValue.redisclosureNotice || response.body.kind !== 'single') return;
              response.body.singleResult.extensions = { ...response.body.singleResult.extensions, redisclosureNotice: contextValue.redisclosureNotice };
            },
          };
        },
      },
      // The gateway serves its own explorer (see startHttpServer's landingPage); Apollo's pages load from a CDN.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  const signer = await InternalTokenSigner.fromJwk(options.internalKey.privateJwk);
  const routes: Record<string, RouteHandler> = { '/health': gatewayHealth(config.subgraphUrls) };
  if (config.authMode === 'dev' && options.devIssuerPublicKey) {
    const jwks = { keys: [options.devIssuerPublicKey] };
    routes[DEV_JWKS_PATH] = (_req, res) => sendJson(res, 200, jwks);
  }
  const devIssuer =
    config.authMode === 'dev' && options.devIssuerPrivateKey ? await DevIssuer.create(options.devIssuerPrivateKey, config.issuer, config.audience) : null;
  if (devIssuer) Object.assign(routes, devSignInRoutes(devIssuer));
  const explorer = config.explorer ? await loadExplorer({ devSignIn: devIssuer !== null }) : null;
  if (explorer) Object.assign(routes, explorer.routes);
  const loaded = config.console.enabled ? await loadConsole(config) : null;
  const partnerConsole = loaded && 'page' in loaded ? loaded : null;
  if (loaded && 'missing' in loaded) console.warn(`[gateway] the partner console is not served: ${loaded.missing}`);
  if (partnerConsole) Object.assign(routes, partnerConsole.routes);
  const trustedDocuments = await TrustedDocuments.load(config.trustedDocuments);
  // In dev mode the JWKS is the gateway's own endpoint, known once it listens; fetched over HTTP all the same,
  // so development exercises the code path production uses with a real identity provider.
  const identityRules = new IdentityRules(config.identityPolicy);
  let verifier: CallerTokenVerifier | null = config.jwksUrl
    ? new CallerTokenVerifier({ issuer: config.issuer, audience: config.audience, jwksUrl: config.jwksUrl })
    : null;
  const contextOf = (req: IncomingMessage, actor: Actor | null): GatewayContext => {
    const made = new Map<SubgraphName, Promise<InternalCredentials>>();
    const requestId = requestIdOf(req);
    const deadline = Date.now() + config.requestLimits.timeoutMs;
    const clientAddress = req.socket.remoteAddress ?? 'unknown';
    return {
      actor,
      clientAddress,
      requestId,
      deadline,
      credentialsFor(subgraph, operation, kind) {
        let credentials = made.get(subgraph);
        if (!credentials) made.set(subgraph, (credentials = signer.credentialsFor(actor, subgraph, { requestId, clientAddress, operation }, kind)));
        return credentials;
      },
    };
  };
  const contextFor = async (req: IncomingMessage): Promise<GatewayContext> => {
    const header = req.headers.authorization;
    if (!header) return contextOf(req, null);
    const token = header.match(/^Bearer (.+)$/i)?.[1];
    if (!token || !verifier) throw new HttpError(401, 'UNAUTHENTICATED', 'Authorization must be "Bearer <token>".');
    try {
      const { actor, signIn } = await verifier.verify(token);
      identityRules.enforce(signIn);
      return contextOf(req, actor);
    } catch (error) {
      if (error instanceof InvalidCallerToken) {
        await reportSignInFailure({ signer, agenciesUrl: config.subgraphUrls.agencies, requestId: requestIdOf(req), clientAddress: req.socket.remoteAddress ?? 'unknown', reason: error.detail ?? error.message });
        throw tokenRefused(error, config.production);
      }
      throw error;
    }
  };
  routes['/exports/state-data-set.csv'] = stateDataSetExport(apollo, contextFor, 'csv');
  routes['/exports/state-data-set.json'] = stateDataSetExport(apollo, contextFor, 'json');
  routes['/exports/crisis-submission.csv'] = crisisSubmissionExport(apollo, contextFor, 'csv');
  routes['/exports/crisis-submission.json'] = crisisSubmissionExport(apollo, contextFor, 'json');
  routes['/exports/use-of-force-submission.json'] = useOfForceSubmissionExport(apollo, contextFor);
  const server = await startHttpServer<GatewayContext>({
    port: config.port,
    host: config.host,
    apollo,
    routes,
    // The console answers a browser at `/`, the explorer at /graphql (and at `/` when there is no console).
    landingPage: (req, res) => (partnerConsole && new URL(req.url ?? '/', 'http://localhost').pathname === '/' && partnerConsole.page(req, res)) || (explorer?.landingPage(req, res) ?? false),
    pages: (req, res) => partnerConsole?.page(req, res) ?? false,
    buildContext: contextFor,
    before: corsFor(config.allowedOrigins),
    prepareRequest: (body, search, req) => {
      if (req.method === 'GET') trustedDocuments.checkGet(search, req);
      return trustedDocuments.resolve(body, req);
    },
  });
  if (!verifier) verifier = new CallerTokenVerifier({ issuer: config.issuer, audience: config.audience, jwksUrl: new URL(DEV_JWKS_PATH, server.url) });
  return {
    ...server,
    async close() {
      await server.close();
      await apollo.stop();
      await http.close();
    },
  };
}
