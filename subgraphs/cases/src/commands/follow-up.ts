import { expectVersion, runIdempotently, type Command } from '@hub/platform/db';
import { illinoisDate } from '@hub/platform/domain';
import { invalidInput, Violations } from '@hub/platform/errors';
import { EvidenceItem, Review } from '../entities/case-records.entity.js';
import type { Deflection } from '../entities/deflection.entity.js';
import type { CloseDeflectionInput, RecordReviewInput, SubmitToProsecutorInput } from '../generated/resolvers-types.js';
import { requiresDisposalBeforeClosing } from '../rules/approval.js';
import { checkTransition, type LifecycleAction } from '../rules/lifecycle.js';
import { nextReviewDueAfterReview } from '../rules/review-schedule.js';
import { deflectionForUpdate, publish, readableDeflection, recordHistory } from './support.js';

/**
 * OPS-D7: the approving leader (or designee) evaluates the referral with the case manager; the next review is due
 * a quarter later. Every review changes the deflection (and its version), so a second review sent with the version
 * read before the first is refused with CONFLICT.
 */
export async function recordReview(cmd: Command, input: RecordReviewInput, idempotencyKey: string | null | undefined): Promise<Deflection> {
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'recordReview', key: idempotencyKey, input },
    async () => {
      const deflection = await deflectionForUpdate(cmd, input.deflectionId, 'deflection:follow-up');
      expectVersion(deflection, input.version, 'The deflection');
      const v = new Violations();
      checkTransition(v, deflection.status, 'follow-up');
      v.check(input.caseManagerName.trim().length > 0, 'input.caseManagerName', 'required', 'The review is held with the case manager: name them (OPS-092 III.E.1).');
      v.check(input.heldOn <= cmd.today, 'input.heldOn', 'not-in-future', 'input.heldOn is in the future.');
      v.check(input.heldOn >= illinoisDate(deflection.referredAt), 'input.heldOn', 'after-referral', 'input.heldOn is before the referral.');
      v.throwIfAny();
      const dueOn = deflection.nextReviewDue!;
      cmd.em.create(Review, {
        deflection,
        dueOn,
        heldOn: input.heldOn,
        reviewerId: cmd.actor.personId,
        actingForId: cmd.actor.actingFor,
        caseManagerName: input.caseManagerName.trim(),
        finding: input.finding,
        notes: input.notes ?? null,
      });
      deflection.nextReviewDue = nextReviewDueAfterReview(dueOn, input.heldOn);
      deflection.reviewsHeld += 1;
      deflection.lastReviewedOn = input.heldOn;
      recordHistory(cmd, deflection, 'REVIEWED', { changes: { finding: input.finding, dueOn, heldOn: input.heldOn, nextReviewDue: deflection.nextReviewDue } });
      publish(cmd, { type: 'deflection.reviewed', deflectionId: deflection.id, finding: input.finding, dueOn, heldOn: input.heldOn });
      await cmd.em.flush();
      return { id: deflection.id, result: deflection };
    },
    (id) => readableDeflection(cmd, id),
  );
}

function checkProsecutor(v: Violations, cmd: Command, attorney: string | null | undefined, on: string | null | undefined, fields: { attorney: string; on: string }): void {
  if (!attorney && !on) return;
  v.check(Boolean(attorney?.trim()), fields.attorney, 'required-with-date', 'Name the prosecuting attorney the case is submitted to.');
  v.check(Boolean(on), fields.on, 'required-with-attorney', 'Give the date it was submitted.');
  if (on) v.check(on <= cmd.today, fields.on, 'not-in-future', `${fields.on} is in the future.`);
}

const CLOSING: Record<CloseDeflectionInput['outcome'], LifecycleAction> = { SUCCESSFUL: 'close-successful', UNSUCCESSFUL: 'close-unsuccessful', WITHDRAWN: 'withdraw' };

/**
 * OPS-D8: successful (charges in abeyance released), unsuccessful (optionally to a prosecuting attorney) or
 * withdrawn. Successful and withdrawn deflections dispose of their evidence first (OPS-D5); an unsuccessful one is
 * submitted with its evidence kept for the prosecution, and disposal stays an open obligation of the unit.
 */
export async function closeDeflection(cmd: Command, input: CloseDeflectionInput): Promise<Deflection> {
  const deflection = await deflectionForUpdate(cmd, input.deflectionId, 'deflection:follow-up');
  expectVersion(deflection, input.version, 'The deflection');
  const from = deflection.status;
  const v = new Violations();
  const to = checkTransition(v, from, CLOSING[input.outcome]);
  if (requiresDisposalBeforeClosing(input.outcome)) {
    const undisposed = await cmd.em.count(EvidenceItem, { deflection, disposedAt: null });
    v.check(undisposed === 0, 'input.deflectionId', 'evidence-disposed', `${undisposed} evidence item(s) are not disposed of yet; dispose of them before closing (OPS-092 III.D.3).`);
  }
  if (input.outcome !== 'UNSUCCESSFUL') {
    v.check(!input.prosecutingAttorney && !input.submittedToProsecutorOn, 'input.prosecutingAttorney', 'unsuccessful-only', 'Only an unsuccessful deflection is submitted to a prosecuting attorney.');
  }
  checkProsecutor(v, cmd, input.prosecutingAttorney, input.submittedToProsecutorOn, { attorney: 'input.prosecutingAttorney', on: 'input.submittedToProsecutorOn' });
  if (input.outcome === 'WITHDRAWN') v.check(Boolean(input.reason?.trim()), 'input.reason', 'required-for-withdrawal', 'Say why the deflection is withdrawn.');
  v.throwIfAny();
  deflection.status = to;
  deflection.outcome = input.outcome;
  deflection.outcomeAt = cmd.now;
  deflection.outcomeById = cmd.actor.personId;
  deflection.outcomeReason = input.reason?.trim() || null;
  deflection.nextReviewDue = null;
  if (input.outcome === 'SUCCESSFUL' && deflection.chargesHeldInAbeyance) deflection.chargesReleasedAt = cmd.now;
  if (input.prosecutingAttorney) {
    deflection.prosecutingAttorney = input.prosecutingAttorney.trim();
    deflection.submittedToProsecutorOn = input.submittedToProsecutorOn ?? null;
  }
  recordHistory(cmd, deflection, 'CLOSED', { from, to, changes: { outcome: input.outcome, reason: deflection.outcomeReason, prosecutingAttorney: deflection.prosecutingAttorney } });
  publish(cmd, { type: 'deflection.closed', deflectionId: deflection.id, fromStatus: from, toStatus: to, at: cmd.now.toISOString() });
  await cmd.em.flush();
  return deflection;
}

/** OPS-092 III.E.2: an unsuccessful criminal deflection may be submitted to a prosecuting attorney after closing. */
export async function submitToProsecutor(cmd: Command, input: SubmitToProsecutorInput): Promise<Deflection> {
  const deflection = await deflectionForUpdate(cmd, input.deflectionId, 'deflection:follow-up');
  expectVersion(deflection, input.version, 'The deflection');
  if (deflection.status !== 'UNSUCCESSFUL') {
    throw invalidInput([{ field: 'input.deflectionId', rule: 'unsuccessful-only', message: 'Only an unsuccessful deflection is submitted to a prosecuting attorney.' }]);
  }
  const v = new Violations();
  checkProsecutor(v, cmd, input.prosecutingAttorney, input.submittedOn, { attorney: 'input.prosecutingAttorney', on: 'input.submittedOn' });
  v.throwIfAny();
  const before = { prosecutingAttorney: deflection.prosecutingAttorney, submittedToProsecutorOn: deflection.submittedToProsecutorOn };
  deflection.prosecutingAttorney = input.prosecutingAttorney.trim();
  deflection.submittedToProsecutorOn = input.submittedOn;
  recordHistory(cmd, deflection, 'SUBMITTED_TO_PROSECUTOR', { changes: { before, after: { prosecutingAttorney: deflection.prosecutingAttorney, submittedToProsecutorOn: input.submittedOn } } });
  await cmd.em.flush();
  return deflection;
}
