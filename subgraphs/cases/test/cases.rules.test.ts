import { describe, expect, it } from '@jest/globals';
import { Violations } from '@hub/platform/errors';
import { type Actor } from '@hub/platform/identity';
import { canFollowUp, canSee, followsPersonStatewide, type DeflectionFacts } from '../src/rules/access.js';
import { approvalAuthority, requiresDisposalBeforeClosing } from '../src/rules/approval.js';
import { ageOn, checkEligibility, planLabel } from '../src/rules/eligibility.js';
import { canPerform, checkTransition } from '../src/rules/lifecycle.js';
import { matchKey } from '../src/rules/participant-matching.js';
import { checkPathwayRules, type ReferralFacts } from '../src/rules/pathway-rules.js';
import { checkPerson } from '../src/rules/referral-rules.js';
import { firstReviewDue, isOverdue, nextReviewDueAfter, nextReviewDueAfterReview } from '../src/rules/review-schedule.js';

const facts = (over: Partial<ReferralFacts>): ReferralFacts => ({
  pathway: 'SELF_REFERRAL', chargesHeldInAbeyance: false, nonCriminalCitation: false, chargesFiled: false, arrestMade: false, recentOverdose: false, personInitiated: true, ...over,
});

function rulesBroken(check: (v: Violations) => void): string[] {
  const v = new Violations();
  check(v);
  return v.list.map((x) => x.rule);
}

describe('pathway rules (OPS-D2)', () => {
  it('allows officer intervention only to law enforcement', () => {
    expect(rulesBroken((v) => checkPathwayRules(v, facts({ pathway: 'OFFICER_INTERVENTION', chargesHeldInAbeyance: true }), { lawEnforcement: false }))).toEqual(['law-enforcement-only']);
    expect(rulesBroken((v) => checkPathwayRules(v, facts({ pathway: 'OFFICER_INTERVENTION', chargesHeldInAbeyance: true }), { lawEnforcement: true }))).toEqual([]);
  });

  it('lets fire and EMS use officer prevention even when their own paperwork mentions charges', () => {
    expect(rulesBroken((v) => checkPathwayRules(v, facts({ pathway: 'OFFICER_PREVENTION', chargesFiled: true }), { lawEnforcement: false }))).toEqual([]);
  });

  it('allows a self-referral without fear of arrest only', () => {
    expect(rulesBroken((v) => checkPathwayRules(v, facts({ arrestMade: true }), { lawEnforcement: true }))).toEqual(['without-fear-of-arrest']);
    expect(rulesBroken((v) => checkPathwayRules(v, facts({}), { lawEnforcement: true }))).toEqual([]);
  });
});

describe('eligibility (OPS-D1)', () => {
  const plan = { label: planLabel('Troop 2', { county: 'DuPage', version: 3 }), enabledPathways: ['SELF_REFERRAL' as const], eligibility: { minimumAge: 18, allowsActiveWarrants: false, allowsProbationOrParole: true, excludedOffenses: ['Weapons offence'] } };

  it('computes age on a date, birthdays included', () => {
    expect(ageOn('2008-11-23', '2026-11-22')).toBe(17);
    expect(ageOn('2008-11-23', '2026-11-23')).toBe(18);
  });

  it('allows probation where the plan says so and matches excluded offences case-insensitively', () => {
    const broken = rulesBroken((v) => checkEligibility(v, 'SELF_REFERRAL', plan, { dateOfBirth: '1990-01-01', hasActiveWarrant: false, onProbationOrParole: true, offenses: ['weapons OFFENCE'] }, '2026-11-23'));
    expect(broken).toEqual(['sap-excluded-offense']);
  });

  it('names the plan that applied (unit, county, version) when a pathway is not enabled', () => {
    const v = new Violations();
    checkEligibility(v, 'OFFICER_INTERVENTION', plan, { dateOfBirth: null, hasActiveWarrant: false, onProbationOrParole: false, offenses: [] }, '2026-11-23');
    expect(v.list[0]).toMatchObject({ field: 'input.pathway', rule: 'pathway-enabled-in-sap' });
    expect(v.list[0]!.message).toContain('Troop 2 plan for DuPage County, version 3');
  });

  it('does not guess an age without a date of birth', () => {
    expect(rulesBroken((v) => checkEligibility(v, 'SELF_REFERRAL', plan, { dateOfBirth: null, hasActiveWarrant: false, onProbationOrParole: false, offenses: [] }, '2026-11-23'))).toEqual([]);
  });
});

describe('the deflection state machine', () => {
  it('moves a pending deflection to active on approval and to declined on decline', () => {
    expect(checkTransition(new Violations(), 'PENDING_APPROVAL', 'approve')).toBe('ACTIVE');
    expect(checkTransition(new Violations(), 'PENDING_APPROVAL', 'decline')).toBe('DECLINED');
  });

  it('refuses work on a pending deflection with the approval-required rule', () => {
    expect(rulesBroken((v) => checkTransition(v, 'PENDING_APPROVAL', 'contact-case-manager'))).toEqual(['approval-required']);
    expect(canPerform('PENDING_APPROVAL', 'record-disposition')).toBe(false);
  });

  it('treats closed states as final', () => {
    for (const status of ['SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN', 'DECLINED'] as const) {
      expect(canPerform(status, 'close-successful')).toBe(false);
      expect(canPerform(status, 'follow-up')).toBe(false);
    }
  });
});

describe('the review schedule (OPS-D7)', () => {
  it('is due 90 days after referral, then 90 days after each review', () => {
    expect(firstReviewDue('2026-01-15')).toBe('2026-04-15');
    expect(nextReviewDueAfter('2026-04-10')).toBe('2026-07-09');
  });

  it('never moves the due date back when a review is held early or dated back', () => {
    // Approved on 1 March (due 30 May); the review is dated on the referral day, 20 February: 90 days after it is
    // 21 May, earlier than the date already due, which stays.
    expect(nextReviewDueAfterReview('2026-05-30', '2026-02-20')).toBe('2026-05-30');
    expect(nextReviewDueAfterReview('2026-05-30', '2026-05-28')).toBe('2026-08-26');
  });

  it('is overdue only after the due date has passed', () => {
    expect(isOverdue('2026-11-22', '2026-11-22')).toBe(false);
    expect(isOverdue('2026-11-21', '2026-11-22')).toBe(true);
    expect(isOverdue(null, '2026-11-22')).toBe(false);
  });
});

describe('matching a person across deflections (OPS-D10)', () => {
  it('ignores case, spaces and accents', () => {
    expect(matchKey({ givenName: 'José', familyName: "O'Neil", dateOfBirth: '1990-01-01' })).toBe(matchKey({ givenName: 'jose', familyName: 'ONEIL ', dateOfBirth: '1990-01-01' }));
  });

  it('keeps the letters of every script, so names in other alphabets do not collapse into one key', () => {
    expect(matchKey({ givenName: 'Иван', familyName: 'Петров', dateOfBirth: '1985-05-05' })).toBe('петров|иван|1985-05-05');
    expect(matchKey({ givenName: '美玲', familyName: '王', dateOfBirth: '1985-05-05' })).toBe('王|美玲|1985-05-05');
    expect(matchKey({ givenName: 'Łukasz', familyName: 'Żółć', dateOfBirth: '1985-05-05' })).toBe('zołc|łukasz|1985-05-05');
  });

  it('keeps the vowel signs of scripts that write vowels as marks: Meena and Mona, Sunil and Sonal stay apart', () => {
    const key = (givenName: string) => matchKey({ givenName, familyName: 'शर्मा', dateOfBirth: '2001-01-01' });
    expect(key('मीना')).not.toBe(key('मोना'));
    expect(key('सुनील')).not.toBe(key('सोनल'));
    expect(matchKey({ givenName: 'ராமு', familyName: 'x', dateOfBirth: '2001-01-01' })).not.toBe(matchKey({ givenName: 'ரமா', familyName: 'x', dateOfBirth: '2001-01-01' }));
  });

  it('fits the key in its column however a name expands, as a hash of the whole key', () => {
    const long = matchKey({ givenName: '한'.repeat(100), familyName: '\uFDFA'.repeat(100), dateOfBirth: '1990-01-01' });
    expect(long).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(long).toBe(matchKey({ givenName: '한'.repeat(100), familyName: '\uFDFA'.repeat(100), dateOfBirth: '1990-01-01' }));
  });

  it('gives no key, so no match, without a date of birth or when a name has no letters', () => {
    expect(matchKey({ givenName: 'Robin', familyName: 'Avery', dateOfBirth: null })).toBeNull();
    expect(matchKey({ givenName: '—', familyName: 'Avery', dateOfBirth: '1990-01-01' })).toBeNull();
    expect(matchKey({ givenName: 'Robin', familyName: '42', dateOfBirth: '1990-01-01' })).toBeNull();
  });
});

describe('who sees and follows up a deflection', () => {
  const deflection: DeflectionFacts = { initiatingUnitId: 'troop', countsForId: 'meg', caseManagementOrganizationId: 'tasc' };
  const actor = (agencyId: string, roles: Actor['roles'], actingFor: string | null = null): Actor => ({ personId: 'p', agencyId, roles, actingFor });

  it('shows a deflection to its unit, its approving MEG and its case-management organisation only', () => {
    expect(canSee(actor('troop', ['OFFICER']), deflection)).toBe(true);
    expect(canSee(actor('meg', ['MEG_DIRECTOR']), deflection)).toBe(true);
    expect(canSee(actor('meg', ['DESIGNEE'], 'director'), deflection)).toBe(true);
    expect(canSee(actor('meg', ['DESIGNEE']), deflection)).toBe(false);
    expect(canSee(actor('tasc', ['CASE_MANAGER']), deflection)).toBe(true);
    expect(canSee(actor('icjia', ['ANALYST']), deflection)).toBe(false);
    expect(canSee(actor('meg', ['OFFICER']), deflection)).toBe(false);
  });

  it('gives follow-up to the approving leader, not the unit, when a MEG approved', () => {
    expect(canFollowUp(actor('meg', ['MEG_DIRECTOR']), deflection)).toBe(true);
    expect(canFollowUp(actor('troop', ['SUPERVISOR']), deflection)).toBe(false);
  });
});

describe('approval authority (OPS-D3)', () => {
  const approvers = [
    { person: { id: 'director' }, actingFor: null },
    { person: { id: 'designee' }, actingFor: { id: 'director' } },
  ];
  const actor = (personId: string, actingFor: string | null): Actor => ({ personId, agencyId: 'meg', roles: actingFor ? ['DESIGNEE'] : ['MEG_DIRECTOR'], actingFor });

  it('lets the leader decide in their own name', () => {
    expect(approvalAuthority(approvers, actor('director', null))).toEqual(approvers[0]);
  });

  it('lets a designee decide only for the leader who designated them', () => {
    expect(approvalAuthority(approvers, actor('designee', 'director'))).toEqual(approvers[1]);
    expect(approvalAuthority(approvers, actor('designee', 'another-leader'))).toBeNull();
    expect(approvalAuthority(approvers, actor('designee', null))).toBeNull();
  });

  it('refuses someone who is not among today’s approvers', () => {
    expect(approvalAuthority(approvers, actor('officer', null))).toBeNull();
  });
});

describe('evidence and closing (OPS-D5, OPS-D8)', () => {
  it('keeps evidence for the prosecution when a deflection closes unsuccessful, and requires disposal otherwise', () => {
    expect(requiresDisposalBeforeClosing('UNSUCCESSFUL')).toBe(false);
    expect(requiresDisposalBeforeClosing('SUCCESSFUL')).toBe(true);
    expect(requiresDisposalBeforeClosing('WITHDRAWN')).toBe(true);
  });
});

describe('who learns of other units’ deflections of a person', () => {
  const deflection: DeflectionFacts = { initiatingUnitId: 'troop', countsForId: 'meg', caseManagementOrganizationId: 'tasc' };
  const actor = (agencyId: string, roles: Actor['roles'], actingFor: string | null = null): Actor => ({ personId: 'p', agencyId, roles, actingFor });

  it('is the approving leader and the assigned case manager, who follow the person', () => {
    expect(followsPersonStatewide(actor('meg', ['MEG_DIRECTOR']), deflection)).toBe(true);
    expect(followsPersonStatewide(actor('tasc', ['CASE_MANAGER']), deflection)).toBe(true);
  });

  it('is not the referring unit, nor a firefighter elsewhere', () => {
    expect(followsPersonStatewide(actor('troop', ['OFFICER', 'SUPERVISOR']), deflection)).toBe(false);
    expect(followsPersonStatewide(actor('peoria-fire', ['OFFICER']), deflection)).toBe(false);
  });
});

describe('a person’s date of birth', () => {
  it('must be one a living person can have: not in the future, not more than 120 years ago', () => {
    expect(rulesBroken((v) => checkPerson(v, 'input.person', { givenName: 'A', familyName: 'B', dateOfBirth: '1800-01-01' }, '2026-11-23'))).toEqual(['plausible-date-of-birth']);
    expect(rulesBroken((v) => checkPerson(v, 'input.person', { givenName: 'A', familyName: 'B', dateOfBirth: '2027-01-01' }, '2026-11-23'))).toEqual(['not-in-future']);
    expect(rulesBroken((v) => checkPerson(v, 'input.person', { givenName: 'A', familyName: 'B', dateOfBirth: '1950-06-01' }, '2026-11-23'))).toEqual([]);
  });
});
