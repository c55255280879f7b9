import { crisisReportDueOn, illinoisDate, isReportingMonth, monthOf, type CrisisArrival } from '@hub/platform/domain';
import type { Violations } from '@hub/platform/errors';
import type { CrisisIncidentFields } from '../crisis/incident-fields.js';

/**
 * 20 Ill. Adm. Code 1244 Subpart B as plain checks. The rule's section is the rule name of every refusal, so an
 * agency's records staff can look it up: the duty follows the reason for dispatch (1244.300 b), not the outcome.
 */

/** The agencies dispatched to crisis calls, who file monthly with ISP (see docs/decisions.md). */
export const CRISIS_FILING_KINDS: readonly string[] = ['LOCAL_POLICE', 'SHERIFF', 'ISP_DIVISION_OF_PATROL'];

/** Subpart B took effect on 8 May 2023 (47 Ill. Reg. 7002); the FBI collection began on 1 January 2019. */
export const CRISIS_REPORTING_SINCE = '2023-05-08';
export const FORCE_REPORTING_SINCE = '2019-01-01';

/** A reporting month: YYYY-MM, from the month a rule took effect up to the current one (Illinois time). */
export function checkReportingMonth(v: Violations, field: string, month: string, now: Date, since: string): void {
  if (!isReportingMonth(month)) {
    v.add(field, 'month', `${field} is a month as YYYY-MM, such as 2026-10.`);
    return;
  }
  v.check(month >= monthOf(since), field, 'in-force', `${field} is before reporting began (${since}).`);
  v.check(month <= monthOf(illinoisDate(now)), field, 'not-in-future', `${field} has not begun yet.`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why an incident without a dispatch to the crisis is not reported, by how the officer came to be there. */
const NOT_DISPATCHED: Record<CrisisArrival, { rule: string; message: string }> = {
  ISPERN_BROADCAST: {
    rule: '1244.300(c)(1)',
    message: 'Officers who answered an ISPERN or emergency broadcast without being dispatched to the crisis are not reported (20 Ill. Adm. Code 1244.300(c)(1)); give the dispatch if there was one.',
  },
  LEARNED_LATER: {
    rule: '1244.300(c)(2)',
    message: 'A crisis learned of while handling another incident is not reported unless an officer was dispatched to it (20 Ill. Adm. Code 1244.300(c)(2)); give that dispatch.',
  },
  DISPATCHED: { rule: 'required', message: 'A dispatched incident needs the time of the dispatch.' },
  SELF_INITIATED: {
    rule: '1244.300(b)',
    message: 'The duty to report follows a dispatch to a person in crisis (20 Ill. Adm. Code 1244.300(b)); give the dispatch the self-initiated call was entered as.',
  },
};

function checkText(v: Violations, field: string, value: string | null, max: number): void {
  if (value !== null) v.check(value.length <= max, field, 'max-length', `${field} is longer than ${max} characters.`);
}

/** Every check of one incident; `field` prefixes the field names (`input`, `incidents[3]`). */
export function checkCrisisIncident(v: Violations, incident: CrisisIncidentFields, now: Date, field = 'input'): void {
  const f = (name: string) => `${field}.${name}`;
  if (!incident.dispatchedAt) {
    const why = NOT_DISPATCHED[incident.arrival];
    v.add(f('dispatchedAt'), why.rule, why.message);
  } else {
    v.check(incident.dispatchedAt.getTime() <= now.getTime() + 5 * 60_000, f('dispatchedAt'), 'not-in-future', `${f('dispatchedAt')} is in the future.`);
    v.check(illinoisDate(incident.dispatchedAt) >= CRISIS_REPORTING_SINCE, f('dispatchedAt'), 'in-force', `Crisis reporting began on ${CRISIS_REPORTING_SINCE} (47 Ill. Reg. 7002); the dispatch is before it.`);
  }
  v.check(Boolean(incident.dispatchReason?.trim()), f('dispatchReason'), 'required', `${f('dispatchReason')} is required: the duty to report follows the reason for dispatch (1244.300(b)).`);
  checkText(v, f('dispatchReason'), incident.dispatchReason, 500);
  checkText(v, f('agencyIncidentNumber'), incident.agencyIncidentNumber, 60);
  if (incident.agencyIncidentNumber !== null) v.check(incident.agencyIncidentNumber.trim().length > 0, f('agencyIncidentNumber'), 'not-blank', `${f('agencyIncidentNumber')} is blank; leave it out instead.`);

  v.check(incident.levelsOfResponse.length > 0, f('levelsOfResponse'), '1244.300(a)(1)', 'Report the level of response: every resource the agency dispatched (1244.400).');
  v.check(new Set(incident.levelsOfResponse).size === incident.levelsOfResponse.length, f('levelsOfResponse'), 'unique', 'Name each level of response once.');
  const levelOther = incident.levelsOfResponse.includes('OTHER');
  v.check(!levelOther || Boolean(incident.levelOfResponseOther?.trim()), f('levelOfResponseOther'), 'required-with-other', 'Describe the "Other" level of response (1244.400(a)).');
  v.check(levelOther || incident.levelOfResponseOther === null, f('levelOfResponseOther'), 'only-with-other', 'A description of another level of response needs OTHER among the levels.');
  checkText(v, f('levelOfResponseOther'), incident.levelOfResponseOther, 500);

  v.check(incident.outcomes.length > 0, f('outcomes'), '1244.300(a)(2)', 'Report the outcome: all that apply (1244.500).');
  v.check(new Set(incident.outcomes).size === incident.outcomes.length, f('outcomes'), 'unique', 'Name each outcome once.');
  const outcomeOther = incident.outcomes.includes('OTHER');
  v.check(!outcomeOther || Boolean(incident.outcomeOther?.trim()), f('outcomeOther'), 'required-with-other', 'Describe the "Other" outcome (1244.500(a)).');
  v.check(outcomeOther || incident.outcomeOther === null, f('outcomeOther'), 'only-with-other', 'A description of another outcome needs OTHER among the outcomes.');
  checkText(v, f('outcomeOther'), incident.outcomeOther, 500);

  if (incident.deflectionId !== null) v.check(UUID.test(incident.deflectionId), f('deflectionId'), 'uuid', `${f('deflectionId')} is not a deflection id.`);
}

/** The Illinois month a dispatch belongs to. */
export function crisisMonthOf(dispatchedAt: Date): string {
  return monthOf(illinoisDate(dispatchedAt));
}

/** A month can be submitted once it has ended (Illinois time). */
export function checkMonthEnded(v: Violations, field: string, month: string, now: Date): void {
  v.check(month < monthOf(illinoisDate(now)), field, 'month-ended', `${month} has not ended yet; it can be submitted from the 1st of the following month.`);
}

export type SubmissionStanding = 'SUBMITTED' | 'SUBMITTED_LATE' | 'CORRECTION_PENDING' | 'DUE' | 'LATE';

/**
 * Where an agency stands for a month on a day: submitted (on time or late), corrected since its last submission,
 * due (not yet submitted, due date not passed) or late (not submitted, due date passed).
 */
export function submissionStanding(args: { month: string; today: string; firstSubmittedOn: string | null; changedSinceSubmission: boolean }): SubmissionStanding {
  const dueOn = crisisReportDueOn(args.month);
  if (args.firstSubmittedOn === null) return args.today > dueOn ? 'LATE' : 'DUE';
  if (args.changedSinceSubmission) return 'CORRECTION_PENDING';
  return args.firstSubmittedOn > dueOn ? 'SUBMITTED_LATE' : 'SUBMITTED';
}
