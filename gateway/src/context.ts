import type { Actor, InternalCredentials } from '@hub/platform/identity';
import type { OperationKind, SubgraphName } from '@hub/platform/topology';

export interface GatewayContext {
  actor: Actor | null;
  /** The caller's network address as the gateway saw it (for per-identity limits of anonymous callers, and the audit). */
  clientAddress: string;
  /** Made by the gateway for each request; in every subgraph's audit records, and in the answer's X-Request-Id. */
  requestId: string;
  /** When the request's time is up (HUB_REQUEST_TIMEOUT_MS after it arrived): no subgraph call outlives it. */
  deadline: number;
  /**
   * The tokens for one subgraph call: signed for that subgraph alone (with onward tokens for those it may ask while
   * answering an operation of this kind), once per subgraph and request however many fetches the query plan makes.
   */
  credentialsFor(subgraph: SubgraphName, operation: string | null, kind: OperationKind): Promise<InternalCredentials>;
  /** Set when a subgraph disclosed 42 CFR Part 2 information: the notice goes out with the response (2.32). */
  redisclosureNotice?: string;
}
