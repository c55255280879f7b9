import { expectVersion, forbidden, invalidInput } from '@hub/platform';
import type { Deflection } from '../entities/deflection.entity.js';
import { transition } from '../rules/lifecycle.js';
import { firstReviewDue } from '../rules/review-schedule.js';
import { isApprovingLeader } from '../rules/visibility.js';
import { deflectionForUpdate, publish, recordHistory, type Command } from './support.js';

export interface ApprovalDecisionInput {
  deflectionId: string;
  version: number;
  decision: 'APPROVED' | 'DECLINED';
  reason: string;
}

/**
 * OPS-D3 (OPS-092 III.D): only the MEG Director or Task Force Commander of the agency the deflection counts for,
 * or a designee whose designation is valid today, approves or declines — with a reason. The agencies subgraph
 * says who that is today; nobody else can decide.
 */
export async function decideApproval(cmd: Command, input: ApprovalDecisionInput): Promise<Deflection> {
  const deflection = await deflectionForUpdate(cmd, input.deflectionId, isApprovingLeader);
  expectVersion(deflection, input.version, 'The deflection');
  const approvers = await cmd.context.directory.approvers(deflection.countsForId!, cmd.today);
  const entry = approvers.find(
    (a) => a.person.id === cmd.actor.personId && (a.actingFor === null || a.actingFor.id === cmd.actor.actingFor),
  );
  if (!entry) throw forbidden('Only the MEG Director, the Task Force Commander, or a designee valid today may decide this approval.');
  const reason = input.reason.trim();
  if (reason.length === 0) throw invalidInput([{ field: 'input.reason', rule: 'required', message: 'Give the reason for the decision.' }]);
  const from = deflection.status;
  const to = transition(from, input.decision === 'APPROVED' ? 'approve' : 'decline');
  deflection.status = to;
  deflection.approvalDecision = input.decision;
  deflection.approvalById = cmd.actor.personId;
  deflection.approvalForId = entry.actingFor?.id ?? null;
  deflection.approvalAt = cmd.now;
  deflection.approvalReason = reason;
  if (to === 'ACTIVE') deflection.nextReviewDue = firstReviewDue(cmd.today);
  recordHistory(cmd, deflection, input.decision === 'APPROVED' ? 'APPROVED' : 'DECLINED', { from, to, changes: { reason } });
  publish(cmd, {
    type: input.decision === 'APPROVED' ? 'deflection.approved' : 'deflection.declined',
    deflectionId: deflection.id,
    fromStatus: from,
    toStatus: to,
    at: cmd.now.toISOString(),
  });
  await cmd.em.flush();
  return deflection;
}
