import { readPort, readUrl, type Actor } from '@hub/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CasesDirectory } from './directory/cases-directory.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Everything a resolver of this subgraph may use; `disclosed` marks a response that carries Part 2 information out. */
export interface Context {
  actor: Actor | null;
  em: EntityManager;
  loaders: Loaders;
  cases: CasesDirectory;
  disclosed: boolean;
}

export function casesUrl(env: Record<string, string | undefined>): string {
  return readUrl('CASES_URL', env, ['http:', 'https:'])?.toString() ?? `http://127.0.0.1:${readPort('CASES_PORT', 4002, env)}/graphql`;
}

export function createContext(args: { actor: Actor | null; token: string | null; em: EntityManager; env: Record<string, string | undefined> }): Context {
  return { actor: args.actor, em: args.em, loaders: createLoaders(args.em), cases: new CasesDirectory(casesUrl(args.env), args.token), disclosed: false };
}
