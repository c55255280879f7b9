import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { COST_ESTIMATORS, costOf } from '../src/request-limits.js';

const schema = buildSchema(`
  type Query { items(first: Int, name: String): [Item!]! }
  type Mutation { refer(key: String!, name: String!): Item! }
  type Item { id: ID! tags: [String!]! related(first: Int): [Item!]! }
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

describe('a kept cost is the cost', () => {
  it('equals the cost computed afresh for every combination of the variables, through fragments, defaults and @include', () => {
    const document = parse(`
      query Q($n: Int = 5, $m: Int, $deep: Boolean!, $name: String) { items(first: $n, name: $name) { ...F related(first: 3) @include(if: $deep) { id } } }
      fragment F on Item { id related(first: $m) { tags } }`);
    const fresh = (variables: Record<string, unknown>) => getComplexity({ schema, query: document, variables, operationName: 'Q', estimators: COST_ESTIMATORS });
    const costs = new Set<number>();
    for (const n of [1, 7, 50, null, undefined])
      for (const m of [2, 40, undefined])
        for (const deep of [true, false])
          for (const name of ['a', 'b']) {
            const variables = Object.fromEntries(Object.entries({ n, m, deep, name }).filter(([, value]) => value !== undefined));
            const kept = costOf(schema, document, variables, 'Q', () => fresh(variables));
            expect(kept).toBe(fresh(variables));
            costs.add(kept);
          }
    expect(costs.size).toBeGreaterThan(10);
  });

  it('keeps no cost for values `first` and `if` cannot take, so no caller can fill the gateway’s memory with keys', () => {
    const document = parse('query A($n: Int) { items(first: $n) { id } } query B { items { id } }');
    const { cost, calls } = counted(() => 1);
    const huge = 'x'.repeat(10_000);
    cost(document, { n: huge }, 'B');
    cost(document, { n: huge }, 'B');
    cost(document, { n: { nested: huge } }, 'A');
    cost(document, { n: { nested: huge } }, 'A');
    expect(calls()).toBe(4);
  });
});
