/**
 * What the gateway itself costs: the subgraph requests one operation's plan makes are recorded once (a recording
 * proxy in front of each subgraph, behind a gateway process of their own), then sent straight to the subgraphs with
 * the same signed tokens, in the plan's order (requests the gateway sent side by side go side by side), and timed
 * against the same operation through the gateway.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import { type SubgraphName, SUBGRAPH_NAMES } from '@hub/platform/topology';
import { benchEnv, subgraphUrl } from './hub.js';
import { type BenchProcess, startProcess } from './processes.js';

export interface RecordedRequest {
  subgraph: SubgraphName;
  body: string;
  headers: Record<string, string>;
  sentAt: number;
  answeredAt: number;
}

const RECORDING_GATEWAY_PORT = 4120;
const PROXY_PORT_BASE = 4121;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends each body through a gateway whose subgraphs sit behind recording proxies; returns, per body, every subgraph
 * request it made (one gateway process for all of them: it takes seconds to start).
 */
export async function recordSubgraphRequests(adminUrl: string, token: string, bodies: readonly string[]): Promise<RecordedRequest[][]> {
  let recorded: RecordedRequest[] = [];
  const recordings: RecordedRequest[][] = [];
  let recording = false;
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const proxies: Server[] = await Promise.all(
    SUBGRAPH_NAMES.map(
      (subgraph, i) =>
        new Promise<Server>((resolve) => {
          const server = createServer(async (request, response) => {
            const requestBody = await readBody(request);
            const sentAt = performance.now();
            const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name === 'authorization' || name.startsWith('x-hub-') || name === 'content-type')) as Record<string, string>;
            const answer = await agent.request({ origin: new URL(subgraphUrl(subgraph)).origin, path: request.url ?? '/', method: (request.method ?? 'GET') as 'GET' | 'POST', headers, body: request.method === 'POST' ? requestBody : null });
            const text = await answer.body.text();
            if (recording && request.method === 'POST') recorded.push({ subgraph, body: requestBody, headers, sentAt, answeredAt: performance.now() });
            response.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? 'application/json') });
            response.end(text);
          });
          server.listen(PROXY_PORT_BASE + i, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  let gateway: BenchProcess | null = null;
  try {
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${PROXY_PORT_BASE + i}/graphql`]));
    gateway = await startProcess({ name: 'recording-gateway', entry: 'gateway/dist/main.js', env: benchEnv(adminUrl, { ...urls, GATEWAY_PORT: String(RECORDING_GATEWAY_PORT) }), healthUrl: `http://127.0.0.1:${RECORDING_GATEWAY_PORT}/health`, url: `http://127.0.0.1:${RECORDING_GATEWAY_PORT}/graphql` });
    const send = (body: string) => fetch(gateway!.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body }).then((r) => r.text());
    for (const body of bodies) {
      await send(body); // plans and caches once, so the recorded run is a warm one
      recorded = [];
      recording = true;
      await send(body);
      recording = false;
      recordings.push(recorded.sort((a, b) => a.sentAt - b.sentAt));
    }
  } finally {
    await gateway?.stop();
    await Promise.all(proxies.map((p) => new Promise((resolve) => p.close(resolve))));
    await agent.close();
  }
  return recordings;
}

/** Groups requests the way the plan ran them: a request sent before the ones ahead of it were answered ran beside them. */
export function planSteps(recorded: readonly RecordedRequest[]): RecordedRequest[][] {
  const steps: RecordedRequest[][] = [];
  for (const request of recorded) {
    const current = steps.at(-1);
    if (current && request.sentAt < Math.min(...current.map((r) => r.answeredAt))) current.push(request);
    else steps.push([request]);
  }
  return steps;
}

/** Sends the recorded requests straight to the subgraphs, step after step; resolves to the milliseconds it took. */
export function directReplayer(steps: RecordedRequest[][]): { run(): Promise<number>; close(): Promise<void> } {
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  const sendOne = async (request: RecordedRequest) => {
    const url = new URL(subgraphUrl(request.subgraph));
    const answer = await agent.request({ origin: url.origin, path: url.pathname, method: 'POST', headers: request.headers, body: request.body });
    const text = await answer.body.text();
    if (answer.statusCode !== 200) throw new Error(`${request.subgraph} answered ${answer.statusCode}: ${text.slice(0, 200)}`);
    // Parsed as the gateway parses it, so both sides pay for reading the answer.
    return JSON.parse(text) as unknown;
  };
  return {
    async run() {
      const start = performance.now();
      for (const step of steps) await Promise.all(step.map(sendOne));
      return performance.now() - start;
    },
    close: () => agent.close(),
  };
}
