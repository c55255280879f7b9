import { describe, expect, it } from '@jest/globals';
import { requestHash } from '../src/db/idempotency.js';

/**
 * Idempotency records store this hash: a retry after an upgrade must hash its input exactly as before, or the
 * same upload would be refused as "different input". The constant was made by the first implementation.
 */
describe('the request hash behind idempotency keys', () => {
  const input = () => [
    { episodeId: 'E1', toState: 'ENGAGED', at: new Date('2026-03-02T15:00:00Z'), reason: undefined, B: 1, a: 2, A: 3, b: { z: null, Z: [1, { y: 'x', Y: undefined }] } },
    { episodeId: 'E2', toState: 'ACKNOWLEDGED', at: new Date('2026-03-03T15:00:00Z'), reason: 'x', B: 1, a: 2, A: 3, b: { z: 1, Z: [] } },
    { 10: 'ten', 2: 'two', x: 'x', X: 'X' },
  ];

  it('is unchanged for stored inputs: keys in localeCompare order, dates as ISO text', () => {
    expect(requestHash(input())).toBe('17807ef05576c3442d32d0f6e272a2b6dd9096c3d9b4a6c47257b8d6c49abd95');
  });

  it('does not depend on the order the keys were written in', () => {
    const [first] = input();
    const reordered = Object.fromEntries(Object.entries(first!).reverse());
    expect(requestHash([reordered])).toBe(requestHash([first]));
  });

  it('hashes objects whose keys would join into the same text by their own keys, whatever came first', () => {
    const joined = { 'a\u0000b': 5 };
    const split = { a: 5, b: 5 };
    const first = requestHash(split);
    expect(requestHash(joined)).toBe('43ff05188f0b4cdd973e0907b2ab29d3c17a6fa4a0001983c469304c609c3c89');
    expect(requestHash(split)).toBe(first);
    expect(requestHash({ '': 1 })).not.toBe(requestHash({}));
  });

  it('keeps an own "__proto__" key (as JSON.parse makes it) in the hash', () => {
    expect(requestHash(JSON.parse('{"__proto__": {"x": 1}}'))).not.toBe(requestHash({}));
    expect(requestHash(JSON.parse('{"__proto__": {"x": 1}}'))).toBe('0fb20b06cf5847cf21cc37dd0d3602c176cc3f96ea4281167bbfe61cbe5813a3');
  });

  it('tells apart objects of one shape whose values differ, and a value left out from a null', () => {
    expect(requestHash([{ a: 1, b: 2 }, { a: 1, b: 3 }])).not.toBe(requestHash([{ a: 1, b: 2 }, { a: 1, b: 2 }]));
    expect(requestHash({ a: undefined })).not.toBe(requestHash({ a: null }));
  });
});
