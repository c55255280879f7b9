import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Deflection } from './entities/deflection.entity.js';

/** Request-scoped loaders: one SQL statement per batch, whatever the size of the list. */
export function createLoaders(em: EntityManager) {
  return {
    deflection: new DataLoader<string, Deflection | null>(async (ids) => {
      const rows = await em.find(Deflection, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
