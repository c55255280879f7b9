import { Violations } from '@hub/platform/errors';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { UseOfForceIncident, UseOfForceSubmission } from '../entities/use-of-force.entity.js';
import type { UseOfForceSubmissionState } from '../generated/resolvers-types.js';
import { assertCan, can } from '../rules/access.js';
import { checkReportingMonth, FORCE_REPORTING_SINCE } from '../rules/crisis-rules.js';

/** IAC-6 reads: an agency's administrators and records staff their own; ISP reporting staff every submission. */

function checkMonth(month: string): void {
  const v = new Violations();
  checkReportingMonth(v, 'month', month, new Date(), FORCE_REPORTING_SINCE);
  v.throwIfAny();
}

const seesEverySubmission = (context: Context) => context.actor?.roles.includes('STATE_REPORTING_STAFF') ?? false;

export async function useOfForceIncidents(context: Context, month: string): Promise<UseOfForceIncident[]> {
  checkMonth(month);
  const actor = assertCan(context.actor, 'force:record');
  return context.em.find(UseOfForceIncident, { agencyId: actor.agencyId, month }, { orderBy: { occurredAt: 'asc', id: 'asc' } });
}

export async function useOfForceSubmissions(
  context: Context,
  args: { month?: string | null; state?: UseOfForceSubmissionState | null; agencyId?: string | null },
): Promise<UseOfForceSubmission[]> {
  if (args.month != null) checkMonth(args.month);
  const where: FilterQuery<UseOfForceSubmission> = {};
  if (args.month != null) where.month = args.month;
  if (args.state != null) where.state = args.state;
  if (args.agencyId != null || !seesEverySubmission(context)) {
    const agencyId = args.agencyId ?? context.actor!.agencyId;
    assertCan(context.actor, 'force:read-submissions', { agencyId });
    where.agencyId = agencyId;
  }
  // A draft is the agency's own until it is sent (IAC-6).
  if (where.agencyId !== context.actor!.agencyId) where.state = args.state === 'DRAFT' ? { $in: [] } : (args.state ?? { $ne: 'DRAFT' });
  return context.em.find(UseOfForceSubmission, where, { orderBy: { month: 'desc', version: 'desc' }, limit: 500 });
}

/** One submission, or null when there is none the caller may read (the same answer either way). */
export async function useOfForceSubmission(context: Context, id: string): Promise<UseOfForceSubmission | null> {
  const submission = await context.em.findOne(UseOfForceSubmission, { id: id.toLowerCase() });
  if (!submission || !can(context.actor, 'force:read-submissions', { agencyId: submission.agencyId })) return null;
  // A draft is the agency's own until it is sent (IAC-6).
  return submission.state === 'DRAFT' && submission.agencyId !== context.actor!.agencyId ? null : submission;
}

/** The queue: current versions the receiver rejected, oldest first (the longest waiting on top). */
export async function useOfForceRejections(context: Context): Promise<UseOfForceSubmission[]> {
  const where: FilterQuery<UseOfForceSubmission> = { state: 'REJECTED', supersededAt: null };
  if (!seesEverySubmission(context)) {
    assertCan(context.actor, 'force:read-submissions', { agencyId: context.actor!.agencyId });
    where.agencyId = context.actor!.agencyId;
  }
  return context.em.find(UseOfForceSubmission, where, { orderBy: { respondedAt: 'asc' } });
}
