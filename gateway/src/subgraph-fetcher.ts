import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { STATUS_CODES } from 'node:http';
import { Agent, errors } from 'undici';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * The gateway's HTTP client for subgraph calls: undici's own request API over one keep-alive agent. The default
 * fetcher (make-fetch-happen through agent-base) spent 38 % of the gateway's CPU, much of it building an Error's
 * stack to guess the protocol on every call; WHATWG fetch adds streams the gateway never uses. This reads the whole
 * body as text — a subgraph answer is one JSON document.
 *
 * `timeoutMs` bounds the whole call (an AbortSignal), and undici's connect, headers and body timeouts say which
 * part ran out.
 */
export function keepAliveFetcher(options: { timeoutMs: number }): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connect: { timeout: options.timeoutMs }, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  const fetcher = (async (url, init) => {
    const target = new URL(url);
    // The whole call, connecting and reading included, ends at timeoutMs (a body trickling in never resets it).
    const signal = AbortSignal.timeout(options.timeoutMs);
    const { statusCode, headers, body } = await agent.request({
      origin: target.origin,
      path: target.pathname + target.search,
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      headers: init?.headers ?? {},
      body: init?.body ?? null,
      signal,
    });
    const text = await body.text();
    return textResponse(url, statusCode, headers, text);
  }) as Fetcher;
  return { fetcher, close: () => agent.close() };
}

/** An undici timeout, which the data source reports as a subgraph that did not answer in time. */
export function isSubgraphTimeout(error: Error): boolean {
  return error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError || error.name === 'TimeoutError' || error.name === 'AbortError';
}

function textResponse(url: string, status: number, raw: Record<string, string | string[] | undefined>, text: string): FetcherResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const response: FetcherResponse = {
    bodyUsed: false,
    url,
    redirected: false,
    status,
    ok: status >= 200 && status < 300,
    // The reason phrase, as fetch gives it: the data source's error for a failed call reads `503: Service Unavailable`.
    statusText: STATUS_CODES[status] ?? '',
    headers,
    arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    clone: () => response,
  };
  return response;
}
