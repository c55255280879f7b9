import type { RequestAudit } from '@hub/platform/audit';
import { ConfigError } from '@hub/platform/config';
import type { Actor, OnwardTokens } from '@hub/platform/identity';
import { subgraphUrl } from '@hub/platform/topology';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AgenciesClient } from './clients/agencies.js';
import { createLoaders, type Loaders } from './loaders.js';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './rules/suppression.js';

export interface Context {
  actor: Actor | null;
  /** What this request read and wrote, for the audit trail (written before the answer leaves). */
  audit: RequestAudit;
  em: EntityManager;
  loaders: Loaders;
  suppressionThreshold: number;
  /** The agencies subgraph, asked through the graph as the caller (which agencies file crisis reports). */
  agencies: AgenciesClient;
}

export function createContext(
  { actor, em, onward, audit, env }: { actor: Actor | null; em: EntityManager; onward: OnwardTokens; audit: RequestAudit; env: Record<string, string | undefined> },
  suppressionThreshold: number,
): Context {
  return { actor, em, audit, loaders: createLoaders(em), suppressionThreshold, agencies: new AgenciesClient({ name: 'agencies', url: subgraphUrl('agencies', env) }, onward) };
}

/** REPORTING_SUPPRESSION_THRESHOLD, read and checked once per environment (at start-up), not on every request. */
const thresholds = new WeakMap<Record<string, string | undefined>, number>();

export function suppressionThresholdFor(env: Record<string, string | undefined>): number {
  let threshold = thresholds.get(env);
  if (threshold === undefined) {
    const raw = env.REPORTING_SUPPRESSION_THRESHOLD;
    threshold = raw ? Number(raw) : DEFAULT_SUPPRESSION_THRESHOLD;
    if (!Number.isInteger(threshold) || threshold < 1) throw new ConfigError('REPORTING_SUPPRESSION_THRESHOLD', 'must be a whole number of at least 1');
    thresholds.set(env, threshold);
  }
  return threshold;
}
