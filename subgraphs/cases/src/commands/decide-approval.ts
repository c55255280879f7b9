import { execute, expectVersion, type Command } from '@hub/platform/db';
import { illinoisDate } from '@hub/platform/domain';
import { forbidden, Violations } from '@hub/platform/errors';
import { requireActor } from '@hub/platform/identity';
import type { Approver } from '../clients/agencies.js';
import type { Context } from '../context.js';
import { Deflection } from '../entities/deflection.entity.js';
import type { DecideApprovalInput } from '../generated/resolvers-types.js';
import { access } from '../rules/access.js';
import { approvalAuthority } from '../rules/approval.js';
import { checkTransition } from '../rules/lifecycle.js';
import { firstReviewDue } from '../rules/review-schedule.js';
import { deflectionForUpdate, publish, recordHistory } from './support.js';

/**
 * OPS-D3 (OPS-092 III.D): only the MEG Director or Task Force Commander of the agency the deflection counts for,
 * or a designee whose designation is valid today, approves or declines, with a reason. Who that is today comes
 * from the agencies subgraph, asked before the deflection is locked.
 */
export async function decide(context: Context, input: DecideApprovalInput): Promise<Deflection> {
  const actor = requireActor(context);
  const current = await context.loaders.deflection.load(input.deflectionId);
  if (!current || !access.can(actor, 'deflection:read', current)) throw forbidden();
  access.assertCan(actor, 'deflection:approve', current);
  const approvers = await context.agencies.approvers(current.countsForId!, illinoisDate());
  return execute(context, (cmd) => decideApproval(cmd, input, approvers));
}

export async function decideApproval(cmd: Command, input: DecideApprovalInput, approvers: readonly Approver[]): Promise<Deflection> {
  const deflection = await deflectionForUpdate(cmd, input.deflectionId, 'deflection:approve');
  expectVersion(deflection, input.version, 'The deflection');
  const authority = approvalAuthority(approvers, cmd.actor);
  if (!authority) throw forbidden('Only the MEG Director, the Task Force Commander, or a designee valid today may decide this approval.');
  const v = new Violations();
  const reason = input.reason.trim();
  v.check(reason.length > 0, 'input.reason', 'required', 'Give the reason for the decision.');
  const from = deflection.status;
  const to = checkTransition(v, from, input.decision === 'APPROVED' ? 'approve' : 'decline');
  v.throwIfAny();
  deflection.status = to;
  deflection.approvalDecision = input.decision;
  deflection.approvalById = cmd.actor.personId;
  deflection.approvalForId = authority.actingFor?.id ?? null;
  deflection.approvalAt = cmd.now;
  deflection.approvalReason = reason;
  if (to === 'ACTIVE') deflection.nextReviewDue = firstReviewDue(cmd.today);
  recordHistory(cmd, deflection, input.decision, { from, to, changes: { reason } });
  publish(cmd, {
    type: input.decision === 'APPROVED' ? 'deflection.approved' : 'deflection.declined',
    deflectionId: deflection.id,
    fromStatus: from,
    toStatus: to,
    at: cmd.now.toISOString(),
    decidedByAgencyId: cmd.actor.agencyId,
  });
  await cmd.em.flush();
  return deflection;
}
