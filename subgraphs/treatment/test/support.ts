import { freePort, runSubgraph, type RunningSubgraph } from '@hub/platform';
import { createTestDatabase, SubgraphClient, testGatewayKeys, type TestDatabase } from '@hub/platform/testing';
import { cases } from '@hub/cases';
import type { Context } from '../src/context.js';
import { treatment } from '../src/index.js';

/**
 * The treatment subgraph as its tests need it: a fresh seeded database, and the cases subgraph answering over
 * real HTTP (treatment reads deflections through the graph), with identities signed by a test gateway key.
 */
export async function startTreatmentWithCases(): Promise<{ db: TestDatabase; client: SubgraphClient<Context>; stop(): Promise<void> }> {
  const db = await createTestDatabase([cases, treatment], { seed: true });
  const keys = await testGatewayKeys();
  const port = await freePort();
  const casesServer: RunningSubgraph = await runSubgraph(cases, { databaseUrl: db.urlFor('cases'), verifier: keys.verifier, port, orm: db.orm('cases'), env: { OUTBOX_POLL_MS: '3600000' } });
  const client = new SubgraphClient(treatment, db.orm('treatment'), { signer: keys.signer, env: { CASES_URL: `http://127.0.0.1:${port}/graphql` } });
  return {
    db,
    client,
    async stop() {
      await casesServer.stop();
      await db.drop();
    },
  };
}
