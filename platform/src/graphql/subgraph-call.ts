import { GraphQLError } from 'graphql';

/**
 * Asks another subgraph for data through the graph, forwarding the gateway-signed identity of the caller: the
 * other subgraph applies its own rules to that person, and no subgraph ever reads another's tables.
 */
export async function callSubgraph<T>(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  if (!token) throw new GraphQLError('This operation needs the caller’s identity to consult another subgraph.', { extensions: { code: 'UNAUTHENTICATED' } });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    const first = body.errors?.[0];
    const code = first?.extensions?.code;
    // Authorization answers of the other subgraph pass through unchanged; anything else is an internal failure.
    if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') throw new GraphQLError(first!.message, { extensions: { code } });
    throw new Error(`${url} answered ${response.status}: ${first?.message ?? 'no data'}`);
  }
  return body.data;
}
