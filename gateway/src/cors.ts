import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

/**
 * Cross-origin calls from partner frontends (the `cors` package): only the configured origins, no credentials (the
 * hub takes a bearer token, never a cookie), and the headers a GraphQL client sends. Apollo's CSRF prevention stays
 * on, so a simple cross-site request still needs the preflight headers. No origins configured: no CORS headers.
 */
export function corsFor(allowedOrigins: readonly string[]): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  const allowed = new Set(allowedOrigins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}
