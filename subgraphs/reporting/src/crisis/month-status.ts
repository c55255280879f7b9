import { crisisReportDueOn, illinoisDate } from '@hub/platform/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CrisisSubmission } from '../entities/crisis.entity.js';
import { submissionStanding, type SubmissionStanding } from '../rules/crisis-rules.js';
import { incidentsHash } from './fields.js';

export interface CrisisMonthStatusModel {
  agencyId: string;
  month: string;
  dueOn: string;
  standing: SubmissionStanding;
  incidents: number;
  latestSubmission: CrisisSubmission | null;
}

const NO_INCIDENTS = incidentsHash([]);

/**
 * Where each agency stands with a month, in two statements whatever the number of agencies. "Changed since the last
 * version" compares the month's incidents now (`id:version`, hashed in SQL exactly as incidentsHash does) with the
 * version's: an incident recorded, corrected or moved out of the month all count, whatever the clocks said.
 */
export async function monthStatuses(em: EntityManager, month: string, agencyIds: readonly string[], now: Date): Promise<CrisisMonthStatusModel[]> {
  if (agencyIds.length === 0) return [];
  const current = await em.getConnection().execute<{ agency_id: string; incidents: string; hash: string }[]>(
    `select agency_id, count(*) as incidents, md5(string_agg(id::text || ':' || version::text, ',' order by (id::text || ':' || version::text) collate "C")) as hash
       from "reporting"."crisis_incident" where month = ? and agency_id = any(?::uuid[]) group by agency_id`,
    [month, `{${agencyIds.join(',')}}`],
  );
  // Only the versions' summaries: the incidents they carry are loaded for an export alone (lazy).
  const submissions = await em.find(CrisisSubmission, { month, agencyId: { $in: [...agencyIds] } }, { orderBy: { version: 'asc' } });
  const byAgency = new Map(current.map((row) => [row.agency_id, row]));
  const today = illinoisDate(now);
  return agencyIds.map((agencyId) => {
    const own = submissions.filter((s) => s.agencyId === agencyId);
    const first = own[0] ?? null;
    const latest = own.at(-1) ?? null;
    const counted = byAgency.get(agencyId);
    const changedSinceSubmission = latest !== null && (counted?.hash ?? NO_INCIDENTS) !== latest.incidentsHash;
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
