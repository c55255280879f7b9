export * from './database.js';
export * from './subgraph-client.js';
export * from './gateway-keys.js';
