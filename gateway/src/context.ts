import type { Actor } from '@hub/platform';

export interface GatewayContext {
  actor: Actor | null;
  /** Signed once per request and reused for every subgraph call the query plan makes. */
  internalToken: string;
}
