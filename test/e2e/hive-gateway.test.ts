import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '@hub/platform/db';
import { AuditRecord } from '@hub/platform/audit';
import { SUBGRAPH_NAMES, type SubgraphName } from '@hub/platform/topology';
import { startHiveGateway, type RunningHiveGateway } from '../../scripts/hive-gateway/start.js';
import { postGraphQL, startTestHub, type GqlResponse, type TestHub } from '../support/hub.js';

/**
 * Hive Gateway serving the same supergraph in front of the same subgraphs as our gateway, with the same gateway key
 * and the same caller tokens (the test hub's keys).
 */

let hub: TestHub;
let oursUrl: string;
let hive: RunningHiveGateway;

beforeAll(async () => {
  hub = await startTestHub();
  oursUrl = hub.gatewayUrl;
  hive = await startHiveGateway({
    port: await freePort(),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, hub.subgraphUrl(name)])) as Record<SubgraphName, string>,
    // Development mode: Hive serves the development issuer's public key itself and verifies tokens against it.
    env: {
      HUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-e2e-hive-')),
      AUTH_MODE: 'dev',
      HUB_DEV_ISSUER_PUBLIC_JWK: JSON.stringify(hub.keys.issuer.publicJwk),
      HUB_GATEWAY_SIGNING_JWK: JSON.stringify(hub.keys.gateway.privateJwk),
    },
  });
  // Reporting counts what the cases outbox has delivered: both gateways must read the same counts.
  await hub.eventsDelivered();
});

afterAll(async () => {
  await hive?.stop();
  await hub?.stop();
});

const tokenFor = (persona: string) => hub.tokenFor(persona);

/** An answer as the client sees it: HTTP status and the whole body (postGraphQL keeps its `extensions` too). */
type Answer<T> = GqlResponse<T> & { extensions?: Record<string, unknown> };

async function ask<T>(url: string, query: string, token?: string): Promise<Answer<T>> {
  return (await postGraphQL<T>(url, query, token ? { authorization: `Bearer ${token}` } : {})) as Answer<T>;
}

/** The README's first query ("Run a first query"). */
const README_QUERY = `{
  myAgency { name solutionActionPlan { enabledPathways approvingAgency { name } } }
  deflections(first: 3) {
    edges { node {
      referenceNumber pathway status
      initiatingUnit { name }
      countsFor { name deflectionsCounted { value suppressed } }
      treatmentOptions { name openSlots }
    } }
  }
}`;

describe('Hive Gateway serves the hub’s supergraph with the hub’s identity rules', () => {
  it('answers the README’s first query as the officer with the same data and errors as our gateway', async () => {
    const token = await tokenFor('officer');
    const [fromOurs, fromHive] = await Promise.all([ask(oursUrl, README_QUERY, token), ask(hive.url, README_QUERY, token)]);
    expect(fromOurs.status).toBe(200);
    expect(fromOurs.data).toMatchObject({ myAgency: { name: 'ISP Division of Patrol, Troop 2' } });
    expect(fromHive).toEqual(fromOurs);
  });

  it('gives each caller their own answer when two personas send the same query at the same moment', async () => {
    type Units = { deflections: { edges: { node: { referenceNumber: string; initiatingUnit: { name: string } } }[] } };
    const query = '{ deflections(first: 50) { edges { node { referenceNumber initiatingUnit { name } countsFor { name } } } } }';
    const tokens = { officer: await tokenFor('officer'), 'local-officer': await tokenFor('local-officer') };
    const expected = {
      officer: (await ask<Units>(oursUrl, query, tokens.officer)).data,
      'local-officer': (await ask<Units>(oursUrl, query, tokens['local-officer'])).data,
    };
    // The two see different deflections (each their own unit's), so an answer given to the wrong one shows.
    expect(new Set(expected.officer!.deflections.edges.map((e) => e.node.initiatingUnit.name))).toEqual(new Set(['ISP Division of Patrol, Troop 2']));
    expect(new Set(expected['local-officer']!.deflections.edges.map((e) => e.node.initiatingUnit.name))).toEqual(new Set(["Lake County Sheriff's Office"]));
    // Identical documents, interleaved and all in flight together: Hive de-duplicates identical in-flight subgraph
    // requests, so only an identity inside its de-duplication key keeps the answers apart.
    const personas = Array.from({ length: 20 }, (_, i): keyof typeof tokens => (i % 2 === 0 ? 'officer' : 'local-officer'));
    const answers = await Promise.all(personas.map((persona) => ask<Units>(hive.url, query, tokens[persona])));
    answers.forEach((answer, i) => {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual(expected[personas[i]!]);
    });
  });

  it('gives a request without a token no subgraph data: its fields are refused UNAUTHENTICATED, as by our gateway', async () => {
    const [fromOurs, fromHive] = await Promise.all([ask(oursUrl, README_QUERY), ask(hive.url, README_QUERY)]);
    expect(fromOurs.status).toBe(200);
    expect(fromOurs.data ?? null).toBeNull();
    expect(fromOurs.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(fromHive.status).toBe(fromOurs.status);
    expect(fromHive.data ?? null).toBeNull();
    // Both root fields are non-null, so the first refusal nulls the whole answer. Our gateway reports both refusals;
    // Hive (graphql-js execution) stops at the first and reports that one: whichever subgraph answered first.
    expect(fromHive.errors?.length).toBeGreaterThanOrEqual(1);
    for (const error of fromHive.errors ?? []) expect(fromOurs.errors).toContainEqual(error);
  });

  it('carries the 42 CFR 2.32 redisclosure notice and the consent refusals, as our gateway does', async () => {
    const token = await tokenFor('officer');
    const query = '{ deflections(first: 50) { edges { node { referenceNumber treatment { engaged state } } } } }';
    const [fromOurs, fromHive] = await Promise.all([ask(oursUrl, query, token), ask(hive.url, query, token)]);
    // One of the officer's deflections has a consent in effect (its treatment is disclosed, with the notice); the
    // others are refused CONSENT_REQUIRED.
    expect(fromOurs.extensions?.redisclosureNotice).toMatch(/42 CFR part 2/);
    expect(fromOurs.errors?.length).toBeGreaterThan(1);
    expect(fromHive.status).toBe(fromOurs.status);
    expect(fromHive.data).toEqual(fromOurs.data);
    expect(fromHive.extensions).toEqual(fromOurs.extensions);
    // Hive gives every error of one batched entity fetch the path of its first entity (graphql-tools issue #2950:
    // "Error paths use their batched indices"); the errors are otherwise the same.
    const withoutIndices = (errors: GqlResponse<unknown>['errors']) =>
      (errors ?? []).map((e) => ({ ...e, path: e.path?.map((key) => (typeof key === 'number' ? '#' : key)) })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(withoutIndices(fromHive.errors)).toEqual(withoutIndices(fromOurs.errors));
  });

  it('refuses an invalid token with 401 UNAUTHENTICATED before any subgraph is asked, and audits it, as our gateway does', async () => {
    const forged = `${(await tokenFor('officer')).slice(0, -4)}AAAA`;
    const [fromOurs, fromHive] = await Promise.all([ask(oursUrl, README_QUERY, forged), ask(hive.url, README_QUERY, forged)]);
    expect(fromOurs.status).toBe(401);
    expect(fromOurs.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(fromHive).toEqual(fromOurs);
    // The refusal is in the agencies subgraph's audit trail under the request id the answer carries.
    const refused = await fetch(hive.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` }, body: JSON.stringify({ query: '{ myAgency { name } }' }) });
    expect(refused.status).toBe(401);
    const requestId = refused.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const record = await hub.db.orm('agencies').fork().findOne(AuditRecord, { kind: 'SIGN_IN_FAILED', requestId });
    expect(record).toMatchObject({ outcome: 'DENIED', clientAddress: '127.0.0.1' });
  });
});
