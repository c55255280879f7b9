import { canonicalCounty, DateTimeScalar, invalidInput, requireActor } from '@hub/platform';
import type { Context } from '../context.js';
import type { Provider, TreatmentService } from '../entities/provider.entity.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { openSlots, rankByOpenCapacity } from '../rules/treatment-options.js';

async function rankedProviders(context: Context, county: string, service?: TreatmentService | null): Promise<Provider[]> {
  const providers = (await context.loaders.providersInCounty.load(county)).filter((p) => !service || p.services.includes(service));
  const capacities = await context.loaders.capacityOf.loadMany(providers.map((p) => p.id));
  return rankByOpenCapacity(
    providers.map((provider, i) => {
      const capacity = capacities[i];
      const rows = Array.isArray(capacity) ? capacity.filter((c) => !service || c.service === service) : [];
      return { provider, openSlots: openSlots(rows) };
    }),
  );
}

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,

  Query: {
    async provider(_parent, { id }, context) {
      requireActor(context);
      return context.loaders.provider.load(id);
    },
    async providers(_parent, { county, service }, context) {
      requireActor(context);
      const canonical = canonicalCounty(county);
      if (!canonical) throw invalidInput([{ field: 'county', rule: 'illinois-county', message: `county "${county}" is not an Illinois county.` }]);
      return rankedProviders(context, canonical, service);
    },
  },

  Provider: {
    async __resolveReference(reference, context) {
      requireActor(context);
      return context.loaders.provider.load(reference.id);
    },
    organization: (provider) => (provider.organizationId ? { id: provider.organizationId } : null),
    capacity: (provider, _args, context) => context.loaders.capacityOf.load(provider.id),
    openSlots: async (provider, _args, context) => openSlots(await context.loaders.capacityOf.load(provider.id)),
  },

  Deflection: {
    // The gateway hands over the deflection's id and county (resolved by the cases subgraph, which has
    // already checked the caller may see it); this subgraph adds what it knows about treatment.
    __resolveReference: (reference) => reference,
    async treatmentOptions(deflection, _args, context) {
      requireActor(context);
      const county = canonicalCounty(deflection.county);
      return county ? rankedProviders(context, county) : [];
    },
  },
};
