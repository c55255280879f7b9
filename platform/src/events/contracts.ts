import type { AgeBand, Ethnicity, Race, Sex } from '../domain/demographics.js';
import type { DeflectionStatus } from '../domain/deflection-statuses.js';
import type { CallType, ReferralChannel } from '../domain/encounters.js';
import type { Pathway } from '../domain/pathways.js';

/**
 * Events the subgraphs publish for reporting. They are de-identified by construction: no names, no dates of
 * birth, no record numbers of the person; at most a stable pseudonymous id. Add fields, never repurpose them.
 */
export interface DeflectionReferred {
  type: 'deflection.referred';
  deflectionId: string;
  /** A random id of the person with no relation to who they are: repeat deflections share it. */
  personPseudonym?: string | null;
  pathway: Pathway;
  status: DeflectionStatus;
  initiatingUnitId: string;
  countsForId: string | null;
  county: string;
  referredAt: string;
  /** Added for reporting (FB-2, FB-4, FB-7); absent from events published before them. */
  initiatingOfficerId?: string;
  approvalRequired?: boolean;
  /** When the encounter happened (the incident), which may be before the referral was entered. */
  encounterAt?: string;
  callType?: CallType;
  channel?: ReferralChannel | null;
  arrestMade?: boolean;
  /** Age at the encounter, in bands: the date of birth itself never leaves the cases subgraph. */
  ageBand?: AgeBand;
  sex?: Sex | null;
  race?: Race | null;
  ethnicity?: Ethnicity | null;
}

/** A change of a deflection's state after referral: approved, declined, closed (with the outcome) or withdrawn. */
export interface DeflectionStatusChanged {
  type: 'deflection.approved' | 'deflection.declined' | 'deflection.closed';
  deflectionId: string;
  fromStatus: DeflectionStatus;
  toStatus: DeflectionStatus;
  at: string;
  /** Approved or declined: the MEG or task force that decided (OPS-D9 attribution follows the approval). */
  decidedByAgencyId?: string;
}

/** A 90-day or quarterly follow-up review was held (OPS-D7). */
export interface DeflectionReviewed {
  type: 'deflection.reviewed';
  deflectionId: string;
  finding: string;
  dueOn: string;
  heldOn: string;
}

/** The case manager took the person over (OPS-D6): the start of the warm hand-off measures. */
export interface DeflectionHandedOff {
  type: 'deflection.handed-off';
  deflectionId: string;
  at: string;
}

/**
 * A treatment episode changed state (TRT-2, TRT-4). Carries the timings reporting needs for the warm hand-off
 * measures; never clinical notes, reasons or names.
 */
export interface TreatmentEpisodeChanged {
  type: 'treatment.episode-changed';
  episodeId: string;
  deflectionId: string;
  patientPseudonym: string;
  providerId: string;
  service: string;
  fromState: string | null;
  toState: string;
  at: string;
  deflectionReferredAt: string;
}

export type HubEvent = DeflectionReferred | DeflectionStatusChanged | DeflectionReviewed | DeflectionHandedOff | TreatmentEpisodeChanged;

/** What a publisher still has to deliver, sent with every delivery (and as a heartbeat): the consumer reports the lag. */
export interface OutboxStatus {
  undelivered: number;
  oldestUndeliveredAt: string | null;
  /** The last delivery failure, if the latest attempt before this one failed. */
  lastError: string | null;
}

export interface EventEnvelope<E extends HubEvent = HubEvent> {
  eventId: string;
  /** The publishing subgraph's order of events; consumers apply each event once, whatever the delivery order. */
  sequence: number;
  occurredAt: string;
  source: string;
  event: E;
}
