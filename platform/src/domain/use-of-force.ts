import type { Ethnicity, Race, Sex } from './demographics.js';

/**
 * 20 Ill. Adm. Code 1244 Subpart A: use-of-force incidents for the FBI's National Use-of-Force Data Collection
 * (IAC-6). The vocabularies follow the collection's incident, subject and officer segments.
 */

/** What makes an incident reportable: at least one (death, serious bodily injury as 18 U.S.C. 2246(4), firearm). */
export const FORCE_QUALIFIERS = ['DEATH', 'SERIOUS_BODILY_INJURY', 'FIREARM_DISCHARGED_AT_PERSON'] as const;
export type ForceQualifier = (typeof FORCE_QUALIFIERS)[number];

export const FORCE_LOCATION_TYPES = [
  'RESIDENCE', 'STREET_HIGHWAY_ROAD', 'PARKING_LOT', 'COMMERCIAL_OR_RETAIL', 'PARK_OR_FIELD', 'SCHOOL_OR_COLLEGE', 'HOSPITAL_OR_HEALTHCARE',
  'JAIL_OR_DETENTION', 'GOVERNMENT_OR_PUBLIC_BUILDING', 'OTHER',
] as const;
export type ForceLocationType = (typeof FORCE_LOCATION_TYPES)[number];

export const INITIAL_CONTACT_REASONS = [
  'CALL_FOR_SERVICE', 'TRAFFIC_STOP', 'ROUTINE_PATROL', 'WARRANT_SERVICE', 'INVESTIGATIVE_ACTIVITY', 'SUSPICIOUS_PERSON', 'MENTAL_HEALTH_CRISIS',
  'UNPROVOKED_ATTACK_ON_OFFICER', 'OTHER',
] as const;
export type InitialContactReason = (typeof INITIAL_CONTACT_REASONS)[number];

export const SUPERVISOR_INVOLVEMENT = ['PRESENT', 'CONSULTED', 'NEITHER'] as const;
export type SupervisorInvolvement = (typeof SUPERVISOR_INVOLVEMENT)[number];

export const FORCE_TYPES = [
  'FIREARM', 'ELECTRONIC_CONTROL_WEAPON', 'CHEMICAL_AGENT', 'IMPACT_WEAPON', 'HANDS_FISTS_FEET', 'TAKEDOWN', 'CANINE', 'VEHICLE', 'LESS_LETHAL_PROJECTILE', 'OTHER',
] as const;
export type ForceType = (typeof FORCE_TYPES)[number];

export const SUBJECT_INJURIES = [
  'DEATH', 'APPARENT_BROKEN_BONES', 'POSSIBLE_INTERNAL_INJURY', 'SEVERE_LACERATION', 'LOSS_OF_TEETH', 'UNCONSCIOUSNESS', 'GUNSHOT_WOUND', 'MINOR_INJURY', 'NONE',
] as const;
export type SubjectInjury = (typeof SUBJECT_INJURIES)[number];

/** The injuries that make an injury serious (18 U.S.C. 2246(4): substantial risk of death, unconsciousness, …). */
export const SERIOUS_INJURIES: readonly SubjectInjury[] = ['DEATH', 'APPARENT_BROKEN_BONES', 'POSSIBLE_INTERNAL_INJURY', 'SEVERE_LACERATION', 'LOSS_OF_TEETH', 'UNCONSCIOUSNESS', 'GUNSHOT_WOUND'];

export const SUBJECT_RESISTANCE = ['NONE', 'RESISTED_HANDCUFFING', 'FLED', 'ASSAULTED_OFFICER', 'THREATENED_WITH_WEAPON', 'USED_WEAPON', 'BARRICADED', 'OTHER'] as const;
export type SubjectResistance = (typeof SUBJECT_RESISTANCE)[number];

export const PERCEIVED_CONDITIONS = ['NONE', 'MENTAL_HEALTH_CRISIS', 'ALCOHOL', 'DRUGS', 'UNKNOWN'] as const;
export type PerceivedCondition = (typeof PERCEIVED_CONDITIONS)[number];

export const SUBJECT_ARMED = ['UNARMED', 'FIREARM', 'KNIFE_OR_CUTTING_INSTRUMENT', 'OTHER_WEAPON', 'UNKNOWN'] as const;
export type SubjectArmed = (typeof SUBJECT_ARMED)[number];

/** A month's use-of-force submission as the collection answers it. */
export const FORCE_SUBMISSION_STATES = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'REJECTED'] as const;
export type ForceSubmissionState = (typeof FORCE_SUBMISSION_STATES)[number];

/** One person force was used on: never a name, only what the collection's subject segment asks. */
export interface ForceSubject {
  age: number | null;
  sex: Sex;
  race: Race;
  ethnicity: Ethnicity;
  heightInches: number | null;
  weightPounds: number | null;
  injuries: SubjectInjury[];
  forceTypes: ForceType[];
  resistance: SubjectResistance[];
  perceivedConditions: PerceivedCondition[];
  armed: SubjectArmed;
}

/** One officer who applied force, from the reporting agency. */
export interface ForceOfficer {
  age: number | null;
  sex: Sex;
  race: Race;
  ethnicity: Ethnicity;
  yearsOfService: number | null;
  fullTime: boolean;
  onDuty: boolean;
  injured: boolean;
  forceTypes: ForceType[];
  firearmDischarged: boolean;
}

export interface UseOfForceFields {
  agencyIncidentNumber: string | null;
  occurredAt: Date;
  qualifiers: ForceQualifier[];
  officersApplyingForce: number;
  officersFromAgency: number;
  location: string;
  locationType: ForceLocationType;
  initialContactReason: InitialContactReason;
  officersApproached: boolean;
  ambush: boolean;
  supervisor: SupervisorInvolvement;
  subjects: ForceSubject[];
  officers: ForceOfficer[];
}
