import DataLoader from 'dataloader';

/**
 * A request-scoped loader by primary key: every `load(id)` in one tick becomes one `where id in (...)`.
 * Missing ids resolve to null, in the order asked.
 */
export function loaderById<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await load([...ids]);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** A request-scoped loader of the rows that point at each key (one statement per batch). */
export function loaderGroupedBy<T>(load: (keys: string[]) => Promise<T[]>, key: keyof T): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await load([...keys]);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const group = String(row[key]);
      groups.set(group, [...(groups.get(group) ?? []), row]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}
