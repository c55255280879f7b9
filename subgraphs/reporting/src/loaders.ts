import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/** Counts for many agencies in one grouped statement, however many agencies a query asks about. */
export function createLoaders(em: EntityManager) {
  return {
    deflectionsCounted: new DataLoader<string, { count: number; keySum: number }>(async (agencyIds) => {
      const rows = await em.execute<{ agency_id: string; count: string; key_sum: string }[]>(
        `select attributed_to_id as agency_id, count(*) as count, sum(record_key) as key_sum from "reporting"."deflection_fact"
         where attributed_to_id in (?) and referred_at is not null group by attributed_to_id`,
        [[...agencyIds]],
      );
      const counts = new Map(rows.map((row) => [row.agency_id, { count: Number(row.count), keySum: Number(row.key_sum) }]));
      return agencyIds.map((id) => counts.get(id) ?? { count: 0, keySum: 0 });
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
