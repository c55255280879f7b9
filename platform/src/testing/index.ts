export * from './database.js';
export * from './subgraph-client.js';
