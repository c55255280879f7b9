import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readGatewayConfig } from '@hub/gateway';
import { postGraphQL, startTestHub, type TestHub } from '../support/hub.js';

/**
 * A subgraph that stops answering (here: reporting, replaced by a server that accepts requests and never replies)
 * costs its own fields a clear, retryable error within the gateway's timeout, and nothing else.
 */
let hub: TestHub;
let stalled: Server;
const held: { destroy(): void }[] = [];

beforeAll(async () => {
  stalled = createServer((req) => held.push(req.socket));
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
  const { port } = stalled.address() as AddressInfo;
  hub = await startTestHub({ env: { REPORTING_URL: `http://127.0.0.1:${port}/graphql`, SUBGRAPH_TIMEOUT_MS: '400' } });
});

afterAll(async () => {
  await hub?.stop();
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => stalled?.close(resolve));
});

describe('a subgraph that stops answering', () => {
  it('answers SUBGRAPH_UNAVAILABLE for its fields within the timeout, naming the service, not blaming the caller', async () => {
    const token = await hub.tokenFor('analyst');
    const started = performance.now();
    const result = await hub.gql('{ suppressionThreshold }', { token });
    const ms = performance.now() - started;
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'reporting', retryable: true });
    expect(ms).toBeLessThan(5_000);
  });

  it('names where in the answer the missing fields were', async () => {
    const result = await hub.gql('{ myAgency { name deflectionsCounted { value } } }', { token: await hub.tokenFor('officer') });
    const error = result.errors?.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
    expect(error?.path?.[0]).toBe('myAgency');
  });

  it('keeps the other subgraphs answering', async () => {
    const result = await hub.gql<{ me: { displayName: string } }>('{ me { displayName } }', { token: await hub.tokenFor('officer') });
    expect(result.errors).toBeUndefined();
    expect(result.data?.me.displayName).toContain('Reyes');
  });
});

describe('the time one request may take, and the other request limits, are configurable', () => {
  it('answers REQUEST_TIMEOUT at HUB_REQUEST_TIMEOUT_MS even when the subgraph timeout is longer', async () => {
    const quick = await hub.startGateway({ SUBGRAPH_TIMEOUT_MS: '10000', HUB_REQUEST_TIMEOUT_MS: '600' });
    try {
      const started = performance.now();
      const result = await postGraphQL(quick.graphqlUrl, '{ suppressionThreshold }', { authorization: `Bearer ${await hub.tokenFor('analyst')}` });
      const ms = performance.now() - started;
      expect(ms).toBeLessThan(3_000);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'REQUEST_TIMEOUT', retryable: true, limit: 'timeoutMs' });
    } finally {
      await quick.close();
    }
  });

  it('reads each request limit from its variable and applies it', async () => {
    const strict = await hub.startGateway({ HUB_MAX_ALIASES: '2', HUB_MAX_DEPTH: '3', HUB_MAX_TOKENS: '200' });
    try {
      const token = await hub.tokenFor('officer');
      const aliases = await postGraphQL(strict.graphqlUrl, '{ a: me { id } b: me { id } c: me { id } }', { authorization: `Bearer ${token}` });
      expect(aliases.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases', max: 2 });
      const deep = await postGraphQL(strict.graphqlUrl, '{ myAgency { parent { parent { parent { name } } } } }', { authorization: `Bearer ${token}` });
      expect(deep.errors?.[0]?.extensions).toMatchObject({ limit: 'maxDepth', max: 3 });
      const long = await postGraphQL(strict.graphqlUrl, `{ ${'me { id } '.repeat(60)} }`, { authorization: `Bearer ${token}` });
      expect(long.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    } finally {
      await strict.close();
    }
    expect(() => readGatewayConfig({ HUB_MAX_DEPTH: '1' })).toThrow(/HUB_MAX_DEPTH/);
    expect(readGatewayConfig({}).requestLimits).toEqual({ maxDepth: 8, maxAliases: 30, maxDirectives: 50, maxTokens: 5_000, maxCost: 100_000, timeoutMs: 15_000 });
  });
});
