import type { Pathway } from './pathways.js';

/** Why the responder was there (FB-5 co-responder call types, plus law-enforcement contacts). */
export const CALL_TYPES = [
  'MENTAL_HEALTH', 'SUBSTANCE_USE', 'OVERDOSE', 'DISORDERLY_JUVENILE', 'TRUANCY', 'NEIGHBOR_DISPUTE', 'HOMELESSNESS',
  'CALL_FOR_ASSISTANCE', 'PATROL_CONTACT', 'INVESTIGATION', 'OTHER',
] as const;
export type CallType = (typeof CALL_TYPES)[number];

/** How the contact came about (FB-5 channels). */
export const REFERRAL_CHANNELS = ['LIVE_ON_SCENE_RESPONSE', 'ON_SCENE_OFFICER_REQUEST', 'OFFICER_REFERRAL', 'PROACTIVE_FOLLOW_UP', 'CRISIS_LINE'] as const;
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];

/**
 * FB-6: where on the Sequential Intercept Model a pathway diverts. Deflection is intercepts 0 and 1: the pathways a
 * person or the community starts (self-referral, outreach, naloxone plus) are intercept 0, community services; the
 * ones an officer starts at an encounter are intercept 1, law enforcement.
 */
export const SEQUENTIAL_INTERCEPTS = ['INTERCEPT_0', 'INTERCEPT_1'] as const;
export type SequentialIntercept = (typeof SEQUENTIAL_INTERCEPTS)[number];

export const INTERCEPT_OF_PATHWAY: Record<Pathway, SequentialIntercept> = {
  SELF_REFERRAL: 'INTERCEPT_0',
  ACTIVE_OUTREACH: 'INTERCEPT_0',
  NALOXONE_PLUS: 'INTERCEPT_0',
  OFFICER_PREVENTION: 'INTERCEPT_1',
  OFFICER_INTERVENTION: 'INTERCEPT_1',
  PRE_ARREST_DIVERSION: 'INTERCEPT_1',
};
