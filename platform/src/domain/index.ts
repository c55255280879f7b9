export { canonicalCounty } from './illinois-counties.js';
export { illinoisDate, isIsoDate, isWithin, addDays, illinoisDayStart } from './dates.js';
export { PATHWAYS, type Pathway } from './pathways.js';
export { AGENCY_KINDS, LAW_ENFORCEMENT_KINDS, ISP_KINDS, FIRST_RESPONDER_KINDS, isLawEnforcementKind, isIspKind, type AgencyKind } from './agency-kinds.js';
export { DEFLECTION_STATUSES, type DeflectionStatus } from './deflection-statuses.js';
export { SEXES, RACES, ETHNICITIES, AGE_BANDS, ageOn, ageBandOn, type Sex, type Race, type Ethnicity, type AgeBand } from './demographics.js';
export { CALL_TYPES, REFERRAL_CHANNELS, SEQUENTIAL_INTERCEPTS, INTERCEPT_OF_PATHWAY, type CallType, type ReferralChannel, type SequentialIntercept } from './encounters.js';
export { TREATMENT_SERVICES, EPISODE_STATES, type TreatmentService, type EpisodeState } from './treatment.js';
export {
  CRISIS_ARRIVALS, LEVELS_OF_RESPONSE, CRISIS_OUTCOMES, LEVEL_OF_RESPONSE_LABELS, CRISIS_OUTCOME_LABELS, isReportingMonth, nextMonth, crisisReportDueOn, monthOf,
  type CrisisArrival, type LevelOfResponse, type CrisisOutcome, type CrisisIncidentFields,
} from './crisis.js';
export {
  FORCE_QUALIFIERS, FORCE_LOCATION_TYPES, INITIAL_CONTACT_REASONS, SUPERVISOR_INVOLVEMENT, FORCE_TYPES, SUBJECT_INJURIES, SERIOUS_INJURIES, SUBJECT_RESISTANCE,
  PERCEIVED_CONDITIONS, SUBJECT_ARMED, FORCE_SUBMISSION_STATES,
  type ForceQualifier, type ForceLocationType, type InitialContactReason, type SupervisorInvolvement, type ForceType, type SubjectInjury, type SubjectResistance,
  type PerceivedCondition, type SubjectArmed, type ForceSubmissionState, type ForceSubject, type ForceOfficer, type UseOfForceFields,
} from './use-of-force.js';
