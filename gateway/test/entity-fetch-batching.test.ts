import { describe, expect, it } from '@jest/globals';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { GraphQLError } from 'graphql';
import { entityFetchKey, splitEntityResponse } from '../src/entity-fetch-batching.js';
import { SignedSubgraphDataSource } from '../src/subgraph-data-source.js';
import { subgraphSeeing } from './support/entity-subgraph.js';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type ProcessOptions = Parameters<SignedSubgraphDataSource['process']>[0];

const agency = (id: string) => ({ __typename: 'Agency', id });
const NAMES = (name: string) => `query ${name}($representations:[_Any!]!){_entities(representations:$representations){...on Agency{name}}}`;
const KINDS = 'query Queue__agencies__3($representations:[_Any!]!){_entities(representations:$representations){...on Agency{kind}}}';

function fetchOf(context: object, query: string, ids: string[], extra: { path?: (string | number)[]; variables?: Record<string, unknown> } = {}): ProcessOptions {
  return {
    kind: 'health check' as GraphQLDataSourceRequestKind.HEALTH_CHECK, // the enum's value (the package is CommonJS)
    request: { query, variables: { representations: ids.map(agency), ...extra.variables }, http: { method: 'POST', url: 'http://127.0.0.1:1/graphql', headers: new Headers() } },
    context,
    // The plan's path of the fetch, which an incoming operation's fetch carries.
    ...(extra.path ? { pathInIncomingRequest: extra.path } : {}),
  } as ProcessOptions;
}

const source = (fetcher: Fetcher) => new SignedSubgraphDataSource({ name: 'agencies', url: 'http://127.0.0.1:1/graphql', timeoutMs: 1000, fetcher });

describe('entity fetches of one request to one subgraph, started together with the same document, go as one', () => {
  it('sends the unit fetch and the MEG fetch of one request as one request, each distinct agency once, and answers each its own', async () => {
    const received: { id: string }[][] = [];
    const agencies = source(subgraphSeeing(received, 'agency'));
    const request = {};
    const [units, megs] = await Promise.all([
      agencies.process(fetchOf(request, NAMES('Queue__agencies__1'), ['troop', 'sheriff', 'troop'])),
      agencies.process(fetchOf(request, NAMES('Queue__agencies__2'), ['meg', 'troop'])),
    ]);
    expect(received).toEqual([['troop', 'sheriff', 'meg'].map(agency)]);
    expect(units.data?._entities).toEqual(['troop', 'sheriff', 'troop'].map((id) => ({ name: `agency ${id}` })));
    expect(megs.data?._entities).toEqual(['meg', 'troop'].map((id) => ({ name: `agency ${id}` })));
  });

  it('never sends fetches of two requests together (each request carries its own caller’s identity)', async () => {
    const received: { id: string }[][] = [];
    const agencies = source(subgraphSeeing(received, 'agency'));
    await Promise.all([agencies.process(fetchOf({}, NAMES('A__agencies__1'), ['troop'])), agencies.process(fetchOf({}, NAMES('B__agencies__1'), ['meg']))]);
    expect(received.sort((a, b) => a[0]!.id.localeCompare(b[0]!.id))).toEqual([[agency('meg')], [agency('troop')]]);
  });

  it('sends fetches that ask different fields, or with different other variables, separately', async () => {
    const received: { id: string }[][] = [];
    const agencies = source(subgraphSeeing(received, 'agency'));
    const request = {};
    await Promise.all([
      agencies.process(fetchOf(request, NAMES('Q__agencies__1'), ['troop'])),
      agencies.process(fetchOf(request, KINDS, ['meg'])),
      agencies.process(fetchOf(request, NAMES('Q__agencies__2'), ['sheriff'], { variables: { on: '2026-01-01' } })),
    ]);
    expect(received).toHaveLength(3);
    expect(entityFetchKey(NAMES('A__agencies__1'), { representations: [1] })).toBe(entityFetchKey(NAMES('B__agencies__7'), { representations: [2] }));
    expect(entityFetchKey(NAMES('A'), { representations: [], on: 'x' })).not.toBe(entityFetchKey(NAMES('A'), { representations: [], on: 'y' }));
  });

  it('gives an error about an entity to the fetch that named it, at its own index, and only to that one', async () => {
    const received: { id: string }[][] = [];
    const agencies = source(subgraphSeeing(received, 'agency'));
    const request = {};
    const [units, megs] = await Promise.all([agencies.process(fetchOf(request, NAMES('Q__agencies__1'), ['troop', 'troop'])), agencies.process(fetchOf(request, NAMES('Q__agencies__2'), ['meg', 'bad']))]);
    expect(received).toHaveLength(1);
    expect(units.errors).toBeUndefined();
    expect(megs.data?._entities).toEqual([{ name: 'agency meg' }, null]);
    expect(megs.errors?.map((e) => e.path)).toEqual([['_entities', 1, 'name']]);
  });

  it('gives each fetch an error that names no entity, as each would have had alone', () => {
    const [a, b] = splitEntityResponse({ data: { _entities: [{ name: 'x' }, { name: 'y' }] }, errors: [{ message: 'slow' }] }, [1, 1]);
    expect(a!.errors).toEqual([{ message: 'slow' }]);
    expect(b!.errors).toEqual([{ message: 'slow' }]);
    expect(b!.data?._entities).toEqual([{ name: 'y' }]);
  });

  it('passes an error at an index no fetch sent on to each fetch, as a fetch sent alone would have', () => {
    const [a, b] = splitEntityResponse({ data: { _entities: [{ name: 'x' }, { name: 'y' }] }, errors: [{ message: 'odd', path: ['_entities', 7, 'name'] }] }, [1, 1]);
    expect(a!.errors?.map((e) => e.path)).toEqual([['_entities', 7, 'name']]);
    expect(b!.errors?.map((e) => e.path)).toEqual([['_entities', 7, 'name']]);
  });

  it('hands an answer of the wrong length to each fetch as it came, for the gateway to refuse', () => {
    const short = { data: { _entities: [{ name: 'x' }] } };
    expect(splitEntityResponse(short, [1, 1])).toEqual([short, short]);
  });

  it('fails each fetch with its own place in the answer when the subgraph cannot be reached', async () => {
    const unreachable = (async () => {
      throw new Error('connect ECONNREFUSED');
    }) as unknown as Fetcher;
    const agencies = source(unreachable);
    const request = {};
    const outcomes = await Promise.allSettled([
      agencies.process(fetchOf(request, NAMES('Q__agencies__1'), ['troop'], { path: ['deflections', 'edges', '@', 'node', 'initiatingUnit'] })),
      agencies.process(fetchOf(request, NAMES('Q__agencies__2'), ['meg'], { path: ['deflections', 'edges', '@', 'node', 'countsFor'] })),
    ]);
    const errors = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as GraphQLError) : null));
    expect(errors.map((e) => e?.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE']);
    expect(errors.map((e) => e?.path)).toEqual([
      ['deflections', 'edges', 'node', 'initiatingUnit', 'name'],
      ['deflections', 'edges', 'node', 'countsFor', 'name'],
    ]);
  });
});
