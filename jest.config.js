/**
 * ESM TypeScript through @swc/jest (types are checked separately by `tsc --noEmit`). The global setup starts
 * one embedded PostgreSQL for the whole run unless DATABASE_URL points at a server; each test file then
 * creates its own database on it. Tests run in a random order within each file (the seed is printed, and
 * `--seed=N` repeats it), so none can come to depend on another.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'es6' } }];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  roots: ['<rootDir>/platform', '<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/web', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The console's own dependencies (web/node_modules) hold no tests.
  testPathIgnorePatterns: ['/node_modules/'],
  // Compiled server code (scripts/server-build.ts) is for npm start; tests import the TypeScript sources.
  modulePathIgnorePatterns: ['<rootDir>/(platform|gateway|subgraphs/[a-z]+)/dist/'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60_000,
  maxWorkers: 2,
  randomize: true,
};
