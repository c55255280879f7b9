import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readGatewayConfig } from '@hub/gateway';
import { DEMO_AGENCY as A } from '@hub/platform/demo';
import type { RunningServer } from '@hub/platform/server';
import { postGraphQL, startTestHub, type TestHub } from '../support/hub.js';

/**
 * Per-identity limits on sensitive operations, through a gateway whose limits are set low: person lookups 2, statistics
 * 3, quick referrals 1 a minute. Each test uses its own persona, so the buckets of one test never touch another's.
 */
let hub: TestHub;
let limited: RunningServer & { graphqlUrl: string };

beforeAll(async () => {
  hub = await startTestHub();
  limited = await hub.startGateway({ RATE_LIMIT_PERSON_LOOKUPS: '2', RATE_LIMIT_STATISTICS: '3', RATE_LIMIT_QUICK_REFERRALS: '1' });
}, 120_000);

afterAll(async () => {
  await limited?.close();
  await hub?.stop();
});

const send = async (persona: string, query: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(limited.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor(persona)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
};
const codeOf = (result: Awaited<ReturnType<typeof send>>) => result.body.errors?.[0]?.extensions?.code;

const STATISTIC = '{ statistics(query: { groupBy: [QUARTER], measures: [DEFLECTIONS] }) { disclosureControl } }';

describe('rate limits per identity on sensitive operations', () => {
  it('refuses the statistics query over the limit with RATE_LIMITED, 429 and Retry-After, and other people keep their own allowance', async () => {
    for (let i = 0; i < 3; i++) expect(codeOf(await send('analyst', STATISTIC))).toBeUndefined();
    const refused = await send('analyst', STATISTIC);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'statistics', perMinute: 3 });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors?.[0]?.message).toMatch(/at most 3 a minute/);
    // Another person is not held back by the analyst's use, and non-sensitive fields are not limited at all.
    expect(codeOf(await send('hub-admin', STATISTIC))).not.toBe('RATE_LIMITED');
    expect(codeOf(await send('analyst', '{ me { id } }'))).toBeUndefined();
  });

  it('counts every aliased person lookup in one request, so aliases cannot multiply the allowance', async () => {
    const three = `{ a: person(id: "${A.ispDop}") { id } b: person(id: "${A.ispDop}") { id } c: person(id: "${A.ispDop}") { id } }`;
    const refused = await send('supervisor', three);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'personLookups' });
  });

  it('refuses a second quick referral in the minute before it reaches cases, so nothing is written', async () => {
    const REFER = 'mutation($input: QuickReferralInput!, $key: String) { quickReferral(input: $input, idempotencyKey: $key) { deflection { id } } }';
    const input = { person: { givenName: 'Robin', familyName: 'Ratelimit', dateOfBirth: '1990-01-01' }, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help.' };
    const count = async () => (await hub.db.orm('cases').fork().getConnection().execute(`select count(*)::int as n from cases.deflection`))[0]!.n as number;
    const before = await count();
    expect(codeOf(await send('local-officer', REFER, { input, key: 'rate-limit-1' }))).toBeUndefined();
    const refused = await send('local-officer', REFER, { input, key: 'rate-limit-2' });
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(await count()).toBe(before + 1);
  });

  it('reads each limit from its variable, 0 turning it off, and refuses a value that is not a count', () => {
    expect(readGatewayConfig({}).rateLimits).toEqual({ personLookups: 120, statistics: 30, quickReferrals: 20 });
    expect(readGatewayConfig({ RATE_LIMIT_STATISTICS: '0' }).rateLimits.statistics).toBe(0);
    expect(() => readGatewayConfig({ RATE_LIMIT_QUICK_REFERRALS: 'lots' })).toThrow(/RATE_LIMIT_QUICK_REFERRALS/);
  });

  it('answers the development gateway’s many statistics from one person (limits set high for tests) — the plugin runs there too', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, async () => postGraphQL(hub.gatewayUrl, STATISTIC, { authorization: `Bearer ${await hub.tokenFor('analyst')}` })));
    for (const result of results) expect(result.errors).toBeUndefined();
  });
});
