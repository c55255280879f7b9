import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGatewayConfig, readSupergraph, startGateway } from '@hub/gateway';
import { freePort } from '@hub/platform/db';
import { findPersona } from '@hub/platform/demo';
import { OutboxEvent } from '@hub/platform/events';
import { DevIssuer, generateSigningKeyPair, InternalTokenSigner, type SigningKeyPair } from '@hub/platform/identity';
import { type RunningServer } from '@hub/platform/server';
import { type RunningSubgraph, runSubgraph } from '@hub/platform/subgraph';
import { type SubgraphName } from '@hub/platform/topology';
import { createTestDatabase, type TestDatabase } from '@hub/platform/testing';
import { DEFAULT_AUDIENCE, DEV_ISSUER, DEV_JWKS_PATH } from '../../gateway/src/config.js';
import { HUB_SUBGRAPHS } from '../../scripts/hub-subgraphs.js';

/**
 * The whole hub for end-to-end tests: a fresh seeded database, the four subgraphs and the gateway as real HTTP
 * servers on free ports, with keys made for this run. Tests talk to it over HTTP only.
 */
export interface TestHub {
  gatewayUrl: string;
  subgraphUrl(name: SubgraphName): string;
  db: TestDatabase;
  subgraphs: RunningSubgraph[];
  tokenFor(persona: string, overrides?: { issuer?: DevIssuer }): Promise<string>;
  issuer: DevIssuer;
  /** The hub's gateway key and development issuer key, for another gateway in front of the same subgraphs. */
  keys: { gateway: SigningKeyPair; issuer: SigningKeyPair };
  /** Signs internal tokens with this hub's gateway key, as the gateway does (to test what subgraphs accept). */
  internalSigner: InternalTokenSigner;
  /** The hub's own issuer key, with other claims policy (to test audience checks). */
  issuerWith(options: { audience: string }): Promise<DevIssuer>;
  gql<T = Record<string, unknown>>(query: string, options?: { token?: string | null; variables?: Record<string, unknown> }): Promise<GqlResponse<T>>;
  /** The data of an operation sent with this token; any error fails the test, with the errors in its message. */
  ok<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * Another gateway in front of the same subgraphs, with the same internal key, configured by `env` on top of the
   * hub's (for example NODE_ENV=production). Its callers' tokens come from the hub's issuer, through its JWKS.
   * The caller closes it.
   */
  startGateway(env: Record<string, string>): Promise<RunningServer & { graphqlUrl: string }>;
  /** Waits until every event the publishers (cases, treatment) committed has reached reporting. */
  eventsDelivered(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface GqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function postGraphQL<T>(url: string, query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}): Promise<GqlResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GqlResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** `history` adds the demo year (about 900 deflections) to the fixtures; most tests count the fixtures alone. */
/**
 * `connectThrough` gives a subgraph its own connection at another address (a TcpProxy's, to cut its database off);
 * the others share the test database's pool.
 */
export async function startTestHub(
  options: { env?: Record<string, string>; history?: boolean; now?: Date; connectThrough?: Partial<Record<SubgraphName, { host: string; port: number }>> } = {},
): Promise<TestHub> {
  const db = await createTestDatabase(HUB_SUBGRAPHS, { seed: true, history: options.history ?? false, now: options.now });
  const gatewayKey = await generateSigningKeyPair('gateway-test');
  const issuerKey = await generateSigningKeyPair('issuer-test');
  const ports = Object.fromEntries(await Promise.all(HUB_SUBGRAPHS.map(async (s) => [s.name, await freePort()] as const))) as Record<SubgraphName, number>;
  const env: Record<string, string> = {
    HUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-e2e-')),
    HUB_EVENTS_SECRET: 'test-events-secret-with-at-least-32-characters',
    REPORTING_EVENTS_URL: `http://127.0.0.1:${ports.reporting}/events`,
    OUTBOX_POLL_MS: '100',
    // Tests ask far more than a person would in a minute; the limits' own test sets them low.
    RATE_LIMIT_PERSON_LOOKUPS: '100000',
    RATE_LIMIT_STATISTICS: '100000',
    RATE_LIMIT_QUICK_REFERRALS: '100000',
    GATEWAY_PORT: '0',
    ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${port}/graphql`])),
    ...options.env,
  };
  const subgraphs: RunningSubgraph[] = [];
  for (const definition of HUB_SUBGRAPHS) {
    const through = options.connectThrough?.[definition.name];
    const databaseUrl = new URL(db.urlFor(definition.name));
    if (through) Object.assign(databaseUrl, { hostname: through.host, port: String(through.port) });
    subgraphs.push(
      await runSubgraph(definition, { databaseUrl: databaseUrl.toString(), gatewayKey: gatewayKey.publicJwk, port: ports[definition.name], env, orm: through ? undefined : db.orm(definition.name) }),
    );
  }
  const gateway: RunningServer = await startGateway({
    config: readGatewayConfig(env),
    supergraphSdl: await readSupergraph(),
    internalKey: gatewayKey,
    devIssuerPublicKey: issuerKey.publicJwk,
    devIssuerPrivateKey: issuerKey.privateJwk,
  });
  const issuer = await DevIssuer.create(issuerKey.privateJwk, DEV_ISSUER, DEFAULT_AUDIENCE);
  const gatewayUrl = `${gateway.url}/graphql`;
  return {
    gatewayUrl,
    subgraphUrl: (name) => `http://127.0.0.1:${ports[name]}/graphql`,
    db,
    subgraphs,
    issuer,
    keys: { gateway: gatewayKey, issuer: issuerKey },
    internalSigner: await InternalTokenSigner.fromJwk(gatewayKey.privateJwk),
    issuerWith: ({ audience }) => DevIssuer.create(issuerKey.privateJwk, DEV_ISSUER, audience),
    async tokenFor(persona, overrides = {}) {
      const found = findPersona(persona);
      if (!found) throw new Error(`no persona ${persona}`);
      return (overrides.issuer ?? issuer).issue(found.actor);
    },
    async gql<T>(query: string, { token, variables }: { token?: string | null; variables?: Record<string, unknown> } = {}) {
      return postGraphQL<T>(gatewayUrl, query, token ? { authorization: `Bearer ${token}` } : {}, variables);
    },
    async ok<T>(token: string, query: string, variables: Record<string, unknown> = {}) {
      const result = await postGraphQL<T>(gatewayUrl, query, { authorization: `Bearer ${token}` }, variables);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!;
    },
    async startGateway(extra) {
      const other = await startGateway({
        config: readGatewayConfig({
          ...env,
          AUTH_MODE: 'oidc',
          AUTH_ISSUER: DEV_ISSUER,
          AUTH_JWKS_URL: new URL(DEV_JWKS_PATH, gateway.url).toString(),
          HUB_GATEWAY_SIGNING_JWK: JSON.stringify(gatewayKey.privateJwk),
          ...extra,
        }),
        supergraphSdl: await readSupergraph(),
        internalKey: gatewayKey,
      });
      return { ...other, graphqlUrl: `${other.url}/graphql` };
    },
    async eventsDelivered(timeoutMs = 30_000) {
      const waiting = async () => (await Promise.all((['cases', 'treatment'] as const).map((name) => db.orm(name).fork().count(OutboxEvent, { publishedAt: null })))).reduce((a, b) => a + b, 0);
      const deadline = Date.now() + timeoutMs;
      while ((await waiting()) > 0) {
        if (Date.now() > deadline) throw new Error(`the outboxes did not drain within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      await gateway.close();
      for (const subgraph of subgraphs.reverse()) await subgraph.stop();
      await db.drop();
    },
  };
}
