import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { databaseUnavailable } from '../errors.js';

const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'CONSENT_REQUIRED',
  'SUBGRAPH_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'RATE_LIMITED',
  'AUDIT_UNAVAILABLE',
  'REQUEST_TIMEOUT',
  'DATABASE_UNAVAILABLE',
]);

/**
 * Errors we raised on purpose go out as they are; anything unexpected (a SQL error, a bug) is logged here
 * and reaches the caller only as a generic message, so internals never leak into a partner's frontend.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError && original.extensions?.code && CLIENT_CODES.has(String(original.extensions.code))) {
    return formatted;
  }
  // Apollo refuses some malformed requests (a persisted-query extension of the wrong shape, a hash that does not
  // match) with a 4xx status and no code: they are the client's, and say so.
  const status = original instanceof GraphQLError ? (original.extensions?.http as { status?: number } | undefined)?.status : undefined;
  if (status !== undefined && status >= 400 && status < 500) return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  if (isDatabaseUnavailable(original)) {
    const unavailable = databaseUnavailable();
    return { message: unavailable.message, path: formatted.path, extensions: unavailable.extensions };
  }
  console.error('[unexpected error]', original);
  return { message: 'Internal server error.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Socket failures, and PostgreSQL's "shutting down" (57P0x) and connection-exception (08xxx) classes. The pg driver
 * reports a dropped connection or a pool that cannot connect in time only in its message, so those are matched too.
 */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03']);
const UNREACHABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * An error and the errors it wraps, outermost first (at most five). MikroORM wraps the driver's error and keeps its
 * code and message; Apollo and our own code may wrap it again, hence the walk through `cause` and `originalError`,
 * and graphql-js wraps anything thrown that is not an Error of its realm (Node's socket errors under Jest's VM
 * modules) as `thrownValue`.
 */
export function* wrappedErrors(error: unknown): Generator<{ code?: unknown; message?: unknown; name?: unknown }> {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    yield current as { code?: unknown; message?: unknown; name?: unknown };
    const wrapper = current as { cause?: unknown; originalError?: unknown; thrownValue?: unknown };
    current = wrapper.cause ?? wrapper.originalError ?? wrapper.thrownValue;
  }
}

/**
 * Whether an error means the database could not be reached, as opposed to a statement it refused (a constraint, a
 * bug): only the first is worth retrying unchanged.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const { code, message, name } of wrappedErrors(error)) {
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^08/.test(code))) return true;
    if (name === 'ConnectionException') return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true;
  }
  return false;
}
