/**
 * npm run bench: measures what the hub promises about speed, and prints the figures side by side.
 *  - SQL statements per list as the list grows (must stay flat: every relation is batched);
 *  - gateway latency for a query spanning all four subgraphs, at two list sizes, as a ratio;
 *  - a statistic over 200,000 deflections against the best hand-written SQL for it (bench-statistics.ts);
 *  - crisis reporting: a 10,000-row CSV import, and a month's download among 1,000,000 incidents (bench-crisis.ts).
 * Uses DATABASE_URL when set, else an embedded PostgreSQL. Bounded: a fixed number of requests on loopback.
 */
import { performance } from 'node:perf_hooks';
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedServer, ensureRoles, freePort, startEmbeddedPostgres, subgraphDatabase } from '@hub/platform/db';
import { rolePassword } from '@hub/platform/runtime';
import { SUBGRAPH_NAMES } from '@hub/platform/topology';
import { SubgraphClient } from '@hub/platform/testing';
import { agencies } from '@hub/agencies';
import { cases } from '@hub/cases';
import { startTestHub } from '../test/support/hub.js';
import { benchStatistic } from './bench-statistics.js';
import { benchCrisis } from './bench-crisis.js';

function progress(message: string): void {
  process.stdout.write(`… ${message}\n`);
}

let embedded: EmbeddedServer | null = null;
if (!process.env.DATABASE_URL) {
  progress('starting embedded PostgreSQL');
  const root = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  chmodSync(root, 0o755);
  embedded = await startEmbeddedPostgres({ dataDir: join(root, 'data'), port: await freePort(), persistent: false });
}
process.env.HUB_TEST_ADMIN_URL = process.env.DATABASE_URL ?? embedded!.url;
await ensureRoles(process.env.HUB_TEST_ADMIN_URL, SUBGRAPH_NAMES.map((name) => subgraphDatabase(name)), rolePassword());

progress('starting the hub (fresh database, demo data, four subgraphs and the gateway)');
const hub = await startTestHub();
try {
  const rows: [string, string, string, string][] = [];

  progress('counting SQL statements per list size');
  const agenciesClient = new SubgraphClient(agencies, hub.db.orm('agencies'));
  const agencyStatements = async (n: number) =>
    (await hub.db.orm('agencies').counter.measure(() => agenciesClient.ok('officer', `{ agencies(first: ${n}) { edges { node { parent { name } children { name } personnel { displayName designations { id } } approvers { person { id } } solutionActionPlan { caseManagementOrganization { name } } } } } }`))).statements.length;
  rows.push(['agencies: statements for a page of 15 vs 29 agencies (6 relations each)', String(await agencyStatements(15)), String(await agencyStatements(29)), 'flat']);

  const casesClient = new SubgraphClient(cases, hub.db.orm('cases'));
  const refs = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Deflection', id: `c0000001-0000-4000-8000-${String(i + 1).padStart(12, '0')}` }));
  const entityStatements = async (n: number) =>
    (await hub.db.orm('cases').counter.measure(() => casesClient.ok('case-manager', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Deflection { id } } }', { r: refs(n) }))).statements.length;
  rows.push(['cases: statements to resolve 2 vs 21 deflection references', String(await entityStatements(2)), String(await entityStatements(21)), 'flat']);
  const listStatements = async (n: number) =>
    (await hub.db.orm('cases').counter.measure(() => casesClient.ok('case-manager', `{ deflections(first: ${n}) { edges { node { participant { deflections { id } } incident { people { participant { id } } } contactAttempts { id } evidence { handling { action } } reviews { id } history { action } priorDeflectionCount } } } }`))).statements.length;
  rows.push(['cases: statements for a page of 12 vs 21 deflections (8 relations each)', String(await listStatements(12)), String(await listStatements(21)), 'flat']);

  progress('bulk provider updates: 100 vs 1,000 distinct episodes acknowledged');
  const { TreatmentEpisode, EpisodeTransition } = await import('../subgraphs/treatment/src/entities/episode.entity.js');
  const { demoProviderId } = await import('../subgraphs/treatment/src/seed/demo-data.js');
  const provider = await hub.tokenFor('provider');
  const makeEpisodes = async (n: number): Promise<string[]> => {
    const em = hub.db.orm('treatment').fork();
    const template = await em.findOneOrFail(TreatmentEpisode, { state: 'REFERRED' });
    const referredAt = new Date(Date.now() - 60_000);
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const { id: _id, version: _version, ...fields } = template;
      // At a Gateway Foundation site, so the `provider` persona may update them.
      const episode = em.create(TreatmentEpisode, { ...fields, provider: demoProviderId(1), referredAt, state: 'REFERRED' });
      em.create(EpisodeTransition, { episode, fromState: null, toState: 'REFERRED', at: referredAt, byId: template.referredById, reason: null });
      ids.push(episode.id);
    }
    await em.flush();
    return ids;
  };
  const bulk = async (n: number) => {
    const ids = await makeEpisodes(n);
    const at = new Date().toISOString();
    const updates = ids.map((episodeId, i) => ({ episodeId, toState: 'ACKNOWLEDGED', at, clientUpdateId: String(i) }));
    const statementsBefore = hub.db.orm('treatment').counter.count;
    const start = performance.now();
    const result = await hub.gql<{ bulkUpdateEpisodes: { applied: number } }>('mutation($u: [EpisodeUpdateInput!]!, $k: String!) { bulkUpdateEpisodes(updates: $u, idempotencyKey: $k) { applied } }', { token: provider, variables: { u: updates, k: `bench-${n}` } });
    const ms = performance.now() - start;
    if (result.errors || result.data?.bulkUpdateEpisodes.applied !== n) throw new Error(JSON.stringify(result.errors ?? result.data));
    return { ms, statements: hub.db.orm('treatment').counter.count - statementsBefore };
  };
  const hundred = await bulk(100);
  const thousand = await bulk(1000);
  rows.push(['treatment: statements to apply a bulk update of 100 vs 1,000 items', String(hundred.statements), String(thousand.statements), 'batched, not per item']);
  rows.push(['treatment: ms to apply a bulk update of 100 vs 1,000 items (gateway)', hundred.ms.toFixed(0), thousand.ms.toFixed(0), `×${(thousand.ms / hundred.ms).toFixed(2)}`]);

  progress('timing the four-subgraph query through the gateway (warm-up, then 200 requests per size)');
  const token = await hub.tokenFor('case-manager');
  const query = (n: number) =>
    `{ deflections(first: ${n}) { edges { node { referenceNumber initiatingUnit { name } countsFor { name deflectionsCounted { value } } treatmentOptions { name openSlots } } } } }`;
  const time = async (n: number) => {
    for (let i = 0; i < 20; i += 1) await hub.gql(query(n), { token });
    const samples: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const start = performance.now();
      const result = await hub.gql(query(n), { token });
      samples.push(performance.now() - start);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
    samples.sort((a, b) => a - b);
    return { p50: samples[100]!, p95: samples[190]! };
  };
  const one = await time(1);
  const twenty = await time(20);
  rows.push(['gateway p50 ms: 1 vs 20 deflections across 4 subgraphs', one.p50.toFixed(1), twenty.p50.toFixed(1), `×${(twenty.p50 / one.p50).toFixed(2)}`]);
  rows.push(['gateway p95 ms: 1 vs 20 deflections across 4 subgraphs', one.p95.toFixed(1), twenty.p95.toFixed(1), `×${(twenty.p95 / one.p95).toFixed(2)}`]);

  rows.push(...(await benchStatistic(progress)));
  rows.push(...(await benchCrisis(hub, progress)));

  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${'measure'.padEnd(width)}  ${'small'.padStart(8)}  ${'large'.padStart(8)}  ratio`);
  for (const [name, small, large, ratio] of rows) console.log(`${name.padEnd(width)}  ${small.padStart(8)}  ${large.padStart(8)}  ${ratio}`);
} finally {
  await hub.stop();
  await embedded?.stop();
}
