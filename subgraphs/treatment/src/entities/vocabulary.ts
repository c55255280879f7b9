export { EPISODE_STATES, type EpisodeState } from '@hub/platform/domain';

export const CONSENT_INFORMATION = ['ENGAGEMENT', 'EPISODE_STATUS', 'ATTENDANCE', 'COMPLETION'] as const;
export type ConsentInformation = (typeof CONSENT_INFORMATION)[number];

export const CONSENT_KINDS = ['STANDARD', 'CRIMINAL_JUSTICE'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** Why a disclosure was allowed: a recorded Part 2 consent, or the assigned case manager's minimum necessary. */
export const DISCLOSURE_BASES = ['CONSENT', 'CASE_MANAGEMENT'] as const;
export type DisclosureBasis = (typeof DISCLOSURE_BASES)[number];
