import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';
import type pg from 'pg';
import { connectionReleased, saveTransactionRoundTrips } from './transaction-round-trips.js';

/** Counts SQL statements, so tests and the benchmark can prove that list loads are batched. */
export class StatementCounter {
  count = 0;
  readonly statements: string[] = [];
  /** The same statements with their values in place, as PostgreSQL ran them, and how long each took as the driver saw it. */
  readonly executed: { sql: string; tookMs: number }[] = [];
  private recording = false;

  record(query: string, executed: string = query, tookMs = 0): void {
    this.count += 1;
    if (this.recording) {
      this.statements.push(query);
      this.executed.push({ sql: executed, tookMs });
    }
  }

  /** Runs `work` and returns how many statements it issued (and which). */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[]; executed: { sql: string; tookMs: number }[] }> {
    const start = this.statements.length;
    this.recording = true;
    try {
      const result = await work();
      return { result, statements: this.statements.slice(start), executed: this.executed.slice(start) };
    } finally {
      this.recording = false;
    }
  }
}

class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly counter: StatementCounter,
  ) {
    super(options);
  }

  override logQuery(context: { query: string; formatted?: unknown } & LogContext): void {
    // MikroORM sends statements with their values inlined (`formatted`) and logs them with placeholders.
    this.counter.record(context.query, typeof context.formatted === 'string' ? context.formatted : context.query, context.took ?? 0);
    super.logQuery(context);
  }
}

export interface MigrationClass {
  name: string;
  class: new (...args: never[]) => Migration;
}

export interface SubgraphOrmOptions {
  url: string;
  schema: string;
  entities: NonNullable<Options['entities']>;
  migrations: MigrationClass[];
  debug?: boolean;
  poolSize?: number;
}

export interface SubgraphOrm {
  orm: MikroORM;
  counter: StatementCounter;
  /** A fresh entity manager with its own identity map: one per request, never shared. */
  fork(): EntityManager;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export async function createSubgraphOrm(options: SubgraphOrmOptions): Promise<SubgraphOrm> {
  const counter = new StatementCounter();
  const orm = await MikroORM.init({
    clientUrl: options.url,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    debug: options.debug ?? false,
    loggerFactory: (loggerOptions) => new CountingLogger(loggerOptions, counter),
    pool: { min: 0, max: options.poolSize ?? 10 },
    // With the database unreachable, a request waits at most this long for a connection, then answers
    // DATABASE_UNAVAILABLE (retryable), instead of hanging with everything queued behind it.
    driverOptions: {
      connectionTimeoutMillis: 5_000,
      // Every pooled connection, before its first use: BEGIN sent with the first statement, no COMMIT for a
      // transaction a statement already committed (appendAuditRecordsAndCommit relies on the guard it adds).
      onPoolCreated: (pool: pg.Pool) => {
        pool.on('connect', saveTransactionRoundTrips);
        pool.on('release', (_error: Error | undefined, client: pg.PoolClient) => connectionReleased(client));
      },
    },
    forceUtcTimezone: true,
    // No relation of the hub has an inverse side to keep in step, and the accessors MikroORM otherwise defines on
    // every property of every loaded entity were the largest part of loading one (test/entity-relations.test.ts).
    // Without them a many-to-one is a plain property, which MikroORM's merge of a transaction's fork into a parent
    // holding a separate copy of the entity, and its unsetting of references to a removed entity, do not see: sound
    // while commands share instances with their transaction (`em.transactional` keeps them) and remove nothing.
    propagationOnPrototype: false,
    // Triggers and functions a migration writes by hand (agencies' change version) are not in the entities: without
    // this, the next generated migration would drop them.
    schemaGenerator: { ignoreTriggers: true, ignoreRoutines: true },
    ensureDatabase: false,
    allowGlobalContext: false,
    migrations: {
      // The list is explicit (not a folder glob) so it works the same under tsx, Jest and a bundler.
      migrationsList: options.migrations.map((m) => ({ name: m.name, class: m.class as never })),
      tableName: 'mikro_orm_migrations',
      schema: options.schema,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      snapshotOnMigrate: false,
      silent: true,
    },
  });
  return {
    orm,
    counter,
    fork: () => orm.em.fork(),
    async migrate() {
      const applied = await orm.migrator.up();
      return applied.map((m) => m.name);
    },
    close: () => orm.close(true),
  };
}
