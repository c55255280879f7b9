import type { CrisisHistoryIncident, DemoCrisisHistory } from '@hub/platform/demo';
import { crisisReportDueOn } from '@hub/platform/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { incidentsHash, snapshotOf } from '../crisis/fields.js';
import { CrisisIncident, CrisisSubmission, type SubmittedCrisisIncident } from '../entities/crisis.entity.js';
import { UseOfForceIncident, UseOfForceSubmission, type SubmittedForceIncident } from '../entities/use-of-force.entity.js';

/**
 * Reporting's own part of the demo year (platform/src/demo/crisis-history.ts): crisis incidents and use-of-force
 * incidents as the agencies recorded them, and every version they filed, each carrying what the commands would have
 * put in it on the day it was filed. Written in the seed's one transaction.
 */
export async function seedCrisisHistory(em: EntityManager, history: DemoCrisisHistory): Promise<void> {
  seedCrisis(em, history);
  seedUseOfForce(em, history);
  await em.flush();
  // An insert always starts at the column's version 1; a corrected incident is at 2, as updateCrisisIncident leaves it.
  const corrected = history.incidents.filter((i) => i.correction).map((i) => i.id);
  if (corrected.length > 0) await em.nativeUpdate(CrisisIncident, { id: { $in: corrected } }, { version: 2 });
}

/** The commands' order of a month's incidents (dispatch, then id): snapshots compare as the commands compare them. */
const byDispatch = (a: { dispatchedAt: Date; id: string }, b: { dispatchedAt: Date; id: string }) =>
  a.dispatchedAt.getTime() - b.dispatchedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The incident as a submission filed at `at` carried it: before a later correction, what it said until then. */
function asFiledAt(row: CrisisIncident, described: CrisisHistoryIncident, at: Date): SubmittedCrisisIncident {
  const snapshot = snapshotOf(row);
  return described.correction && described.correction.at > at ? { ...snapshot, ...described.correction.before } : snapshot;
}

function seedCrisis(em: EntityManager, history: DemoCrisisHistory): void {
  const rows = history.incidents.map((i) => {
    const row = em.create(CrisisIncident, {
      id: i.id, agencyId: i.agencyId, month: i.month, agencyIncidentNumber: i.agencyIncidentNumber, dispatchedAt: i.dispatchedAt, dispatchReason: i.dispatchReason,
      arrival: i.arrival, levelsOfResponse: i.levelsOfResponse, levelOfResponseOther: i.levelOfResponseOther, outcomes: i.outcomes, outcomeOther: i.outcomeOther,
      subjectLocated: i.subjectLocated, fieldReportWritten: i.fieldReportWritten, callType: i.callType, channel: i.channel, deflectionId: null,
      recordedById: i.recordedById, recordedAt: i.recordedAt, updatedById: i.correction?.byId ?? null, updatedAt: i.correction?.at ?? null,
    });
    return { row, described: i };
  });
  for (const s of history.submissions) {
    const rowsFiled = rows
      .filter(({ described: i }) => i.agencyId === s.agencyId && i.month === s.month && i.recordedAt <= s.submittedAt)
      .sort((a, b) => byDispatch(a.described, b.described));
    const filed = rowsFiled.map(({ row, described }) => asFiledAt(row, described, s.submittedAt));
    // Each incident at the version it had on the day: a correction after the filing makes the month differ.
    const versions = rowsFiled.map(({ described: i }) => ({ id: i.id, version: i.correction && i.correction.at <= s.submittedAt ? 2 : 1 }));
    em.create(CrisisSubmission, {
      id: s.id, agencyId: s.agencyId, month: s.month, version: s.version, dueOn: crisisReportDueOn(s.month), submittedAt: s.submittedAt,
      submittedById: s.submittedById, incidentCount: filed.length, incidents: filed, incidentsHash: incidentsHash(versions), supersededAt: s.supersededAt,
    });
  }
}

/** As commands/use-of-force.ts snapshots an incident for the collection. */
function forceSnapshotOf(incident: UseOfForceIncident): SubmittedForceIncident {
  const { id, ori, agencyIncidentNumber, occurredAt, qualifiers, officersApplyingForce, officersFromAgency, location, locationType, initialContactReason, officersApproached, ambush, supervisor, subjects, officers } = incident;
  return {
    id, ori: ori ?? null, agencyIncidentNumber: agencyIncidentNumber ?? null, occurredAt: occurredAt.toISOString(), qualifiers: [...qualifiers], officersApplyingForce, officersFromAgency,
    location, locationType, initialContactReason, officersApproached, ambush, supervisor, subjects, officers,
  };
}

function seedUseOfForce(em: EntityManager, history: DemoCrisisHistory): void {
  const rows = history.forceIncidents.map(({ recordedById, recordedAt, ...i }) => ({
    // The demo directory has no ORIs (agencies' seed leaves them empty rather than invent them).
    row: em.create(UseOfForceIncident, { ...i, ori: null, recordedById, recordedAt, updatedById: null, updatedAt: null }),
    recordedAt,
  }));
  for (const s of history.forceSubmissions) {
    const filed = rows
      .filter(({ row, recordedAt }) => row.agencyId === s.agencyId && row.month === s.month && recordedAt <= s.submittedAt)
      .map(({ row }) => row)
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1))
      .map(forceSnapshotOf);
    em.create(UseOfForceSubmission, { ...s, ori: null, incidentCount: filed.length, incidents: filed, removedIncidentIds: [], supersededAt: null });
  }
}
