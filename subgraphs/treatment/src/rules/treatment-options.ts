import type { Provider } from '../entities/provider.entity.js';
import type { ServiceCapacity } from '../entities/service-capacity.entity.js';

/** Only providers whose licence lets them take new patients may be offered at the point of referral (TRT-1, TRT-4). */
export function canTakeReferrals(provider: Pick<Provider, 'licenseStatus'>): boolean {
  return provider.licenseStatus === 'ACTIVE' || provider.licenseStatus === 'PROVISIONAL';
}

export function providersServing(providers: Provider[], county: string): Provider[] {
  return providers.filter((provider) => canTakeReferrals(provider) && provider.countiesServed.includes(county));
}

export function openSlots(capacity: ServiceCapacity[]): number {
  return capacity.reduce((sum, row) => sum + Math.max(0, row.openSlots), 0);
}

/** Most open slots first; providers with no open slot are not offered. Ties by name for a stable order. */
export function rankByOpenCapacity(entries: { provider: Provider; openSlots: number }[]): Provider[] {
  return entries
    .filter((entry) => entry.openSlots > 0)
    .sort((a, b) => b.openSlots - a.openSlots || a.provider.name.localeCompare(b.provider.name))
    .map((entry) => entry.provider);
}
