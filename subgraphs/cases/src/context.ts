import type { RequestAudit } from '@hub/platform/audit';
import type { Actor, OnwardTokens } from '@hub/platform/identity';
import { subgraphUrl } from '@hub/platform/topology';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AgenciesClient } from './clients/agencies.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Everything a resolver of this subgraph may use: who is asking, a request-scoped ORM, batched loaders. */
export interface Context {
  actor: Actor | null;
  /** What this request read and wrote, for the audit trail (written before the answer leaves). */
  audit: RequestAudit;
  em: EntityManager;
  loaders: Loaders;
  /** The agencies subgraph, asked through the graph as the caller. */
  agencies: AgenciesClient;
}

export function createContext(args: { actor: Actor | null; onward: OnwardTokens; audit: RequestAudit; em: EntityManager; env: Record<string, string | undefined> }): Context {
  return {
    actor: args.actor,
    audit: args.audit,
    em: args.em,
    loaders: createLoaders(args.em),
    agencies: new AgenciesClient({ name: 'agencies', url: subgraphUrl('agencies', args.env) }, args.onward, args.actor),
  };
}
