import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { createDatabase, dropDatabase } from '../src/db/roles.js';
import { connectionReleased, saveTransactionRoundTrips } from '../src/db/transaction-round-trips.js';
import { testAdminUrl } from '../src/testing/database.js';

/**
 * The pooled connection's two savings, against a real PostgreSQL: BEGIN travels with the first statement, and no
 * COMMIT is sent for a transaction a statement already committed. What is sent is counted at pg's own `query`, one
 * call per round trip; what PostgreSQL did is read back from another session.
 */
let adminUrl: string;
let pool: pg.Pool;
let db: Kysely<Record<string, never>>;
let other: pg.Client;
const sent = jest.spyOn(pg.Client.prototype, 'query');

beforeAll(async () => {
  adminUrl = await createDatabase(testAdminUrl(), `hub_test_round_trips_${randomBytes(4).toString('hex')}`);
  pool = new pg.Pool({ connectionString: adminUrl, max: 1 });
  pool.on('connect', saveTransactionRoundTrips);
  pool.on('release', (_error: Error | undefined, client: pg.PoolClient) => connectionReleased(client));
  // As MikroORM's pool does (handlePoolErrors): an error of a connection nobody holds is logged, not thrown.
  pool.on('error', () => undefined);
  db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  other = new pg.Client({ connectionString: adminUrl });
  await other.connect();
  await other.query('create table kept (id int primary key, note text)');
  // The one pooled connection is made now, so no test counts its connecting.
  await sql`select 1`.execute(db);
});

afterAll(async () => {
  await other?.end();
  await db?.destroy();
  if (adminUrl) await dropDatabase(testAdminUrl(), new URL(adminUrl).pathname.slice(1));
  sent.mockRestore();
});

/** The statements pg sent while `work` ran, one per round trip. */
async function roundTrips(work: () => Promise<unknown>): Promise<string[]> {
  sent.mockClear();
  await work();
  return sent.mock.calls.map(([text]) => (typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '(query object)'));
}

const keptIds = async () => (await other.query<{ id: number }>('select id from kept order by id')).rows.map((r) => r.id);
const clear = () => other.query('delete from kept');
/** The server process behind a connection (pg's `processID`, not in its types). */
const pidOf = (client: pg.PoolClient) => (client as unknown as { processID: number }).processID;

/** `work` on a connection of its own from the pool, given back afterwards whatever happens. */
async function onConnection<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

describe('a transaction on a pooled connection', () => {
  it('sends BEGIN with its first statement, in one round trip, and the statement runs inside the transaction', async () => {
    await clear();
    const trips = await roundTrips(() =>
      db
        .transaction()
        .execute(async (trx) => {
          await sql`insert into kept (id) values (1)`.execute(trx);
          throw new Error('undo');
        })
        .catch(() => undefined),
    );
    expect(trips).toEqual(['begin; insert into kept (id) values (1)', 'rollback']);
    // Rolled back with the transaction: the insert did not run on its own.
    expect(await keptIds()).toEqual([]);
  });

  it('answers a statement sent with BEGIN with that statement’s own result (rows, and a multi-statement query’s results)', async () => {
    await clear();
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ n: number }>`select 41 + 1 as n`.execute(trx);
      expect(rows).toEqual([{ n: 42 }]);
    });
    await onConnection(async (client) => {
      await client.query('begin');
      const results = (await client.query('select 1 as a; select 2 as b')) as unknown as pg.QueryResult[];
      expect(results.map((r) => r.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);
      await client.query('commit');
    });
  });

  it('sends BEGIN on its own ahead of a first statement with bound parameters, which cannot share a simple query', async () => {
    await clear();
    const trips = await roundTrips(() => db.transaction().execute((trx) => sql`insert into kept (id, note) values (${2}, ${'bound'})`.execute(trx)));
    expect(trips).toEqual(['begin', 'insert into kept (id, note) values ($1, $2)', 'commit']);
    expect(await keptIds()).toEqual([2]);
  });

  it('sends nothing for a transaction that sent no statement', async () => {
    const trips = await roundTrips(async () => {
      await db.transaction().execute(async () => undefined);
      await db
        .transaction()
        .execute(async () => {
          throw new Error('nothing to undo');
        })
        .catch(() => undefined);
    });
    expect(trips).toEqual([]);
  });

  it('does not send COMMIT for a transaction a statement already committed, which keeps what it wrote', async () => {
    await clear();
    const trips = await roundTrips(() =>
      db.transaction().execute(async (trx) => {
        await sql`insert into kept (id) values (3)`.execute(trx);
        await sql.raw('insert into kept (id) values (4); commit').execute(trx);
      }),
    );
    expect(trips).toEqual(['begin; insert into kept (id) values (3)', 'insert into kept (id) values (4); commit']);
    expect(await keptIds()).toEqual([3, 4]);
    // The connection goes back to the pool idle, and its next transaction is a transaction.
    await db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into kept (id) values (5)`.execute(trx);
        throw new Error('undo');
      })
      .catch(() => undefined);
    expect(await keptIds()).toEqual([3, 4]);
  });

  it('refuses a statement sent after its transaction was committed by an earlier one, which would otherwise commit on its own', async () => {
    await clear();
    const trips = await roundTrips(async () => {
      await expect(
        db.transaction().execute(async (trx) => {
          await sql.raw('insert into kept (id) values (6); commit').execute(trx);
          await sql`insert into kept (id) values (7)`.execute(trx);
        }),
      ).rejects.toThrow(/already committed by an earlier statement/);
    });
    expect(trips).toEqual(['begin; insert into kept (id) values (6); commit']);
    expect(await keptIds()).toEqual([6]);
  });

  it('sends the COMMIT of a transaction an error aborted, which PostgreSQL answers with ROLLBACK, and keeps nothing', async () => {
    await clear();
    await onConnection(async (client) => {
      await client.query('begin');
      await client.query('insert into kept (id) values (8)');
      await expect(client.query('insert into kept (id) values (8)')).rejects.toThrow(/duplicate key/);
      sent.mockClear();
      const answer = await client.query('commit');
      expect(sent.mock.calls.map(([text]) => text)).toEqual(['commit']);
      expect(answer.command).toBe('ROLLBACK');
    });
    expect(await keptIds()).toEqual([]);
  });

  it('leaves a transaction whose first statement fails aborted, so nothing after it is kept', async () => {
    await clear();
    await onConnection(async (client) => {
      await client.query('begin');
      await expect(client.query('insert into kept (id) values (null)')).rejects.toThrow(/null value/);
      await expect(client.query('insert into kept (id) values (9)')).rejects.toThrow(/current transaction is aborted/);
      expect((await client.query('rollback')).command).toBe('ROLLBACK');
    });
    expect(await keptIds()).toEqual([]);
  });

  it('keeps savepoints working: an inner part rolled back to its savepoint, the rest committed', async () => {
    await clear();
    await db.transaction().execute(async (trx) => {
      await sql`insert into kept (id) values (10)`.execute(trx);
      await sql`savepoint inner_part`.execute(trx);
      await sql`insert into kept (id) values (11)`.execute(trx);
      await sql`rollback to savepoint inner_part`.execute(trx);
      await sql`insert into kept (id) values (12)`.execute(trx);
    });
    expect(await keptIds()).toEqual([10, 12]);
  });

  it('closes a connection its holder returned with a transaction still open, so the next holder never joins it', async () => {
    await clear();
    const first = await pool.connect();
    const firstPid = pidOf(first);
    await first.query('begin');
    await first.query('insert into kept (id) values (13)');
    const closed = new Promise((resolve) => first.once('end', resolve));
    first.release();
    // Closed for good before the test goes on (and before the database is dropped after the last test).
    await closed;
    await onConnection(async (next) => {
      expect(pidOf(next)).not.toBe(firstPid);
      expect((await next.query<{ n: number }>('select 1 as n')).rows).toEqual([{ n: 1 }]);
    });
    // The server rolled the abandoned transaction back when its connection closed.
    expect(await keptIds()).toEqual([]);
  });

  it('keeps a connection whose holder ended its transaction, even one a statement committed', async () => {
    await clear();
    const first = await pool.connect();
    const firstPid = pidOf(first);
    await first.query('begin');
    await first.query('insert into kept (id) values (14); commit');
    await first.query('commit');
    first.release();
    await onConnection(async (next) => {
      expect(pidOf(next)).toBe(firstPid);
    });
    expect(await keptIds()).toEqual([14]);
  });

  it('waits for a statement in flight before judging the next: a ROLLBACK sent while the first statement runs is sent, and nothing is kept', async () => {
    await clear();
    const trips = await roundTrips(() =>
      db
        .transaction()
        .execute(async (trx) => {
          await Promise.all([sql`insert into kept (id) values (15)`.execute(trx), Promise.reject(new Error('fails at once'))]);
        })
        .catch(() => undefined),
    );
    expect(trips).toEqual(['begin; insert into kept (id) values (15)', 'rollback']);
    // Let the insert's answer arrive, then look: it was rolled back, and the connection is back, idle.
    await sql`select 1`.execute(db);
    expect(await keptIds()).toEqual([]);
  });

  it('keeps a transaction whose first statement does not parse aborted, as PostgreSQL would: 25P02 for what follows, ROLLBACK for its COMMIT', async () => {
    await clear();
    await onConnection(async (client) => {
      await client.query('begin');
      const error = await client.query('insert into kept (id) valuez (16)').then(
        () => null,
        (e: { code?: string; position?: string }) => e,
      );
      expect(error?.code).toBe('42601');
      // Where the error is in the statement as the caller wrote it, not in the string that carried the BEGIN.
      expect(error?.position).toBe(String('insert into kept (id) '.length + 1));
      await expect(client.query('insert into kept (id) values (17)')).rejects.toMatchObject({ code: '25P02' });
      expect((await client.query('commit')).command).toBe('ROLLBACK');
      expect((await client.query<{ n: number }>('select 1 as n')).rows).toEqual([{ n: 1 }]);
    });
    expect(await keptIds()).toEqual([]);
  });

  it('does not send a statement with bound parameters when the BEGIN sent ahead of it fails', async () => {
    await clear();
    await onConnection(async (client) => {
      await client.query('start transaction isolation level bogus');
      await expect(client.query('insert into kept (id) values ($1)', [18])).rejects.toThrow(/syntax error/);
      await expect(client.query('insert into kept (id) values (19)')).rejects.toMatchObject({ code: '25P02' });
      await client.query('rollback');
    });
    expect(await keptIds()).toEqual([]);
  });

  it('reports the rows an UPDATE sent with BEGIN changed (optimistic version checks read it)', async () => {
    await clear();
    await other.query('insert into kept (id) values (20), (21)');
    const changed = await db.transaction().execute((trx) => sql`update kept set note = 'seen' where id in (20, 21)`.execute(trx));
    expect(changed.numAffectedRows).toBe(2n);
  });
});
