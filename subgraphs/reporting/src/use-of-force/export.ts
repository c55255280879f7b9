import type { UseOfForceSubmission } from '../entities/use-of-force.entity.js';

export function useOfForceSubmissionPath(submission: UseOfForceSubmission): string {
  return `/exports/use-of-force-submission.json?id=${submission.id}`;
}

/**
 * The submission in the collection's JSON form: one Add action per incident (with its action time and the incident
 * payload: incident, subject and officer segments), a Remove action for each incident an earlier version sent that
 * is gone, and a zero report when the month had none.
 */
export function useOfForceSubmissionContent(submission: UseOfForceSubmission): string {
  const actionTime = (submission.submittedAt ?? new Date()).toISOString();
  return JSON.stringify({
    agencyId: submission.agencyId,
    ori: submission.ori ?? null,
    month: submission.month,
    version: submission.version,
    zeroReport: submission.incidents.length === 0,
    actions: [
      ...submission.incidents.map(({ id, ...incident }) => ({ action: 'Add', actionTime, incidentId: id, incident })),
      ...submission.removedIncidentIds.map((id) => ({ action: 'Remove', actionTime, incidentId: id })),
    ],
  });
}
