import type { CallType, CrisisArrival, CrisisOutcome, LevelOfResponse, ReferralChannel } from '@hub/platform/domain';

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
