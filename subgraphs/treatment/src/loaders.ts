import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Provider } from './entities/provider.entity.js';
import { ServiceCapacity } from './entities/service-capacity.entity.js';
import { providersServing } from './rules/treatment-options.js';

/** Request-scoped loaders: one SQL statement per batch, whatever the size of the list. */
export function createLoaders(em: EntityManager) {
  return {
    provider: new DataLoader<string, Provider | null>(async (ids) => {
      const rows = await em.find(Provider, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    capacityOf: new DataLoader<string, ServiceCapacity[]>(async (providerIds) => {
      const rows = await em.find(ServiceCapacity, { providerId: { $in: [...providerIds] } }, { orderBy: { service: 'asc' } });
      return providerIds.map((id) => rows.filter((row) => row.providerId === id));
    }),
    /** Deflections of one list share counties: every county asked for in a request costs one query in total. */
    providersInCounty: new DataLoader<string, Provider[]>(async (counties) => {
      const rows = await em.find(Provider, { countiesServed: { $overlap: [...counties] }, licenseStatus: { $in: ['ACTIVE', 'PROVISIONAL'] } });
      return counties.map((county) => providersServing(rows, county));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
