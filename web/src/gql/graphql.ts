/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Age at the encounter, in the bands statistics use. */
export type AgeBand =
  | 'AGE_18_24'
  | 'AGE_25_34'
  | 'AGE_35_44'
  | 'AGE_45_54'
  | 'AGE_55_64'
  | 'AGE_65_PLUS'
  | 'UNDER_18'
  | 'UNKNOWN';

/** What kind of organisation an agency is; decides which rules of OPS-092 apply to its people. */
export type AgencyKind =
  | 'CASE_MANAGEMENT_ORGANIZATION'
  | 'EMS'
  | 'FIRE'
  | 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION'
  | 'ISP_DIVISION_OF_PATROL'
  | 'LOCAL_POLICE'
  | 'MEG'
  | 'PROSECUTOR'
  | 'SHERIFF'
  | 'STATE_ANALYTICS'
  | 'TASK_FORCE'
  | 'TREATMENT_PROVIDER_ORGANIZATION';

export type ApprovalDecision =
  | 'APPROVED'
  | 'DECLINED';

export type BulkItemStatus =
  | 'APPLIED'
  | 'DUPLICATE'
  | 'REJECTED';

/** Why the responder was there (FB-5 co-responder call types, plus law-enforcement contacts). */
export type CallType =
  | 'CALL_FOR_ASSISTANCE'
  | 'DISORDERLY_JUVENILE'
  | 'HOMELESSNESS'
  | 'INVESTIGATION'
  | 'MENTAL_HEALTH'
  | 'NEIGHBOR_DISPUTE'
  | 'OTHER'
  | 'OVERDOSE'
  | 'PATROL_CONTACT'
  | 'SUBSTANCE_USE'
  | 'TRUANCY';

export type CapacityInput = {
  openSlots: number;
  service: TreatmentService;
};

export type CellKind =
  | 'CELL'
  | 'COLUMN_TOTAL'
  | 'GRAND_TOTAL'
  | 'ROW_TOTAL';

export type CloseDeflectionInput = {
  deflectionId: string | number;
  outcome: DeflectionOutcome;
  /**
   * Unsuccessful only: the prosecuting attorney it is submitted to, and when. Its evidence is kept for the
   * prosecution, so closing unsuccessful does not require disposal; disposal stays open (evidenceAwaitingDisposal).
   */
  prosecutingAttorney?: string | null | undefined;
  reason?: string | null | undefined;
  submittedToProsecutorOn?: string | null | undefined;
  version: number;
};

/** What a consent lets the provider disclose (42 CFR 2.31(a)(3)); disclose nothing else. */
export type ConsentInformation =
  /** Dates of acknowledgement, first treatment contact and retention milestones. */
  | 'ATTENDANCE'
  /** Completion or discharge, with the reason. */
  | 'COMPLETION'
  /** Whether the person is engaged in treatment: yes or no. */
  | 'ENGAGEMENT'
  /** The episode's state and the provider's name. */
  | 'EPISODE_STATUS';

export type ConsentKind =
  /** 42 CFR 2.35: treatment is a condition of how charges are disposed; irrevocable until a date. */
  | 'CRIMINAL_JUSTICE'
  /** 42 CFR 2.31: revocable at any time. */
  | 'STANDARD';

export type ConsentRecipientInput = {
  /** An agency of the hub. */
  agencyId: string | number;
  /** A hub role (PROSECUTOR, MEG_DIRECTOR, …) when only people with it in the agency may receive. */
  role?: string | null | undefined;
};

export type ContactMethod =
  | 'EMAIL'
  | 'IN_PERSON'
  | 'PHONE'
  | 'REFERRAL_PORTAL'
  | 'TEXT_MESSAGE';

export type ContactResult =
  | 'DECLINED'
  /** The person was handed off to the case manager. */
  | 'HANDED_OFF'
  | 'LEFT_MESSAGE'
  | 'NO_ANSWER'
  | 'REACHED';

/** How the officer came to be at the crisis (20 Ill. Adm. Code 1244.300): only a dispatch to it makes it reportable. */
export type CrisisArrival =
  /** Dispatched to a person in a mental-health crisis. */
  | 'DISPATCHED'
  /** Answered an ISPERN or emergency broadcast; reported only with a dispatch to the crisis (1244.300(c)(1)). */
  | 'ISPERN_BROADCAST'
  /** Learned of the crisis while handling another incident; reported only with a dispatch to it (1244.300(c)(2)). */
  | 'LEARNED_LATER'
  /** Officer-initiated and entered as a dispatch. */
  | 'SELF_INITIATED';

/** 1244.500: the result of the reporting agency's involvement. */
export type CrisisOutcome =
  /** Offender Adjudicated to Mental Health Facility. */
  | 'ADJUDICATED'
  | 'ARRESTED'
  /** Officer Admitted Offender to Mental Health Facility. */
  | 'OFFICER_ADMITTED'
  | 'OTHER'
  /** Released (Family Member). */
  | 'RELEASED_FAMILY_MEMBER'
  /** Released (Own Recognizance). */
  | 'RELEASED_OWN_RECOGNIZANCE'
  /** Voluntary Admission to Mental Health Facility. */
  | 'VOLUNTARY_ADMISSION';

export type CrisisStanding =
  /** Submitted, but incidents were recorded or corrected since: submit again to send the new version. */
  | 'CORRECTION_PENDING'
  /** Not submitted yet; the due date has not passed. */
  | 'DUE'
  /** Not submitted and the due date has passed: missing. */
  | 'LATE'
  /** Submitted by the due date. */
  | 'SUBMITTED'
  /** Submitted after the due date. */
  | 'SUBMITTED_LATE';

export type DecideApprovalInput = {
  decision: ApprovalDecision;
  deflectionId: string | number;
  reason: string;
  version: number;
};

export type DeflectionOutcome =
  /** The plan was completed; charges held in abeyance are released (OPS-D8). */
  | 'SUCCESSFUL'
  /** Not completed; may be submitted to a prosecuting attorney (OPS-092 III.E.2). */
  | 'UNSUCCESSFUL'
  | 'WITHDRAWN';

export type DeflectionStatus =
  /** Approved, or needing no approval; the case manager takes it from here. */
  | 'ACTIVE'
  | 'DECLINED'
  /** A DOP/DCI deflection waiting for the MEG Director's or Task Force Commander's decision (OPS-092 III.D). */
  | 'PENDING_APPROVAL'
  | 'SUCCESSFUL'
  | 'UNSUCCESSFUL'
  | 'WITHDRAWN';

export type DemographicsInput = {
  /** Only when the date of birth is not known; otherwise the age band comes from it, at the encounter. */
  ageBand?: AgeBand | null | undefined;
  ethnicity?: Ethnicity | null | undefined;
  race?: Race | null | undefined;
  sex?: Sex | null | undefined;
};

/** The leader whose authority a designation delegates. */
export type DesignationCapacity =
  | 'MEG_DIRECTOR'
  | 'SUPERVISOR'
  | 'TASK_FORCE_COMMANDER';

/** Eligibility facts the SAP's criteria are checked against (OPS-D1). */
export type EligibilityFactsInput = {
  hasActiveWarrant?: boolean | null | undefined;
  /** Offences involved, as the SAP writes them. */
  offenses?: Array<string> | null | undefined;
  onProbationOrParole?: boolean | null | undefined;
};

/** TRT-4: the closed-loop referral and the treatment episode it becomes (compare FHIR Task.status). */
export type EpisodeState =
  | 'ACKNOWLEDGED'
  | 'COMPLETED'
  | 'DECLINED'
  | 'DISCHARGED'
  | 'ENGAGED'
  | 'INTAKE_SCHEDULED'
  | 'LOST_CONTACT'
  | 'REFERRED'
  | 'RETAINED_30'
  | 'RETAINED_60'
  | 'RETAINED_90';

export type EpisodeUpdateInput = {
  at: string;
  /** Your system's id for this update, echoed back in bulk results. */
  clientUpdateId?: string | null | undefined;
  episodeId: string | number;
  /** For INTAKE_SCHEDULED. */
  intakeScheduledFor?: string | null | undefined;
  /** Required for DECLINED and DISCHARGED. */
  reason?: string | null | undefined;
  toState: EpisodeState;
  /** The version you read; omit in bulk updates to apply on top of the current one. */
  version?: number | null | undefined;
};

export type Ethnicity =
  | 'HISPANIC_OR_LATINO'
  | 'NOT_HISPANIC_OR_LATINO'
  | 'UNKNOWN';

/** The six deflection pathways: five in ISP OPS-092 III.B, the sixth in 50 ILCS 71 sec. 15(b). */
export type Pathway =
  | 'ACTIVE_OUTREACH'
  | 'NALOXONE_PLUS'
  | 'OFFICER_INTERVENTION'
  | 'OFFICER_PREVENTION'
  | 'PRE_ARREST_DIVERSION'
  | 'SELF_REFERRAL';

export type PersonInput = {
  /** Not in the future, and at most 120 years ago. */
  dateOfBirth?: string | null | undefined;
  familyName: string;
  givenName: string;
};

export type ProgramRole =
  /** A MEG or task force that approves DOP/DCI deflections. */
  | 'APPROVING_AGENCY'
  /** An agency whose deflections need no approval. */
  | 'INITIATING_AGENCY';

/**
 * The short form (FB-1): person, pathway and a short narrative are enough. The unit, plan, case-management
 * organisation and approver are derived; the incident is created when none is given.
 */
export type QuickReferralInput = {
  arrestMade?: boolean | null | undefined;
  callType?: CallType | null | undefined;
  /** How the contact came about (FB-5), where known. */
  channel?: ReferralChannel | null | undefined;
  /** Officer prevention: must stay false — no charges are filed and no arrest is made. */
  chargesFiled?: boolean | null | undefined;
  /** Officer intervention: charges held in abeyance (or a non-criminal citation is required). */
  chargesHeldInAbeyance?: boolean | null | undefined;
  /** Defaults to the unit's county when it serves only one. */
  county?: string | null | undefined;
  /** The person's demographics for the state's minimum data set, where known: all optional, as the person tells them. */
  demographics?: DemographicsInput | null | undefined;
  eligibility?: EligibilityFactsInput | null | undefined;
  incidentId?: string | number | null | undefined;
  narrative: string;
  nonCriminalCitation?: boolean | null | undefined;
  occurredAt?: string | null | undefined;
  /** Or someone already in the record (for example a collateral person of an incident). */
  participantId?: string | number | null | undefined;
  pathway: Pathway;
  /** A person not yet known; matched against earlier deflections by name and date of birth. */
  person?: PersonInput | null | undefined;
  /** Self-referral: the person initiated the contact. */
  personInitiated?: boolean | null | undefined;
  /** Naloxone plus: the person had a recent overdose. */
  recentOverdose?: boolean | null | undefined;
};

/** Race in the federal categories agencies already report (OMB 1997, as in NIBRS). */
export type Race =
  | 'AMERICAN_INDIAN_OR_ALASKA_NATIVE'
  | 'ASIAN'
  | 'BLACK_OR_AFRICAN_AMERICAN'
  | 'MULTIRACIAL'
  | 'NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER'
  | 'OTHER'
  | 'UNKNOWN'
  | 'WHITE';

export type RecordConsentInput = {
  /** The episode whose patient signs; the consent is the patient's, not the episode's. */
  episodeId: string | number;
  expiresOn?: string | null | undefined;
  expiresOnEvent?: string | null | undefined;
  information: Array<ConsentInformation>;
  irrevocableUntil?: string | null | undefined;
  kind: ConsentKind;
  purpose: string;
  recipients: Array<ConsentRecipientInput>;
  signedOn: string;
  /** True: every site of the provider's organisation may disclose; false: only this provider. */
  wholeOrganization?: boolean | null | undefined;
};

export type RecordContactAttemptInput = {
  at: string;
  caseManagerName?: string | null | undefined;
  deflectionId: string | number;
  method: ContactMethod;
  notes?: string | null | undefined;
  result: ContactResult;
};

export type RecordReviewInput = {
  caseManagerName: string;
  deflectionId: string | number;
  finding: ReviewFinding;
  heldOn: string;
  notes?: string | null | undefined;
  version: number;
};

/** How the contact came about (FB-5 channels). */
export type ReferralChannel =
  | 'CRISIS_LINE'
  | 'LIVE_ON_SCENE_RESPONSE'
  | 'OFFICER_REFERRAL'
  | 'ON_SCENE_OFFICER_REQUEST'
  | 'PROACTIVE_FOLLOW_UP';

export type ReviewFinding =
  | 'PROGRESSING'
  | 'SUCCESSFUL'
  | 'UNSUCCESSFUL';

export type Role =
  | 'ADMINISTRATOR'
  | 'ANALYST'
  | 'CASE_MANAGER'
  | 'DESIGNEE'
  | 'HUB_ADMINISTRATOR'
  | 'MEG_DIRECTOR'
  | 'OFFICER'
  /** An assistant state's attorney: receives unsuccessful deflections and, under a 42 CFR 2.35 consent, treatment progress. */
  | 'PROSECUTOR'
  | 'PROVIDER_STAFF'
  /** Designated records staff of a law-enforcement agency: keep and file its crisis and use-of-force reports (20 Ill. Adm. Code 1244). */
  | 'RECORDS_STAFF'
  /** Illinois State Police reporting staff: receive every agency's crisis and use-of-force submissions and follow up late ones. */
  | 'STATE_REPORTING_STAFF'
  | 'SUPERVISOR'
  | 'TASK_FORCE_COMMANDER';

/** FB-6: where on the Sequential Intercept Model a deflection happens. Deflection is intercepts 0 (community services) and 1 (law enforcement). */
export type SequentialIntercept =
  | 'INTERCEPT_0'
  | 'INTERCEPT_1';

export type SetPersonActiveInput = {
  active: boolean;
  personId: string | number;
};

/** Sex as recorded for the state's minimum data set (50 ILCS 71 sec. 25); X as on Illinois identity documents. */
export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'UNKNOWN'
  | 'X';

/** What a statistic can be grouped by. */
export type StatisticDimension =
  /** The initiating unit. */
  | 'AGENCY'
  | 'AGE_BAND'
  /** The MEG or task force that approved it (none when no approval was needed or it has not been given). */
  | 'APPROVING_AGENCY'
  | 'CALL_TYPE'
  | 'CHANNEL'
  /** The agency it counts for (OPS-D9): the approving MEG or task force once approved, else the initiating unit; none while pending or when declined. */
  | 'COUNTS_FOR'
  | 'COUNTY'
  | 'ETHNICITY'
  /** The month of the referral (2026-03). */
  | 'MONTH'
  /** How it closed (none while open). */
  | 'OUTCOME'
  | 'PATHWAY'
  /** The treatment provider the person was first referred to (none without a referral). */
  | 'PROVIDER'
  /** The quarter of the referral (2026-Q1). */
  | 'QUARTER'
  | 'RACE'
  | 'SEQUENTIAL_INTERCEPT'
  | 'SERVICE'
  | 'SEX'
  | 'STATUS'
  | 'YEAR';

/** What a statistic measures. Rates and shares are 0–1; durations are hours or days with one decimal. */
export type StatisticMeasure =
  /** DOP/DCI deflections approved by a MEG or task force. */
  | 'APPROVALS'
  /** Share of people whose treatment ended who completed it. */
  | 'COMPLETION_RATE'
  /** Median days from the encounter to the first treatment contact. */
  | 'DAYS_TO_TREATMENT_MEDIAN'
  /** 90th percentile of days from the encounter to the first treatment contact. */
  | 'DAYS_TO_TREATMENT_P90'
  /** DOP/DCI deflections declined by a MEG or task force. */
  | 'DECLINES'
  /** Deflections (referrals) counted. */
  | 'DEFLECTIONS'
  /** Distinct people among them (repeat deflections of one person count once). */
  | 'DISTINCT_PEOPLE'
  /** Share of people referred to treatment (encounter at least 30 days ago) who engaged within 30 days of the encounter (50 ILCS 71 sec. 25). */
  | 'ENGAGEMENT_30_DAY_RATE'
  /** Share of deflections under way (approved, or needing no approval) handed off to a case manager. */
  | 'HAND_OFF_RATE'
  /** Median hours from the referral to the warm hand-off. */
  | 'HOURS_TO_HAND_OFF_MEDIAN'
  /** 90th percentile of hours from the referral to the warm hand-off. */
  | 'HOURS_TO_HAND_OFF_P90'
  /** Share of deflections where no arrest was made at the encounter (where that is recorded). */
  | 'NO_ARREST_SHARE'
  /** Deflections referred to a treatment provider (the law-enforcement encounters that resulted in a treatment referral). */
  | 'REFERRED_TO_TREATMENT'
  /** Share of deflections of a person deflected before, by any unit. */
  | 'REPEAT_DEFLECTION_SHARE'
  /** Share of people who started treatment at least 30 days ago and reached the 30-day retention milestone. */
  | 'RETENTION_30_DAY_RATE'
  /** The same at 60 days. */
  | 'RETENTION_60_DAY_RATE'
  /** The same at 90 days. */
  | 'RETENTION_90_DAY_RATE'
  /** Share of deflections closed successful among those closed successful or unsuccessful. */
  | 'SUCCESS_RATE';

/** Narrows a statistic; every list field must name at least one value (leave it out to mean all). */
export type StatisticsFilter = {
  ageBands?: Array<AgeBand> | null | undefined;
  /** Initiating units. */
  agencyIds?: Array<string | number> | null | undefined;
  approvingAgencyIds?: Array<string | number> | null | undefined;
  callTypes?: Array<CallType> | null | undefined;
  channels?: Array<ReferralChannel> | null | undefined;
  counties?: Array<string> | null | undefined;
  ethnicities?: Array<Ethnicity> | null | undefined;
  /** Referred on or after this day. */
  from?: string | null | undefined;
  intercepts?: Array<SequentialIntercept> | null | undefined;
  outcomes?: Array<DeflectionOutcome> | null | undefined;
  pathways?: Array<Pathway> | null | undefined;
  providerIds?: Array<string | number> | null | undefined;
  races?: Array<Race> | null | undefined;
  services?: Array<TreatmentService> | null | undefined;
  sexes?: Array<Sex> | null | undefined;
  statuses?: Array<DeflectionStatus> | null | undefined;
  /** Referred on or before this day. */
  to?: string | null | undefined;
};

export type StatisticsQuery = {
  filter?: StatisticsFilter | null | undefined;
  /** Up to three dimensions, each once; none gives one cell over everything the filter keeps. */
  groupBy?: Array<StatisticDimension> | null | undefined;
  /** At least one measure, each once. */
  measures: Array<StatisticMeasure>;
  totals?: StatisticsTotals | null | undefined;
};

/** Which totals to add. With two or more dimensions a row total adds up the last dimension, a column total the first. */
export type StatisticsTotals = {
  columns?: boolean | null | undefined;
  grand?: boolean | null | undefined;
  rows?: boolean | null | undefined;
};

export type SuppressionReason =
  /** Withheld so that another withheld value cannot be recovered from a total. */
  | 'COMPLEMENTARY'
  /** A rate, share, median or percentile computed on fewer people than the threshold. */
  | 'SMALL_BASE'
  /** A count from 1 to the threshold minus one. */
  | 'SMALL_COUNT';

/** Services a licensed provider offers (TRT-1). */
export type TreatmentService =
  | 'MEDICATION_FOR_OPIOID_USE_DISORDER'
  | 'MENTAL_HEALTH'
  | 'PEER_SUPPORT'
  | 'RECOVERY_HOUSING'
  | 'RECOVERY_SUPPORT'
  | 'SUD_INTENSIVE_OUTPATIENT'
  | 'SUD_OUTPATIENT'
  | 'SUD_RESIDENTIAL'
  | 'WITHDRAWAL_MANAGEMENT';

/** Where an agency sits in its organisation: ISP troops and zones are units under their division. */
export type UnitLevel =
  | 'AGENCY'
  | 'DIVISION'
  | 'TROOP'
  | 'UNIT'
  | 'ZONE';

export type UpdateCapacityInput = {
  capacity: Array<CapacityInput>;
  providerId: string | number;
};

/** A month's use-of-force submission as the collection answers it. */
export type UseOfForceSubmissionState =
  | 'ACCEPTED'
  | 'DRAFT'
  /** Refused by the receiver: waits in the agency's queue to be corrected and resent. */
  | 'REJECTED'
  | 'SUBMITTED';

export type MyAgencyAdministrationQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAgencyAdministrationQuery = { myAgency: { id: string, name: string, kind: AgencyKind, level: UnitLevel, countiesServed: Array<string>, children: Array<{ id: string, name: string }>, personnel: Array<{ id: string, displayName: string, roles: Array<Role>, active: boolean, badgeNumber: string | null, designations: Array<{ id: string, capacity: DesignationCapacity, validFrom: string, validTo: string | null, revokedAt: string | null, validToday: boolean, delegatedBy: { id: string, displayName: string } }> }>, solutionActionPlans: Array<{ id: string, version: number, county: string | null, effectiveFrom: string, supersededOn: string | null, enabledPathways: Array<Pathway>, publishedAt: string, approvingAgency: { id: string, name: string } | null, caseManagementOrganization: { id: string, name: string } }> } };

export type AgencyAdministrationQueryVariables = Exact<{
  id: string | number;
}>;


export type AgencyAdministrationQuery = { agency: { id: string, name: string, kind: AgencyKind, level: UnitLevel, countiesServed: Array<string>, children: Array<{ id: string, name: string }>, personnel: Array<{ id: string, displayName: string, roles: Array<Role>, active: boolean, badgeNumber: string | null, designations: Array<{ id: string, capacity: DesignationCapacity, validFrom: string, validTo: string | null, revokedAt: string | null, validToday: boolean, delegatedBy: { id: string, displayName: string } }> }>, solutionActionPlans: Array<{ id: string, version: number, county: string | null, effectiveFrom: string, supersededOn: string | null, enabledPathways: Array<Pathway>, publishedAt: string, approvingAgency: { id: string, name: string } | null, caseManagementOrganization: { id: string, name: string } }> } | null };

export type AgencyDirectoryQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AgencyDirectoryQuery = { agencies: { edges: Array<{ node: { id: string, name: string, kind: AgencyKind } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AdministeredAgencyFragment = { id: string, name: string, kind: AgencyKind, level: UnitLevel, countiesServed: Array<string>, children: Array<{ id: string, name: string }>, personnel: Array<{ id: string, displayName: string, roles: Array<Role>, active: boolean, badgeNumber: string | null, designations: Array<{ id: string, capacity: DesignationCapacity, validFrom: string, validTo: string | null, revokedAt: string | null, validToday: boolean, delegatedBy: { id: string, displayName: string } }> }>, solutionActionPlans: Array<{ id: string, version: number, county: string | null, effectiveFrom: string, supersededOn: string | null, enabledPathways: Array<Pathway>, publishedAt: string, approvingAgency: { id: string, name: string } | null, caseManagementOrganization: { id: string, name: string } }> };

export type SetPersonActiveMutationVariables = Exact<{
  input: SetPersonActiveInput;
}>;


export type SetPersonActiveMutation = { setPersonActive: { id: string, active: boolean } };

export type ApprovalsWaitingQueryVariables = Exact<{ [key: string]: never; }>;


export type ApprovalsWaitingQuery = { deflections: { edges: Array<{ node: { id: string, version: number, referenceNumber: string, pathway: Pathway, county: string, referredAt: string, narrative: string, priorDeflectionCount: number, initiatingUnit: { id: string, name: string } | null, initiatedBy: { id: string, displayName: string } | null, participant: { id: string, givenName: string, familyName: string } } }> } };

export type DecideApprovalMutationVariables = Exact<{
  input: DecideApprovalInput;
}>;


export type DecideApprovalMutation = { decideApproval: { id: string, version: number, status: DeflectionStatus, approval: { decision: ApprovalDecision, decidedAt: string } | null } };

export type ReviewsDueQueryVariables = Exact<{
  withinDays: number;
}>;


export type ReviewsDueQuery = { reviewsDue: Array<{ id: string, version: number, referenceNumber: string, pathway: Pathway, status: DeflectionStatus, nextReviewDue: string | null, reviewOverdue: boolean, lastReviewedOn: string | null, participant: { id: string, givenName: string, familyName: string }, caseManagementOrganization: { id: string, name: string } | null }>, overdueReviews: Array<{ id: string, version: number, referenceNumber: string, pathway: Pathway, status: DeflectionStatus, nextReviewDue: string | null, reviewOverdue: boolean, lastReviewedOn: string | null, participant: { id: string, givenName: string, familyName: string }, caseManagementOrganization: { id: string, name: string } | null }> };

export type ReviewRowFragment = { id: string, version: number, referenceNumber: string, pathway: Pathway, status: DeflectionStatus, nextReviewDue: string | null, reviewOverdue: boolean, lastReviewedOn: string | null, participant: { id: string, givenName: string, familyName: string }, caseManagementOrganization: { id: string, name: string } | null };

export type RecordReviewMutationVariables = Exact<{
  input: RecordReviewInput;
  idempotencyKey?: string | null | undefined;
}>;


export type RecordReviewMutation = { recordReview: { id: string, version: number, nextReviewDue: string | null, reviewOverdue: boolean, lastReviewedOn: string | null } };

export type CloseDeflectionMutationVariables = Exact<{
  input: CloseDeflectionInput;
}>;


export type CloseDeflectionMutation = { closeDeflection: { id: string, version: number, status: DeflectionStatus, outcome: { kind: DeflectionOutcome, decidedAt: string } | null } };

export type CaseManagerQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type CaseManagerQueueQuery = { deflections: { edges: Array<{ node: { id: string, version: number, referenceNumber: string, pathway: Pathway, county: string, referredAt: string, handedOffAt: string | null, nextReviewDue: string | null, reviewOverdue: boolean, participant: { id: string, givenName: string, familyName: string }, initiatingUnit: { id: string, name: string } | null, initiatedBy: { id: string, displayName: string, phone: string | null } | null, contactAttempts: Array<{ id: string, at: string, method: ContactMethod, result: ContactResult, caseManagerName: string | null, by: { id: string, displayName: string } | null }> } }> } };

export type RecordContactAttemptMutationVariables = Exact<{
  input: RecordContactAttemptInput;
  idempotencyKey?: string | null | undefined;
}>;


export type RecordContactAttemptMutation = { recordContactAttempt: { id: string, version: number, handedOffAt: string | null, contactAttempts: Array<{ id: string, at: string, method: ContactMethod, result: ContactResult }> } };

export type MyReferralsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyReferralsQuery = { deflections: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, referenceNumber: string, pathway: Pathway, status: DeflectionStatus, referredAt: string, participant: { id: string, givenName: string, familyName: string }, initiatedBy: { id: string, displayName: string } | null, outcome: { kind: DeflectionOutcome, decidedAt: string } | null } }> } };

export type OutcomeFeedbackQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type OutcomeFeedbackQuery = { myReferralOutcomes: { from: string | null, to: string | null, referrals: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, people: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, handedOff: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, engagedWithin30Days: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, retainedAt90Days: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, completedTreatment: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, repeatDeflections: { value: number | null, suppressed: boolean, reason: SuppressionReason | null } } };

export type UnitOutcomeFeedbackQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type UnitOutcomeFeedbackQuery = { unitReferralOutcomes: { from: string | null, to: string | null, referrals: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, people: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, handedOff: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, engagedWithin30Days: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, retainedAt90Days: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, completedTreatment: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, repeatDeflections: { value: number | null, suppressed: boolean, reason: SuppressionReason | null } } };

export type FigureFragment = { value: number | null, suppressed: boolean, reason: SuppressionReason | null };

export type OutcomeFiguresFragment = { from: string | null, to: string | null, referrals: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, people: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, handedOff: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, engagedWithin30Days: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, retainedAt90Days: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, completedTreatment: { value: number | null, suppressed: boolean, reason: SuppressionReason | null }, repeatDeflections: { value: number | null, suppressed: boolean, reason: SuppressionReason | null } };

export type PendingApprovalsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingApprovalsQuery = { deflections: { edges: Array<{ node: { id: string } }> } };

export type PendingReviewsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingReviewsQuery = { reviewsDue: Array<{ id: string }>, overdueReviews: Array<{ id: string }> };

export type PendingAcknowledgementsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingAcknowledgementsQuery = { myEpisodes: { edges: Array<{ node: { id: string } }> } };

export type PendingHandOffsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingHandOffsQuery = { deflections: { edges: Array<{ node: { id: string, handedOffAt: string | null } }> } };

export type MyEpisodesQueryVariables = Exact<{
  state?: Array<EpisodeState> | EpisodeState | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyEpisodesQuery = { myEpisodes: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, state: EpisodeState, service: TreatmentService, referredAt: string, acknowledgedAt: string | null, intakeScheduledFor: string | null, patient: { id: string, givenName: string, familyName: string }, provider: { id: string, name: string } } }> } };

export type UpdateEpisodeMutationVariables = Exact<{
  input: EpisodeUpdateInput;
}>;


export type UpdateEpisodeMutation = { updateEpisode: { id: string, version: number, state: EpisodeState, acknowledgedAt: string | null, intakeScheduledFor: string | null } };

export type BulkUpdateEpisodesMutationVariables = Exact<{
  updates: Array<EpisodeUpdateInput> | EpisodeUpdateInput;
  idempotencyKey: string;
}>;


export type BulkUpdateEpisodesMutation = { bulkUpdateEpisodes: { applied: number, rejected: number, duplicates: number, results: Array<{ index: number, clientUpdateId: string | null, status: BulkItemStatus, field: string | null, rule: string | null, reason: string | null, episode: { id: string, state: EpisodeState } | null }> } };

export type EpisodeDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type EpisodeDetailQuery = { treatmentEpisode: { id: string, version: number, state: EpisodeState, service: TreatmentService, nextStates: Array<EpisodeState>, referredAt: string, intakeScheduledFor: string | null, patient: { id: string, givenName: string, familyName: string, dateOfBirth: string | null }, provider: { id: string, name: string }, transitions: Array<{ fromState: EpisodeState | null, toState: EpisodeState, at: string, reason: string | null, by: { id: string, displayName: string } | null }> } | null, consents: Array<{ id: string, kind: ConsentKind, information: Array<ConsentInformation>, purpose: string, signedOn: string, expiresOn: string | null, irrevocableUntil: string | null, revokedAt: string | null, inEffect: boolean, recipients: Array<{ role: string | null, agency: { id: string, name: string } | null }> }>, accountingOfDisclosures: Array<{ at: string, information: Array<ConsentInformation>, basis: string, purpose: string, recipient: { id: string, displayName: string } | null, recipientAgency: { id: string, name: string } | null }> };

export type ConsentRecipientAgenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsentRecipientAgenciesQuery = { agencies: { edges: Array<{ node: { id: string, name: string } }> } };

export type RecordConsentMutationVariables = Exact<{
  input: RecordConsentInput;
  idempotencyKey?: string | null | undefined;
}>;


export type RecordConsentMutation = { recordConsent: { id: string, inEffect: boolean } };

export type RevokeConsentMutationVariables = Exact<{
  consentId: string | number;
}>;


export type RevokeConsentMutation = { revokeConsent: { id: string, revokedAt: string | null, inEffect: boolean } };

export type ProviderCapacityQueryVariables = Exact<{
  id: string | number;
}>;


export type ProviderCapacityQuery = { provider: { id: string, name: string, services: Array<TreatmentService>, capacity: Array<{ service: TreatmentService, openSlots: number, updatedAt: string }> } | null };

export type UpdateCapacityMutationVariables = Exact<{
  input: UpdateCapacityInput;
}>;


export type UpdateCapacityMutation = { updateCapacity: { id: string, capacity: Array<{ service: TreatmentService, openSlots: number, updatedAt: string }> } };

export type CrisisMonthViewQueryVariables = Exact<{
  month: string;
}>;


export type CrisisMonthViewQuery = { crisisMonth: { month: string, dueOn: string, standing: CrisisStanding, incidents: number, latestSubmission: { id: string, version: number, submittedAt: string, late: boolean, zeroReport: boolean, incidentCount: number, submittedBy: { id: string, displayName: string } | null } | null }, crisisIncidents: Array<{ id: string, agencyIncidentNumber: string | null, dispatchedAt: string, dispatchReason: string, arrival: CrisisArrival, outcomes: Array<CrisisOutcome> }> };

export type SubmitCrisisMonthMutationVariables = Exact<{
  month: string;
  idempotencyKey?: string | null | undefined;
}>;


export type SubmitCrisisMonthMutation = { submitCrisisMonth: { id: string, version: number, submittedAt: string, late: boolean, incidentCount: number } };

export type UseOfForceViewQueryVariables = Exact<{
  month?: string | null | undefined;
}>;


export type UseOfForceViewQuery = { useOfForceSubmissions: Array<{ id: string, month: string, version: number, state: UseOfForceSubmissionState, zeroReport: boolean, incidentCount: number, submittedAt: string | null, respondedAt: string | null, rejectionReason: string | null, superseded: boolean }>, useOfForceRejections: Array<{ id: string, month: string, version: number, state: UseOfForceSubmissionState, zeroReport: boolean, incidentCount: number, submittedAt: string | null, respondedAt: string | null, rejectionReason: string | null, superseded: boolean }> };

export type ForceSubmissionFragment = { id: string, month: string, version: number, state: UseOfForceSubmissionState, zeroReport: boolean, incidentCount: number, submittedAt: string | null, respondedAt: string | null, rejectionReason: string | null, superseded: boolean };

export type CrisisReportingStatusQueryVariables = Exact<{
  month: string;
  standings?: Array<CrisisStanding> | CrisisStanding | null | undefined;
}>;


export type CrisisReportingStatusQuery = { crisisReportingStatus: Array<{ month: string, dueOn: string, standing: CrisisStanding, incidents: number, agency: { id: string, name: string } | null, latestSubmission: { id: string, submittedAt: string, version: number } | null }> };

export type ReferralFormQueryVariables = Exact<{ [key: string]: never; }>;


export type ReferralFormQuery = { myAgency: { id: string, name: string, countiesServed: Array<string>, solutionActionPlan: { id: string, enabledPathways: Array<Pathway> } | null } };

export type QuickReferralMutationVariables = Exact<{
  input: QuickReferralInput;
  idempotencyKey?: string | null | undefined;
}>;


export type QuickReferralMutation = { quickReferral: { deflection: { id: string, referenceNumber: string, pathway: Pathway, status: DeflectionStatus }, nextSteps: { summary: string, approvalRequired: boolean, approvingAgency: { id: string, name: string, approvers: Array<{ capacity: DesignationCapacity, person: { displayName: string, phone: string | null, email: string | null }, actingFor: { displayName: string } | null }> } | null, caseManagementOrganization: { id: string, name: string } | null, solutionActionPlan: { id: string, caseManagerContact: { preferredMethod: ContactMethod, phone: string | null, email: string | null, hours: string | null, instructions: string | null } } | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, displayName: string, roles: Array<Role>, agency: { id: string, name: string }, designations: Array<{ id: string, validToday: boolean, capacity: DesignationCapacity, delegatedBy: { id: string, displayName: string } }> } };

export type RunStatisticsQueryVariables = Exact<{
  query: StatisticsQuery;
}>;


export type RunStatisticsQuery = { statistics: { groupBy: Array<StatisticDimension>, measures: Array<StatisticMeasure>, suppressionThreshold: number, disclosureControl: string, asOf: string, cells: Array<{ kind: CellKind, dimensions: Array<{ dimension: StatisticDimension, value: string | null, total: boolean }>, values: Array<{ measure: StatisticMeasure, value: number | null, suppressed: boolean, reason: SuppressionReason | null }> }> } };

export type StateDataSetSummaryQueryVariables = Exact<{
  year: number;
  quarter: number;
}>;


export type StateDataSetSummaryQuery = { stateDataSet: { year: number, quarter: number, from: string, to: string, csvPath: string, disclosureControl: string, programs: Array<{ programRole: ProgramRole, program: { id: string, name: string } | null }> } };

export const AdministeredAgencyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdministeredAgency"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Agency"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"countiesServed"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personnel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"badgeNumber"}},{"kind":"Field","name":{"kind":"Name","value":"designations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"validToday"}},{"kind":"Field","name":{"kind":"Name","value":"delegatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"solutionActionPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"county"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"supersededOn"}},{"kind":"Field","name":{"kind":"Name","value":"enabledPathways"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvingAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseManagementOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AdministeredAgencyFragment, unknown>;
export const ReviewRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReviewRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deflection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"referenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"pathway"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"nextReviewDue"}},{"kind":"Field","name":{"kind":"Name","value":"reviewOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"lastReviewedOn"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseManagementOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ReviewRowFragment, unknown>;
export const FigureFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Figure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MeasureValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]} as unknown as DocumentNode<FigureFragment, unknown>;
export const OutcomeFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomeFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralOutcomes"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"handedOff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagedWithin30Days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retainedAt90Days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"completedTreatment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repeatDeflections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Figure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MeasureValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]} as unknown as DocumentNode<OutcomeFiguresFragment, unknown>;
export const ForceSubmissionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ForceSubmission"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UseOfForceSubmission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"zeroReport"}},{"kind":"Field","name":{"kind":"Name","value":"incidentCount"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"respondedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"superseded"}}]}}]} as unknown as DocumentNode<ForceSubmissionFragment, unknown>;
export const MyAgencyAdministrationDocument = {"__meta__":{"hash":"sha256:256c10913f1c59ebdbd97ce42fa2d006b70da0c44da3c530816f236d56ca924b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAgencyAdministration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdministeredAgency"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdministeredAgency"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Agency"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"countiesServed"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personnel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"badgeNumber"}},{"kind":"Field","name":{"kind":"Name","value":"designations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"validToday"}},{"kind":"Field","name":{"kind":"Name","value":"delegatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"solutionActionPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"county"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"supersededOn"}},{"kind":"Field","name":{"kind":"Name","value":"enabledPathways"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvingAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseManagementOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MyAgencyAdministrationQuery, MyAgencyAdministrationQueryVariables>;
export const AgencyAdministrationDocument = {"__meta__":{"hash":"sha256:c0ebde499e4ddfbb1566e8f77b085d0cbb491412f6dcff6a3d048e7e39b3bf72"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencyAdministration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdministeredAgency"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdministeredAgency"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Agency"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"countiesServed"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personnel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"badgeNumber"}},{"kind":"Field","name":{"kind":"Name","value":"designations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"validToday"}},{"kind":"Field","name":{"kind":"Name","value":"delegatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"solutionActionPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"county"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"supersededOn"}},{"kind":"Field","name":{"kind":"Name","value":"enabledPathways"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvingAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseManagementOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AgencyAdministrationQuery, AgencyAdministrationQueryVariables>;
export const AgencyDirectoryDocument = {"__meta__":{"hash":"sha256:9199a54dccd2fe1d93dcd8b923157df48771610f2ececa9f9931af90a53ed56b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencyDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AgencyDirectoryQuery, AgencyDirectoryQueryVariables>;
export const SetPersonActiveDocument = {"__meta__":{"hash":"sha256:3e51c5dd734c142ab740c3ef4156a0ea6e41b9885bd4cdf5cb0a92e9c225e932"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPersonActive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPersonActiveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPersonActive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<SetPersonActiveMutation, SetPersonActiveMutationVariables>;
export const ApprovalsWaitingDocument = {"__meta__":{"hash":"sha256:d348a4ddd50b9aad62f65343ba943c25f70911878ff47437d2a35ddfff489797"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApprovalsWaiting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deflections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PENDING_APPROVAL"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"referenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"pathway"}},{"kind":"Field","name":{"kind":"Name","value":"county"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"narrative"}},{"kind":"Field","name":{"kind":"Name","value":"initiatingUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"initiatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priorDeflectionCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApprovalsWaitingQuery, ApprovalsWaitingQueryVariables>;
export const DecideApprovalDocument = {"__meta__":{"hash":"sha256:0f1ecf5a861ebc53186d2a44082c711ef2c6244ead3f9405f621b5e71e084527"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideApproval"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideApprovalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideApproval"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"approval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]}}]} as unknown as DocumentNode<DecideApprovalMutation, DecideApprovalMutationVariables>;
export const ReviewsDueDocument = {"__meta__":{"hash":"sha256:a34ba4974d2b90afaf815dbd0a70f1c440528c9362aa58edde5766ff7af0706f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewsDue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewsDue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withinDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReviewRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overdueReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReviewRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReviewRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deflection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"referenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"pathway"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"nextReviewDue"}},{"kind":"Field","name":{"kind":"Name","value":"reviewOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"lastReviewedOn"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseManagementOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ReviewsDueQuery, ReviewsDueQueryVariables>;
export const RecordReviewDocument = {"__meta__":{"hash":"sha256:a911b43cae1837871266123893b0ab3f7c5b23eb51542027267695b890a3dfa6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordReviewInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nextReviewDue"}},{"kind":"Field","name":{"kind":"Name","value":"reviewOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"lastReviewedOn"}}]}}]}}]} as unknown as DocumentNode<RecordReviewMutation, RecordReviewMutationVariables>;
export const CloseDeflectionDocument = {"__meta__":{"hash":"sha256:8b8f5bc93a88434bf0247f77992c82d7cd5a322cbb5fdd47a5369546d453b21e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseDeflection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseDeflectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeDeflection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CloseDeflectionMutation, CloseDeflectionMutationVariables>;
export const CaseManagerQueueDocument = {"__meta__":{"hash":"sha256:26f67da25a5f8a6ef2bc17ae028f999ee470559d4cce1d481f13c63dc1c48110"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseManagerQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deflections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ACTIVE"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"referenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"pathway"}},{"kind":"Field","name":{"kind":"Name","value":"county"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"handedOffAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextReviewDue"}},{"kind":"Field","name":{"kind":"Name","value":"reviewOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"initiatingUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"initiatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactAttempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"caseManagerName"}},{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CaseManagerQueueQuery, CaseManagerQueueQueryVariables>;
export const RecordContactAttemptDocument = {"__meta__":{"hash":"sha256:3ad97bdf5ec8d69c4c8e3045f34993654639149d156f43dd269d4d8addf6ea08"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordContactAttempt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordContactAttemptInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordContactAttempt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"handedOffAt"}},{"kind":"Field","name":{"kind":"Name","value":"contactAttempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]}}]}}]} as unknown as DocumentNode<RecordContactAttemptMutation, RecordContactAttemptMutationVariables>;
export const MyReferralsDocument = {"__meta__":{"hash":"sha256:74b0db42919d6d9f2a202799ea50f1cba077aeb75e2f7103591649c116ff3425"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyReferrals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deflections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"pathway"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"initiatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyReferralsQuery, MyReferralsQueryVariables>;
export const OutcomeFeedbackDocument = {"__meta__":{"hash":"sha256:903e275094590bdadaae7e69a0571bbc5312edf9f42802045fcf85c1482f6e8f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutcomeFeedback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myReferralOutcomes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutcomeFigures"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Figure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MeasureValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomeFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralOutcomes"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"handedOff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagedWithin30Days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retainedAt90Days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"completedTreatment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repeatDeflections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}}]}}]} as unknown as DocumentNode<OutcomeFeedbackQuery, OutcomeFeedbackQueryVariables>;
export const UnitOutcomeFeedbackDocument = {"__meta__":{"hash":"sha256:cba8d41ec85ee4f1730d6a610e1a23af5caee3aa449b69f40ff8268ad152333b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitOutcomeFeedback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitReferralOutcomes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutcomeFigures"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Figure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MeasureValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutcomeFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralOutcomes"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"handedOff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagedWithin30Days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retainedAt90Days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"completedTreatment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repeatDeflections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Figure"}}]}}]}}]} as unknown as DocumentNode<UnitOutcomeFeedbackQuery, UnitOutcomeFeedbackQueryVariables>;
export const PendingApprovalsDocument = {"__meta__":{"hash":"sha256:5f3b41e932f77fb694aa2f4fe48cf684ce7a1d4971b30ad35f461d955527a9a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingApprovals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deflections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PENDING_APPROVAL"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PendingApprovalsQuery, PendingApprovalsQueryVariables>;
export const PendingReviewsDocument = {"__meta__":{"hash":"sha256:2dc393f137d4b9aac4dfeebfcac569f892f9513103ad658662ef23d248dea922"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewsDue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"IntValue","value":"7"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overdueReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<PendingReviewsQuery, PendingReviewsQueryVariables>;
export const PendingAcknowledgementsDocument = {"__meta__":{"hash":"sha256:52e6d22857cbf922d6c5c9f21d7b4f9d83927097a6a22f1d03684cfd13e9d473"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingAcknowledgements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myEpisodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"REFERRED"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PendingAcknowledgementsQuery, PendingAcknowledgementsQueryVariables>;
export const PendingHandOffsDocument = {"__meta__":{"hash":"sha256:d77638a48d21114f3eca70cf355dcde61baa4c6393cb49cd896aee7b076aaf8e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingHandOffs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deflections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ACTIVE"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handedOffAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PendingHandOffsQuery, PendingHandOffsQueryVariables>;
export const MyEpisodesDocument = {"__meta__":{"hash":"sha256:8c9f081c215bf42ad2d9fea2a7779a60c37217712be5fca8c7e3b42491bcc151"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyEpisodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EpisodeState"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myEpisodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"intakeScheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyEpisodesQuery, MyEpisodesQueryVariables>;
export const UpdateEpisodeDocument = {"__meta__":{"hash":"sha256:333ea1398be81a8079784e614eeeead48222f065f676090525e52f090db3832b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEpisode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EpisodeUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEpisode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"intakeScheduledFor"}}]}}]}}]} as unknown as DocumentNode<UpdateEpisodeMutation, UpdateEpisodeMutationVariables>;
export const BulkUpdateEpisodesDocument = {"__meta__":{"hash":"sha256:4fdf45f9686fd14b7c6b70aa6e71e2c4b3378874feb7812119b4941844667958"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BulkUpdateEpisodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"updates"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EpisodeUpdateInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkUpdateEpisodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"updates"},"value":{"kind":"Variable","name":{"kind":"Name","value":"updates"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"clientUpdateId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"episode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BulkUpdateEpisodesMutation, BulkUpdateEpisodesMutationVariables>;
export const EpisodeDetailDocument = {"__meta__":{"hash":"sha256:0b972a728c131cecc3627a4edab33c613ea5982cd51c408790dede904ff8b7ba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EpisodeDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"treatmentEpisode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"nextStates"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"intakeScheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"episodeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"information"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"signedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"irrevocableUntil"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inEffect"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountingOfDisclosures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"episodeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"information"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recipientAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<EpisodeDetailQuery, EpisodeDetailQueryVariables>;
export const ConsentRecipientAgenciesDocument = {"__meta__":{"hash":"sha256:9f9295cc687bfe6b67107e4ff7497ba2772ba81da2da94d58560774d4ac6d25b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsentRecipientAgencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsentRecipientAgenciesQuery, ConsentRecipientAgenciesQueryVariables>;
export const RecordConsentDocument = {"__meta__":{"hash":"sha256:ccb21bccb7f3009fdf78db03ac72e5936cd19f18e019313bd3a45ee0a7b722f8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordConsentInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inEffect"}}]}}]}}]} as unknown as DocumentNode<RecordConsentMutation, RecordConsentMutationVariables>;
export const RevokeConsentDocument = {"__meta__":{"hash":"sha256:fa2c69c3e4f96fa396b10cba291bc8dbb977be996f811243f997e694590851a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"consentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inEffect"}}]}}]}}]} as unknown as DocumentNode<RevokeConsentMutation, RevokeConsentMutationVariables>;
export const ProviderCapacityDocument = {"__meta__":{"hash":"sha256:3ac06dda565c4034beb6018cfd20636b0c0638a9c626e08a7434631d634d446e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProviderCapacity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"openSlots"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ProviderCapacityQuery, ProviderCapacityQueryVariables>;
export const UpdateCapacityDocument = {"__meta__":{"hash":"sha256:7c7bec1b11ea8e6853f24e76371cecaa1ec918871df1f033cf4e56eee8504598"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCapacity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCapacityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCapacity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"openSlots"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateCapacityMutation, UpdateCapacityMutationVariables>;
export const CrisisMonthViewDocument = {"__meta__":{"hash":"sha256:64bbaece7de0bbc4b53cf2341f7e6754f7d31186721fd16dfc011f967361fb67"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CrisisMonthView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crisisMonth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"standing"}},{"kind":"Field","name":{"kind":"Name","value":"incidents"}},{"kind":"Field","name":{"kind":"Name","value":"latestSubmission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"zeroReport"}},{"kind":"Field","name":{"kind":"Name","value":"incidentCount"}},{"kind":"Field","name":{"kind":"Name","value":"submittedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"crisisIncidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agencyIncidentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"dispatchedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dispatchReason"}},{"kind":"Field","name":{"kind":"Name","value":"arrival"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"}}]}}]}}]} as unknown as DocumentNode<CrisisMonthViewQuery, CrisisMonthViewQueryVariables>;
export const SubmitCrisisMonthDocument = {"__meta__":{"hash":"sha256:5cf4b1ecab40bf1c31fa3cb5df067cb0e1d5f8593bd68b21ac4b3e2da6d06a70"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitCrisisMonth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitCrisisMonth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"incidentCount"}}]}}]}}]} as unknown as DocumentNode<SubmitCrisisMonthMutation, SubmitCrisisMonthMutationVariables>;
export const UseOfForceViewDocument = {"__meta__":{"hash":"sha256:871c3c8394334ace4ea6d329e414492db52bcfdf02191d88cea0f932168fd8d3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UseOfForceView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useOfForceSubmissions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ForceSubmission"}}]}},{"kind":"Field","name":{"kind":"Name","value":"useOfForceRejections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ForceSubmission"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ForceSubmission"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UseOfForceSubmission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"zeroReport"}},{"kind":"Field","name":{"kind":"Name","value":"incidentCount"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"respondedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"superseded"}}]}}]} as unknown as DocumentNode<UseOfForceViewQuery, UseOfForceViewQueryVariables>;
export const CrisisReportingStatusDocument = {"__meta__":{"hash":"sha256:74d95849ede31e6c99de7c094efcb77ba608fafb5519127ed46deddce4a1cee6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CrisisReportingStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"standings"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CrisisStanding"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crisisReportingStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"standings"},"value":{"kind":"Variable","name":{"kind":"Name","value":"standings"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"standing"}},{"kind":"Field","name":{"kind":"Name","value":"incidents"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestSubmission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<CrisisReportingStatusQuery, CrisisReportingStatusQueryVariables>;
export const ReferralFormDocument = {"__meta__":{"hash":"sha256:7a090e8136c772450ab52ae949d3781dd3d5c1212d2359897e0e560cecd66d3d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralForm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"countiesServed"}},{"kind":"Field","name":{"kind":"Name","value":"solutionActionPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabledPathways"}}]}}]}}]}}]} as unknown as DocumentNode<ReferralFormQuery, ReferralFormQueryVariables>;
export const QuickReferralDocument = {"__meta__":{"hash":"sha256:a5f2f14725b56229efc59a496f43fdd81883b9880b8f98653d4e08e48b539be5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QuickReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuickReferralInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deflection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"pathway"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"approvalRequired"}},{"kind":"Field","name":{"kind":"Name","value":"approvingAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"approvers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"actingFor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseManagementOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"solutionActionPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseManagerContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preferredMethod"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"instructions"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<QuickReferralMutation, QuickReferralMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:817cb32b9e0f88e860fa30bdae51bfc7a0ea295235542c7d1477184185b2e10e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"designations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"validToday"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"delegatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const RunStatisticsDocument = {"__meta__":{"hash":"sha256:067e0930459754c928b1efb8015a6182416974cb18b8b42086d01cd3452d072a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RunStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsQuery"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupBy"}},{"kind":"Field","name":{"kind":"Name","value":"measures"}},{"kind":"Field","name":{"kind":"Name","value":"suppressionThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"disclosureControl"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RunStatisticsQuery, RunStatisticsQueryVariables>;
export const StateDataSetSummaryDocument = {"__meta__":{"hash":"sha256:f721b0b97d054e01f84e850e576243bd8c72383dc391ff05a1991b3d068e4711"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StateDataSetSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quarter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stateDataSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"quarter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quarter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"csvPath"}},{"kind":"Field","name":{"kind":"Name","value":"disclosureControl"}},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programRole"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StateDataSetSummaryQuery, StateDataSetSummaryQueryVariables>;