import DataLoader from 'dataloader';
import { isUuid } from '../graphql/input-limits.js';

/**
 * A request-scoped loader by primary key: every `load(id)` in one tick becomes one `where id in (...)`.
 * Missing ids resolve to null, in the order asked; a key that is not a UUID cannot exist and never reaches SQL.
 */
export function loaderById<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length > 0 ? await load(valid) : [];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** A request-scoped loader of the rows that point at each key (one statement per batch). */
export function loaderGroupedBy<T>(load: (keys: string[]) => Promise<T[]>, keyOf: (row: T) => string): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const valid = keys.filter(isUuid);
    const rows = valid.length > 0 ? await load(valid) : [];
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const group = keyOf(row);
      groups.set(group, [...(groups.get(group) ?? []), row]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}
