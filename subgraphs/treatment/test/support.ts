import { agencies } from '@hub/agencies';
import { cases } from '@hub/cases';
import { freePort } from '@hub/platform/db';
import { runSubgraph, type RunningSubgraph } from '@hub/platform/subgraph';
import { createTestDatabase, SubgraphClient, testGatewayKeys, type TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { treatment } from '../src/index.js';

/**
 * The treatment subgraph as its tests need it: a fresh seeded database, and the cases and agencies subgraphs
 * answering over real HTTP (treatment reads deflections and checks consent recipients through the graph), with
 * identities signed by a test gateway key.
 */
export async function startTreatmentWithCases(): Promise<{ db: TestDatabase; client: SubgraphClient<Context>; stop(): Promise<void> }> {
  const db = await createTestDatabase([agencies, cases, treatment], { seed: true });
  const keys = await testGatewayKeys();
  const [agenciesPort, casesPort] = [await freePort(), await freePort()];
  const agenciesUrl = `http://127.0.0.1:${agenciesPort}/graphql`;
  const servers: RunningSubgraph[] = [
    await runSubgraph(agencies, { databaseUrl: db.urlFor('agencies'), gatewayKey: keys.publicJwk, port: agenciesPort, orm: db.orm('agencies'), env: {} }),
    await runSubgraph(cases, { databaseUrl: db.urlFor('cases'), gatewayKey: keys.publicJwk, port: casesPort, orm: db.orm('cases'), env: { OUTBOX_POLL_MS: '3600000', AGENCIES_URL: agenciesUrl } }),
  ];
  const client = new SubgraphClient(treatment, db.orm('treatment'), { signer: keys.signer, env: { CASES_URL: `http://127.0.0.1:${casesPort}/graphql`, AGENCIES_URL: agenciesUrl } });
  return {
    db,
    client,
    async stop() {
      for (const server of servers) await server.stop();
      await db.drop();
    },
  };
}
