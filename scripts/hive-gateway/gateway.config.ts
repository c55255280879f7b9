/**
 * Hive Gateway serving the hub's supergraph (schema/supergraph.graphql) in front of the same subgraphs as our own
 * gateway, with the same identity rules (see signing-plugin.ts). Started by start.ts, or by hand:
 *
 *   node node_modules/@graphql-hive/gateway/dist/bin.js supergraph schema/supergraph.graphql \
 *     --config-path scripts/hive-gateway/gateway.config.ts
 *
 * Hive loads this TypeScript file (and the hub's TypeScript modules it imports) through its own transpiler, the
 * `@graphql-hive/importer` module hooks its CLI registers; nothing is compiled beforehand.
 *
 * Configured by the environment our gateway reads (gateway/src/config.ts):
 *   AUTH_MODE, AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL, AUTH_REQUIRE_MFA, AUTH_MAX_TOKEN_AGE_MINUTES, AUTH_IDLE_MINUTES,
 *   NODE_ENV, HUB_HOST, HUB_INTROSPECTION, HUB_ALLOWED_ORIGINS, and <NAME>_URL for each subgraph (which replace the
 *   supergraph's join__graph URLs);
 * the gateway's signing key as the hub keeps it (platform/src/runtime.ts): HUB_GATEWAY_SIGNING_JWK, else the key
 *   file in HUB_DATA_DIR;
 * in development (AUTH_MODE=dev) the development issuer's public key: HUB_DEV_ISSUER_PUBLIC_JWK, else the key file
 *   in HUB_DATA_DIR (what `npm run token` signs with), served by this gateway at /dev-issuer/jwks.json;
 * and PORT (Hive's own variable, default 4100, so it runs beside our gateway on 4000).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@graphql-hive/gateway';
import type { JWK } from 'jose';
import { readJson, readPort } from '@hub/platform/config';
import { loadOrCreateKeyPair } from '@hub/platform/identity';
import { devIssuerKeyFile, gatewayKeyPair } from '@hub/platform/runtime';
import { SUBGRAPH_NAMES } from '@hub/platform/topology';
import { readGatewayConfig } from '../../gateway/src/config.js';
import { hubIdentity } from './signing-plugin.js';

const env = process.env;
const config = readGatewayConfig(env);
const port = readPort('PORT', 4100, env);
const graphqlEndpoint = '/graphql';
/** Where this gateway reaches itself (for the development JWKS it serves). */
const ownHost = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;

async function devIssuerPublicKey(): Promise<JWK> {
  const { d: _private, ...publicJwk } = readJson<JWK>('HUB_DEV_ISSUER_PUBLIC_JWK', env) ?? (await loadOrCreateKeyPair(devIssuerKeyFile(env), 'dev-issuer-1')).publicJwk;
  return publicJwk;
}

const identity = await hubIdentity({
  config,
  gatewayPrivateJwk: (await gatewayKeyPair(env)).privateJwk,
  devIssuer: config.authMode === 'dev' ? { publicJwk: await devIssuerPublicKey(), ownUrl: `http://${ownHost}:${port}` } : undefined,
  graphqlEndpoint,
});

export const gatewayConfig = defineConfig({
  supergraph: fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)),
  port,
  host: config.host,
  graphqlEndpoint,
  // Each subgraph where the hub's configuration says it is, whatever URL the composed supergraph recorded.
  transportEntries: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { location: config.subgraphUrls[name] }])),
  propagateHeaders: identity.propagateHeaders,
  plugins: () => [identity.plugin],
  // The request id is the hub's (signed into the internal tokens, in X-Request-Id); Hive's own would pass a
  // client-sent X-Request-Id on to the subgraphs.
  requestId: false,
  // Errors name no subgraph: the hub's internal layout is nobody's business outside it (as gateway/src/client-errors.ts).
  subgraphErrors: { subgraphNameProp: false },
  // Nothing our gateway does not do either: no response cache (none configured), no HTTP request batching, no
  // GraphiQL or landing page, no WebSockets (the supergraph has no subscriptions). Introspection as
  // HUB_INTROSPECTION says. Keep-alive, fetch, timeouts and the batching of one request's calls to a subgraph stay
  // as Hive ships them.
  batching: false,
  disableWebsockets: true,
  graphiql: false,
  landingPage: false,
  ...(config.introspection ? {} : { disableIntrospection: {} }),
  cors: config.allowedOrigins.length > 0 ? { origin: config.allowedOrigins } : false,
});
