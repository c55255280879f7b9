import type { CallType, ReferralChannel } from './encounters.js';

/**
 * 20 Ill. Adm. Code 1244 Subpart B: mental-health crisis reporting (IAC-1 to IAC-5). The vocabularies are the
 * options of the rule, in its order, so a state form's columns come out in the order ISP lists them.
 */

/** How the officer came to be there; only a dispatch to the crisis makes an incident reportable (1244.300 b–c). */
export const CRISIS_ARRIVALS = ['DISPATCHED', 'ISPERN_BROADCAST', 'SELF_INITIATED', 'LEARNED_LATER'] as const;
export type CrisisArrival = (typeof CRISIS_ARRIVALS)[number];

/** 1244.400 a): resources the reporting agency itself dispatched, all that apply. */
export const LEVELS_OF_RESPONSE = ['SWORN_OFFICER', 'CIT_TRAINED_OFFICER', 'SWAT_TEAM', 'SOCIAL_WORKER', 'PSYCHOLOGIST', 'AMBULANCE', 'OTHER'] as const;
export type LevelOfResponse = (typeof LEVELS_OF_RESPONSE)[number];

/** 1244.500 a): the result of the reporting agency's involvement, all that apply. */
export const CRISIS_OUTCOMES = [
  'RELEASED_OWN_RECOGNIZANCE',
  'RELEASED_FAMILY_MEMBER',
  'ARRESTED',
  'VOLUNTARY_ADMISSION',
  'OFFICER_ADMITTED',
  'ADJUDICATED',
  'OTHER',
] as const;
export type CrisisOutcome = (typeof CRISIS_OUTCOMES)[number];

/** The rule's wording of each option, for exports and forms. */
export const LEVEL_OF_RESPONSE_LABELS: Record<LevelOfResponse, string> = {
  SWORN_OFFICER: 'Sworn Officer',
  CIT_TRAINED_OFFICER: 'Crisis Intervention Team Trained Officer',
  SWAT_TEAM: 'SWAT Team',
  SOCIAL_WORKER: 'Social Worker',
  PSYCHOLOGIST: 'Psychologist',
  AMBULANCE: 'Ambulance',
  OTHER: 'Other',
};

export const CRISIS_OUTCOME_LABELS: Record<CrisisOutcome, string> = {
  RELEASED_OWN_RECOGNIZANCE: 'Released (Own Recognizance)',
  RELEASED_FAMILY_MEMBER: 'Released (Family Member)',
  ARRESTED: 'Arrested',
  VOLUNTARY_ADMISSION: 'Voluntary Admission to Mental Health Facility',
  OFFICER_ADMITTED: 'Officer Admitted Offender to Mental Health Facility',
  ADJUDICATED: 'Offender Adjudicated to Mental Health Facility',
  OTHER: 'Other',
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isReportingMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * 1244.300 f): a month's data is due by the 15th of the following month. The rule names a day, not a business day,
 * so a 15th on a weekend or holiday is still the 15th.
 */
export function crisisReportDueOn(month: string): string {
  return `${nextMonth(month)}-15`;
}

/** The month (YYYY-MM) an Illinois date (YYYY-MM-DD) falls in. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/**
 * One mental-health crisis incident as an agency reports it (1244.300–500), whether typed into the graph or read
 * from a CAD/RMS export: the shape the rules check and the commands store.
 */
export interface CrisisIncidentFields {
  /** The agency's own number for the call (CAD or RMS); unique within the agency when given. */
  agencyIncidentNumber: string | null;
  /** When the officer was dispatched to the crisis; null when there was no dispatch for it. */
  dispatchedAt: Date | null;
  dispatchReason: string | null;
  arrival: CrisisArrival;
  levelsOfResponse: LevelOfResponse[];
  /** Required when levelsOfResponse includes OTHER. */
  levelOfResponseOther: string | null;
  outcomes: CrisisOutcome[];
  /** Required when outcomes include OTHER. */
  outcomeOther: string | null;
  subjectLocated: boolean;
  fieldReportWritten: boolean;
  callType: CallType | null;
  channel: ReferralChannel | null;
  /** A deflection made on the same call, when there was one. */
  deflectionId: string | null;
}
