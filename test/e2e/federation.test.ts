import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readGatewayConfig, readSupergraph, startGateway } from '@hub/gateway';
import { freePort } from '@hub/platform/db';
import { DEMO_AGENCY as A } from '@hub/platform/demo';
import { DevIssuer, generateSigningKeyPair, InternalTokenSigner } from '@hub/platform/identity';
import type { SubgraphName } from '@hub/platform/topology';
import { postGraphQL, startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

/**
 * A proxy in front of one subgraph that passes requests on (with the headers the gateway sends a subgraph) and tells
 * `record` each POST it sees, so a test can check what a gateway of its own sends there.
 */
async function recordingProxy(subgraph: SubgraphName, record: (request: { body: string; headers: IncomingHttpHeaders }) => void): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(hub.subgraphUrl(subgraph));
  const proxy = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (req.method === 'POST') record({ body, headers: req.headers });
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name === 'authorization' || name === 'content-type' || name.startsWith('x-hub-'))) as Record<string, string>;
    const answer = await fetch(target, { method: req.method, headers, ...(req.method === 'POST' ? { body } : {}) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(await answer.text());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}

describe('one graph across four subgraphs', () => {
  const SPANNING_QUERY = `{
    myAgency { name solutionActionPlan { version approvingAgency { name } } }
    deflections(first: 20) { edges { node {
      referenceNumber pathway status
      initiatingUnit { name }
      countsFor { id name kind deflectionsCounted { value suppressed } }
      treatmentOptions { name openSlots organization { name } }
    } } }
  }`;
  type Spanning = {
    myAgency: { name: string; solutionActionPlan: { approvingAgency: { name: string } } };
    deflections: {
      edges: {
        node: {
          referenceNumber: string;
          initiatingUnit: { name: string };
          countsFor: { id: string; name: string; deflectionsCounted: { value: number | null; suppressed: boolean } } | null;
          treatmentOptions: { name: string; openSlots: number; organization: { name: string } | null }[];
        };
      }[];
    };
  };

  it('answers a query that spans agencies, cases, treatment and reporting', async () => {
    const token = await hub.tokenFor('officer');
    // Reporting counts what the cases outbox has delivered; wait until the demo events have arrived.
    await hub.eventsDelivered();
    const result = await hub.gql<Spanning>(SPANNING_QUERY, { token });
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data.myAgency.name).toBe('ISP Division of Patrol, Troop 2');
    expect(data.myAgency.solutionActionPlan.approvingAgency.name).toBe('Lake County Metropolitan Enforcement Group');
    const lake = data.deflections.edges.find((e) => e.node.countsFor?.id === A.lakeCountyMeg)!.node;
    expect(lake.initiatingUnit.name).toBe('ISP Division of Patrol, Troop 2');
    expect(lake.countsFor!.name).toBe('Lake County Metropolitan Enforcement Group');
    // 7 Troop 2 and 3 DCI North deflections were approved by the Lake County MEG (the pending and the declined ones
    // count for nobody, OPS-D9): 10, a count small enough to be withheld.
    expect(lake.countsFor!.deflectionsCounted).toEqual({ value: null, suppressed: true });
    expect(lake.treatmentOptions.map((p) => p.name)).toEqual(['Gateway Foundation, Lake Villa', 'Lake County Health Department, Behavioral Health']);
    expect(lake.treatmentOptions[0]!.organization?.name).toBe('Gateway Foundation');
    const duPage = data.deflections.edges.find((e) => e.node.countsFor?.id === A.duPageMeg)!.node;
    expect(duPage.countsFor!.deflectionsCounted).toEqual({ value: null, suppressed: true });
  });

  it('shows an officer only their own unit’s deflections', async () => {
    const token = await hub.tokenFor('local-officer');
    const result = await hub.gql<Spanning>('{ deflections(first: 50) { edges { node { initiatingUnit { name } } } } }', { token });
    const units = new Set(result.data!.deflections.edges.map((e) => e.node.initiatingUnit.name));
    expect([...units]).toEqual(["Lake County Sheriff's Office"]);
  });

  it('keeps fields subgraphs have only for each other out of the public API (agencies’ change version)', async () => {
    const result = await hub.gql('{ changeVersion }', { token: await hub.tokenFor('officer') });
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toContain('changeVersion');
  });

  it('asks a subgraph once for what one step of a plan needs from it (each deflection’s unit and the MEG it counts for), with the same answer', async () => {
    // A proxy in front of agencies counts the requests a gateway of its own sends there.
    const bodies: string[] = [];
    const proxy = await recordingProxy('agencies', ({ body }) => bodies.push(body));
    const counted = await hub.startGateway({ AGENCIES_URL: proxy.url });
    try {
      const query = 'query Units { deflections(first: 30) { edges { node { referenceNumber initiatingUnit { id name } countsFor { id name } } } } }';
      const token = await hub.tokenFor('meg-director');
      bodies.length = 0;
      const answer = await postGraphQL<{ deflections: { edges: { node: { initiatingUnit: { id: string; name: string }; countsFor: { id: string; name: string } | null } }[] } }>(counted.graphqlUrl, query, { authorization: `Bearer ${token}` });
      expect(bodies.filter((body) => body.includes('_entities'))).toHaveLength(1);
      // The same as asking for each alone (one fetch each, nothing to gather).
      const units = await hub.ok<{ deflections: { edges: { node: { initiatingUnit: { id: string; name: string } } }[] } }>(token, 'query Units { deflections(first: 30) { edges { node { initiatingUnit { id name } } } } }');
      const megs = await hub.ok<{ deflections: { edges: { node: { countsFor: { id: string; name: string } | null } }[] } }>(token, 'query Megs { deflections(first: 30) { edges { node { countsFor { id name } } } } }');
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.deflections.edges.map(({ node }) => node.initiatingUnit)).toEqual(units.deflections.edges.map(({ node }) => node.initiatingUnit));
      expect(answer.data!.deflections.edges.map(({ node }) => node.countsFor)).toEqual(megs.deflections.edges.map(({ node }) => node.countsFor));
      const names = answer.data!.deflections.edges.flatMap(({ node }) => [node.initiatingUnit.name, node.countsFor?.name]);
      expect(names).toEqual(expect.arrayContaining(['ISP Division of Patrol, Troop 2', 'Lake County Metropolitan Enforcement Group']));
    } finally {
      await counted.close();
      await proxy.close();
    }
  });

  it('answers the health check only when every subgraph answers', async () => {
    const response = await fetch(new URL('/health', hub.gatewayUrl));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', subgraphs: { agencies: 'ok', cases: 'ok', treatment: 'ok', reporting: 'ok' } });
    for (const name of ['agencies', 'cases', 'treatment', 'reporting'] as const) {
      expect((await fetch(new URL('/health', hub.subgraphUrl(name)))).status).toBe(200);
    }

    // A gateway of its own whose reporting subgraph does not answer (nothing listens on its port) is not healthy.
    const env: Record<string, string> = { GATEWAY_PORT: '0', REPORTING_URL: `http://127.0.0.1:${await freePort()}/graphql` };
    for (const name of ['agencies', 'cases', 'treatment'] as const) env[`${name.toUpperCase()}_URL`] = hub.subgraphUrl(name);
    const issuerKey = await generateSigningKeyPair('issuer-test');
    const degraded = await startGateway({
      config: readGatewayConfig(env),
      supergraphSdl: await readSupergraph(),
      internalKey: await generateSigningKeyPair('gateway-test'),
      devIssuerPublicKey: issuerKey.publicJwk,
      devIssuerPrivateKey: issuerKey.privateJwk,
    });
    try {
      const unhealthy = await fetch(new URL('/health', degraded.url));
      expect(unhealthy.status).toBe(503);
      expect(await unhealthy.json()).toMatchObject({ status: 'degraded', subgraphs: { agencies: 'ok', cases: 'ok', treatment: 'ok', reporting: 'unavailable' } });
    } finally {
      await degraded.close();
    }
  });
});

describe('query explorer', () => {
  it('serves the explorer to a browser at /graphql in development, every file from the hub itself', async () => {
    const response = await fetch(hub.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/connect-src 'self'/);
    const html = await response.text();
    expect(html).toContain('id="explorer"');
    const origin = new URL(hub.gatewayUrl).origin;
    const elsewhere = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map(([url]) => url).filter((url) => new URL(url).origin !== origin);
    expect(elsewhere).toEqual([]);
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, path]) => path!).filter((path) => !path.startsWith('data:'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const asset = await fetch(new URL(file, hub.gatewayUrl));
      expect([file, asset.status, asset.headers.get('cache-control')]).toEqual([file, 200, expect.stringContaining('immutable')]);
      expect(asset.headers.get('content-type')).toMatch(file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    }
  });
});

describe('identity at the gateway', () => {
  it('answers a query without a token with UNAUTHENTICATED', async () => {
    const result = await hub.gql('{ myAgency { name } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('refuses a malformed token with 401 UNAUTHENTICATED', async () => {
    const result = await hub.gql('{ myAgency { name } }', { token: 'not-a-jwt' });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed by an issuer key the hub does not know', async () => {
    const stranger = await generateSigningKeyPair('issuer-test');
    const forged = await hub.tokenFor('hub-admin', { issuer: await DevIssuer.create(stranger.privateJwk, hub.issuer.issuer, hub.issuer.audience) });
    const result = await hub.gql('{ myAgency { name } }', { token: forged });
    expect(result.status).toBe(401);
  });

  it('refuses a token for another audience and an expired token', async () => {
    const wrongAudience = await (await hub.issuerWith({ audience: 'someone-else' })).issue({ personId: 'x', agencyId: A.icjia, roles: ['ANALYST'], actingFor: null });
    expect((await hub.gql('{ me { id } }', { token: wrongAudience })).status).toBe(401);
    const expired = await hub.issuer.issue({ personId: 'x', agencyId: A.icjia, roles: ['ANALYST'], actingFor: null }, '-1m');
    expect((await hub.gql('{ me { id } }', { token: expired })).status).toBe(401);
  });
});

describe('subgraphs only answer the gateway', () => {
  const entitiesQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { name } } }`;
  const representations = { r: [{ __typename: 'Agency', id: A.ispDop }] };

  it('refuses a direct call without the gateway’s token with 401, including _entities and _service', async () => {
    for (const name of ['agencies', 'cases', 'treatment', 'reporting'] as const) {
      const url = hub.subgraphUrl(name);
      expect((await postGraphQL(url, '{ _service { sdl } }')).status).toBe(401);
      expect((await postGraphQL(url, entitiesQuery, {}, representations)).status).toBe(401);
    }
  });

  it('refuses a caller’s own token sent straight to a subgraph', async () => {
    const callerToken = await hub.tokenFor('hub-admin');
    const result = await postGraphQL(hub.subgraphUrl('agencies'), entitiesQuery, { authorization: `Bearer ${callerToken}` }, representations);
    expect(result.status).toBe(401);
  });

  it('refuses an identity token signed by any key other than the gateway’s', async () => {
    const other = await InternalTokenSigner.fromJwk((await generateSigningKeyPair('gateway-test')).privateJwk);
    const forged = await other.sign({ personId: 'x', agencyId: A.icjia, roles: ['HUB_ADMINISTRATOR'], actingFor: null }, 'agencies');
    const result = await postGraphQL(hub.subgraphUrl('agencies'), entitiesQuery, { authorization: `Bearer ${forged}` }, representations);
    expect(result.status).toBe(401);
  });

  it('refuses a gateway token made for one subgraph when another subgraph is sent it (no replay across subgraphs)', async () => {
    const admin = { personId: 'x', agencyId: A.icjia, roles: ['HUB_ADMINISTRATOR' as const], actingFor: null };
    for (const [madeFor, sentTo] of [['cases', 'agencies'], ['reporting', 'treatment'], ['treatment', 'cases'], ['agencies', 'reporting']] as const) {
      const token = await hub.internalSigner.sign(admin, madeFor);
      expect((await postGraphQL(hub.subgraphUrl(sentTo), '{ _service { sdl } }', { authorization: `Bearer ${token}` })).status).toBe(401);
      // The same token is good where it was meant to go: the refusal is the audience, not the signature.
      expect((await postGraphQL(hub.subgraphUrl(madeFor), '{ _service { sdl } }', { authorization: `Bearer ${token}` })).status).toBe(200);
    }
  });

  it('gives a subgraph onward tokens only for the subgraphs it asks, each usable only there', async () => {
    const credentials = await hub.internalSigner.credentialsFor(null, 'cases');
    expect(Object.keys(credentials.onward)).toEqual(['agencies']);
    const onward = credentials.onward.agencies!;
    expect((await postGraphQL(hub.subgraphUrl('agencies'), '{ _service { sdl } }', { authorization: `Bearer ${onward}` })).status).toBe(200);
    for (const other of ['cases', 'treatment', 'reporting'] as const) {
      expect((await postGraphQL(hub.subgraphUrl(other), '{ _service { sdl } }', { authorization: `Bearer ${onward}` })).status).toBe(401);
    }
    expect(Object.keys((await hub.internalSigner.credentialsFor(null, 'treatment')).onward).sort()).toEqual(['agencies', 'cases']);
    expect((await hub.internalSigner.credentialsFor(null, 'agencies')).onward).toEqual({});
    // A query reaches no further than reads need: cases and treatment ask others only while writing.
    for (const target of ['cases', 'treatment', 'agencies'] as const) expect((await hub.internalSigner.credentialsFor(null, target, undefined, 'query')).onward).toEqual({});
    expect(Object.keys((await hub.internalSigner.credentialsFor(null, 'reporting', undefined, 'query')).onward)).toEqual(['agencies']);
  });

  it('sends a subgraph onward tokens for a mutation, which needs them, and none for a query', async () => {
    const seen: { body: string; onward: string | undefined }[] = [];
    const proxy = await recordingProxy('cases', ({ body, headers }) => {
      const onward = headers['x-hub-onward-tokens'];
      seen.push({ body, onward: typeof onward === 'string' ? onward : undefined });
    });
    const gateway = await hub.startGateway({ CASES_URL: proxy.url });
    try {
      const token = await hub.tokenFor('local-officer');
      const read = await postGraphQL(gateway.graphqlUrl, '{ deflections(first: 1) { edges { node { id } } } }', { authorization: `Bearer ${token}` });
      expect(read.errors).toBeUndefined();
      expect(seen.map((s) => s.onward)).toEqual([undefined]);
      seen.length = 0;
      const input = { person: { givenName: 'Onward', familyName: 'Tokens', dateOfBirth: '1990-05-06' }, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help.' };
      const written = await postGraphQL(gateway.graphqlUrl, 'mutation($input: QuickReferralInput!) { quickReferral(input: $input) { deflection { id } } }', { authorization: `Bearer ${token}` }, { input });
      // The referral asks agencies for the unit's plan, acting for the officer with the token passed on.
      expect(written.errors).toBeUndefined();
      expect(seen.map((s) => s.onward?.split(';').map((part) => part.split('=')[0]))).toEqual([['agencies']]);
    } finally {
      await gateway.close();
      await proxy.close();
    }
  });

  it('refuses an event delivery to reporting that is not signed with the events secret', async () => {
    const response = await fetch(new URL('/events', hub.subgraphUrl('reporting')), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [] }),
    });
    expect(response.status).toBe(401);
  });
});
