import { crisisReportDueOn, illinoisDate } from '@hub/platform/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CrisisSubmission } from '../entities/crisis.entity.js';
import { submissionStanding, type SubmissionStanding } from '../rules/crisis-rules.js';

export interface CrisisMonthStatusModel {
  agencyId: string;
  month: string;
  dueOn: string;
  standing: SubmissionStanding;
  incidents: number;
  latestSubmission: CrisisSubmission | null;
}

/**
 * Where each agency stands with a month, in two statements whatever the number of agencies: incidents (how many, and
 * the last change) and submissions (first and current version) grouped by agency.
 */
export async function monthStatuses(em: EntityManager, month: string, agencyIds: readonly string[], now: Date): Promise<CrisisMonthStatusModel[]> {
  if (agencyIds.length === 0) return [];
  const incidents = await em.getConnection().execute<{ agency_id: string; incidents: string; last_change: Date }[]>(
    `select agency_id, count(*) as incidents, max(coalesce(updated_at, recorded_at)) as last_change
       from "reporting"."crisis_incident" where month = ? and agency_id = any(?::uuid[]) group by agency_id`,
    [month, `{${agencyIds.join(',')}}`],
  );
  const submissions = await em.find(CrisisSubmission, { month, agencyId: { $in: [...agencyIds] } }, { orderBy: { version: 'asc' } });
  const byAgency = new Map(incidents.map((row) => [row.agency_id, row]));
  const today = illinoisDate(now);
  return agencyIds.map((agencyId) => {
    const own = submissions.filter((s) => s.agencyId === agencyId);
    const first = own[0] ?? null;
    const latest = own.at(-1) ?? null;
    const counted = byAgency.get(agencyId);
    const changedSinceSubmission = latest !== null && counted !== undefined && new Date(counted.last_change) > latest.submittedAt;
    return {
      agencyId,
      month,
      dueOn: crisisReportDueOn(month),
      standing: submissionStanding({ month, today, firstSubmittedOn: first ? illinoisDate(first.submittedAt) : null, changedSinceSubmission }),
      incidents: Number(counted?.incidents ?? 0),
      latestSubmission: latest,
    };
  });
}
