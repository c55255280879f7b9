import type { Actor } from '@hub/platform';
import type { TreatmentEpisode } from '../entities/episode.entity.js';
import type { Provider } from '../entities/provider.entity.js';

/** Provider staff act for their organisation: they see and update the episodes of its sites, nothing else. */
export function isProviderStaffOf(actor: Actor, provider: Pick<Provider, 'organizationId'>): boolean {
  return actor.roles.includes('PROVIDER_STAFF') && provider.organizationId !== null && provider.organizationId === actor.agencyId;
}

/** The deflection's case-management organisation sees what case management needs (minimum necessary). */
export function isAssignedCaseManager(actor: Actor, episode: Pick<TreatmentEpisode, 'caseManagementOrganizationId'>): boolean {
  return actor.roles.includes('CASE_MANAGER') && episode.caseManagementOrganizationId === actor.agencyId;
}
