import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GraphQLError, print } from 'graphql';
import { subgraphUnavailable } from '../errors.js';
import { encodeOnwardTokens, ONWARD_TOKENS_HEADER, type OnwardTokens } from '../identity/internal-token.js';
import type { SubgraphName } from '../topology.js';

export interface SubgraphTarget {
  name: SubgraphName;
  url: string;
}

const printed = new WeakMap<object, string>();

const REFUSALS: readonly unknown[] = ['FORBIDDEN', 'UNAUTHENTICATED'];

/** Whether callSubgraph failed because the other subgraph refused this caller (not because it could not answer). */
export function isRefusedToCaller(error: unknown): boolean {
  return error instanceof GraphQLError && REFUSALS.includes(error.extensions.code);
}

/** How long a subgraph waits for another before answering SUBGRAPH_UNAVAILABLE. */
export const SUBGRAPH_CALL_TIMEOUT_MS = 10_000;

/**
 * Asks another subgraph through the graph, with an operation typed by codegen against that subgraph's schema and
 * the gateway-signed identity of the caller (the onward token the gateway made for that subgraph; the others go
 * along, for the subgraphs it may ask in turn): the other subgraph applies its own rules to that person, and no
 * subgraph ever reads another's tables. Called before any transaction opens, never inside one.
 *
 * Its refusals (FORBIDDEN, UNAUTHENTICATED) pass through unchanged; if it cannot be reached or fails, the answer is
 * SUBGRAPH_UNAVAILABLE, which is safe to retry because nothing has been written yet.
 */
export async function callSubgraph<Result, Variables extends Record<string, unknown>>(
  target: SubgraphTarget,
  onward: OnwardTokens,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const { [target.name]: token, ...passedOn } = onward;
  if (!token) throw new GraphQLError('This operation needs the caller’s identity to consult another subgraph.', { extensions: { code: 'UNAUTHENTICATED' } });
  let query = printed.get(document);
  if (!query) {
    query = print(document);
    printed.set(document, query);
  }
  let response: Response;
  let body: { data?: Result; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [ONWARD_TOKENS_HEADER]: encodeOnwardTokens(passedOn) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(SUBGRAPH_CALL_TIMEOUT_MS),
    });
    body = (await response.json()) as typeof body;
  } catch {
    throw subgraphUnavailable(target.name);
  }
  const first = body.errors?.[0];
  const code = first?.extensions?.code;
  if (REFUSALS.includes(code)) throw new GraphQLError(first!.message, { extensions: { code } });
  if (response.status >= 500 || code === 'INTERNAL_SERVER_ERROR' || code === 'SUBGRAPH_UNAVAILABLE') throw subgraphUnavailable(target.name);
  if (!response.ok || first || !body.data) {
    // Anything else means this subgraph asked the other one something it should not have: a bug, not the caller's fault.
    throw new Error(`${target.name} answered ${response.status}: ${first?.message ?? 'no data'}`);
  }
  return body.data;
}
