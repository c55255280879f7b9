import type { RequestAudit } from '@hub/platform/audit';
import type { Actor } from '@hub/platform/identity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createLoaders, type Loaders } from './loaders.js';

/** Everything a resolver of this subgraph may use: who is asking, a request-scoped ORM, batched loaders. */
export interface Context {
  actor: Actor | null;
  /** What this request read and wrote, for the audit trail (written before the answer leaves). */
  audit: RequestAudit;
  em: EntityManager;
  loaders: Loaders;
}

export function createContext({ actor, em, audit }: { actor: Actor | null; em: EntityManager; audit: RequestAudit }): Context {
  return { actor, em, audit, loaders: createLoaders(em) };
}
