import { describe, expect, it } from '@jest/globals';
import type { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { dedupeRepresentations } from '../src/representations.js';
import { SignedSubgraphDataSource } from '../src/subgraph-data-source.js';
import { subgraphSeeing } from './support/entity-subgraph.js';

const unit = (id: string) => ({ __typename: 'Agency', id });
const ENTITIES = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Agency{name}}}';

describe('entity fetches send each distinct representation once', () => {
  it('sends a subgraph 3 representations for 6 places naming 3 entities, and answers all 6 places', async () => {
    const received: { id: string }[][] = [];
    const source = new SignedSubgraphDataSource({ name: 'agencies', url: 'http://127.0.0.1:1/graphql', timeoutMs: 1000, fetcher: subgraphSeeing(received, 'unit') });
    const representations = ['a', 'b', 'a', 'c', 'b', 'a'].map(unit);
    const response = await source.process({
      kind: 'health check' as GraphQLDataSourceRequestKind.HEALTH_CHECK, // the enum's value (the package is CommonJS)
      request: { query: 'query($representations:[_Any!]!){_entities(representations:$representations){...on Agency{name}}}', variables: { representations }, http: { method: 'POST', url: 'http://127.0.0.1:1/graphql', headers: new Headers() } },
      context: {},
    } as Parameters<SignedSubgraphDataSource['process']>[0]);
    expect(received).toEqual([[unit('a'), unit('b'), unit('c')]]);
    expect(response.data?._entities).toEqual(['a', 'b', 'a', 'c', 'b', 'a'].map((id) => ({ name: `unit ${id}` })));
  });

  it('puts an error about one entity at every place that named it', () => {
    const deduped = dedupeRepresentations(ENTITIES, { representations: ['bad', 'ok', 'bad'].map(unit) })!;
    expect(deduped.variables.representations).toEqual([unit('bad'), unit('ok')]);
    const expanded = deduped.expand({ data: { _entities: [null, { name: 'ok' }] }, errors: [{ message: 'not yours', path: ['_entities', 0, 'name'] }] });
    expect(expanded.data?._entities).toEqual([null, { name: 'ok' }, null]);
    expect(expanded.errors?.map((e) => e.path)).toEqual([['_entities', 0, 'name'], ['_entities', 2, 'name']]);
  });

  it('leaves a fetch whose representations are all distinct as it was', () => {
    expect(dedupeRepresentations(ENTITIES, { representations: ['a', 'b'].map(unit) })).toBeNull();
    expect(dedupeRepresentations(ENTITIES, { id: 'x' })).toBeNull();
  });

  it('leaves a client variable that happens to be called representations alone (only entity fetches are de-duplicated)', () => {
    const bulk = 'mutation($representations:[EpisodeUpdateInput!]!,$k:String!){bulkUpdateEpisodes(updates:$representations,idempotencyKey:$k){applied}}';
    expect(dedupeRepresentations(bulk, { representations: [{ episodeId: 'e1' }, { episodeId: 'e1' }], k: 'x' })).toBeNull();
  });

  it('hands an answer of the wrong length back as it came, for the gateway to refuse', () => {
    const deduped = dedupeRepresentations(ENTITIES, { representations: ['a', 'b', 'a'].map(unit) })!;
    const short = { data: { _entities: [{ name: 'a' }] } };
    expect(deduped.expand(short)).toBe(short);
  });
});
