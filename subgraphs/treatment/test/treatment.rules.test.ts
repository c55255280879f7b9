import { describe, expect, it } from '@jest/globals';
import { Violations } from '@hub/platform/errors';
import { Consent } from '../src/entities/consent.entity.js';
import { canRevoke, inEffect } from '../src/rules/consent-rules.js';
import { checkMove } from '../src/rules/episode-machine.js';
import { handOffMeasures } from '../src/rules/measures.js';

const DAY = 86_400_000;
const consent = (over: Partial<Consent>) => Object.assign(new Consent(), { kind: 'STANDARD', signedOn: '2026-01-01', expiresOn: '2026-12-31', revokedAt: null, irrevocableUntil: null, ...over });

describe('a consent in effect (42 CFR 2.31)', () => {
  it('is in effect from signing to the expiry date, inclusive', () => {
    expect(inEffect(consent({}), '2025-12-31')).toBe(false);
    expect(inEffect(consent({}), '2026-01-01')).toBe(true);
    expect(inEffect(consent({}), '2026-12-31')).toBe(true);
    expect(inEffect(consent({}), '2027-01-01')).toBe(false);
  });

  it('ends the moment it is revoked', () => {
    expect(inEffect(consent({ revokedAt: new Date() }), '2026-06-01')).toBe(false);
  });

  it('lasts until revoked when it expires on an event', () => {
    expect(inEffect(consent({ expiresOn: null, expiresOnEvent: 'End of treatment' }), '2030-01-01')).toBe(true);
    expect(inEffect(consent({ expiresOn: null, expiresOnEvent: 'End of treatment', revokedAt: new Date('2029-06-01T16:00:00Z') }), '2030-01-01')).toBe(false);
  });
});

describe('revoking a criminal-justice consent (42 CFR 2.35)', () => {
  it('is refused before the irrevocability date and allowed from it', () => {
    const cj = consent({ kind: 'CRIMINAL_JUSTICE', irrevocableUntil: '2026-09-01' });
    expect(canRevoke(cj, '2026-08-31')).toBe(false);
    expect(canRevoke(cj, '2026-09-01')).toBe(true);
    expect(canRevoke(consent({}), '2026-02-01')).toBe(true);
  });
});

describe('the episode state machine', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const broken = (state: Parameters<typeof checkMove>[1]['state'], toState: Parameters<typeof checkMove>[2]['toState'], at = now, firstContactAt: Date | null = null) => {
    const v = new Violations();
    checkMove(v, { state, lastTransitionAt: new Date(now.getTime() - 60 * DAY), firstContactAt }, { toState, at, reason: 'r', intakeScheduledFor: now }, now);
    try {
      v.throwIfAny();
      return [];
    } catch (error) {
      return (error as { extensions: { violations: { rule: string }[] } }).extensions.violations.map((x) => x.rule);
    }
  };

  it('lets a lost person re-engage: relapse is part of recovery', () => {
    expect(broken('LOST_CONTACT', 'ENGAGED')).toEqual([]);
  });

  it('keeps completed, discharged and declined episodes closed', () => {
    for (const state of ['COMPLETED', 'DISCHARGED', 'DECLINED'] as const) expect(broken(state, 'ENGAGED')).toEqual(['episode-transition']);
  });

  it('counts retention from the first treatment contact', () => {
    expect(broken('ENGAGED', 'RETAINED_30', now, new Date(now.getTime() - 29 * DAY))).toEqual(['retention-milestone']);
    expect(broken('ENGAGED', 'RETAINED_30', now, new Date(now.getTime() - 30 * DAY))).toEqual([]);
  });

  it('refuses an update dated before the last change', () => {
    expect(broken('REFERRED', 'ACKNOWLEDGED', new Date(now.getTime() - 61 * DAY))).toEqual(['after-last-transition']);
  });
});

describe('warm hand-off measures (FB-7)', () => {
  const deflected = new Date('2026-01-01T10:00:00Z');
  const base = { deflectionReferredAt: deflected, referredAt: new Date(deflected.getTime() + 2 * 3_600_000), acknowledgedAt: null, firstContactAt: null, endedAt: null, state: 'REFERRED' as const };

  it('measures acknowledgement and first contact from the referral and from the deflection', () => {
    const m = handOffMeasures({ ...base, state: 'ENGAGED', acknowledgedAt: new Date(base.referredAt.getTime() + 45 * 60_000), firstContactAt: new Date(deflected.getTime() + 3 * DAY) }, new Date(deflected.getTime() + 10 * DAY));
    expect(m).toEqual({ minutesToAcknowledge: 45, hoursFromDeflectionToAcknowledgement: 2.8, daysFromDeflectionToFirstTreatmentContact: 3, engagedAt30Days: null });
  });

  it('counts engagement at 30 days only once 30 days have passed, and a drop-out before then as not engaged', () => {
    const firstContactAt = new Date(deflected.getTime() + DAY);
    expect(handOffMeasures({ ...base, state: 'ENGAGED', firstContactAt }, new Date(firstContactAt.getTime() + 29 * DAY)).engagedAt30Days).toBeNull();
    expect(handOffMeasures({ ...base, state: 'ENGAGED', firstContactAt }, new Date(firstContactAt.getTime() + 31 * DAY)).engagedAt30Days).toBe(true);
    expect(handOffMeasures({ ...base, state: 'RETAINED_30', firstContactAt }, new Date(firstContactAt.getTime() + 31 * DAY)).engagedAt30Days).toBe(true);
    expect(handOffMeasures({ ...base, state: 'DISCHARGED', firstContactAt, endedAt: new Date(firstContactAt.getTime() + 10 * DAY) }, new Date(firstContactAt.getTime() + 40 * DAY)).engagedAt30Days).toBe(false);
    expect(handOffMeasures({ ...base, state: 'LOST_CONTACT', firstContactAt }, new Date(firstContactAt.getTime() + 12 * DAY)).engagedAt30Days).toBe(false);
  });
});
