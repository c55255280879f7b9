export * from './database.js';
export * from './subgraph-client.js';
export * from './gateway-keys.js';
export * from './access-matrix.js';
export * from './matrix-expectations.js';
export * from './fuzz.js';
export * from './fuzz-expectations.js';
export * from './tcp-proxy.js';
