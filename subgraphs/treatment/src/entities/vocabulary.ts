export const EPISODE_STATES = [
  'REFERRED', 'ACKNOWLEDGED', 'DECLINED', 'INTAKE_SCHEDULED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED', 'DISCHARGED', 'LOST_CONTACT',
] as const;
export type EpisodeState = (typeof EPISODE_STATES)[number];

export const CONSENT_INFORMATION = ['ENGAGEMENT', 'EPISODE_STATUS', 'ATTENDANCE', 'COMPLETION'] as const;
export type ConsentInformation = (typeof CONSENT_INFORMATION)[number];

export const CONSENT_KINDS = ['STANDARD', 'CRIMINAL_JUSTICE'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
