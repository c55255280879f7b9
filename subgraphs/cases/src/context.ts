import { readPort, readUrl, type Actor } from '@hub/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AgencyDirectory } from './directory/agency-directory.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Everything a resolver of this subgraph may use: who is asking, a request-scoped ORM, batched loaders. */
export interface Context {
  actor: Actor | null;
  em: EntityManager;
  loaders: Loaders;
  /** The agencies subgraph, asked through the graph as the caller. */
  directory: AgencyDirectory;
}

export function agenciesUrl(env: Record<string, string | undefined>): string {
  return readUrl('AGENCIES_URL', env, ['http:', 'https:'])?.toString() ?? `http://127.0.0.1:${readPort('AGENCIES_PORT', 4001, env)}/graphql`;
}

export function createContext(args: { actor: Actor | null; token: string | null; em: EntityManager; env: Record<string, string | undefined> }): Context {
  return {
    actor: args.actor,
    em: args.em,
    loaders: createLoaders(args.em),
    directory: new AgencyDirectory(agenciesUrl(args.env), args.token),
  };
}
