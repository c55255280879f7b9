import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readGatewayConfig } from '@hub/gateway';
import { ConfigError } from '@hub/platform/config';
import { findPersona } from '@hub/platform/demo';
import { DevIssuer, generateSigningKeyPair } from '@hub/platform/identity';
import { checkHubProductionSettings, checkSubgraphProductionSettings } from '@hub/platform/production';
import type { RunningServer } from '@hub/platform/server';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from '../../gateway/src/config.js';
import { IdentityRules } from '../../gateway/src/identity-policy.js';
import { postGraphQL, startTestHub, type TestHub } from '../support/hub.js';

/**
 * NODE_ENV=production, through a real gateway in front of the hub's subgraphs: what a stranger can learn about the
 * schema, what an error tells them, and the CJIS identity rules (multi-factor, sign-in age, idle session).
 */
let hub: TestHub;
let production: RunningServer & { graphqlUrl: string };

const officer = findPersona('officer')!.actor;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const ask = (query: string, token?: string) => postGraphQL<Record<string, unknown>>(production.graphqlUrl, query, token ? { authorization: `Bearer ${token}` } : {});

beforeAll(async () => {
  hub = await startTestHub();
  production = await hub.startGateway({ NODE_ENV: 'production' });
}, 120_000);

afterAll(async () => {
  await production?.close();
  await hub?.stop();
});

describe('production mode hides the schema from strangers', () => {
  it('refuses introspection in production, anonymous or signed in', async () => {
    for (const token of [undefined, await hub.tokenFor('hub-admin')]) {
      const result = await ask('{ __schema { types { name } } }', token);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(result)).not.toMatch(/Consent|Patient/);
    }
    // The development gateway still answers it: the refusal is production's.
    expect((await hub.gql<{ __schema: { types: unknown[] } }>('{ __schema { types { name } } }')).data?.__schema.types.length).toBeGreaterThan(50);
  });

  it('gives no "Did you mean" suggestions in production', async () => {
    const result = await ask('{ deflectoins(first: 1) { totalCount } }', await hub.tokenFor('officer'));
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
    // Development keeps them, to help whoever writes a query.
    expect((await hub.gql('{ deflectoins(first: 1) { totalCount } }', { token: await hub.tokenFor('officer') })).errors?.[0]?.message).toMatch(/Did you mean "deflections"/);
  });

  it('serves no explorer page in production', async () => {
    const page = await fetch(production.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<html/i);
    const devPage = await fetch(hub.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await devPage.text()).toMatch(/<html/i);
  });

  it('keeps introspection for a trusted network when HUB_INTROSPECTION=true, and refuses the explorer without it', async () => {
    const trusted = await hub.startGateway({ NODE_ENV: 'production', HUB_INTROSPECTION: 'true' });
    try {
      const result = await postGraphQL<{ __schema: { types: unknown[] } }>(trusted.graphqlUrl, '{ __schema { types { name } } }');
      expect(result.data?.__schema.types.length).toBeGreaterThan(50);
    } finally {
      await trusted.close();
    }
    expect(() => readGatewayConfig({ HUB_EXPLORER: 'true', HUB_INTROSPECTION: 'false' })).toThrow(/HUB_EXPLORER/);
  });
});

describe('production errors leak no internals', () => {
  it('answers a forged token without naming the check that failed, with an error id found in the server log', async () => {
    const forger = await DevIssuer.create((await generateSigningKeyPair('someone-else')).privateJwk, DEV_ISSUER, DEFAULT_AUDIENCE);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const result = await ask('{ me { id } }', await forger.issue(officer));
      expect(result.status).toBe(401);
      const [error] = result.errors!;
      expect(error!.extensions?.code).toBe('UNAUTHENTICATED');
      expect(error!.message).not.toMatch(/signature|verification|JWKS|kid/i);
      const errorId = error!.extensions?.errorId;
      expect(typeof errorId).toBe('string');
      expect(warn.mock.calls.some((call) => String(call[0]).includes(String(errorId)))).toBe(true);
    } finally {
      warn.mockRestore();
    }
  });

  it('never names the subgraph behind an error (no serviceName), in production or development', async () => {
    // A treatment record the officer may not read: the refusal comes from the treatment subgraph.
    const query = '{ treatmentProviders(first: 1) { edges { node { id } } } deflections(first: 1) { edges { node { id } } } }';
    for (const url of [production.graphqlUrl, hub.gatewayUrl]) {
      const result = await postGraphQL(url, '{ me { id } myAgency { id } }', {});
      const forbidden = await postGraphQL(url, query, { authorization: `Bearer ${await hub.tokenFor('analyst')}` });
      for (const error of [...(result.errors ?? []), ...(forbidden.errors ?? [])]) expect(error.extensions).not.toHaveProperty('serviceName');
      expect((result.errors ?? []).length + (forbidden.errors ?? []).length).toBeGreaterThan(0);
    }
  });
});

describe('CJIS identity rules in production', () => {
  it('refuses a token without a second factor in its amr claim, and accepts one with it', async () => {
    const issuer = hub.issuer;
    const passwordOnly = await ask('{ me { id } }', await issuer.issue(officer, '1h', { methods: ['pwd'] }));
    expect(passwordOnly.status).toBe(401);
    expect(passwordOnly.errors?.[0]?.message).toMatch(/multi-factor/);
    const noClaim = await ask('{ me { id } }', await issuer.issue(officer, '1h', { methods: [] }));
    expect(noClaim.status).toBe(401);
    for (const methods of [['pwd', 'otp'], ['mfa'], ['hwk']]) {
      expect((await ask('{ me { id } }', await issuer.issue(officer, '1h', { methods }))).errors).toBeUndefined();
    }
  });

  it('refuses a sign-in older than 12 hours', async () => {
    const old = await ask('{ me { id } }', await hub.issuer.issue(officer, '1h', { at: minutesAgo(12 * 60 + 1) }));
    expect(old.status).toBe(401);
    expect(old.errors?.[0]?.message).toMatch(/more than 720 minutes old/);
    // Within the limit, and idle for no more than 30 minutes since the sign-in: accepted.
    expect((await ask('{ me { id } }', await hub.issuer.issue(officer, '1h', { at: minutesAgo(29) }))).errors).toBeUndefined();
  });

  it('refuses a session left idle for more than 30 minutes since its sign-in', async () => {
    const idle = await ask('{ me { id } }', await hub.issuer.issue(officer, '1h', { at: minutesAgo(31) }));
    expect(idle.status).toBe(401);
    expect(idle.errors?.[0]?.message).toMatch(/idle for more than 30 minutes/);
  });

  it('counts idle time from the session’s last request, and a refused session stays refused', () => {
    let now = Date.parse('2026-11-23T08:00:00Z');
    const rules = new IdentityRules({ requireMfa: false, maxTokenAgeMinutes: 0, idleMinutes: 30 }, () => now);
    const signIn = { methods: ['pwd'], at: new Date(now), session: 's1' };
    rules.enforce(signIn);
    now += 29 * 60_000;
    rules.enforce(signIn); // used again within 30 minutes: the clock starts over
    now += 29 * 60_000;
    rules.enforce(signIn); // 58 minutes after sign-in, 29 after the last request
    now += 30 * 60_000 + 1;
    expect(() => rules.enforce(signIn)).toThrow(/idle/);
    now += 1;
    expect(() => rules.enforce(signIn)).toThrow(/idle/);
    // Another session of the same person is unaffected.
    expect(() => rules.enforce({ ...signIn, at: new Date(now), session: 's2' })).not.toThrow();
  });

  it('leaves the rules off in development unless configured, and reads each limit from its variable', () => {
    expect(readGatewayConfig({}).identityPolicy).toEqual({ requireMfa: false, maxTokenAgeMinutes: 0, idleMinutes: 0 });
    const prod = { NODE_ENV: 'production', AUTH_ISSUER: 'https://idp.example.org', AUTH_JWKS_URL: 'https://idp.example.org/jwks', HUB_GATEWAY_SIGNING_JWK: '{}' };
    expect(readGatewayConfig(prod).identityPolicy).toEqual({ requireMfa: true, maxTokenAgeMinutes: 720, idleMinutes: 30 });
    expect(readGatewayConfig({ ...prod, AUTH_IDLE_MINUTES: '15', AUTH_MAX_TOKEN_AGE_MINUTES: '480' }).identityPolicy).toMatchObject({ idleMinutes: 15, maxTokenAgeMinutes: 480 });
    expect(() => readGatewayConfig({ ...prod, AUTH_IDLE_MINUTES: 'soon' })).toThrow(/AUTH_IDLE_MINUTES/);
  });
});

describe('production start-up refuses development shortcuts, naming the variable', () => {
  const refusal = (check: () => void): string => {
    try {
      check();
    } catch (error) {
      if (error instanceof ConfigError) return error.variable;
      throw error;
    }
    return 'accepted';
  };
  const subgraphEnv = {
    NODE_ENV: 'production',
    HUB_GATEWAY_PUBLIC_JWK: '{"kty":"EC"}',
    HUB_EVENTS_SECRET: 'x'.repeat(40),
    DATABASE_URL: 'postgres://hub:real-secret@db.example.org/hub',
    HUB_DB_ROLE_PASSWORD: 'a-real-role-password',
  };

  it('refuses the gateway without its own signing key', () => {
    const prod = { NODE_ENV: 'production', AUTH_ISSUER: 'https://idp.example.org', AUTH_JWKS_URL: 'https://idp.example.org/jwks' };
    expect(refusal(() => readGatewayConfig(prod))).toBe('HUB_GATEWAY_SIGNING_JWK');
    expect(refusal(() => readGatewayConfig({ ...prod, AUTH_MODE: 'dev', HUB_GATEWAY_SIGNING_JWK: '{}' }))).toBe('AUTH_MODE');
  });

  it('refuses a subgraph with missing secrets, the default role password, the embedded credentials or demo data', () => {
    expect(refusal(() => checkSubgraphProductionSettings('cases', subgraphEnv))).toBe('accepted');
    expect(refusal(() => checkSubgraphProductionSettings('cases', { ...subgraphEnv, HUB_GATEWAY_PUBLIC_JWK: '' }))).toBe('HUB_GATEWAY_PUBLIC_JWK');
    expect(refusal(() => checkSubgraphProductionSettings('cases', { ...subgraphEnv, HUB_EVENTS_SECRET: undefined }))).toBe('HUB_EVENTS_SECRET');
    expect(refusal(() => checkSubgraphProductionSettings('cases', { ...subgraphEnv, HUB_DB_ROLE_PASSWORD: undefined }))).toBe('HUB_DB_ROLE_PASSWORD');
    expect(refusal(() => checkSubgraphProductionSettings('cases', { ...subgraphEnv, HUB_DB_ROLE_PASSWORD: 'hub-dev-only' }))).toBe('HUB_DB_ROLE_PASSWORD');
    expect(refusal(() => checkSubgraphProductionSettings('cases', { ...subgraphEnv, DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:54329/hub' }))).toBe('DATABASE_URL');
    expect(refusal(() => checkSubgraphProductionSettings('cases', { ...subgraphEnv, CASES_DATABASE_URL: 'postgres://cases:hub-dev-only@db/hub' }))).toBe('CASES_DATABASE_URL');
    expect(refusal(() => checkSubgraphProductionSettings('cases', { ...subgraphEnv, SEED_DEMO_DATA: 'true' }))).toBe('SEED_DEMO_DATA');
    // None of it applies in development.
    expect(refusal(() => checkSubgraphProductionSettings('cases', { SEED_DEMO_DATA: 'true' }))).toBe('accepted');
  });

  it('refuses npm start without DATABASE_URL (the embedded database), with its default credentials, or with demo data', () => {
    expect(refusal(() => checkHubProductionSettings({ NODE_ENV: 'production' }))).toBe('DATABASE_URL');
    expect(refusal(() => checkHubProductionSettings({ NODE_ENV: 'production', DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:54329/postgres' }))).toBe('DATABASE_URL');
    expect(refusal(() => checkHubProductionSettings({ NODE_ENV: 'production', DATABASE_URL: 'postgres://admin:s3cret@db/hub', SEED_DEMO_DATA: 'yes' }))).toBe('SEED_DEMO_DATA');
    expect(refusal(() => checkHubProductionSettings({ NODE_ENV: 'production', DATABASE_URL: 'postgres://admin:s3cret@db/hub' }))).toBe('accepted');
    expect(refusal(() => checkHubProductionSettings({}))).toBe('accepted');
  });
});
