import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById } from '@hub/platform';
import { Deflection } from './entities/deflection.entity.js';

/** Request-scoped loaders: one SQL statement per batch, whatever the size of the list. */
export function createLoaders(em: EntityManager) {
  return {
    deflection: loaderById((ids) => em.find(Deflection, { id: { $in: ids } })),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
