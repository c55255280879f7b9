import type pg from 'pg';

/**
 * Two round trips fewer for every transaction a command runs, on each pooled connection (pool option `onConnect`).
 *
 * - **BEGIN travels with the transaction's first statement.** MikroORM (through Kysely) sends `begin` on its own and
 *   waits for the answer. It is held back here and sent in front of the first statement, in the same simple query:
 *   PostgreSQL runs `begin; <statement>` exactly as it would run the two one after the other, so the transaction,
 *   its snapshot and an error in the statement are the same. A first statement with bound parameters cannot share a
 *   simple query, so the `begin` goes ahead of it as before.
 * - **No COMMIT for a transaction that a statement already committed.** A command's audit append ends with `commit`
 *   (appendAuditRecordsAndCommit), so the chain's lock is released as soon as the records are in. PostgreSQL then
 *   reports the session idle (the ReadyForQuery status `I`), and the COMMIT that MikroORM sends afterwards would only
 *   draw a warning: it is answered here instead. The same for a transaction that never sent anything.
 *
 * A statement sent after its transaction was committed that way would run on its own, outside the command's
 * transaction, and commit by itself: it is refused before it is sent. A transaction left aborted by an error (`E`)
 * still has its COMMIT or ROLLBACK sent, so PostgreSQL answers as it always does.
 *
 * On this kind of machine each round trip to PostgreSQL on loopback cost the cases subgraph about 0.14 ms of CPU in
 * the socket write alone (30 % of its CPU while officers referred: docs/decisions.md).
 */
export function saveTransactionRoundTrips(client: pg.Client): void {
  const send = client.query.bind(client) as (text: unknown, values?: unknown, callback?: unknown) => unknown;
  /** The caller's `begin` not yet sent, or null. */
  let pendingBegin: string | null = null;
  /** Between the caller's `begin` and its COMMIT or ROLLBACK. */
  let inTransaction = false;
  /** The server's own view after the last statement: `I` idle, `T` in a transaction, `E` in a failed one. */
  const serverStatus = () => (client as unknown as { getTransactionStatus(): string | null }).getTransactionStatus();

  const sendPendingBegin = (): void => {
    if (pendingBegin === null) return;
    const begin = pendingBegin;
    pendingBegin = null;
    // Queued by pg ahead of whatever is sent next; a failure shows in that statement too.
    (send(begin) as Promise<unknown>).catch(() => undefined);
  };

  const query = (text: unknown, values?: unknown, callback?: unknown): unknown => {
    // Query objects, cursors and callbacks go through as they are, behind any `begin` still held back.
    if (typeof text !== 'string' || typeof values === 'function' || callback !== undefined) {
      sendPendingBegin();
      return send(text, values, callback);
    }
    const simple = values === undefined || (Array.isArray(values) && values.length === 0);
    if (simple && !inTransaction && TRANSACTION_START.test(text)) {
      pendingBegin = text;
      inTransaction = true;
      return Promise.resolve(answeredHere('BEGIN'));
    }
    if (simple && inTransaction && TRANSACTION_END.test(text)) {
      const nothingOpen = pendingBegin !== null || serverStatus() === 'I';
      pendingBegin = null;
      inTransaction = false;
      if (nothingOpen) return Promise.resolve(answeredHere(/^\s*(rollback|abort)/i.test(text) ? 'ROLLBACK' : 'COMMIT'));
      return send(text, values);
    }
    if (inTransaction && pendingBegin === null && serverStatus() === 'I') {
      return Promise.reject(new Error(`the transaction was already committed by an earlier statement; refused to run this one on its own: ${text.slice(0, 80)}`));
    }
    if (pendingBegin !== null && simple) {
      const begin = pendingBegin;
      pendingBegin = null;
      return (send(`${begin};\n${text}`) as Promise<pg.QueryResult | pg.QueryResult[]>).then(withoutBegin);
    }
    sendPendingBegin();
    return send(text, values);
  };
  client.query = query as pg.Client['query'];
  forgetters.set(client, () => {
    pendingBegin = null;
    inTransaction = false;
  });
}

const forgetters = new WeakMap<pg.Client, () => void>();

/**
 * Called when the pool takes the connection back (its `release` event): whatever its last holder began is over for
 * this bookkeeping, so a holder that never ended its transaction cannot leave the next one's statements refused.
 */
export function connectionReleased(client: pg.Client): void {
  forgetters.get(client)?.();
}

/** `begin`, or `start transaction …`: one statement that opens a transaction. */
const TRANSACTION_START = /^\s*(begin|start\s+transaction)\b[^;]*;?\s*$/i;
/** A plain COMMIT or ROLLBACK (not `rollback to savepoint`, not `commit and chain`). */
const TRANSACTION_END = /^\s*(commit|end|rollback|abort)\s*;?\s*$/i;

/** What pg resolves a statement with, for one that was not sent. */
function answeredHere(command: 'BEGIN' | 'COMMIT' | 'ROLLBACK'): pg.QueryResult {
  return { command, rowCount: null, oid: 0, rows: [], fields: [] };
}

/** The caller's statements' results, as pg would have given them had the `begin` gone on its own. */
function withoutBegin(results: pg.QueryResult | pg.QueryResult[]): pg.QueryResult | pg.QueryResult[] {
  if (!Array.isArray(results)) return results;
  const rest = results.slice(1);
  return rest.length === 1 ? rest[0]! : rest;
}
