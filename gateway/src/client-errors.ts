import { randomUUID } from 'node:crypto';
import type { InvalidCallerToken } from '@hub/platform/identity';
import { formatError, HttpError } from '@hub/platform/server';
import type { GraphQLFormattedError } from 'graphql';

/**
 * The gateway's errors as clients see them: the platform's (deliberate errors as raised, anything else masked),
 * without the name of the subgraph that raised them — the hub's internal layout is nobody's business outside it.
 */
export function gatewayFormatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const result = formatError(formatted, error);
  if (!result.extensions || !('serviceName' in result.extensions)) return result;
  const { serviceName: _internal, ...extensions } = result.extensions;
  return { ...result, extensions };
}

/**
 * A refused bearer token. The hub's own rules (multi-factor, sign-in age, idle session) say which one, since the
 * person must act on it. What the token library found (a bad signature, the wrong issuer) is, in production, only
 * in the server log, under an error id the answer carries, so a prober learns nothing about which check failed.
 */
export function tokenRefused(error: InvalidCallerToken, production: boolean): HttpError {
  if (!error.detail || !production) return new HttpError(401, 'UNAUTHENTICATED', `The bearer token was refused: ${error.message}`);
  const errorId = randomUUID();
  console.warn(`[token refused ${errorId}] ${error.detail}`);
  return new HttpError(401, 'UNAUTHENTICATED', 'The bearer token was refused: it is not a valid, current token for this hub.', { errorId });
}
