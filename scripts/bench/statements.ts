/**
 * What each subgraph asks of PostgreSQL for one operation: the recorded subgraph requests are answered in this
 * process by the subgraphs' own code against the benchmark database, with the ORM's statement counter on; each
 * read is then run under EXPLAIN (ANALYZE, BUFFERS) inside a transaction that is rolled back, for the time
 * PostgreSQL itself spends on it (planning and execution).
 */
import pg from 'pg';
import { auditPlugin } from '@hub/platform/audit';
import { roleUrl, subgraphDatabase } from '@hub/platform/db';
import { findPersona } from '@hub/platform/demo';
import { rolePassword } from '@hub/platform/runtime';
import { openSubgraphOrm } from '@hub/platform/subgraph';
import { SubgraphClient } from '@hub/platform/testing';
import type { SubgraphName } from '@hub/platform/topology';
import { subgraphByName } from '../hub-subgraphs.js';
import type { RecordedRequest } from './replay.js';

export interface SubgraphStatements {
  subgraph: SubgraphName;
  requests: number;
  statements: number;
  /** PostgreSQL's planning + execution time for those statements (EXPLAIN ANALYZE), in ms. */
  postgresMs: number;
}

const TRANSACTION_CONTROL = /^(begin|commit|rollback|savepoint|release|set )/i;

export async function statementsPerSubgraph(adminUrl: string, persona: string, recorded: readonly RecordedRequest[]): Promise<SubgraphStatements[]> {
  const actor = findPersona(persona)?.actor;
  if (!actor) throw new Error(`no persona ${persona}`);
  const bySubgraph = new Map<SubgraphName, RecordedRequest[]>();
  for (const request of recorded) bySubgraph.set(request.subgraph, [...(bySubgraph.get(request.subgraph) ?? []), request]);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const results: SubgraphStatements[] = [];
  try {
    for (const [subgraph, requests] of bySubgraph) {
      const definition = subgraphByName(subgraph);
      const orm = await openSubgraphOrm(definition, roleUrl(adminUrl, subgraphDatabase(subgraph), rolePassword()));
      try {
        // With the audit plugin the HTTP server adds, so the audit trail's writes are counted as the service makes them.
        const client = new SubgraphClient({ ...definition, plugins: [auditPlugin(orm), ...(definition.plugins ?? [])] }, orm);
        const replay = () =>
          orm.counter.measure(async () => {
            for (const request of requests) {
              const { query, variables } = JSON.parse(request.body) as { query: string; variables?: Record<string, unknown> };
              await client.run(actor, query, variables ?? {});
            }
          });
        // The first replay opens the pool's connections and warms their catalog caches, as a running subgraph's are:
        // timed cold, a write took several times as long (a 13-row insert 16 ms, a 37-record audit append 38 ms).
        await replay();
        const { executed } = await replay();
        const statements = executed.filter((s) => !TRANSACTION_CONTROL.test(s.sql.trim()));
        let postgresMs = 0;
        // A read, and the audit chain's insert, are timed by PostgreSQL itself (planning and execution, rolled back);
        // any other write already happened in the replay (running it again would collide with it), so it counts the
        // time the driver saw it take.
        for (const statement of statements) {
          const timed = isRead(statement.sql) ? statement.sql : auditInsertOf(statement.sql);
          postgresMs += timed ? await explainMs(admin, timed) : statement.tookMs;
        }
        results.push({ subgraph, requests: requests.length, statements: statements.length, postgresMs });
      } finally {
        await orm.close();
      }
    }
  } finally {
    await admin.end();
  }
  return results;
}

/**
 * The chained insert of an audit append (`select pg_advisory_xact_lock(…); with recursive … insert …`, perhaps ending
 * with `commit`), which EXPLAIN can time on its own: the lock in front of it is uncontended here.
 */
function auditInsertOf(sql: string): string | null {
  const match = /^\s*select pg_advisory_xact_lock\([^;]*\);\s*(with recursive[\s\S]*?)(;\s*commit)?\s*$/i.exec(sql);
  return match?.[1] ?? null;
}

/**
 * One statement that only reads, with its values in place. Several sent together (the audit chain's lock and insert)
 * and bound ones ($1) are timed by the driver, like writes: EXPLAIN takes one statement, with nothing to bind.
 */
function isRead(sql: string): boolean {
  return /^\s*(select|with)\b/i.test(sql) && !/;\s*\S/.test(sql) && !/\$\d/.test(sql);
}

/** Planning plus execution time of one statement, measured by PostgreSQL, with nothing it writes kept. */
async function explainMs(admin: pg.Client, statement: string): Promise<number> {
  await admin.query('begin');
  try {
    const explain = async () => {
      const { rows } = await admin.query<{ 'QUERY PLAN': { 'Planning Time': number; 'Execution Time': number }[] }>(`explain (analyze, buffers, format json) ${statement}`);
      const plan = rows[0]!['QUERY PLAN'][0]!;
      return plan['Planning Time'] + plan['Execution Time'];
    };
    // The second run: a subgraph's pooled connections have their catalog caches and the pages warm, a fresh one not.
    await explain();
    return await explain();
  } catch (error) {
    throw new Error(`EXPLAIN failed (${error instanceof Error ? error.message : String(error)}) for: ${statement.slice(0, 300)}`);
  } finally {
    await admin.query('rollback');
  }
}
