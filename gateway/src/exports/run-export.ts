import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { HttpError, sendJson } from '@hub/platform/server';
import { print } from 'graphql';
import type { GatewayContext } from '../context.js';

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

/** A download answers 401 before looking at its parameters. No token in the link: it would leak into logs and browser history. */
export function requireAuthorization(req: IncomingMessage): void {
  if (!req.headers.authorization) throw new HttpError(401, 'UNAUTHENTICATED', 'Send the same Authorization: Bearer header as for the graph.');
}

/**
 * Runs a download's operation through the gateway's own graph as the caller the bearer token names, so a file is
 * never more than the query would show. Answers the error itself (401, 403, 400, …) and returns null then.
 */
export async function runExportOperation<R, V extends Record<string, unknown>>(
  apollo: ApolloServer<GatewayContext>,
  contextFor: (req: IncomingMessage) => Promise<GatewayContext>,
  req: IncomingMessage,
  res: ServerResponse,
  document: TypedDocumentNode<R, V>,
  variables: V,
): Promise<R | null> {
  requireAuthorization(req);
  const contextValue = await contextFor(req);
  const response = await apollo.executeOperation<R>({ query: print(document), variables }, { contextValue });
  const result = response.body.kind === 'single' ? response.body.singleResult : null;
  const error = result?.errors?.[0];
  if (!result?.data || error) {
    const code = String(error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    sendJson(res, STATUS_OF[code] ?? 500, { errors: result?.errors ?? [{ message: 'Internal server error.' }] });
    return null;
  }
  return result.data;
}

export function sendFile(res: ServerResponse, name: string, format: 'csv' | 'json', body: string): void {
  res.writeHead(200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
