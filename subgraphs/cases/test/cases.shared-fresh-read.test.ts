import { describe, expect, it } from '@jest/globals';
import { SharedFreshRead } from '../src/clients/shared-fresh-read.js';

const refused = (error: unknown) => error instanceof Error && error.message.startsWith('FORBIDDEN');

/** A read the test answers when it chooses: each call is recorded with the caller it was made for. */
function controlledReads() {
  const calls: { caller: string; answer(value: string): void; fail(error: Error): void }[] = [];
  const readFor = (caller: string) => () =>
    new Promise<string>((resolve, reject) => {
      calls.push({ caller, answer: resolve, fail: reject });
    });
  return { calls, readFor };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('agencies’ change version is read once for the referrals that ask at the same time, never older than the ask', () => {
  it('sends the first caller’s read at once, and one more read for every caller that asked while it was on its way', async () => {
    const shared = new SharedFreshRead<string>(refused);
    const { calls, readFor } = controlledReads();
    const a = shared.read(readFor('a'));
    const b = shared.read(readFor('b'));
    const c = shared.read(readFor('c'));
    await settle();
    expect(calls.map((call) => call.caller)).toEqual(['a']);
    calls[0]!.answer('v1');
    await settle();
    expect(calls.map((call) => call.caller)).toEqual(['a', 'b']);
    calls[1]!.answer('v2');
    expect(await Promise.all([a, b, c])).toEqual(['v1', 'v2', 'v2']);
  });

  it('never answers a caller with a read sent before it asked (a change committed in between would be missed)', async () => {
    const shared = new SharedFreshRead<string>(refused);
    const { calls, readFor } = controlledReads();
    void shared.read(readFor('first'));
    // The version moves after the first read was sent; the second caller asks after that.
    const later = shared.read(readFor('later'));
    calls[0]!.answer('before the change');
    await settle();
    calls[1]!.answer('after the change');
    expect(await later).toBe('after the change');
  });

  it('sends one more read for a caller that asks after the shared read was sent', async () => {
    const shared = new SharedFreshRead<string>(refused);
    const { calls, readFor } = controlledReads();
    void shared.read(readFor('a'));
    const b = shared.read(readFor('b'));
    calls[0]!.answer('v1');
    await settle();
    // b's read is on its way; d asks now, so b's answer may predate d's ask.
    const d = shared.read(readFor('d'));
    calls[1]!.answer('v2');
    await settle();
    expect(calls.map((call) => call.caller)).toEqual(['a', 'b', 'd']);
    calls[2]!.answer('v3');
    expect(await b).toBe('v2');
    expect(await d).toBe('v3');
  });

  it('does not read again on its own when the shared read failed for everyone (agencies down): one wait, not two', async () => {
    const shared = new SharedFreshRead<string>(refused);
    const { calls, readFor } = controlledReads();
    void shared.read(readFor('a'));
    const b = shared.read(readFor('b'));
    const c = shared.read(readFor('c'));
    calls[0]!.answer('v1');
    await settle();
    const outcomes = Promise.allSettled([b, c]);
    calls[1]!.fail(new Error('SUBGRAPH_UNAVAILABLE'));
    await settle();
    expect(calls).toHaveLength(2);
    expect((await outcomes).map((o) => (o.status === 'rejected' ? (o.reason as Error).message : o.value))).toEqual(['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE']);
  });

  it('reads afresh once nothing is on its way', async () => {
    const shared = new SharedFreshRead<string>(refused);
    const { calls, readFor } = controlledReads();
    const first = shared.read(readFor('a'));
    calls[0]!.answer('v1');
    expect(await first).toBe('v1');
    const second = shared.read(readFor('b'));
    await settle();
    calls[1]!.answer('v2');
    expect(await second).toBe('v2');
    expect(calls).toHaveLength(2);
  });

  it('lets every other caller read on its own when the shared read fails (one caller’s refusal is not another’s)', async () => {
    const shared = new SharedFreshRead<string>(refused);
    const { calls, readFor } = controlledReads();
    void shared.read(readFor('a')).catch(() => undefined);
    const b = shared.read(readFor('b'));
    const c = shared.read(readFor('c'));
    calls[0]!.answer('v1');
    await settle();
    expect(calls.map((call) => call.caller)).toEqual(['a', 'b']);
    calls[1]!.fail(new Error('FORBIDDEN for b'));
    await expect(b).rejects.toThrow('FORBIDDEN for b');
    await settle();
    expect(calls.map((call) => call.caller)).toEqual(['a', 'b', 'c']);
    calls[2]!.answer('v2');
    expect(await c).toBe('v2');
  });
});
