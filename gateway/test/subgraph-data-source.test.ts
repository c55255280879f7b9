import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLDataSourceRequestKind, type GraphQLDataSourceProcessOptions } from '@apollo/gateway/dist/datasources/types.js';
import { GraphQLError } from 'graphql';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayContext } from '../src/context.js';
import { SignedSubgraphDataSource } from '../src/subgraph-data-source.js';
import { keepAliveFetcher } from '../src/subgraph-fetcher.js';

/**
 * A subgraph call as the data source makes it (its own sendRequest, without node-fetch's Request), against a real
 * HTTP server that answers each path its own way.
 */
describe('a call from the gateway to a subgraph', () => {
  let server: Server;
  let base: string;
  const received: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const http = keepAliveFetcher({ timeoutMs: 2_000 });

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/unavailable') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('down for maintenance');
      if (req.url === '/not-json') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>a proxy page</html>');
      if (req.url === '/array') return void res.writeHead(200, { 'content-type': 'application/json' }).end('[{"data":{"ok":true}}]');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true},"extensions":{"seen":1}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await http.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const sourceFor = (url: string) => new SignedSubgraphDataSource({ name: 'cases', url, timeoutMs: 2_000, fetcher: http.fetcher });
  /** A call with no caller's context (so no tokens), as the gateway makes on its own. */
  const processIn = (source: SignedSubgraphDataSource, request: { query: string; variables?: Record<string, unknown> }) =>
    source.process({ kind: GraphQLDataSourceRequestKind.HEALTH_CHECK, request, context: {} } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
  const call = (path: string) => processIn(sourceFor(`${base}${path}`), { query: 'query Probe($n: Int) { ok(n: $n) }', variables: { n: 1 } });

  it('posts the query and variables as JSON and answers with the subgraph’s data and extensions', async () => {
    received.length = 0;
    const answer = await call('/graphql');
    expect(answer.data).toEqual({ ok: true });
    expect(answer.extensions).toEqual({ seen: 1 });
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toEqual({ query: 'query Probe($n: Int) { ok(n: $n) }', variables: { n: 1 } });
    expect(received[0]!.headers['content-type']).toBe('application/json');
  });

  it('reports a status other than 2xx as an error naming the status, with the subgraph’s answer', async () => {
    const error = await call('/unavailable').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).message).toBe('503: Service Unavailable');
    expect((error as GraphQLError).extensions.response).toMatchObject({ status: 503, body: 'down for maintenance' });
  });

  it('reports an answer that is not JSON as the subgraph being unreachable, not as data', async () => {
    await expect(call('/not-json')).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'cases', retryable: true } });
  });

  it('reports a JSON answer that is not an object (an array) as the subgraph being unreachable, as Apollo’s own check does', async () => {
    await expect(call('/array')).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
  });

  it('is made by the data source’s own sendRequest, which hands parseBody no node-fetch Request', async () => {
    expect(Object.hasOwn(SignedSubgraphDataSource.prototype, 'sendRequest')).toBe(true);
    const source = sourceFor(`${base}/graphql`);
    const parsed: unknown[] = [];
    const parseBody = source.parseBody.bind(source);
    source.parseBody = (response, request, context) => {
      parsed.push(request);
      return parseBody(response, request, context);
    };
    expect((await processIn(source, { query: '{ ok }' })).data).toEqual({ ok: true });
    expect(parsed).toEqual([undefined]);
  });

  it('reports a subgraph nobody answers for as unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(processIn(sourceFor(`http://127.0.0.1:${port}/graphql`), { query: '{ ok }' })).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
  });
});
