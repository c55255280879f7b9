import type { EntityManager } from '@mikro-orm/postgresql';
import type { AgencyScope } from '../rules/access.js';
import { Agency } from '../entities/agency.entity.js';

const MAX_DEPTH = 10;

/** An agency and the units above it, nearest first (what decides who administers it). Empty for none. */
export async function scopeOf(em: EntityManager, agencyId: string | null | undefined): Promise<AgencyScope> {
  const ancestry: string[] = [];
  let current = agencyId ? await em.findOne(Agency, { id: agencyId }) : null;
  while (current && ancestry.length < MAX_DEPTH) {
    ancestry.push(current.id);
    current = current.parent ? await em.findOne(Agency, { id: current.parent.id }) : null;
  }
  return { ancestry };
}
