import { describe, expect, it } from '@jest/globals';
import { SharedFreshRead } from '../src/clients/shared-fresh-read.js';

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
    const shared = new SharedFreshRead<string>();
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
    const shared = new SharedFreshRead<string>();
    const { calls, readFor } = controlledReads();
    void shared.read(readFor('first'));
    // The version moves after the first read was sent; the second caller asks after that.
    const later = shared.read(readFor('later'));
    calls[0]!.answer('before the change');
    await settle();
    calls[1]!.answer('after the change');
    expect(await later).toBe('after the change');
  });

  it('reads afresh once nothing is on its way', async () => {
    const shared = new SharedFreshRead<string>();
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
    const shared = new SharedFreshRead<string>();
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
