import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { costOf } from '../src/request-limits.js';

const schema = buildSchema(`
  type Query { items(first: Int): [Item!]! }
  type Mutation { refer(key: String!, name: String!): Item! }
  type Item { id: ID! tags: [String!]! }
`);

/** costOf with a compute that counts its calls and answers `answer`. */
function counted(answer: (variables: Record<string, unknown>) => number) {
  let calls = 0;
  return {
    cost: (document: ReturnType<typeof parse>, variables: Record<string, unknown>, operationName?: string, on = schema) =>
      costOf(on, document, variables, operationName, () => {
        calls += 1;
        return answer(variables);
      }),
    calls: () => calls,
  };
}

describe('a query’s cost is computed once per document and values of the variables it depends on', () => {
  it('computes a referral’s cost once, whatever its data (fresh keys and names every time)', () => {
    const document = parse('mutation($key: String!, $name: String!) { refer(key: $key, name: $name) { id } }');
    const { cost, calls } = counted(() => 3);
    for (let i = 0; i < 20; i++) expect(cost(document, { key: `k-${i}`, name: `n-${i}` })).toBe(3);
    expect(calls()).toBe(1);
  });

  it('computes again when `first` or a @skip/@include condition changes, and tells a variable left out from one sent as null', () => {
    const document = parse('query($n: Int = 50, $tags: Boolean!) { items(first: $n) { id tags @include(if: $tags) } }');
    const { cost, calls } = counted((v) => Number(v.n ?? 0) * (v.tags ? 2 : 1));
    expect(cost(document, { n: 200, tags: true })).toBe(400);
    expect(cost(document, { n: 2, tags: true })).toBe(4);
    expect(cost(document, { n: 2, tags: false })).toBe(2);
    expect(cost(document, { n: 200, tags: true })).toBe(400);
    expect(calls()).toBe(3);
    cost(document, { n: null, tags: true });
    cost(document, { tags: true });
    expect(calls()).toBe(5);
  });

  it('keeps costs apart per operation name and per schema', () => {
    const document = parse('query A { items { id } } query B { items { id tags } }');
    const { cost, calls } = counted(() => 1);
    cost(document, {}, 'A');
    cost(document, {}, 'B');
    cost(document, {}, 'A', buildSchema('type Query { items(first: Int): [Item!]! } type Item { id: ID! tags: [String!]! }'));
    expect(calls()).toBe(3);
  });
});
