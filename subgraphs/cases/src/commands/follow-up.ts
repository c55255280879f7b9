import { expectVersion, illinoisDate, invalidInput, runIdempotently, Violations } from '@hub/platform';
import { EvidenceItem, Review } from '../entities/case-records.entity.js';
import { Deflection } from '../entities/deflection.entity.js';
import type { Outcome, ReviewFinding } from '../entities/vocabulary.js';
import { transition } from '../rules/lifecycle.js';
import { nextReviewDueAfter } from '../rules/review-schedule.js';
import { canFollowUp } from '../rules/visibility.js';
import { deflectionForUpdate, publish, recordHistory, type Command } from './support.js';

export interface ReviewInput {
  deflectionId: string;
  version: number;
  heldOn: string;
  caseManagerName: string;
  finding: ReviewFinding;
  notes?: string | null;
}

/** OPS-D7: the approving leader (or designee) evaluates the referral with the case manager; the next review is due a quarter later. */
export async function recordReview(cmd: Command, input: ReviewInput, idempotencyKey: string | null | undefined): Promise<Deflection> {
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'recordReview', key: idempotencyKey, input },
    async () => {
      const deflection = await deflectionForUpdate(cmd, input.deflectionId, canFollowUp);
      expectVersion(deflection, input.version, 'The deflection');
      transition(deflection.status, 'follow-up');
      const v = new Violations();
      v.check(input.caseManagerName.trim().length > 0, 'input.caseManagerName', 'required', 'The review is held with the case manager: name them (OPS-092 III.E.1).');
      v.check(input.heldOn <= cmd.today, 'input.heldOn', 'not-in-future', 'input.heldOn is in the future.');
      v.check(input.heldOn >= illinoisDate(deflection.referredAt), 'input.heldOn', 'after-referral', 'input.heldOn is before the referral.');
      v.throwIfAny();
      const dueOn = deflection.nextReviewDue!;
      cmd.em.create(Review, {
        deflectionId: deflection.id,
        dueOn,
        heldOn: input.heldOn,
        reviewerId: cmd.actor.personId,
        actingForId: cmd.actor.actingFor,
        caseManagerName: input.caseManagerName.trim(),
        finding: input.finding,
        notes: input.notes ?? null,
      });
      const next = nextReviewDueAfter(input.heldOn);
      deflection.nextReviewDue = next > dueOn ? next : dueOn;
      recordHistory(cmd, deflection, 'REVIEWED', { changes: { finding: input.finding, dueOn, heldOn: input.heldOn, nextReviewDue: deflection.nextReviewDue } });
      publish(cmd, { type: 'deflection.reviewed', deflectionId: deflection.id, finding: input.finding, dueOn, heldOn: input.heldOn });
      await cmd.em.flush();
      return { id: deflection.id, result: deflection };
    },
    (id) => cmd.em.findOneOrFail(Deflection, { id }),
  );
}

export interface CloseInput {
  deflectionId: string;
  version: number;
  outcome: Outcome;
  reason?: string | null;
  prosecutingAttorney?: string | null;
  submittedToProsecutorOn?: string | null;
}

function checkProsecutor(v: Violations, cmd: Command, attorney: string | null | undefined, on: string | null | undefined, fields: { attorney: string; on: string }): void {
  if (!attorney && !on) return;
  v.check(Boolean(attorney?.trim()), fields.attorney, 'required-with-date', 'Name the prosecuting attorney the case is submitted to.');
  v.check(Boolean(on), fields.on, 'required-with-attorney', 'Give the date it was submitted.');
  if (on) v.check(on <= cmd.today, fields.on, 'not-in-future', `${fields.on} is in the future.`);
}

/**
 * OPS-D8: successful (charges in abeyance released), unsuccessful (optionally to a prosecuting attorney) or
 * withdrawn. A case cannot close while any evidence item is undisposed (OPS-D5).
 */
export async function closeDeflection(cmd: Command, input: CloseInput): Promise<Deflection> {
  const deflection = await deflectionForUpdate(cmd, input.deflectionId, canFollowUp);
  expectVersion(deflection, input.version, 'The deflection');
  const from = deflection.status;
  const action = input.outcome === 'SUCCESSFUL' ? 'close-successful' : input.outcome === 'UNSUCCESSFUL' ? 'close-unsuccessful' : 'withdraw';
  const to = transition(from, action);
  const v = new Violations();
  const undisposed = await cmd.em.count(EvidenceItem, { deflectionId: deflection.id, disposedAt: null });
  v.check(undisposed === 0, 'input.deflectionId', 'evidence-disposed', `${undisposed} evidence item(s) are not disposed of yet; dispose of them before closing (OPS-092 III.D.3).`);
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
export async function submitToProsecutor(cmd: Command, input: { deflectionId: string; version: number; prosecutingAttorney: string; submittedOn: string }): Promise<Deflection> {
  const deflection = await deflectionForUpdate(cmd, input.deflectionId, canFollowUp);
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
