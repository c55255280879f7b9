import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, ensureRoles, ensureSchemas, subgraphDatabase, withClient } from '../src/db/index.js';
import { rolePassword } from '../src/runtime.js';
import { testAdminUrl } from '../src/testing/database.js';
import { SUBGRAPH_NAMES } from '../src/topology.js';

/**
 * Subgraph processes started side by side each provision their own schema and role on the same database. PostgreSQL
 * refuses concurrent changes to one catalogue row ("tuple concurrently updated": every GRANT CONNECT rewrites the
 * database's ACL), so provisioning must take turns rather than fail a subgraph's start.
 */
describe('provisioning from several processes at once', () => {
  const name = `hub_test_provision_${randomBytes(4).toString('hex')}`;
  let adminUrl: string;
  beforeAll(async () => {
    adminUrl = await createDatabase(testAdminUrl(), name);
  });
  afterAll(async () => {
    await dropDatabase(testAdminUrl(), name);
  });

  it('gives every subgraph its schema and role when all four provision at the same moment, again and again', async () => {
    const databases = SUBGRAPH_NAMES.map((subgraph) => subgraphDatabase(subgraph));
    for (let round = 0; round < 5; round += 1) {
      // Each call has its own connection, as each subgraph process does.
      const outcomes = await Promise.allSettled(
        databases.flatMap((database) => [
          ensureRoles(testAdminUrl(), [database], rolePassword()).then(() => ensureSchemas(adminUrl, [database])),
          ensureSchemas(adminUrl, [database]),
        ]),
      );
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    }
    const schemas = await withClient(adminUrl, async (client) => (await client.query<{ nspname: string }>('select nspname from pg_namespace where nspname = any($1) order by nspname', [databases.map((d) => d.schema)])).rows);
    expect(schemas.map((s) => s.nspname)).toEqual([...SUBGRAPH_NAMES].sort());
  });
});
