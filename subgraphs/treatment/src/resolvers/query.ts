import { readAuditTrail } from '@hub/platform/audit';
import { pageOf } from '@hub/platform/db';
import { canonicalCounty } from '@hub/platform/domain';
import { invalidInput } from '@hub/platform/errors';
import { requireActor } from '@hub/platform/identity';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { treatingProviderView } from '../disclosure/consent-view.js';
import { treatmentOfDeflection } from '../disclosure/treatment-view.js';
import { Disclosure } from '../entities/consent.entity.js';
import { TreatmentEpisode } from '../entities/episode.entity.js';
import { Provider } from '../entities/provider.entity.js';
import { ServiceCapacity } from '../entities/service-capacity.entity.js';
import type { ProviderSearch, QueryResolvers } from '../generated/resolvers-types.js';
import { ownEpisode, rankedProviders } from '../reads.js';

function countyOf(raw: string, field: string): string {
  const county = canonicalCounty(raw);
  if (!county) throw invalidInput([{ field, rule: 'illinois-county', message: `${field} "${raw}" is not an Illinois county.` }]);
  return county;
}

async function searchWhere(context: Context, search: ProviderSearch | null | undefined): Promise<FilterQuery<Provider>> {
  const and: FilterQuery<Provider>[] = [{ licenseStatus: { $in: ['ACTIVE', 'PROVISIONAL'] } }];
  if (search?.county) and.push({ countiesServed: { $overlap: [countyOf(search.county, 'search.county')] } });
  if (search?.service) and.push({ services: { $overlap: [search.service] } });
  if (search?.language) and.push({ languages: { $overlap: [search.language.trim().toLowerCase().replace(/^./, (c) => c.toUpperCase())] } });
  if (search?.hasOpenCapacity) {
    const open = await context.em.find(ServiceCapacity, { openSlots: { $gt: 0 }, ...(search.service ? { service: search.service } : {}) }, { fields: ['provider'] });
    and.push({ id: { $in: [...new Set(open.map((row) => row.provider.id))] } });
  }
  return { $and: and };
}

/** Thin: every root field passed its role gate (rules/access.ts); the treating provider's own records are checked here. */
export const Query: QueryResolvers = {
  treatmentAuditTrail: (_parent, { filter, first, after }, context) => readAuditTrail(context.em, filter, first, after),
  provider: (_parent, { id }, context) => context.loaders.provider.load(id),
  providers: (_parent, { county, service }, context) => rankedProviders(context, countyOf(county, 'county'), service),
  providerSearch: async (_parent, { search, first, after }, context) =>
    pageOf(context.em, Provider, { where: await searchWhere(context, search), orderBy: { name: 'asc', id: 'asc' }, first, after }),

  async myEpisodes(_parent, { state, first, after }, context) {
    const sites = await context.em.find(Provider, { organizationId: requireActor(context).agencyId }, { fields: ['id'] });
    const where: FilterQuery<TreatmentEpisode> = { provider: { $in: sites.map((s) => s.id) }, ...(state?.length ? { state: { $in: state } } : {}) };
    return pageOf(context.em, TreatmentEpisode, { where, orderBy: { referredAt: 'desc', id: 'desc' }, first, after });
  },

  treatmentEpisode: (_parent, { id }, context) => ownEpisode(context, id),

  async consents(_parent, { episodeId }, context) {
    const episode = await ownEpisode(context, episodeId);
    return (await context.loaders.consentsOfPatient.load(episode.patient.id)).map(treatingProviderView);
  },

  treatmentOfDeflection: (_parent, { deflectionId }, context) => treatmentOfDeflection(context, deflectionId),

  async accountingOfDisclosures(_parent, { episodeId }, context) {
    const episode = await ownEpisode(context, episodeId);
    const since = new Date();
    since.setFullYear(since.getFullYear() - 3);
    return context.em.find(Disclosure, { patient: episode.patient.id, at: { $gte: since } }, { orderBy: { at: 'desc' } });
  },
};
