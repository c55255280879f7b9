import { invalidInput, Violations } from '@hub/platform/errors';
import type { Context } from '../context.js';
import { CrisisIncident, CrisisSubmission } from '../entities/crisis.entity.js';
import type { CrisisStanding } from '../generated/resolvers-types.js';
import { assertCan, can } from '../rules/access.js';
import { checkReportingMonth, CRISIS_FILING_KINDS, CRISIS_REPORTING_SINCE } from '../rules/crisis-rules.js';
import { monthStatuses, type CrisisMonthStatusModel } from './month-status.js';

/** Crisis reads: an agency its own records; ISP reporting staff every agency's submissions and standing (IAC-5). */

function checkMonth(month: string): void {
  const v = new Violations();
  checkReportingMonth(v, 'month', month, new Date(), CRISIS_REPORTING_SINCE);
  v.throwIfAny();
}

export async function crisisIncidents(context: Context, month: string, agencyId: string | null | undefined): Promise<CrisisIncident[]> {
  checkMonth(month);
  const scope = { agencyId: agencyId ?? context.actor!.agencyId };
  assertCan(context.actor, 'crisis:read-incidents', scope);
  return context.em.find(CrisisIncident, { agencyId: scope.agencyId, month }, { orderBy: { dispatchedAt: 'asc', id: 'asc' } });
}

export async function crisisMonth(context: Context, month: string, agencyId: string | null | undefined): Promise<CrisisMonthStatusModel> {
  checkMonth(month);
  const scope = { agencyId: agencyId ?? context.actor!.agencyId };
  assertCan(context.actor, 'crisis:read-submissions', scope);
  // A standing only means something for an agency that files (asked of the agencies subgraph, before any SQL).
  const agency = await context.agencies.agency(scope.agencyId);
  if (!agency || !CRISIS_FILING_KINDS.includes(agency.kind)) {
    throw invalidInput([{ field: 'agencyId', rule: 'files-crisis-reports', message: 'This agency does not file mental-health crisis reports (local police, sheriffs and ISP Patrol do).' }]);
  }
  const [status] = await monthStatuses(context.em, month, [scope.agencyId], new Date());
  return status!;
}

export async function crisisSubmissions(context: Context, month: string, agencyId: string | null | undefined): Promise<CrisisSubmission[]> {
  checkMonth(month);
  const scope = { agencyId: agencyId ?? context.actor!.agencyId };
  assertCan(context.actor, 'crisis:read-submissions', scope);
  return context.em.find(CrisisSubmission, { agencyId: scope.agencyId, month }, { orderBy: { version: 'desc' } });
}

/** One submission, or null when there is none the caller may read (the same answer either way). */
export async function crisisSubmission(context: Context, id: string): Promise<CrisisSubmission | null> {
  const submission = await context.em.findOne(CrisisSubmission, { id: id.toLowerCase() });
  return submission && can(context.actor, 'crisis:read-submissions', { agencyId: submission.agencyId }) ? submission : null;
}

export async function crisisReportingStatus(context: Context, month: string, standings: readonly CrisisStanding[] | null | undefined): Promise<CrisisMonthStatusModel[]> {
  checkMonth(month);
  assertCan(context.actor, 'crisis:read-status-all');
  const reporters = await context.agencies.crisisReporters();
  const statuses = await monthStatuses(context.em, month, reporters.map((r) => r.id), new Date());
  return standings && standings.length > 0 ? statuses.filter((s) => standings.includes(s.standing)) : statuses;
}
