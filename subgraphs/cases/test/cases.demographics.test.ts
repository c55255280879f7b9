import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PERSON as P } from '@hub/platform/demo';
import { ageBandOn } from '@hub/platform/domain';
import { OutboxEvent, type DeflectionReferred } from '@hub/platform/events';
import type { SubgraphClient, TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { startCasesWithAgencies } from './support.js';

/**
 * The referral's optional facts for statistics and the state's minimum data set (FB-5, FB-7): channel and the
 * person's demographics, with the age band taken from the date of birth at the encounter, and all of them
 * published to reporting without the name or the date of birth itself.
 */
let db: TestDatabase;
let client: SubgraphClient<Context>;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ db, client, stop } = await startCasesWithAgencies());
});

afterAll(async () => {
  await stop?.();
});

const REFER = `mutation($input: QuickReferralInput!) { quickReferral(input: $input) { deflection { id channel arrestMade demographics { ageBand sex race ethnicity } } } }`;
type Referred = { quickReferral: { deflection: { id: string; channel: string | null; arrestMade: boolean; demographics: { ageBand: string; sex: string; race: string; ethnicity: string } } } };

let unique = 0;
function referral(person: Record<string, unknown>, over: Record<string, unknown> = {}) {
  unique += 1;
  return { person: { givenName: 'Demi', familyName: `Graphic${'abcdefghij'[unique % 10]}`, ...person }, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help.', ...over };
}

async function publishedFor(deflectionId: string): Promise<DeflectionReferred> {
  const events = await db.orm('cases').fork().find(OutboxEvent, { type: 'deflection.referred' });
  return events.map((e) => e.payload as DeflectionReferred).find((e) => e.deflectionId === deflectionId)!;
}

describe('demographics and channel of a referral (FB-5, FB-7)', () => {
  it('takes the age band from the date of birth on the day of the encounter, not of the referral', async () => {
    // Born 15 June 2001: 24 on the day before the 25th birthday, when the encounter happened.
    const data = await client.ok<Referred>('local-officer', REFER, {
      input: referral({ dateOfBirth: '2001-06-15' }, { occurredAt: '2026-06-14T20:00:00-05:00', channel: 'LIVE_ON_SCENE_RESPONSE', demographics: { sex: 'FEMALE', race: 'ASIAN', ethnicity: 'NOT_HISPANIC_OR_LATINO', ageBand: 'AGE_65_PLUS' } }),
    });
    expect(data.quickReferral.deflection).toMatchObject({
      channel: 'LIVE_ON_SCENE_RESPONSE',
      arrestMade: false,
      demographics: { ageBand: 'AGE_18_24', sex: 'FEMALE', race: 'ASIAN', ethnicity: 'NOT_HISPANIC_OR_LATINO' },
    });
    expect(ageBandOn('2001-06-15', '2026-06-15')).toBe('AGE_25_34');
  });

  it('uses the age band as told when the date of birth is not known, and UNKNOWN for anything not told', async () => {
    const told = await client.ok<Referred>('local-officer', REFER, { input: referral({}, { demographics: { ageBand: 'AGE_45_54' } }) });
    expect(told.quickReferral.deflection.demographics).toEqual({ ageBand: 'AGE_45_54', sex: 'UNKNOWN', race: 'UNKNOWN', ethnicity: 'UNKNOWN' });
    const nothing = await client.ok<Referred>('local-officer', REFER, { input: referral({}) });
    expect(nothing.quickReferral.deflection).toMatchObject({ channel: null, demographics: { ageBand: 'UNKNOWN', sex: 'UNKNOWN', race: 'UNKNOWN', ethnicity: 'UNKNOWN' } });
  });

  it('publishes them to reporting with the encounter, call type and officer, and never the name or the date of birth', async () => {
    const data = await client.ok<Referred>('local-officer', REFER, {
      input: referral({ dateOfBirth: '1980-01-01' }, { callType: 'MENTAL_HEALTH', channel: 'CRISIS_LINE', demographics: { sex: 'X', race: 'MULTIRACIAL', ethnicity: 'HISPANIC_OR_LATINO' } }),
    });
    const event = await publishedFor(data.quickReferral.deflection.id);
    expect(event).toMatchObject({
      callType: 'MENTAL_HEALTH', channel: 'CRISIS_LINE', arrestMade: false, approvalRequired: false, initiatingOfficerId: P.deputyLindqvist,
      ageBand: 'AGE_45_54', sex: 'X', race: 'MULTIRACIAL', ethnicity: 'HISPANIC_OR_LATINO',
    });
    expect(typeof event.encounterAt).toBe('string');
    const text = JSON.stringify(event);
    expect(text).not.toContain('1980-01-01');
    expect(text).not.toContain('Demi');
  });
});
