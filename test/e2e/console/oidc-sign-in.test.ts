import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import { DEMO_AGENCY as A, DEMO_PERSON as P } from '@hub/platform/demo';
import { freePort } from '@hub/platform/db';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { checkScreen, launchChromium, newContext } from '../../support/browser.js';
import { startTestHub, type TestHub } from '../../support/hub.js';

/**
 * Production sign-in, in a real browser, against a real OpenID Connect provider (panva's oidc-provider, the certified
 * implementation, on this machine): authorization code flow with PKCE from the console, a JWT access token for the
 * hub's audience carrying the hub's claims, verified by the gateway through the provider's JWKS.
 */
let hub: TestHub;
let gateway: Awaited<ReturnType<TestHub['startGateway']>>;
let provider: Server;
let browser: Browser;
const CLIENT_ID = 'hub-console';
/** A resource indicator is an absolute URI (RFC 8707), and the hub's audience is it. */
const AUDIENCE = 'urn:deflection-hub';
/** What the provider knows of each person: the hub's claims for their access tokens. */
const ACCOUNTS: Record<string, { agency_id: string; roles: string[] }> = {
  [P.trooperReyes]: { agency_id: A.ispDopTroop2, roles: ['OFFICER'] },
};

beforeAll(async () => {
  hub = await startTestHub();
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  gateway = await hub.startGateway({ AUTH_ISSUER: issuer, AUTH_JWKS_URL: `${issuer}/jwks`, AUTH_AUDIENCE: AUDIENCE, CONSOLE_OIDC_CLIENT_ID: CLIENT_ID });
  const origin = new URL(gateway.url).origin;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'none',
        id_token_signed_response_alg: 'ES256',
        redirect_uris: [`${origin}/signed-in`, `${origin}/signed-in-silently`],
        post_logout_redirect_uris: [origin],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'provider-test', alg: 'ES256', use: 'sig' }] },
    pkce: { required: () => true },
    cookies: { keys: ['a-test-cookie-key-of-some-length'] },
    clientBasedCORS: () => true,
    // Short enough that the console renews the token (a minute before expiry) while the test watches.
    ttl: { AccessToken: 65, IdToken: 65, Grant: 3_600, Session: 3_600, Interaction: 600 },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'openid profile', audience: AUDIENCE, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } }),
      },
    },
    findAccount: async (_ctx, id) => (ACCOUNTS[id] ? { accountId: id, claims: async () => ({ sub: id }) } : undefined),
    extraTokenClaims: async (_ctx, token) => ('accountId' in token && typeof token.accountId === 'string' ? (ACCOUNTS[token.accountId] ?? {}) : {}),
  });
  provider = oidc.listen(port);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (provider ? provider.close(() => resolve()) : resolve()));
  await gateway?.close();
  await hub?.stop();
});

describe('signing in to the console with OpenID Connect', () => {
  it('signs in through the provider with PKCE, keeps the token out of storage, calls the hub as the person, and signs out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const origin = new URL(gateway.url).origin;
    const authorize: string[] = [];
    const tokens: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/auth?')) authorize.push(request.url());
      const header = request.headers().authorization;
      if (request.url().endsWith('/graphql') && header) tokens.push(header);
    });
    await page.goto(`${origin}/`);
    await checkScreen(page, 'oidc-sign-in');
    await page.getByRole('button', { name: 'Sign in with your agency account' }).click();

    // The provider's own login and consent pages.
    await page.locator('input[name="login"]').fill(P.trooperReyes);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();

    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByText('Daniel Reyes', { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const asked = new URL(authorize[0]!);
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked.searchParams.get('client_id')).toBe(CLIENT_ID);
    // Always a fresh sign-in at the provider: the next officer on a shared laptop is never let in on the last one's session.
    expect(asked.searchParams.get('prompt')).toBe('login');
    const stored = await page.evaluate('JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })');
    expect(stored).toBe(JSON.stringify({ local: {}, session: {} }));

    // Renewed without leaving the page: a hidden frame asks the provider again (prompt=none), and the hub keeps
    // answering with the new token.
    await page.waitForRequest((request) => request.url().includes('/auth?') && request.url().includes('prompt=none'), { timeout: 20_000 });
    const before = new Set(tokens);
    await page.waitForTimeout(1_000);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'My referrals' }).click();
    await page.getByRole('heading', { level: 1, name: 'My referrals' }).waitFor();
    await page.getByRole('region', { name: 'Referrals' }).waitFor();
    // The screen was fetched with a token the console did not have before the renewal.
    expect(tokens.filter((t) => !before.has(t)).length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with your agency account' }).waitFor();
    await context.close();
  });
});
