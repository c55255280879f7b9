import { canonicalCounty, DateScalar, DateTimeScalar, decodeCursor, encodeCursor, forbidden, illinoisDate, inTransaction, invalidInput, pageSize, requireActor } from '@hub/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { updateCapacity } from '../commands/capacity.js';
import { recordConsent, revokeConsent } from '../commands/consent.js';
import { bulkUpdateEpisodes, updateEpisode } from '../commands/episodes.js';
import { referToTreatment } from '../commands/refer.js';
import { command } from '../commands/support.js';
import type { Context } from '../context.js';
import { treatmentOfDeflection } from '../disclosure/treatment-view.js';
import { Disclosure } from '../entities/consent.entity.js';
import { TreatmentEpisode } from '../entities/episode.entity.js';
import { Provider, type TreatmentService } from '../entities/provider.entity.js';
import { ServiceCapacity } from '../entities/service-capacity.entity.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { isProviderStaffOf } from '../rules/access.js';
import { inEffect } from '../rules/consent-rules.js';
import { handOffMeasures } from '../rules/measures.js';
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

/** The treating provider's own episode, or FORBIDDEN — the same for an episode of another provider and none at all. */
async function ownEpisode(context: Context, id: string): Promise<TreatmentEpisode> {
  const actor = requireActor(context);
  const episode = await context.loaders.episode.load(id);
  const provider = episode ? await context.loaders.provider.load(episode.providerId) : null;
  if (!episode || !provider || !isProviderStaffOf(actor, provider)) throw forbidden();
  return episode;
}

const ref = (id: string) => ({ id });

export const resolvers: Resolvers = {
  Date: DateScalar,
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
    async providerSearch(_parent, { search, first, after }, context) {
      requireActor(context);
      const limit = pageSize(first);
      const where: FilterQuery<Provider> = { licenseStatus: { $in: ['ACTIVE', 'PROVISIONAL'] } };
      const and: FilterQuery<Provider>[] = [where];
      if (search?.county) {
        const county = canonicalCounty(search.county);
        if (!county) throw invalidInput([{ field: 'search.county', rule: 'illinois-county', message: `search.county "${search.county}" is not an Illinois county.` }]);
        and.push({ countiesServed: { $overlap: [county] } });
      }
      if (search?.service) and.push({ services: { $overlap: [search.service] } });
      if (search?.language) {
        const language = search.language.trim().toLowerCase().replace(/^./, (c) => c.toUpperCase());
        and.push({ languages: { $overlap: [language] } });
      }
      if (search?.hasOpenCapacity) {
        const open = await context.em.find(ServiceCapacity, { openSlots: { $gt: 0 }, ...(search.service ? { service: search.service } : {}) }, { fields: ['providerId'] });
        and.push({ id: { $in: [...new Set(open.map((row) => row.providerId))] } });
      }
      if (after) {
        const [name, id] = decodeCursor(after);
        and.push({ $or: [{ name: { $gt: String(name) } }, { name: String(name), id: { $gt: String(id) } }] });
      }
      const rows = await context.em.find(Provider, { $and: and }, { orderBy: { name: 'asc', id: 'asc' }, limit: limit + 1 });
      const edges = rows.slice(0, limit).map((node) => ({ node, cursor: encodeCursor([node.name, node.id]) }));
      return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
    },
    async myEpisodes(_parent, { state, first, after }, context) {
      const actor = requireActor(context);
      if (!actor.roles.includes('PROVIDER_STAFF')) throw forbidden('Only provider staff list treatment episodes, and only their own.');
      const limit = pageSize(first);
      const sites = await context.em.find(Provider, { organizationId: actor.agencyId }, { fields: ['id'] });
      const and: FilterQuery<TreatmentEpisode>[] = [{ providerId: { $in: sites.map((s) => s.id) } }];
      if (state?.length) and.push({ state: { $in: state } });
      if (after) {
        const [at, id] = decodeCursor(after);
        and.push({ $or: [{ referredAt: { $lt: new Date(String(at)) } }, { referredAt: new Date(String(at)), id: { $lt: String(id) } }] });
      }
      const rows = await context.em.find(TreatmentEpisode, { $and: and }, { orderBy: { referredAt: 'desc', id: 'desc' }, limit: limit + 1 });
      const edges = rows.slice(0, limit).map((node) => ({ node, cursor: encodeCursor([node.referredAt.toISOString(), node.id]) }));
      return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
    },
    treatmentEpisode: (_parent, { id }, context) => ownEpisode(context, id),
    async consents(_parent, { episodeId }, context) {
      const episode = await ownEpisode(context, episodeId);
      return context.loaders.consentsOfPatient.load(episode.patientId);
    },
    treatmentOfDeflection: (_parent, { deflectionId }, context) => treatmentOfDeflection(context, deflectionId),
    async accountingOfDisclosures(_parent, { episodeId }, context) {
      const episode = await ownEpisode(context, episodeId);
      const since = new Date();
      since.setFullYear(since.getFullYear() - 3);
      return context.em.find(Disclosure, { patientId: episode.patientId, at: { $gte: since } }, { orderBy: { at: 'desc' } });
    },
  },

  Mutation: {
    referToTreatment: (_parent, { input, idempotencyKey }, context) => inTransaction(context.em, (em) => referToTreatment(command(context, em), input, idempotencyKey)),
    updateEpisode: (_parent, { input }, context) => inTransaction(context.em, (em) => updateEpisode(command(context, em), input)),
    async bulkUpdateEpisodes(_parent, { updates, idempotencyKey }, context) {
      const results = await inTransaction(context.em, (em) => bulkUpdateEpisodes(command(context, em), updates, idempotencyKey));
      const count = (status: string) => results.filter((r) => r.status === status).length;
      return { applied: count('APPLIED'), rejected: count('REJECTED'), duplicates: count('DUPLICATE'), results };
    },
    updateCapacity: (_parent, { input }, context) => inTransaction(context.em, (em) => updateCapacity(command(context, em), input)),
    recordConsent: (_parent, { input, idempotencyKey }, context) => inTransaction(context.em, (em) => recordConsent(command(context, em), input, idempotencyKey)),
    revokeConsent: (_parent, { consentId }, context) => inTransaction(context.em, (em) => revokeConsent(command(context, em), consentId)),
  },

  Provider: {
    async __resolveReference(reference, context) {
      requireActor(context);
      return context.loaders.provider.load(reference.id);
    },
    organization: (provider) => (provider.organizationId ? ref(provider.organizationId) : null),
    capacity: (provider, _args, context) => context.loaders.capacityOf.load(provider.id),
    openSlots: async (provider, _args, context) => openSlots(await context.loaders.capacityOf.load(provider.id)),
  },

  Deflection: {
    // The gateway hands over the deflection's id (and county): the cases subgraph has already checked the caller
    // may see it. This subgraph adds treatment, under its own rules.
    __resolveReference: (reference) => reference,
    async treatmentOptions(deflection, _args, context) {
      requireActor(context);
      const county = deflection.county ? canonicalCounty(deflection.county) : null;
      return county ? rankedProviders(context, county) : [];
    },
    treatment: (deflection, _args, context) => treatmentOfDeflection(context, deflection.id),
  },

  TreatmentEpisode: {
    deflection: (episode) => ({ id: episode.deflectionId }),
    patient: async (episode, _args, context) => (await context.loaders.patient.load(episode.patientId))!,
    provider: async (episode, _args, context) => (await context.loaders.provider.load(episode.providerId))!,
    transitions: (episode, _args, context) => context.loaders.transitionsOf.load(episode.id),
    measures: (episode) => handOffMeasures(episode, new Date()),
  },

  EpisodeTransition: {
    by: (transition) => ref(transition.byId),
  },

  Consent: {
    patient: async (consent, _args, context) => (await context.loaders.patient.load(consent.patientId))!,
    disclosingProvider: (consent, _args, context) => (consent.disclosingProviderId ? context.loaders.provider.load(consent.disclosingProviderId) : null),
    disclosingOrganization: (consent) => (consent.disclosingOrganizationId ? ref(consent.disclosingOrganizationId) : null),
    recipients: (consent) => consent.recipients.map((r) => ({ agency: ref(r.agencyId), role: r.role })),
    inEffect: (consent) => inEffect(consent, illinoisDate()),
  },

  Disclosure: {
    recipient: (disclosure) => ref(disclosure.recipientId),
    recipientAgency: (disclosure) => ref(disclosure.recipientAgencyId),
    consent: (disclosure, _args, context) => (disclosure.consentId ? context.loaders.consent.load(disclosure.consentId) : null),
  },

  BulkItemResult: {
    episode: (result, _args, context) => (result.episodeId && result.status !== 'REJECTED' ? context.loaders.episode.load(result.episodeId) : null),
  },
};
