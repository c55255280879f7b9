import { freePort } from '@hub/platform/db';
import { type RunningSubgraph, runSubgraph } from '@hub/platform/subgraph';
import { createTestDatabase, SubgraphClient, testGatewayKeys, type TestDatabase } from '@hub/platform/testing';
import { agencies } from '@hub/agencies';
import type { Context } from '../src/context.js';
import { reporting } from '../src/index.js';

/**
 * The reporting subgraph with the agencies subgraph answering over real HTTP (crisis reporting asks it which agency
 * files and which agencies must), on a fresh database with the demo directory, identities signed by a test key.
 */
export async function startReportingWithAgencies(): Promise<{ db: TestDatabase; client: SubgraphClient<Context>; stop(): Promise<void> }> {
  const db = await createTestDatabase([agencies, reporting], { seed: true });
  const keys = await testGatewayKeys();
  const port = await freePort();
  const agenciesServer: RunningSubgraph = await runSubgraph(agencies, { databaseUrl: db.urlFor('agencies'), gatewayKey: keys.publicJwk, port, orm: db.orm('agencies'), env: {} });
  const client = new SubgraphClient(reporting, db.orm('reporting'), { signer: keys.signer, env: { AGENCIES_URL: `http://127.0.0.1:${port}/graphql` } });
  return {
    db,
    client,
    async stop() {
      await agenciesServer.stop();
      await db.drop();
    },
  };
}
