import pg from 'pg';

/**
 * Each subgraph owns one PostgreSQL schema through its own login role. Other subgraphs' roles get no USAGE
 * on it, so "never read another subgraph's tables" is enforced by the database, not only by convention.
 */
export interface SubgraphDatabase {
  /** The subgraph's name, which is also its schema. */
  schema: string;
  role: string;
}

/** The live roles are `hub_<name>`; tools that need throw-away roles (migration:create) pass their own prefix. */
export function subgraphDatabase(name: string, rolePrefix = 'hub_'): SubgraphDatabase {
  return { schema: name, role: `${rolePrefix}${name}` };
}

/**
 * The role that owns a subgraph's schema and its append-only tables. It cannot log in; the subgraph's own role may
 * create tables in the schema but, not owning it, cannot drop or alter what the owner holds.
 */
export function ownerRole(database: SubgraphDatabase): string {
  return `${database.role}_owner`;
}

/** Drops roles made for a throw-away database (never the live ones). */
export async function dropRoles(adminUrl: string, databases: SubgraphDatabase[]): Promise<void> {
  await withClient(adminUrl, async (client) => {
    for (const database of databases) {
      const { role } = database;
      if (/^hub_(agencies|cases|treatment|reporting)$/.test(role)) throw new Error(`refusing to drop the live role ${role}`);
      await client.query(`drop role if exists ${quoteIdent(role)}`);
      await client.query(`drop role if exists ${quoteIdent(ownerRole(database))}`);
    }
  });
}

const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';
const TUPLE_CONCURRENTLY_UPDATED = 'XX000';

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** One connection for `work`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the login roles (cluster-wide, so once per server); safe to run again and from several processes. */
export async function ensureRoles(adminUrl: string, databases: SubgraphDatabase[], password: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    for (const { role } of databases) {
      const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      try {
        if (exists.rowCount === 0) {
          await client.query(`create role ${quoteIdent(role)} login password ${quoteLiteral(password)}`);
        } else {
          await client.query(`alter role ${quoteIdent(role)} login password ${quoteLiteral(password)}`);
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== DUPLICATE_OBJECT && code !== UNIQUE_VIOLATION && code !== TUPLE_CONCURRENTLY_UPDATED) throw error;
      }
    }
  });
}

/**
 * Creates each subgraph's schema in the database at `adminUrl`, owned by its owner role (ownerRole), usable and
 * open to new tables for the subgraph's role, and closed to everyone else.
 */
export async function ensureSchemas(adminUrl: string, databases: SubgraphDatabase[]): Promise<void> {
  await withClient(adminUrl, async (client) => {
    // Subgraphs started side by side provision the same database at once, and PostgreSQL refuses two concurrent
    // changes to one catalogue row (each GRANT CONNECT rewrites the database's ACL): they take turns instead. The
    // lock is the session's, so it goes with the connection whatever happens.
    // Bounded: a provisioner that hangs must not hold every later start for ever.
    await client.query(`set lock_timeout = '2min'`);
    await client.query(`select pg_advisory_lock(hashtext('hub.provisioning'))`);
    await client.query(`reset lock_timeout`);
    const { rows } = await client.query<{ db: string }>('select current_database() as db');
    const database = rows[0]!.db;
    for (const subgraph of databases) {
      const { schema, role } = subgraph;
      const owner = ownerRole(subgraph);
      try {
        await client.query(`create role ${quoteIdent(owner)} nologin`);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== DUPLICATE_OBJECT && code !== UNIQUE_VIOLATION && code !== TUPLE_CONCURRENTLY_UPDATED) throw error;
      }
      await client.query(`create schema if not exists ${quoteIdent(schema)} authorization ${quoteIdent(owner)}`);
      // A schema made before the owner role existed belonged to the subgraph's role, which could then drop anything in it.
      await client.query(`alter schema ${quoteIdent(schema)} owner to ${quoteIdent(owner)}`);
      await client.query(`grant usage, create on schema ${quoteIdent(schema)} to ${quoteIdent(role)}`);
      await client.query(`revoke all on schema ${quoteIdent(schema)} from public`);
      await client.query(`grant connect on database ${quoteIdent(database)} to ${quoteIdent(role)}`);
      await client.query(`alter role ${quoteIdent(role)} in database ${quoteIdent(database)} set search_path = ${quoteIdent(schema)}`);
    }
  });
}

/** The URL a subgraph connects with: the admin URL's server and database, the subgraph's own role. */
export function roleUrl(adminUrl: string, database: SubgraphDatabase, password: string): string {
  const url = new URL(adminUrl);
  url.username = database.role;
  url.password = password;
  return url.toString();
}

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await withClient(adminUrl, (client) => client.query(`create database ${quoteIdent(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`drop database if exists ${quoteIdent(name)} with (force)`));
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const result = await client.query('select 1 from pg_database where datname = $1', [name]);
    return result.rowCount === 1;
  });
}

/** Waits until PostgreSQL accepts connections, so start-up ordering problems surface as one clear message. */
export async function waitForPostgres(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await withClient(url, (client) => client.query('select 1'));
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`PostgreSQL at ${new URL(url).host} did not answer within ${timeoutMs} ms: ${(lastError as Error)?.message}`);
}

/**
 * Makes tables append-only for the subgraph's role (CJIS AU-9): the owner role takes them over, and the subgraph's
 * role keeps only SELECT and INSERT (and the use of their id sequences) — no UPDATE, DELETE, TRUNCATE, ALTER or DROP.
 * Run with the admin connection after migrations; safe to run again. A later migration that changes one of these
 * tables must be run by an administrator, which is the point.
 */
export async function sealAppendOnlyTables(adminUrl: string, database: SubgraphDatabase, tables: readonly string[]): Promise<void> {
  const { schema, role } = database;
  const owner = ownerRole(database);
  await withClient(adminUrl, async (client) => {
    for (const table of tables) {
      const qualified = `${quoteIdent(schema)}.${quoteIdent(table)}`;
      // A database migrated only part of the way has not made the table yet; it is sealed once it exists.
      const exists = await client.query('select to_regclass($1) as found', [qualified]);
      if (exists.rows[0]?.found === null) continue;
      await client.query(`alter table ${qualified} owner to ${quoteIdent(owner)}`);
      await client.query(`revoke all on table ${qualified} from ${quoteIdent(role)}`);
      await client.query(`grant select, insert on table ${qualified} to ${quoteIdent(role)}`);
      const sequences = await client.query<{ name: string }>(
        `select s.relname as name from pg_class s join pg_depend d on d.objid = s.oid join pg_class t on d.refobjid = t.oid
         join pg_namespace n on n.oid = t.relnamespace where s.relkind = 'S' and t.relname = $1 and n.nspname = $2`,
        [table, schema],
      );
      for (const { name } of sequences.rows) await client.query(`grant usage on sequence ${quoteIdent(schema)}.${quoteIdent(name)} to ${quoteIdent(role)}`);
    }
  });
}
