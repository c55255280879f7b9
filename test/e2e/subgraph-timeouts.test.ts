import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestHub, type TestHub } from '../support/hub.js';

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
