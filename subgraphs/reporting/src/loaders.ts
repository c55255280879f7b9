import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/** Counts for many agencies in one grouped statement, however many agencies a query asks about. */
export function createLoaders(em: EntityManager) {
  return {
    deflectionsCounted: new DataLoader<string, number>(async (agencyIds) => {
      const rows = await em.execute<{ agency_id: string; count: string }[]>(
        `select attributed_to_id as agency_id, count(*) as count from "reporting"."deflection_fact"
         where attributed_to_id in (?) group by attributed_to_id`,
        [[...agencyIds]],
      );
      const counts = new Map(rows.map((row) => [row.agency_id, Number(row.count)]));
      return agencyIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
