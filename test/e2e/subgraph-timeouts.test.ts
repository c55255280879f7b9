import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readGatewayConfig } from '@hub/gateway';
import { freePort } from '@hub/platform/db';
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

describe('an outage of one subgraph costs only the fields it contributes', () => {
  const LIST = `{ deflections(first: 5) { edges { node { id referenceNumber status
    initiatingUnit { name } countsFor { id deflectionsCounted { value } } treatmentOptions { name } } } } }`;
  type Listed = {
    deflections: { edges: { node: { id: string; referenceNumber: string; initiatingUnit: { name: string } | null; countsFor: { deflectionsCounted: unknown } | null; treatmentOptions: unknown[] | null; treatmentStatus: { __typename: string } | null } }[] };
  };

  async function listThrough(env: Record<string, string>, query = LIST) {
    // A subgraph that is down refuses the connection at once; the others get the time a busy test machine needs
    // (this file's 400 ms limit is for the stalled server, and a loaded run can take longer than that to answer).
    const gateway = await hub.startGateway({ SUBGRAPH_TIMEOUT_MS: '10000', ...env });
    try {
      const result = await postGraphQL<Listed>(gateway.graphqlUrl, query, { authorization: `Bearer ${await hub.tokenFor('meg-director')}` });
      if (!result.data) throw new Error(`no data: ${JSON.stringify(result.errors)}`);
      return result;
    } finally {
      await gateway.close();
    }
  }

  it('keeps every deflection when reporting is down, with deflectionsCounted null and an error on its path', async () => {
    // Reporting is the stalled server in this file.
    const result = await postGraphQL<Listed>(hub.gatewayUrl, LIST, { authorization: `Bearer ${await hub.tokenFor('meg-director')}` });
    const nodes = result.data!.deflections.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.referenceNumber).toMatch(/^DFL-/);
      expect(node.initiatingUnit?.name).toBeTruthy();
      if (node.countsFor) expect(node.countsFor.deflectionsCounted).toBeNull();
    }
    const error = result.errors?.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
    expect(error?.path).toEqual(expect.arrayContaining(['deflections', 'edges']));
    expect(error?.path?.at(-1)).toBe('deflectionsCounted');
  });

  it('keeps every deflection when treatment is down, with treatmentOptions or treatmentStatus null and an error on its path', async () => {
    const result = await listThrough({ TREATMENT_URL: `http://127.0.0.1:${await freePort()}/graphql`, REPORTING_URL: hub.subgraphUrl('reporting') });
    const nodes = result.data!.deflections.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.referenceNumber).toMatch(/^DFL-/);
      expect(node.treatmentOptions).toBeNull();
    }
    const error = result.errors?.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions?.service === 'treatment');
    expect(error?.path?.at(-1)).toBe('treatmentOptions');
    // treatmentStatus is nullable for this: non-null, a treatment outage would null every row, then the whole answer.
    const statuses = await listThrough({ TREATMENT_URL: `http://127.0.0.1:${await freePort()}/graphql` }, LIST.replace('treatmentOptions { name }', 'treatmentStatus { __typename }'));
    const listed = statuses.data!.deflections.edges.map((e) => e.node);
    expect(listed.length).toBe(nodes.length);
    for (const node of listed) expect(node.treatmentStatus).toBeNull();
    expect(statuses.errors?.find((e) => e.extensions?.service === 'treatment')?.path?.at(-1)).toBe('treatmentStatus');
  });

  it('keeps every deflection when agencies is down, with the agency fields null', async () => {
    const result = await listThrough({ AGENCIES_URL: `http://127.0.0.1:${await freePort()}/graphql` });
    const nodes = result.data!.deflections.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.referenceNumber).toMatch(/^DFL-/);
      expect(node.initiatingUnit).toBeNull();
    }
    expect(result.errors?.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')).toBe(true);
  });
});
