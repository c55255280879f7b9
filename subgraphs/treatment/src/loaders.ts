import { loaderById, loaderGroupedBy } from '@hub/platform/db';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Consent } from './entities/consent.entity.js';
import { EpisodeTransition, Patient, TreatmentEpisode } from './entities/episode.entity.js';
import { Provider } from './entities/provider.entity.js';
import { ServiceCapacity } from './entities/service-capacity.entity.js';
import { providersServing } from './rules/treatment-options.js';

/** Request-scoped loaders: one SQL statement per relation per batch, whatever the size of the list. */
export function createLoaders(em: EntityManager) {
  return {
    provider: loaderById((ids) => em.find(Provider, { id: { $in: ids } })),
    capacityOf: loaderGroupedBy((ids) => em.find(ServiceCapacity, { provider: { $in: ids } }, { orderBy: { service: 'asc' } }), (c) => c.provider.id),
    /** Deflections of one list share counties: every county asked for in a request costs one query in total. */
    providersInCounty: new DataLoader<string, Provider[]>(async (counties) => {
      const rows = await em.find(Provider, { countiesServed: { $overlap: [...counties] }, licenseStatus: { $in: ['ACTIVE', 'PROVISIONAL'] } });
      return counties.map((county) => providersServing(rows, county));
    }),
    patient: loaderById((ids) => em.find(Patient, { id: { $in: ids } })),
    consent: loaderById((ids) => em.find(Consent, { id: { $in: ids } })),
    episode: loaderById((ids) => em.find(TreatmentEpisode, { id: { $in: ids } })),
    consentsOfPatient: loaderGroupedBy((ids) => em.find(Consent, { patient: { $in: ids } }, { orderBy: { signedOn: 'desc' } }), (c) => c.patient.id),
    episodesOfDeflection: loaderGroupedBy((ids) => em.find(TreatmentEpisode, { deflectionId: { $in: ids } }, { orderBy: { referredAt: 'desc' } }), (e) => e.deflectionId),
    transitionsOf: loaderGroupedBy((ids) => em.find(EpisodeTransition, { episode: { $in: ids } }, { orderBy: { sequence: 'asc' } }), (t) => t.episode.id),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
