/** The closed vocabularies of the cases subgraph, shared by entities, rules and the schema's enums. */
export { DEFLECTION_STATUSES, type DeflectionStatus } from '@hub/platform/domain';

export { CALL_TYPES, type CallType } from '@hub/platform/domain';

export const RECORDS_SYSTEMS = ['TRACS', 'MEG_REPORT_WRITING', 'LOCAL_RMS'] as const;
export type RecordsSystem = (typeof RECORDS_SYSTEMS)[number];

export const INVOLVEMENTS = ['SUBJECT', 'COLLATERAL', 'VICTIM', 'WITNESS'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];

export const CONTACT_METHODS = ['PHONE', 'EMAIL', 'TEXT_MESSAGE', 'IN_PERSON', 'REFERRAL_PORTAL'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const CONTACT_RESULTS = ['REACHED', 'NO_ANSWER', 'LEFT_MESSAGE', 'HANDED_OFF', 'DECLINED'] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];

export const APPROVAL_DECISIONS = ['APPROVED', 'DECLINED'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

export const REVIEW_FINDINGS = ['PROGRESSING', 'SUCCESSFUL', 'UNSUCCESSFUL'] as const;
export type ReviewFinding = (typeof REVIEW_FINDINGS)[number];

export const OUTCOMES = ['SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const EVIDENCE_ACTIONS = ['SEIZED', 'TRANSFERRED', 'SUBMITTED_TO_LAB', 'RETURNED_FROM_LAB', 'IN_STORAGE'] as const;
export type EvidenceAction = (typeof EVIDENCE_ACTIONS)[number];

export const DISPOSAL_METHODS = ['DESTROYED', 'RETURNED_TO_OWNER', 'RELEASED_TO_PROSECUTOR', 'FORFEITED'] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];
