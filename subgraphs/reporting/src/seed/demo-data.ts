import type { EntityManager } from '@mikro-orm/postgresql';
import { DeflectionFact } from '../entities/deflection-fact.entity.js';

/** Reporting's data arrives as events from the other subgraphs' demo data: it has nothing of its own to seed. */
export async function seedReporting(_em: EntityManager): Promise<void> {}

export async function hasReporting(em: EntityManager): Promise<boolean> {
  return (await em.count(DeflectionFact, {})) > 0;
}
