import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, ensureSchemas, roleUrl, subgraphDatabase } from '../db/roles.js';
import type { SubgraphOrm } from '../db/orm.js';
import { rolePassword } from '../runtime.js';
import { openSubgraphOrm, prepareSubgraphData, sealSubgraphTables, type SubgraphDataDefinition } from '../subgraph.js';
import type { SubgraphName } from '../topology.js';

/** A database of its own for one test file, on the server the global setup prepared; dropped afterwards. */
export interface TestDatabase {
  adminUrl: string;
  name: string;
  urlFor(subgraph: SubgraphName): string;
  orm(subgraph: SubgraphName): SubgraphOrm;
  drop(): Promise<void>;
}

export function testAdminUrl(): string {
  const url = process.env.HUB_TEST_ADMIN_URL;
  if (!url) throw new Error('HUB_TEST_ADMIN_URL is not set: run tests through `npm test` (Jest global setup).');
  return url;
}

/**
 * `history` adds the year of demo history to the seed; tests that count the fixtures leave it off. `now` is the
 * seed's clock (one for every subgraph), so a test can rebuild exactly the history that was loaded.
 */
export async function createTestDatabase(definitions: SubgraphDataDefinition[], options: { seed?: boolean; history?: boolean; now?: Date } = {}): Promise<TestDatabase> {
  const serverUrl = testAdminUrl();
  const name = `hub_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const adminUrl = await createDatabase(serverUrl, name);
  const list = definitions;
  await ensureSchemas(adminUrl, list.map((d) => subgraphDatabase(d.name)));
  const password = rolePassword();
  const orms = new Map<SubgraphName, SubgraphOrm>();
  const now = options.now ?? new Date();
  for (const definition of list) {
    const orm = await openSubgraphOrm(definition, roleUrl(adminUrl, subgraphDatabase(definition.name), password));
    await prepareSubgraphData(definition, orm, { seed: options.seed ?? false, history: options.history ?? false, now });
    await sealSubgraphTables(adminUrl, definition);
    orms.set(definition.name, orm);
  }
  return {
    adminUrl,
    name,
    urlFor: (subgraph) => roleUrl(adminUrl, subgraphDatabase(subgraph), password),
    orm(subgraph) {
      const orm = orms.get(subgraph);
      if (!orm) throw new Error(`no ORM for ${subgraph} in this test database`);
      return orm;
    },
    async drop() {
      for (const orm of orms.values()) await orm.close();
      await dropDatabase(serverUrl, name);
    },
  };
}
