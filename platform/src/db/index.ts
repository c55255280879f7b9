export { subgraphDatabase, ensureRoles, ensureSchemas, dropRoles, roleUrl, createDatabase, dropDatabase, databaseExists, waitForPostgres, type SubgraphDatabase } from './roles.js';
export { createSubgraphOrm, type MigrationClass, type SubgraphOrm } from './orm.js';
export { startEmbeddedPostgres, freePort, type EmbeddedServer } from './embedded.js';
export { inTransaction, expectVersion } from './transaction.js';
export { execute, type Command } from './command.js';
export { loaderById, loaderGroupedBy } from './loaders.js';
export { IdempotencyRecordSchema, runIdempotently, findReplay, requestHash } from './idempotency.js';
export { pageOf, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageInfo } from './pagination.js';
