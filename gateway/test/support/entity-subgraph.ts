import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * A subgraph on the far side of the fetcher: records the representations each request sends and answers each with
 * `${label} ${id}`, or, for the id "bad", null and a FORBIDDEN error at its index.
 */
export function subgraphSeeing(received: { id: string }[][], label: string): Fetcher {
  return (async (_url: string, init?: { body?: string | Buffer }) => {
    const { variables } = JSON.parse(String(init?.body)) as { variables: { representations: { id: string }[] } };
    received.push(variables.representations);
    const body = JSON.stringify({
      data: { _entities: variables.representations.map((r) => (r.id === 'bad' ? null : { name: `${label} ${r.id}` })) },
      errors: variables.representations.flatMap((r, i) => (r.id === 'bad' ? [{ message: 'not yours', path: ['_entities', i, 'name'], extensions: { code: 'FORBIDDEN' } }] : [])),
    });
    return new Response(body, { headers: { 'content-type': 'application/json' } });
  }) as unknown as Fetcher;
}
