import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { TRUSTED_DOCUMENTS_FILE } from '../../gateway/src/trusted-documents.js';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * HUB_TRUSTED_DOCUMENTS: the console's operations run by their hash (web/src/gql/persisted-documents.json, written
 * by codegen); with `only`, a browser may run nothing else, while a server integration keeps sending queries.
 */
let hub: TestHub;
let only: Awaited<ReturnType<TestHub['startGateway']>>;
let token: string;
let meHash: string;

beforeAll(async () => {
  hub = await startTestHub();
  only = await hub.startGateway({ HUB_TRUSTED_DOCUMENTS: 'only' });
  token = await hub.tokenFor('officer');
  const manifest = JSON.parse(await readFile(TRUSTED_DOCUMENTS_FILE, 'utf8')) as Record<string, string>;
  meHash = Object.entries(manifest).find(([, text]) => text.startsWith('query Me '))![0];
}, 120_000);

afterAll(async () => {
  await only?.close();
  await hub?.stop();
});

const BROWSER = { origin: 'http://localhost:4000', 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' };

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: { me?: { displayName: string } }; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const byHash = (hash: string) => ({ operationName: 'Me', variables: {}, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

describe('trusted documents', () => {
  it('runs a console operation sent by its hash, by default and with HUB_TRUSTED_DOCUMENTS=only', async () => {
    for (const url of [hub.gatewayUrl, only.graphqlUrl]) {
      const answer = await post(url, byHash(meHash), BROWSER);
      expect(answer).toEqual({ status: 200, body: { data: { me: { displayName: 'Daniel Reyes', id: expect.any(String), roles: ['OFFICER'], agency: expect.any(Object), designations: [] } } } });
    }
  });

  it('refuses query text from a browser with HUB_TRUSTED_DOCUMENTS=only, before it runs', async () => {
    const answer = await post(only.graphqlUrl, { query: '{ me { displayName } }' }, BROWSER);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENTS_ONLY');
    expect(answer.body.data).toBeUndefined();
    // A page cannot pass for a server by leaving out one of the two headers: either marks a browser.
    const halves: Record<string, string>[] = [{ origin: 'http://localhost:4000' }, { 'sec-fetch-site': 'same-origin' }];
    for (const header of halves) {
      expect((await post(only.graphqlUrl, { query: '{ me { displayName } }' }, header)).status).toBe(400);
    }
  });

  it('refuses a hash it does not hold from a browser with HUB_TRUSTED_DOCUMENTS=only, answering PERSISTED_QUERY_NOT_FOUND', async () => {
    const answer = await post(only.graphqlUrl, byHash(`sha256:${'0'.repeat(64)}`), BROWSER);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('runs the manifest’s text for a known hash, whatever query text comes with it', async () => {
    const answer = await post(only.graphqlUrl, { ...byHash(meHash), query: '{ __typename }' }, BROWSER);
    expect(answer.body.data?.me?.displayName).toBe('Daniel Reyes');
  });

  it('lets no server register query text under a hash that a browser then runs (Apollo’s automatic persisted queries are off)', async () => {
    const query = '{ me { displayName roles } }';
    const hash = createHash('sha256').update(query).digest('hex');
    // From a server, text with its hash runs like any query from a server, and registers nothing.
    const registered = await post(only.graphqlUrl, { query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(registered.body.data).toEqual({ me: { displayName: 'Daniel Reyes', roles: ['OFFICER'] } });
    const url = new URL(only.graphqlUrl);
    url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true', ...BROWSER } });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toMatch(/PERSISTED_QUERY_NOT/);
  });

  it('refuses a hash that is not the hash of the text sent with it, and a malformed extension, as bad requests', async () => {
    const mismatched = await post(hub.gatewayUrl, { query: '{ me { displayName } }', extensions: { persistedQuery: { version: 1, sha256Hash: meHash } } });
    // A known hash runs the manifest's text whatever comes with it; an unknown one must be the text's own.
    expect(mismatched.body.data?.me?.displayName).toBe('Daniel Reyes');
    const wrong = await post(hub.gatewayUrl, { query: '{ me { displayName } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect([wrong.status, wrong.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
    const hashless = await post(hub.gatewayUrl, { extensions: { persistedQuery: { version: 1 } } });
    expect([hashless.status, hashless.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('keeps answering queries from servers (no Origin, no Sec-Fetch-Site; Node’s fetch sends Sec-Fetch-Mode), and from browsers by default', async () => {
    expect((await post(only.graphqlUrl, { query: '{ me { displayName } }' })).body).toEqual({ data: { me: { displayName: 'Daniel Reyes' } } });
    expect((await post(hub.gatewayUrl, { query: '{ me { displayName } }' }, BROWSER)).body).toEqual({ data: { me: { displayName: 'Daniel Reyes' } } });
  });
});
