import { describe, expect, it } from '@jest/globals';
import { Violations, type Actor } from '@hub/platform';
import { Deflection } from '../src/entities/deflection.entity.js';
import { ageOn, checkEligibility } from '../src/rules/eligibility.js';
import { canPerform, transition } from '../src/rules/lifecycle.js';
import { matchKey } from '../src/rules/participant-matching.js';
import { checkPathwayRules, type ReferralFacts } from '../src/rules/pathway-rules.js';
import { firstReviewDue, isOverdue, nextReviewDueAfter } from '../src/rules/review-schedule.js';
import { canFollowUp, canSee } from '../src/rules/visibility.js';

const facts = (over: Partial<ReferralFacts>): ReferralFacts => ({
  pathway: 'SELF_REFERRAL', chargesHeldInAbeyance: false, nonCriminalCitation: false, chargesFiled: false, arrestMade: false, recentOverdose: false, personInitiated: true, ...over,
});

function rulesBroken(check: (v: Violations) => void): string[] {
  const v = new Violations();
  check(v);
  try {
    v.throwIfAny();
    return [];
  } catch (error) {
    return ((error as { extensions: { violations: { rule: string }[] } }).extensions.violations).map((x) => x.rule);
  }
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
  });
});

describe('eligibility (OPS-D1)', () => {
  const plan = { enabledPathways: ['SELF_REFERRAL' as const], eligibility: { minimumAge: 18, allowsActiveWarrants: false, allowsProbationOrParole: true, excludedOffenses: ['Weapons offence'] } };

  it('computes age on a date, birthdays included', () => {
    expect(ageOn('2008-11-23', '2026-11-22')).toBe(17);
    expect(ageOn('2008-11-23', '2026-11-23')).toBe(18);
  });

  it('allows probation where the plan says so and matches excluded offences case-insensitively', () => {
    const broken = rulesBroken((v) => checkEligibility(v, 'SELF_REFERRAL', plan, { dateOfBirth: '1990-01-01', hasActiveWarrant: false, onProbationOrParole: true, offenses: ['weapons OFFENCE'] }, '2026-11-23'));
    expect(broken).toEqual(['sap-excluded-offense']);
  });

  it('does not guess an age without a date of birth', () => {
    expect(rulesBroken((v) => checkEligibility(v, 'SELF_REFERRAL', plan, { dateOfBirth: null, hasActiveWarrant: false, onProbationOrParole: false, offenses: [] }, '2026-11-23'))).toEqual([]);
  });
});

describe('the deflection state machine', () => {
  it('moves a pending deflection to active on approval and to declined on decline', () => {
    expect(transition('PENDING_APPROVAL', 'approve')).toBe('ACTIVE');
    expect(transition('PENDING_APPROVAL', 'decline')).toBe('DECLINED');
  });

  it('refuses work on a pending deflection with the approval-required rule', () => {
    expect(() => transition('PENDING_APPROVAL', 'contact-case-manager')).toThrow(/waiting for the MEG Director/);
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
});

describe('who sees and follows up a deflection', () => {
  const deflection = Object.assign(new Deflection(), { initiatingUnitId: 'troop', countsForId: 'meg', caseManagementOrganizationId: 'tasc' });
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
