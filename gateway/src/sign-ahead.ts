import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { isSubgraphName, type SubgraphName } from '@hub/platform/topology';
import type { GatewayContext } from './context.js';

type PlanNode = NonNullable<Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan']['node']>;

/** The subgraphs a plan fetches from, each once, in the order its fetches start (depth first). */
export function fetchedSubgraphs(node: PlanNode | undefined): SubgraphName[] {
  const found: SubgraphName[] = [];
  const visit = (at: unknown): void => {
    if (!at || typeof at !== 'object') return;
    const n = at as { kind?: string; serviceName?: string; nodes?: unknown[]; node?: unknown; primary?: unknown; deferred?: unknown[]; ifClause?: unknown; elseClause?: unknown; rest?: unknown };
    if (n.kind === 'Fetch' && n.serviceName && isSubgraphName(n.serviceName) && !found.includes(n.serviceName)) found.push(n.serviceName);
    for (const child of [...(n.nodes ?? []), n.node, n.primary, ...(n.deferred ?? []), n.ifClause, n.elseClause, n.rest]) visit(child);
  };
  visit(node);
  return found;
}

/**
 * Signs the tokens for a plan's later fetches while the gateway waits for its first one's answer. Each fetch needs a
 * token signed for its subgraph (ES256, about 70 µs here); signed when the fetch starts, those for the review queue's
 * treatment and agencies fetches were on the path from cases' answer to the next requests, with the event loop idle
 * the whole time cases was working. They are the same tokens (the request's credentialsFor keeps one per subgraph),
 * made sooner; a plan whose later fetches do not run (nothing to join) has signed one or two for nothing.
 */
export const signAhead: Experimental_DidResolveQueryPlanCallback = ({ queryPlan, requestContext }) => {
  const context = requestContext.context as Partial<GatewayContext>;
  if (typeof context.credentialsFor !== 'function') return;
  const later = fetchedSubgraphs(queryPlan.node).slice(1);
  if (later.length === 0) return;
  const credentialsFor = context.credentialsFor.bind(context);
  // As willSendRequest asks for them, so the tokens kept are the ones the fetches would have made.
  const operation = requestContext.operationName ?? requestContext.request.operationName ?? null;
  const kind = requestContext.operation?.operation === 'query' ? 'query' : 'mutation';
  // After the first fetch has started: setImmediate runs once the microtasks that start it are done (on a new
  // connection its bytes may still be waiting for the connect). Tokens signed now live 60 s from here; no fetch
  // starts after the request's deadline, which config.ts caps at 55 s.
  setImmediate(() => {
    for (const subgraph of later) void credentialsFor(subgraph, operation, kind).catch(() => undefined);
  });
};
