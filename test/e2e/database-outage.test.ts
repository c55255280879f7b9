import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TcpProxy } from '@hub/platform/testing';
import { postGraphQL, startTestHub, type TestHub } from '../support/hub.js';

/**
 * PostgreSQL goes away under the cases subgraph while officers' phones keep sending referrals. The cut is a proxy
 * between cases and the server, so the machine's PostgreSQL keeps serving every other test and the other three
 * subgraphs.
 */
const STREAMS = 4;
/** Each stream sends at least this many referrals, and goes on until the outage is over (at most MAX_PER_STREAM). */
const MIN_PER_STREAM = 8;
const MAX_PER_STREAM = 40;
const OUTAGE_MS = 3_000;
const RETRY_EVERY_MS = 150;
/** Codes that tell a client to send the same request again; each also carries `retryable: true`. */
const RETRYABLE = new Set(['DATABASE_UNAVAILABLE', 'AUDIT_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE']);

const REFER = 'mutation($input: QuickReferralInput!, $key: String) { quickReferral(input: $input, idempotencyKey: $key) { deflection { id } } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let hub: TestHub;
let proxy: TcpProxy;

beforeAll(async () => {
  const server = new URL(process.env.HUB_TEST_ADMIN_URL!);
  proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
  hub = await startTestHub({ connectThrough: { cases: { host: '127.0.0.1', port: proxy.port } } });
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  await proxy?.close();
});

/** Names in letters, since matching people ignores digits (OPS-D10): each referral is a person of its own. */
const letters = (n: number) => String.fromCharCode(65 + Math.floor(n / 26), 97 + (n % 26));
const givenName = (stream: number) => `Stream${letters(stream)}`;
const familyName = (n: number) => `Outage${letters(n)}`;

function referral(stream: number, n: number) {
  return {
    person: { givenName: givenName(stream), familyName: familyName(n), dateOfBirth: '1990-01-01' },
    pathway: 'SELF_REFERRAL',
    personInitiated: true,
    narrative: 'Asked for help while the database was away.',
  };
}

interface Refusal {
  key: string;
  code: string;
  retryable: unknown;
  message: string;
}

describe('the database of cases goes away for a few seconds and comes back', () => {
  it('refuses only with retryable codes while it is away, and with retries on the same keys loses no acknowledged referral and stores none twice, without a restart', async () => {
    const token = await hub.tokenFor('local-officer');
    const send = (key: string, input: ReturnType<typeof referral>) =>
      postGraphQL<{ quickReferral: { deflection: { id: string } } }>(hub.gatewayUrl, REFER, { authorization: `Bearer ${token}` }, { input, key });
    const acknowledged = new Map<string, string>();
    const refusals: Refusal[] = [];
    let outageOver = false;

    const stream = async (s: number) => {
      for (let n = 0; n < MAX_PER_STREAM && !(outageOver && n >= MIN_PER_STREAM); n++) {
        const key = `outage-${s}-${n}`;
        for (let attempt = 1; ; attempt++) {
          const result = await send(key, referral(s, n));
          if (!result.errors) {
            acknowledged.set(key, result.data!.quickReferral.deflection.id);
            break;
          }
          const [error] = result.errors;
          const refusal = { key, code: String(error?.extensions?.code), retryable: error?.extensions?.retryable, message: error?.message ?? '' };
          refusals.push(refusal);
          // Anything else ends this stream; the assertion below names the answer.
          if (!RETRYABLE.has(refusal.code) || refusal.retryable !== true) return;
          if (attempt >= 100) throw new Error(`${key} did not land after ${attempt} attempts`);
          await sleep(RETRY_EVERY_MS);
        }
      }
    };
    const outage = async () => {
      // Cut while referrals are flowing: every stream has had one acknowledged.
      while (acknowledged.size < STREAMS) await sleep(20);
      proxy.interrupt();
      await sleep(OUTAGE_MS);
      proxy.restore();
      outageOver = true;
    };
    const started = Date.now();
    await Promise.all([...Array.from({ length: STREAMS }, (_, s) => stream(s)), outage()]);

    expect(refusals.filter((r) => !RETRYABLE.has(r.code) || r.retryable !== true)).toEqual([]);
    // The outage was felt (and answered DATABASE_UNAVAILABLE), and every stream got through it.
    expect(refusals.map((r) => r.code)).toContain('DATABASE_UNAVAILABLE');
    expect(acknowledged.size).toBeGreaterThanOrEqual(STREAMS * MIN_PER_STREAM);
    expect(Date.now() - started).toBeLessThan(45_000);

    // Every acknowledged referral is there, once: one deflection per person, one idempotency record per key.
    const sql = hub.db.orm('cases').fork().getConnection();
    const deflections = await sql.execute<{ id: string; given_name: string; family_name: string }[]>(
      `select d.id, p.given_name, p.family_name from cases.deflection d join cases.participant p on p.id = d.participant_id where p.family_name like 'Outage%'`,
    );
    const expected = [...acknowledged].map(([key, id]) => {
      const [, s, n] = key.split('-');
      return { id, given_name: givenName(Number(s)), family_name: familyName(Number(n)) };
    });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...deflections].sort(byId)).toEqual(expected.sort(byId));
    const keys = await sql.execute<{ key: string; records: string; result_id: string }[]>(
      `select key, count(*)::text as records, min(result_id::text) as result_id from cases.idempotency_record where key like 'outage-%' group by key`,
    );
    expect(Object.fromEntries(keys.map((k) => [k.key, [k.records, k.result_id]]))).toEqual(Object.fromEntries([...acknowledged].map(([key, id]) => [key, ['1', id]])));

    // No connection is left checked out by a transaction whose connection died under it (Kysely before 0.29.9 kept
    // them, starving the pool after ten such failures and hanging shutdown). The outbox relay's poll checks one out
    // for a moment now and then, so the pool is given a few seconds to drain; a leaked connection never comes back.
    const cases = hub.subgraphs.find((s) => s.name === 'cases')!;
    const pool = (await cases.orm.orm.em.getConnection().getNativeClient()) as { totalCount: number; idleCount: number };
    const checkedOut = () => pool.totalCount - pool.idleCount;
    for (const drainBy = Date.now() + 5_000; checkedOut() > 0 && Date.now() < drainBy; ) await sleep(25);
    expect(checkedOut()).toBe(0);

    // The same cases process answers again: healthy, and a new referral lands.
    expect((await fetch(new URL('/health', hub.subgraphUrl('cases')))).status).toBe(200);
    const after = await send('outage-after', referral(99, 99));
    expect(after.errors).toBeUndefined();
  }, 60_000);

  it('reports cases unhealthy on its own /health and on the gateway’s while the database is away, and healthy once it is back', async () => {
    const health = async (url: string) => {
      const response = await fetch(new URL('/health', url));
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    proxy.interrupt();
    try {
      expect(await health(hub.subgraphUrl('cases'))).toEqual({ status: 503, body: { status: 'unavailable', subgraph: 'cases' } });
      expect(await health(hub.gatewayUrl)).toEqual({
        status: 503,
        body: { status: 'degraded', gateway: 'ok', subgraphs: { agencies: 'ok', cases: 'unavailable', treatment: 'ok', reporting: 'ok' } },
      });
    } finally {
      proxy.restore();
    }
    expect((await health(hub.subgraphUrl('cases'))).status).toBe(200);
    expect((await health(hub.gatewayUrl)).status).toBe(200);
  });
});
