import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DEMO_AGENCY as A } from '@hub/platform/demo';
import { generateSigningKeyPair, InternalTokenSigner } from '@hub/platform/identity';
import type { SubgraphName } from '@hub/platform/topology';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * What an attacker sends, through the gateway and straight at the subgraphs: oversized and malformed bodies,
 * cross-site "simple" requests, forged and replayed internal tokens. Each gets a 4xx with a plain code, never a
 * 5xx, and nothing of the hub's insides (stack traces, file paths, library messages) in the answer.
 */
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);

afterAll(async () => {
  await hub?.stop();
});

const INTERNALS = /node_modules|\bat [\w.<>]+ \(|\.ts:\d+|stack|Postgre|mikro|SELECT |serviceName/i;

async function raw(url: string, init: RequestInit): Promise<{ status: number; text: string }> {
  const response = await fetch(url, init);
  return { status: response.status, text: await response.text() };
}

const everyDoor = (): [string, string][] => [['gateway', hub.gatewayUrl], ...(['agencies', 'cases', 'treatment', 'reporting'] as const).map((name) => [name, hub.subgraphUrl(name)] as [string, string])];

describe('bodies no server should take', () => {
  it('refuses a body over 5 MiB with 413 at the gateway and at every subgraph', async () => {
    const huge = JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(6 * 1024 * 1024) } });
    for (const [door, url] of everyDoor()) {
      const token = door === 'gateway' ? await hub.tokenFor('officer') : await hub.internalSigner.sign(null, door as SubgraphName);
      const answer = await raw(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: huge });
      expect([door, answer.status]).toEqual([door, 413]);
      expect(answer.text).not.toMatch(INTERNALS);
    }
  });

  it('refuses malformed JSON with BAD_REQUEST, naming no parser (400 at the gateway; a subgraph answers its only client, the gateway, with 200 or 400)', async () => {
    for (const [door, url] of everyDoor()) {
      const token = door === 'gateway' ? await hub.tokenFor('officer') : await hub.internalSigner.sign(null, door as SubgraphName);
      for (const body of ['{"query": "{ me { id } }"', '{"query": 42}', 'null', '[]', '\u0000\u0001']) {
        const answer = await raw(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        if (door === 'gateway') expect([body, answer.status]).toEqual([body, 400]);
        else expect([door, body, answer.status < 500]).toEqual([door, body, true]);
        expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('BAD_REQUEST');
        expect(answer.text).not.toMatch(INTERNALS);
        expect(answer.text).not.toMatch(/Unexpected token|JSON\.parse|SyntaxError/);
      }
    }
  });
});

describe('cross-site requests a browser sends without asking', () => {
  it('blocks a text/plain POST and a GET without a preflight header (CSRF prevention), answering 400', async () => {
    const token = await hub.tokenFor('officer');
    const simplePost = await raw(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(simplePost.status).toBe(400);
    expect(simplePost.text).toMatch(/CSRF/);
    const form = await raw(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B%20me%20%7B%20id%20%7D%20%7D' });
    expect(form.status).toBe(400);
    const simpleGet = await raw(`${hub.gatewayUrl}?query=${encodeURIComponent('{ me { id } }')}`, { headers: { authorization: `Bearer ${token}` } });
    expect(simpleGet.status).toBe(400);
    expect(simpleGet.text).toMatch(/CSRF/);
  });

  it('never runs a mutation sent by GET, even with the preflight header', async () => {
    const referral = 'mutation { quickReferral(input: { person: { givenName: "Get", familyName: "Request" }, pathway: SELF_REFERRAL, personInitiated: true, narrative: "x" }) { deflection { id } } }';
    const answer = await raw(`${hub.gatewayUrl}?query=${encodeURIComponent(referral)}`, {
      headers: { authorization: `Bearer ${await hub.tokenFor('officer')}`, 'apollo-require-preflight': 'true' },
    });
    expect(answer.status).toBe(405);
  });
});

describe('forged and replayed internal tokens, straight at the subgraphs', () => {
  const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { name } } }`;

  async function refusedTokensRecorded(subgraph: SubgraphName): Promise<number> {
    const client = new pg.Client({ connectionString: hub.db.adminUrl });
    await client.connect();
    try {
      return (await client.query<{ n: number }>(`select count(*)::int as n from "${subgraph}".audit_record where kind = 'SIGN_IN_FAILED' and detail like 'internal token refused%'`)).rows[0]!.n;
    } finally {
      await client.end();
    }
  }

  it('refuses a token signed by another key, and one replayed from another subgraph, with 401 that names no check — and audits both', async () => {
    const admin = { personId: 'b0000000-0000-4000-8000-000000000000', agencyId: A.icjia, roles: ['HUB_ADMINISTRATOR' as const], actingFor: null };
    const forged = await (await InternalTokenSigner.fromJwk((await generateSigningKeyPair('gateway-test')).privateJwk)).sign(admin, 'agencies');
    const replayed = await hub.internalSigner.sign(admin, 'cases');
    const before = await refusedTokensRecorded('agencies');
    for (const token of [forged, replayed]) {
      const answer = await raw(hub.subgraphUrl('agencies'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: entities, variables: { r: [{ __typename: 'Agency', id: A.ispDop }] } }),
      });
      expect(answer.status).toBe(401);
      expect(answer.text).not.toMatch(/signature|audience|aud|JWS|jose/i);
      expect(answer.text).not.toMatch(/Illinois State Police/);
    }
    expect(await refusedTokensRecorded('agencies')).toBe(before + 2);
  });

  it('ignores onward tokens a caller tries to slip in through the gateway', async () => {
    const onward = await hub.internalSigner.sign(null, 'agencies', 'cases');
    const answer = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor('officer')}`, 'x-hub-onward-tokens': `agencies=${onward}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    // The header does not reach any subgraph (the gateway sends only what it signs), so the answer is the officer's.
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: { me: { id: string } } }).data.me.id).toBeTruthy();
  });
});
