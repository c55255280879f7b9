import { addDays } from '@hub/platform/domain';

/**
 * OPS-092 III.E.1: evaluate each referral with the case manager within 90 days of the referral date, and at
 * least once per quarter after that. The next review is due 90 days after the referral, then 90 days after
 * the last review held (a review held early moves the schedule forward, never back).
 */
export const REVIEW_INTERVAL_DAYS = 90;

export function firstReviewDue(referredOn: string): string {
  return addDays(referredOn, REVIEW_INTERVAL_DAYS);
}

export function nextReviewDueAfter(heldOn: string): string {
  return addDays(heldOn, REVIEW_INTERVAL_DAYS);
}

export function isOverdue(dueOn: string | null, today: string): boolean {
  return dueOn !== null && dueOn < today;
}

/** After a review held on `heldOn`, the next is due a quarter later, and never earlier than it already was. */
export function nextReviewDueAfterReview(currentDue: string, heldOn: string): string {
  const next = nextReviewDueAfter(heldOn);
  return next > currentDue ? next : currentDue;
}
