import type { Actor } from '@hub/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  actor: Actor | null;
  em: EntityManager;
  loaders: Loaders;
}

export function createContext({ actor, em }: { actor: Actor | null; em: EntityManager }): Context {
  return { actor, em, loaders: createLoaders(em) };
}
