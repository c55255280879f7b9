import { describe, expect, it } from '@jest/globals';
import type { InternalCredentials } from '@hub/platform/identity';
import type { OperationKind, SubgraphName } from '@hub/platform/topology';
import { fetchedSubgraphs, signAhead } from '../src/sign-ahead.js';

type Callback = typeof signAhead;
type Args = Parameters<Callback>[0];

/** The review queue's plan: cases, then treatment and agencies side by side. */
const reviewQueuePlan = {
  kind: 'QueryPlan',
  node: {
    kind: 'Sequence',
    nodes: [
      { kind: 'Fetch', serviceName: 'cases', operation: '{ reviewQueue { id } }' },
      {
        kind: 'Parallel',
        nodes: [
          { kind: 'Flatten', path: ['reviewQueue', '@'], node: { kind: 'Fetch', serviceName: 'treatment', operation: '…' } },
          { kind: 'Flatten', path: ['reviewQueue', '@'], node: { kind: 'Fetch', serviceName: 'agencies', operation: '…' } },
          { kind: 'Flatten', path: ['reviewQueue', '@', 'x'], node: { kind: 'Fetch', serviceName: 'agencies', operation: '…' } },
        ],
      },
    ],
  },
} as unknown as Args['queryPlan'];

function requestWith(context: object, operation: 'query' | 'mutation' = 'query'): Args {
  return {
    queryPlan: reviewQueuePlan,
    serviceMap: {},
    operationContext: {},
    requestContext: { context, operationName: 'ReviewQueue', request: {}, operation: { operation } },
  } as unknown as Args;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('signing the tokens of a plan’s later fetches ahead', () => {
  it('lists the subgraphs a plan fetches from, once each, in the order the fetches start', () => {
    expect(fetchedSubgraphs(reviewQueuePlan.node)).toEqual(['cases', 'treatment', 'agencies']);
  });

  it('asks for the later fetches’ tokens, as the fetches would, once the first fetch has gone out, and never for the first', async () => {
    const asked: [SubgraphName, string | null, OperationKind][] = [];
    const context = {
      credentialsFor: (subgraph: SubgraphName, operation: string | null, kind: OperationKind) => {
        asked.push([subgraph, operation, kind]);
        return Promise.resolve({ token: 't', onward: {} } as InternalCredentials);
      },
    };
    signAhead(requestWith(context));
    expect(asked).toEqual([]);
    await nextTurn();
    expect(asked).toEqual([
      ['treatment', 'ReviewQueue', 'query'],
      ['agencies', 'ReviewQueue', 'query'],
    ]);
    asked.length = 0;
    signAhead(requestWith(context, 'mutation'));
    await nextTurn();
    expect(asked.map(([, , kind]) => kind)).toEqual(['mutation', 'mutation']);
  });

  it('does nothing for a request whose context makes no tokens', async () => {
    expect(() => signAhead(requestWith({}))).not.toThrow();
    await nextTurn();
  });
});
