export { subgraphDatabase, ownerRole, sealAppendOnlyTables, ensureRoles, ensureSchemas, dropRoles, roleUrl, createDatabase, dropDatabase, databaseExists, waitForPostgres, withClient } from './roles.js';
export { createSubgraphOrm, type MigrationClass, type SubgraphOrm } from './orm.js';
export { startEmbeddedPostgres, freePort, type EmbeddedServer } from './embedded.js';
export { expectVersion } from './transaction.js';
export { execute, type Command } from './command.js';
export { loaderById, loaderGroupedBy } from './loaders.js';
export { IdempotencyRecordSchema, runIdempotently, findReplay, requestHash } from './idempotency.js';
export { pageOf, type Page } from './pagination.js';
export { executeBound } from './bound-sql.js';
