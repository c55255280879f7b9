import { forbidden } from '@hub/platform/errors';
import { requireActor } from '@hub/platform/identity';
import type { Context } from './context.js';
import type { TreatmentEpisode } from './entities/episode.entity.js';
import type { Provider, TreatmentService } from './entities/provider.entity.js';
import { access, isTreatingProvider } from './rules/access.js';
import { openSlots, rankByOpenCapacity } from './rules/treatment-options.js';

/** Providers of a county (and service) with open capacity now, most open slots first, through the request's loaders. */
export async function rankedProviders(context: Context, county: string, service?: TreatmentService | null): Promise<Provider[]> {
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

/** The treating provider's own episode, or FORBIDDEN: the same for another provider's episode and for none at all. */
export async function ownEpisode(context: Context, id: string): Promise<TreatmentEpisode> {
  const episode = await context.loaders.episode.load(id);
  const provider = episode ? await context.loaders.provider.load(episode.provider.id) : null;
  if (!episode || !provider) throw forbidden();
  access.assertCan(context.actor, 'episode:read', provider);
  return episode;
}

/**
 * Whether the caller sees the whole episode (the treating provider) or only the referral as it was made (whoever
 * made it: the answer of `referToTreatment`, and of its replays, never discloses what the provider recorded since).
 */
export async function seesWholeEpisode(context: Context, episode: TreatmentEpisode): Promise<boolean> {
  const provider = await context.loaders.provider.load(episode.provider.id);
  return provider !== null && isTreatingProvider(requireActor(context), provider);
}
