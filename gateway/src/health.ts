import { type RouteHandler, sendJson } from '@hub/platform/server';
import { type SubgraphName } from '@hub/platform/topology';

async function answers(graphqlUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', graphqlUrl), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** GET /health: 200 only when the gateway and every subgraph answer; the body says which one does not. */
export function gatewayHealth(subgraphUrls: Record<SubgraphName, string>): RouteHandler {
  return async (_req, res) => {
    const entries = await Promise.all(Object.entries(subgraphUrls).map(async ([name, url]) => [name, (await answers(url)) ? 'ok' : 'unavailable'] as const));
    const subgraphs = Object.fromEntries(entries);
    const ok = entries.every(([, status]) => status === 'ok');
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'degraded', gateway: 'ok', subgraphs });
  };
}
