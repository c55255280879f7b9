import { describe, expect, it } from '@jest/globals';
import { KeptAnswers } from '../src/clients/kept-answers.js';

describe('answers kept from another subgraph', () => {
  it('gives an answer back only at the version it was read at, and forgets it once the version moved', () => {
    const kept = new KeptAnswers<{ name: string }>(10);
    kept.set('unit', '7', { name: 'Troop 2' });
    expect(kept.get('unit', '8')).toBeUndefined();
    expect(kept.get('unit', '7')).toBeUndefined();
    kept.set('unit', '8', { name: 'Troop 2' });
    expect(kept.get('unit', '8')).toEqual({ name: 'Troop 2' });
  });

  it('keeps at most its capacity, forgetting the least recently used first', () => {
    const kept = new KeptAnswers<number>(2);
    kept.set('a', '1', 1);
    kept.set('b', '1', 2);
    expect(kept.get('a', '1')).toBe(1);
    kept.set('c', '1', 3);
    expect(kept.size).toBe(2);
    expect(kept.get('b', '1')).toBeUndefined();
    expect([kept.get('a', '1'), kept.get('c', '1')]).toEqual([1, 3]);
  });

  it('freezes what it keeps, so no request can change the answer another is given', () => {
    const kept = new KeptAnswers<{ plan: { pathways: string[] } }>(2);
    kept.set('unit', '1', { plan: { pathways: ['SELF_REFERRAL'] } });
    const answer = kept.get('unit', '1')!;
    expect(() => answer.plan.pathways.push('ACTIVE_OUTREACH')).toThrow(TypeError);
  });
});
