import { describe, expect, it } from '@jest/globals';
import type { QuickReferralInput } from '../src/gql/graphql.js';
import { failedAttempt, memoryStorage, ReferralQueue, type QueuedReferral, type SendOutcome } from '../src/offline/referral-queue.js';

const input = (familyName: string): QuickReferralInput => ({ person: { givenName: 'Robin', familyName }, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help.' });

/** A hub stand-in for the queue's sender: answers in the order given, records every key it was sent. */
function hub(...answers: SendOutcome<string>[]) {
  const sent: string[] = [];
  const send = async (item: QueuedReferral): Promise<SendOutcome<string>> => {
    sent.push(item.key);
    return answers.shift() ?? { kind: 'accepted', result: `answer for ${item.key}` };
  };
  return { sent, send };
}

function counter() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('the offline referral queue', () => {
  it('keeps a referral under one idempotency key and sends that same key on every attempt until it is accepted', async () => {
    const { sent, send } = hub({ kind: 'unreachable', problem: 'offline' }, { kind: 'unreachable', problem: 'offline' });
    const queue = new ReferralQueue(memoryStorage(), send, counter());
    queue.enqueue(input('Abc'));
    expect((await queue.flush()).waiting).toBe(1);
    expect((await queue.flush()).waiting).toBe(1);
    const report = await queue.flush();
    expect(report.accepted.map((a) => a.result)).toEqual(['answer for key-1']);
    expect(sent).toEqual(['key-1', 'key-1', 'key-1']);
    expect(queue.pending()).toEqual([]);
  });

  it('survives a reload: what was queued is read back from storage and sent', async () => {
    const storage = memoryStorage();
    new ReferralQueue(storage, hub({ kind: 'unreachable', problem: 'offline' }).send, counter()).enqueue(input('Abc'));
    const { sent, send } = hub();
    const afterReload = new ReferralQueue(storage, send, counter());
    expect(afterReload.pending().map((p) => p.key)).toEqual(['key-1']);
    await afterReload.flush();
    expect(sent).toEqual(['key-1']);
    expect(storage.read()).toEqual([]);
  });

  it('sends oldest first and stops at the first one the hub cannot be reached for, keeping the rest in order', async () => {
    const { sent, send } = hub({ kind: 'accepted', result: 'first' }, { kind: 'unreachable', problem: 'dropped' });
    const queue = new ReferralQueue(memoryStorage(), send, counter());
    for (const name of ['Abc', 'Def', 'Ghi']) queue.enqueue(input(name));
    const report = await queue.flush();
    expect(report.accepted.map((a) => a.item.key)).toEqual(['key-1']);
    expect(report.waiting).toBe(2);
    expect(sent).toEqual(['key-1', 'key-2']);
    expect(queue.pending().map((p) => [p.key, p.attempts, p.lastProblem])).toEqual([
      ['key-2', 1, 'dropped'],
      ['key-3', 0, null],
    ]);
  });

  it('moves a referral the hub refuses to the officer’s attention and never sends it again as it is', async () => {
    const { sent, send } = hub({ kind: 'refused', refusals: [{ message: 'Choose the county.', field: 'input.county' }] });
    const queue = new ReferralQueue(memoryStorage(), send, counter());
    queue.enqueue(input('Abc'));
    queue.enqueue(input('Def'));
    const report = await queue.flush();
    expect(report.refused.map((r) => r.key)).toEqual(['key-1']);
    expect(report.accepted.map((a) => a.item.key)).toEqual(['key-2']);
    expect(queue.needsAttention().map((r) => [r.key, r.refusal])).toEqual([['key-1', [{ message: 'Choose the county.', field: 'input.county' }]]]);
    await queue.flush();
    expect(sent).toEqual(['key-1', 'key-2']);
  });

  it('never sends the same referral twice at once, and sends one queued while a flush was running', async () => {
    let release: () => void = () => {};
    const sent: string[] = [];
    const queue = new ReferralQueue<string>(
      memoryStorage(),
      async (item) => {
        sent.push(item.key);
        await new Promise<void>((resolve) => (release = resolve));
        return { kind: 'accepted', result: 'ok' };
      },
      counter(),
    );
    queue.enqueue(input('Abc'));
    const first = queue.flush();
    const second = queue.flush();
    queue.enqueue(input('Def'));
    const third = queue.flush();
    expect(third).toBe(second);
    release();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    const report = await second;
    expect(sent).toEqual(['key-1', 'key-2']);
    expect(report.accepted.map((a) => a.item.key)).toEqual(['key-2']);
    expect(queue.pending()).toEqual([]);
  });

  it('treats a sender that throws (no answer at all) as unreachable, not as a refusal', async () => {
    const queue = new ReferralQueue<string>(memoryStorage(), async () => Promise.reject(new TypeError('Failed to fetch')), counter());
    queue.enqueue(input('Abc'));
    const report = await queue.flush();
    expect(report.waiting).toBe(1);
    expect(queue.pending()[0]?.lastProblem).toBe('Failed to fetch');
    expect(queue.needsAttention()).toEqual([]);
  });
});

describe('what a failed attempt means for a queued referral', () => {
  const refusal = (code: string) => ({ code, message: `${code} happened`, field: code === 'BAD_USER_INPUT' ? 'input.county' : null });

  it('asks the officer to correct it only when the hub refused the input itself', () => {
    expect(failedAttempt([refusal('BAD_USER_INPUT')])).toEqual({ kind: 'refused', refusals: [{ message: 'BAD_USER_INPUT happened', field: 'input.county' }] });
  });

  it.each(['UNAUTHENTICATED', 'RATE_LIMITED', 'DATABASE_UNAVAILABLE', 'PERSISTED_QUERY_NOT_FOUND', 'INTERNAL_SERVER_ERROR', 'NETWORK'])(
    'keeps it queued under the same key after %s (an earlier attempt may have landed)',
    (code) => {
      expect(failedAttempt([refusal(code)])).toEqual({ kind: 'unreachable', problem: `${code} happened` });
    },
  );

  it('keeps it queued when the answer mixes a refusal with anything else, and when there is no answer at all', () => {
    expect(failedAttempt([refusal('BAD_USER_INPUT'), refusal('UNAUTHENTICATED')]).kind).toBe('unreachable');
    expect(failedAttempt([])).toEqual({ kind: 'unreachable', problem: 'No answer from the hub.' });
  });
});
