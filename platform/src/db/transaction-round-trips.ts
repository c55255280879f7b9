import type pg from 'pg';

/**
 * Two round trips fewer for every transaction a command runs, on each pooled connection (installed on the pool's
 * `connect` event by createSubgraphOrm, cleared on its `release` event by connectionReleased).
 *
 * - **BEGIN travels with the transaction's first statement.** MikroORM (through Kysely) sends `begin` on its own and
 *   waits for the answer. It is held back here and sent in front of the first statement, in the same simple query:
 *   PostgreSQL runs `begin; <statement>` as it would run the two one after the other, so the transaction, its
 *   snapshot and an error in the statement are the same. (PostgreSQL parses the whole string first: after a syntax
 *   error in the statement the BEGIN never ran either, so a failed first statement keeps the transaction aborted
 *   here, refusing what follows with 25P02 and ending it with ROLLBACK, as PostgreSQL would.) A first statement with
 *   bound parameters cannot share a simple query, so the `begin` goes ahead of it, and the statement only once the
 *   `begin` has succeeded.
 * - **No COMMIT for a transaction that a statement already committed.** A command's audit append ends with `commit`
 *   (appendAuditRecordsAndCommit), so the chain's lock is released as soon as the records are in. PostgreSQL then
 *   reports the session idle (the ReadyForQuery status `I`), and the COMMIT that MikroORM sends afterwards would only
 *   draw a warning: it is answered here instead. The same for a transaction that never sent anything.
 *
 * The server's status (as of the last statement answered without an error) is only read with nothing of the
 * transaction in flight: a statement sent while another is running (pg would hold it back anyway) waits for that
 * one's answer before it is judged, in the order sent. A statement sent after its transaction was committed that way
 * would run on its own, outside the command's transaction, and commit by itself: it is refused before it is sent. A
 * transaction left aborted by an error still has its COMMIT or ROLLBACK sent, so PostgreSQL answers as it always
 * does.
 *
 * On this kind of machine each round trip to PostgreSQL on loopback cost the cases subgraph about 0.14 ms of CPU in
 * the socket write alone (30 % of its CPU while officers referred: docs/decisions.md).
 */
export function saveTransactionRoundTrips(client: pg.Client): void {
  const pgQuery = client.query.bind(client) as (text: unknown, values?: unknown, callback?: unknown) => unknown;
  /** The caller's `begin` not yet sent, or null. */
  let pendingBegin: string | null = null;
  /** Between the caller's `begin` and its COMMIT or ROLLBACK. */
  let inTransaction = false;
  /** The statement sent with the held-back BEGIN failed: the transaction is aborted, whether or not the BEGIN ran. */
  let abortedHere = false;
  /** Statements sent and not yet answered; the server's status describes the last answered one. */
  let inFlight = 0;
  let whenIdle: (() => void)[] = [];
  const serverStatus = () => transactionStatus(client);

  const send = <T>(text: string, values?: unknown): Promise<T> => {
    inFlight += 1;
    const settled = () => {
      inFlight -= 1;
      if (inFlight > 0) return;
      const waiting = whenIdle;
      whenIdle = [];
      for (const resume of waiting) resume();
    };
    const answer = pgQuery(text, values) as Promise<T>;
    answer.then(settled, settled);
    return answer;
  };
  const idle = () => new Promise<void>((resume) => whenIdle.push(resume));

  /** Why a statement may not be sent now, or null. Asked with nothing of the transaction in flight. */
  const refusal = (text: string): Error | null => {
    if (!inTransaction || pendingBegin !== null) return null;
    // What PostgreSQL itself would answer, whether or not the BEGIN ran.
    if (abortedHere) return Object.assign(new Error('current transaction is aborted, commands ignored until end of transaction block'), { code: '25P02' });
    if (serverStatus() === 'I') return new Error(`the transaction was already committed by an earlier statement; refused to run this one on its own: ${text.slice(0, 80)}`);
    return null;
  };

  /** The held-back `begin`, now to be sent (or null): it is sent once, whichever way. */
  const takePendingBegin = (): string | null => {
    const begin = pendingBegin;
    pendingBegin = null;
    return begin;
  };
  const sendPendingBegin = (): Promise<unknown> | null => {
    const begin = takePendingBegin();
    return begin === null ? null : send(begin);
  };

  const query = (text: unknown, values?: unknown, callback?: unknown): unknown => {
    // Query objects, cursors and callbacks go through as they are, behind any `begin` still held back (pg sends in
    // order); they are refused, by throwing, where a statement would be.
    if (typeof text !== 'string' || typeof values === 'function' || callback !== undefined) {
      const refused = inFlight === 0 ? refusal(typeof text === 'string' ? text : '(query object)') : null;
      if (refused) throw refused;
      sendPendingBegin()?.catch(() => undefined);
      return pgQuery(text, values, callback);
    }
    // pg would hold it until the statement in flight is answered anyway; waiting here keeps the order and lets the
    // decisions below read the server's status after that statement, not before it.
    if (inTransaction && pendingBegin === null && inFlight > 0) return idle().then(() => query(text, values));
    const simple = values === undefined || (Array.isArray(values) && values.length === 0);
    if (simple && !inTransaction && TRANSACTION_START.test(text)) {
      pendingBegin = text;
      inTransaction = true;
      abortedHere = false;
      return Promise.resolve(answeredHere('BEGIN'));
    }
    if (simple && inTransaction && TRANSACTION_END.test(text)) {
      const wasAborted = abortedHere;
      const nothingOpen = pendingBegin !== null || (!wasAborted && serverStatus() === 'I');
      pendingBegin = null;
      inTransaction = false;
      abortedHere = false;
      if (nothingOpen) return Promise.resolve(answeredHere(/^\s*(rollback|abort)/i.test(text) ? 'ROLLBACK' : 'COMMIT'));
      // Whether or not the BEGIN ran, a ROLLBACK ends it; and it answers ROLLBACK, as PostgreSQL answers the COMMIT of
      // an aborted transaction (Kysely raises on it).
      if (wasAborted) return send('rollback');
      return send(text, values);
    }
    const refused = refusal(text);
    if (refused) return Promise.reject(refused);
    if (pendingBegin !== null && simple) {
      const prefix = `${takePendingBegin()};\n`;
      return send<pg.QueryResult | pg.QueryResult[]>(`${prefix}${text}`).then(withoutBegin, (error: unknown) => {
        // Either the BEGIN ran and the statement failed (PostgreSQL holds the transaction aborted), or the string did
        // not parse and nothing ran: either way the transaction is aborted for its caller. (pg rejects on the error,
        // before PostgreSQL reports its status, so the status cannot tell the two apart here.)
        abortedHere = true;
        throw withPositionIn(error, prefix.length);
      });
    }
    const begin = sendPendingBegin();
    if (!begin) return send(text, values);
    return begin.then(
      () => send(text, values),
      (error: unknown) => {
        abortedHere = true;
        throw error;
      },
    );
  };
  client.query = query as pg.Client['query'];
  states.set(client, {
    forget() {
      const leftOpen = (inTransaction && pendingBegin === null) || inFlight > 0;
      pendingBegin = null;
      inTransaction = false;
      abortedHere = false;
      return leftOpen;
    },
  });
}

/** Clears a connection's bookkeeping; true when its holder left a transaction it had sent statements in, or a statement running. */
const states = new WeakMap<pg.Client, { forget(): boolean }>();

/**
 * Called when the pool takes the connection back (its `release` event). The bookkeeping of whatever its last holder
 * began is cleared, so a holder that never ended its transaction cannot leave the next one's statements refused; and
 * a connection that comes back with a transaction still open on the server (or a statement still running) is closed,
 * so the pool drops it rather than handing the next holder somebody else's transaction.
 */
export function connectionReleased(client: pg.Client): void {
  const leftOpen = states.get(client)?.forget() ?? false;
  const status = transactionStatus(client);
  if (leftOpen || (status !== null && status !== 'I')) void client.end().catch(() => undefined);
}

/** The server's own view after the last statement answered: `I` idle, `T` in a transaction, `E` in a failed one. */
function transactionStatus(client: pg.Client): string | null {
  return (client as unknown as { getTransactionStatus(): string | null }).getTransactionStatus();
}

/** `begin`, or `start transaction …`: one statement that opens a transaction. */
const TRANSACTION_START = /^\s*(begin|start\s+transaction)\b[^;]*;?\s*$/i;
/** A plain COMMIT or ROLLBACK in any of its spellings (not `rollback to savepoint`, not `commit and chain`). */
const TRANSACTION_END = /^\s*(commit|end|rollback|abort)(\s+(work|transaction))?(\s+and\s+no\s+chain)?\s*;?\s*$/i;

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

/** An error's position (1-based, in characters) in the caller's statement rather than in the string that was sent. */
function withPositionIn(error: unknown, prefixLength: number): unknown {
  const located = error as { position?: string };
  if (located && typeof located.position === 'string' && Number(located.position) > prefixLength) located.position = String(Number(located.position) - prefixLength);
  return error;
}
