import type { Actor } from '@hub/platform/identity';

export interface GatewayContext {
  actor: Actor | null;
  /** Signed once per request and reused for every subgraph call the query plan makes. */
  internalToken: string;
  /** Set when a subgraph disclosed 42 CFR Part 2 information: the notice goes out with the response (2.32). */
  redisclosureNotice?: string;
}
