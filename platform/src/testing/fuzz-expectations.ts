import type { GraphQLFormattedError } from 'graphql';

/** The answers a refused request may carry: each names what was wrong; none is the server's own failure. */
export const CLIENT_ERROR_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'NOT_FOUND', 'CONSENT_REQUIRED', 'SUBGRAPH_UNAVAILABLE', 'PAYLOAD_TOO_LARGE']);

/** Why an answer breaks the fuzz property, or null: no internal error, every refusal a client code. */
export function fuzzViolation(errors: readonly GraphQLFormattedError[] | undefined): string | null {
  const unexpected = (errors ?? []).filter((e) => !CLIENT_ERROR_CODES.has(String(e.extensions?.code)));
  return unexpected.length === 0 ? null : `unexpected answers: ${JSON.stringify(unexpected.map((e) => ({ code: e.extensions?.code, message: e.message })))}`;
}
