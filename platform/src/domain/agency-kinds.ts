/**
 * The kinds of organisation in the hub. The agencies subgraph owns which agency is which kind; other subgraphs
 * receive an agency's kind through the graph and use these lists to apply OPS-092 to it.
 */
export const AGENCY_KINDS = [
  'ISP_DIVISION_OF_PATROL',
  'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION',
  'MEG',
  'TASK_FORCE',
  'LOCAL_POLICE',
  'SHERIFF',
  'FIRE',
  'EMS',
  'CASE_MANAGEMENT_ORGANIZATION',
  'TREATMENT_PROVIDER_ORGANIZATION',
  'PROSECUTOR',
  'STATE_ANALYTICS',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const LAW_ENFORCEMENT_KINDS: readonly AgencyKind[] = ['ISP_DIVISION_OF_PATROL', 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION', 'MEG', 'TASK_FORCE', 'LOCAL_POLICE', 'SHERIFF'];

/** The ISP divisions whose deflections to a MEG or task force need its leader's approval (OPS-092 III.D). */
export const ISP_KINDS: readonly AgencyKind[] = ['ISP_DIVISION_OF_PATROL', 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION'];

/** First responders run pathways 1–4; fire and EMS are first responders but not law enforcement. */
export const FIRST_RESPONDER_KINDS: readonly AgencyKind[] = [...LAW_ENFORCEMENT_KINDS, 'FIRE', 'EMS'];

export function isLawEnforcementKind(kind: string): boolean {
  return (LAW_ENFORCEMENT_KINDS as readonly string[]).includes(kind);
}

export function isIspKind(kind: string): boolean {
  return (ISP_KINDS as readonly string[]).includes(kind);
}
