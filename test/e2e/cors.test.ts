import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readGatewayConfig } from '@hub/gateway';
import { startTestHub, type TestHub } from '../support/hub.js';

/** A partner frontend on another origin calls the hub from a browser; other origins get no CORS headers. */
let hub: TestHub;
const PARTNER = 'https://partner.example.org';

beforeAll(async () => {
  hub = await startTestHub({ env: { HUB_ALLOWED_ORIGINS: `${PARTNER}, https://other.example.org` } });
});

afterAll(async () => {
  await hub?.stop();
});

const preflight = (origin: string) =>
  fetch(hub.gatewayUrl, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });

describe('CORS for partner frontends (HUB_ALLOWED_ORIGINS)', () => {
  it('answers an allowed origin’s preflight with its origin, the headers a client sends, and no credentials', async () => {
    const response = await preflight(PARTNER);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PARTNER);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the allowed origin read the answer to its query', async () => {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { origin: PARTNER, 'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor('officer')}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(PARTNER);
  });

  it('gives any other origin no CORS headers, and keeps refusing simple cross-site requests (CSRF prevention)', async () => {
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${hub.gatewayUrl}?query=${encodeURIComponent('{ me { id } }')}`, { headers: { origin: 'https://evil.example.com' } });
    expect(simple.status).toBe(400);
  });

  it('refuses to start with an allowed origin that is not one, naming the variable', () => {
    expect(() => readGatewayConfig({ HUB_ALLOWED_ORIGINS: 'https://partner.example.org/app' })).toThrow(/HUB_ALLOWED_ORIGINS/);
    expect(() => readGatewayConfig({ HUB_ALLOWED_ORIGINS: '*' })).toThrow(/HUB_ALLOWED_ORIGINS/);
  });
});
