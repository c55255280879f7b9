/**
 * Events the subgraphs publish for reporting. They are de-identified by construction: no names, no dates of
 * birth, no record numbers of the person; at most a stable pseudonymous id. Add fields, never repurpose them.
 */
export interface DeflectionReferred {
  type: 'deflection.referred';
  deflectionId: string;
  pathway: string;
  status: string;
  initiatingUnitId: string;
  countsForId: string | null;
  county: string;
  referredAt: string;
}

export type HubEvent = DeflectionReferred;

export interface EventEnvelope<E extends HubEvent = HubEvent> {
  eventId: string;
  /** The publishing subgraph's order of events; consumers apply each event once, whatever the delivery order. */
  sequence: number;
  occurredAt: string;
  source: string;
  event: E;
}
