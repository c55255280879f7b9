import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSubgraphTimeout, keepAliveFetcher } from '../src/subgraph-fetcher.js';

describe('the gateway’s subgraph client', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      if (req.url?.startsWith('/trickle')) {
        // Headers at once, then a byte every 100 ms: no single pause is long, the whole answer is.
        res.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => res.write(' '), 100);
        req.socket.on('close', () => clearInterval(timer));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  it('ends a call that takes longer than the subgraph timeout in all, even when the answer keeps trickling in', async () => {
    const http = keepAliveFetcher({ timeoutMs: 400 });
    const started = Date.now();
    const error = await http.fetcher(`${base}/trickle`, { method: 'POST', body: '{}' }).then(() => null, (e: Error) => e);
    expect(error && isSubgraphTimeout(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    await http.close();
  });

  it('sends the path and query string of the subgraph URL', async () => {
    const http = keepAliveFetcher({ timeoutMs: 1_000 });
    const response = await http.fetcher(`${base}/graphql?tenant=x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(seen).toContain('/graphql?tenant=x');
    await http.close();
  });
});
