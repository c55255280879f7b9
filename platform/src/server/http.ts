import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** Thrown while building a request's context to answer with a plain HTTP status before GraphQL runs. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', 'Request body is larger than 5 MiB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendGraphQLError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions } }] });
}

async function handleGraphQL<C extends BaseContext>(
  apollo: ApolloServer<C>,
  buildContext: (req: IncomingMessage) => Promise<C>,
  req: IncomingMessage,
  res: ServerResponse,
  errorsAsOk: boolean,
  prepare?: PrepareRequest,
): Promise<void> {
  // Authentication runs before Apollo sees the request, so a rejected caller learns nothing from the schema.
  const context = await buildContext(req);
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const raw = req.method === 'POST' ? await readBody(req) : '';
  let body: unknown = undefined;
  if (raw !== '') {
    try {
      body = JSON.parse(raw);
    } catch {
      throw new HttpError(400, 'BAD_REQUEST', 'Request body is not valid JSON.');
    }
  }
  const search = new URL(req.url ?? '/', 'http://localhost').search;
  if (prepare) body = prepare(body, new URLSearchParams(search), req);
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search,
      body,
    },
    context: async () => context,
  });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  // A subgraph's only client is the gateway, which reads GraphQL errors from a 200 response and forwards them
  // (with their codes) to the caller, but turns any 4xx into an opaque failure of its own.
  if (errorsAsOk && res.statusCode === 400 && result.body.kind === 'complete' && result.body.string.startsWith('{"errors"')) res.statusCode = 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Turns a parsed request body into the one Apollo runs (the gateway's trusted documents), or refuses it with an HttpError. */
export type PrepareRequest = (body: unknown, search: URLSearchParams, req: IncomingMessage) => unknown;

export async function startHttpServer<C extends BaseContext>(options: {
  port: number;
  host?: string;
  apollo: ApolloServer<C>;
  buildContext: (req: IncomingMessage) => Promise<C>;
  routes?: Record<string, RouteHandler>;
  /** Answer GraphQL errors (bad variables, validation) with 200, as the gateway expects from a subgraph. */
  errorsAsOk?: boolean;
  /**
   * Asked first about a GET to `/graphql` or `/`, so a browser opening the GraphQL URL can get a page this process
   * serves itself (Apollo's own landing pages load from a CDN). Resolves true when it has answered.
   */
  landingPage?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /**
   * Runs before any route (connect-style, as the `cors` package is): it may answer the request itself, a preflight
   * for instance, or call `next` to go on.
   */
  before?: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  prepareRequest?: PrepareRequest;
  /** Asked about a GET no route answers (a web application's own paths), before the 404. True when it has answered. */
  pages?: (req: IncomingMessage, res: ServerResponse) => boolean;
}): Promise<RunningServer> {
  const routes = options.routes ?? {};
  const { landingPage } = options;
  const graphQL = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (landingPage && req.method === 'GET' && (await landingPage(req, res))) return;
    await handleGraphQL(options.apollo, options.buildContext, req, res, options.errorsAsOk ?? false, options.prepareRequest);
  };
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes[path];
    const work = route
      ? Promise.resolve(route(req, res))
      : path === '/graphql' || path === '/'
        ? graphQL(req, res)
        : options.pages?.(req, res)
          ? Promise.resolve()
          : Promise.resolve(sendJson(res, 404, { error: 'not found' }));
    work.catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError) {
        // The rest of an oversized body is never read: close the connection rather than leave it to the next request.
        if (error.status === 413) res.setHeader('connection', 'close');
        return sendGraphQLError(res, error);
      }
      const errorId = randomUUID();
      console.error(`[unexpected error ${errorId}]`, error);
      sendGraphQLError(res, new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error.', { errorId }));
    });
  };
  const { before } = options;
  const server: Server = createServer((req, res) => {
    if (!before) return serve(req, res);
    before(req, res, (error) => (error ? sendGraphQLError(res, new HttpError(400, 'BAD_REQUEST', 'The request was refused before it was read.')) : serve(req, res)));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : (options.host ?? '127.0.0.1')}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
