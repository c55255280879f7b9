import { ANYONE_SIGNED_IN, definePolicy } from '@hub/platform/access';
import { ROLES, type Actor, type Role } from '@hub/platform/identity';
import type { TreatmentEpisode } from '../entities/episode.entity.js';
import type { Provider } from '../entities/provider.entity.js';

/**
 * Who may do what in the treatment subgraph: the one place that decides. The provider directory is open to every
 * signed-in user. Episodes, consents and the accounting of disclosures belong to the treating provider's staff.
 * Anyone else learns of treatment only through `Deflection.treatment`, `Deflection.treatmentStatus` and
 * `treatmentOfDeflection`, one decision for all three, where 42 CFR Part 2 consent decides field by field
 * (rules/consent-rules.ts, disclosure/).
 */

/** The treating provider's own records: staff of the provider's organisation act for every site of it. */
export function isTreatingProvider(actor: Actor, provider: Pick<Provider, 'organizationId'>): boolean {
  return actor.roles.includes('PROVIDER_STAFF') && provider.organizationId !== null && provider.organizationId === actor.agencyId;
}

/** The deflection's case-management organisation sees what case management needs (minimum necessary). */
export function isAssignedCaseManager(actor: Actor, episode: Pick<TreatmentEpisode, 'caseManagementOrganizationId'>): boolean {
  return actor.roles.includes('CASE_MANAGER') && episode.caseManagementOrganizationId === actor.agencyId;
}

type Resources = {
  'audit:read': void;
  'directory:read': void;
  'treatment:read': void;
  'treatment:read-as-case-manager': Pick<TreatmentEpisode, 'caseManagementOrganizationId'>;
  'episode:refer': void;
  'episode:read': Pick<Provider, 'organizationId'>;
  'episode:update': Pick<Provider, 'organizationId'>;
  'capacity:update': Pick<Provider, 'organizationId'>;
  'consent:record': Pick<Provider, 'organizationId'>;
  'consent:revoke': Pick<Provider, 'organizationId'>;
};

const PROVIDER: readonly Role[] = ['PROVIDER_STAFF'];
/** Case managers and the deflecting agency refer people into treatment. */
const REFERRERS: readonly Role[] = ['CASE_MANAGER', 'OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'];
const treatingProvider = { roles: PROVIDER, on: isTreatingProvider };
/**
 * Analysts see statistics only (FB-3): no consent makes one a reader of a person's treatment. Records staff and ISP
 * reporting staff file statistical returns and have no part in anyone's treatment either.
 */
const NEVER_TREATMENT: readonly Role[] = ['ANALYST', 'RECORDS_STAFF', 'STATE_REPORTING_STAFF'];
const TREATMENT_ASKERS: readonly Role[] = ROLES.filter((role) => !NEVER_TREATMENT.includes(role));

export const access = definePolicy<Resources>(
  {
    // CJIS AU-6: the hub's administrators review the audit trail; nobody else reads it.
    'audit:read': { describe: 'read the audit trail', roles: ['HUB_ADMINISTRATOR'] },
    'directory:read': { describe: 'read the provider directory', roles: ANYONE_SIGNED_IN },
    // Anyone but an analyst may ask; 42 CFR Part 2 consent then decides what, if anything, is disclosed to them.
    'treatment:read': { describe: 'ask for treatment status', roles: TREATMENT_ASKERS },
    'treatment:read-as-case-manager': { describe: 'read treatment status as the case manager', roles: ['CASE_MANAGER'], on: isAssignedCaseManager },
    'episode:refer': { describe: 'refer people into treatment', roles: REFERRERS },
    'episode:read': { describe: 'read treatment episodes (only the treating provider does)', ...treatingProvider },
    'episode:update': { describe: 'update treatment episodes', ...treatingProvider },
    'capacity:update': { describe: 'report capacity', ...treatingProvider },
    'consent:record': { describe: 'record consents', ...treatingProvider },
    'consent:revoke': { describe: 'revoke consents', ...treatingProvider },
  },
  // The action behind every root field and entity of the schema; the subgraph refuses to start without one.
  {
    'Query.treatmentAuditTrail': 'audit:read',
    'Query.provider': 'directory:read',
    'Query.providers': 'directory:read',
    'Query.providerSearch': 'directory:read',
    'Query.myEpisodes': 'episode:read',
    'Query.treatmentEpisode': 'episode:read',
    'Query.consents': 'episode:read',
    'Query.treatmentOfDeflection': 'treatment:read',
    'Query.accountingOfDisclosures': 'episode:read',
    'Mutation.referToTreatment': 'episode:refer',
    'Mutation.updateEpisode': 'episode:update',
    'Mutation.bulkUpdateEpisodes': 'episode:update',
    'Mutation.updateCapacity': 'capacity:update',
    'Mutation.recordConsent': 'consent:record',
    'Mutation.revokeConsent': 'consent:revoke',
    'Entity.Provider': 'directory:read',
    // The cases subgraph has already decided the caller may see the deflection; what this subgraph adds to it
    // (treatment options from the directory, treatment status under consent) follows its own rules.
    'Entity.Deflection': 'treatment:read',
  },
);

export const { can, assertCan } = access;
