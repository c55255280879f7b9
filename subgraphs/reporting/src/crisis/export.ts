import type { CrisisSubmission } from '../entities/crisis.entity.js';
import type { ExportFormat } from '../generated/resolvers-types.js';
import { crisisIncidentsToCsv } from './csv.js';
import { fieldsOfSnapshot } from './fields.js';

/** Where the gateway serves a submission's file (with the caller's own Authorization header). */
export function crisisSubmissionPath(submission: CrisisSubmission, format: 'csv' | 'json'): string {
  return `/exports/crisis-submission.${format}?id=${submission.id}`;
}

/**
 * The submission as ISP receives it: CSV with one row per incident and the rule's options as Y/N columns (the same
 * columns an import reads, so a file exported can be imported again), or JSON with the submission's header.
 */
export function crisisSubmissionContent(submission: CrisisSubmission, format: ExportFormat): string {
  const incidents = submission.incidents.map(fieldsOfSnapshot);
  if (format === 'CSV') return crisisIncidentsToCsv(incidents);
  return JSON.stringify({
    agencyId: submission.agencyId,
    month: submission.month,
    version: submission.version,
    dueOn: submission.dueOn,
    submittedAt: submission.submittedAt.toISOString(),
    zeroReport: submission.incidentCount === 0,
    incidentCount: submission.incidentCount,
    incidents: submission.incidents,
  });
}
