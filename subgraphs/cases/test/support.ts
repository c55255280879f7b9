import { freePort } from '@hub/platform/db';
import { type RunningSubgraph, runSubgraph } from '@hub/platform/subgraph';
import { createTestDatabase, SubgraphClient, testGatewayKeys, type TestDatabase } from '@hub/platform/testing';
import { agencies } from '@hub/agencies';
import type { Context } from '../src/context.js';
import { cases } from '../src/index.js';

/**
 * The cases subgraph as its tests need it: a fresh seeded database, and the agencies subgraph answering over real
 * HTTP (cases asks it for plans and approvers through the graph), with identities signed by a test gateway key.
 */
export async function startCasesWithAgencies(): Promise<{ db: TestDatabase; client: SubgraphClient<Context>; stop(): Promise<void> }> {
  const db = await createTestDatabase([agencies, cases], { seed: true });
  const keys = await testGatewayKeys();
  const port = await freePort();
  const agenciesServer: RunningSubgraph = await runSubgraph(agencies, { databaseUrl: db.urlFor('agencies'), gatewayKey: keys.publicJwk, port, orm: db.orm('agencies'), env: {} });
  const client = new SubgraphClient(cases, db.orm('cases'), { signer: keys.signer, env: { AGENCIES_URL: `http://127.0.0.1:${port}/graphql` } });
  return {
    db,
    client,
    async stop() {
      await agenciesServer.stop();
      await db.drop();
    },
  };
}
