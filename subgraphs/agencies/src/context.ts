import type { Actor } from '@hub/platform/identity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createLoaders, type Loaders } from './loaders.js';

/** Everything a resolver of this subgraph may use: who is asking, a request-scoped ORM, batched loaders. */
export interface Context {
  actor: Actor | null;
  em: EntityManager;
  loaders: Loaders;
}

export function createContext({ actor, em }: { actor: Actor | null; em: EntityManager }): Context {
  return { actor, em, loaders: createLoaders(em) };
}
