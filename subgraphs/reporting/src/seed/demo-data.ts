import { demoCrisisHistory } from '@hub/platform/demo';
import type { DemoSeed } from '@hub/platform/subgraph';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CrisisIncident } from '../entities/crisis.entity.js';
import { DeflectionFact } from '../entities/deflection-fact.entity.js';
import { seedCrisisHistory } from './crisis.js';

/**
 * Reporting's deflection facts arrive as events from the other subgraphs' demo data, never from this seed. What it
 * keeps of its own are the agencies' crisis and use-of-force returns: with the demo year (npm start) a year of them,
 * without it (most tests) nothing, so tests count their own records alone.
 */
export async function seedReporting(em: EntityManager, demo: DemoSeed): Promise<void> {
  if (demo.history) await seedCrisisHistory(em, demoCrisisHistory(demo.now));
}

/** Facts, or the seeded crisis year: either means the demo data was loaded, even before the first event arrives. */
export async function hasReporting(em: EntityManager): Promise<boolean> {
  return (await em.count(DeflectionFact, {})) > 0 || (await em.count(CrisisIncident, {})) > 0;
}
