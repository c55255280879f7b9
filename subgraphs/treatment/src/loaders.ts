import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById, loaderGroupedBy } from '@hub/platform';
import DataLoader from 'dataloader';
import { Provider } from './entities/provider.entity.js';
import { ServiceCapacity } from './entities/service-capacity.entity.js';
import { providersServing } from './rules/treatment-options.js';

/** Request-scoped loaders: one SQL statement per batch, whatever the size of the list. */
export function createLoaders(em: EntityManager) {
  return {
    provider: loaderById((ids) => em.find(Provider, { id: { $in: ids } })),
    capacityOf: loaderGroupedBy((ids) => em.find(ServiceCapacity, { providerId: { $in: ids } }, { orderBy: { service: 'asc' } }), 'providerId'),
    /** Deflections of one list share counties: every county asked for in a request costs one query in total. */
    providersInCounty: new DataLoader<string, Provider[]>(async (counties) => {
      const rows = await em.find(Provider, { countiesServed: { $overlap: [...counties] }, licenseStatus: { $in: ['ACTIVE', 'PROVISIONAL'] } });
      return counties.map((county) => providersServing(rows, county));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
