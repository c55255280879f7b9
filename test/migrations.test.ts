import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { roleUrl, subgraphDatabase } from '@hub/platform/db';
import { rolePassword } from '@hub/platform/runtime';
import { SUBGRAPH_NAMES } from '@hub/platform/topology';
import { testAdminUrl } from '@hub/platform/testing';
import pg from 'pg';

const run = promisify(execFile);

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('npm run migration:create', () => {
  it('finds every subgraph’s entities matching its migrations, with roles of its own that it drops, never the live ones', async () => {
    const admin = testAdminUrl();
    // --check: a difference fails the test without writing a migration into the tree.
    const outputs = await Promise.all(
      SUBGRAPH_NAMES.map(async (name) =>
        run('node_modules/.bin/tsx', ['scripts/migration-create.ts', name, '--check'], { env: { ...process.env, DATABASE_URL: admin }, timeout: 60_000 }).then(
          (done) => done.stdout,
          (failed: { stdout?: string; message: string }) => failed.stdout || failed.message,
        ),
      ),
    );
    expect(outputs.map((out) => out.trim())).toEqual(SUBGRAPH_NAMES.map(() => 'No changes: the entities match the migrations.'));
    // The live roles still log in with their own password: the tool never reset it.
    for (const name of SUBGRAPH_NAMES) expect(await query(roleUrl(admin, subgraphDatabase(name), rolePassword()), 'select 1 as ok')).toEqual([{ ok: 1 }]);
    expect(await query(admin, "select rolname from pg_roles where rolname like 'hub\\_scratch\\_%'")).toEqual([]);
  }, 120_000);
});
