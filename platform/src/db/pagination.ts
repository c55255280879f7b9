import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { invalidInput } from '../errors.js';
import { isUuid } from '../graphql/input-limits.js';

/** One page size for every list of the hub, and one ceiling. */
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

export interface PageRequest<T> {
  where: FilterQuery<T>;
  /** Must end with a unique column (the id) so the order is total and pages neither skip nor repeat. */
  orderBy: QueryOrderMap<T>;
  first?: number | null;
  after?: string | null;
}

/** A page that also says how many rows match in all (one more statement, so only for lists that show it). */
export type CountedPage<T> = Page<T> & { totalCount: number };

function refuseCursor(): never {
  throw invalidInput([{ field: 'after', rule: 'cursor', message: 'after is not a cursor this list returned.' }]);
}

/**
 * Keyset pagination with MikroORM's `findByCursor`. The cursor a client sends back is checked against the list's
 * own sort key first (arity and the type of every value), so a forged or foreign cursor is refused as
 * BAD_USER_INPUT instead of reaching SQL.
 */
export async function pageOf<T extends object>(em: EntityManager, entity: EntityName<T>, request: PageRequest<T>): Promise<Page<T>>;
export async function pageOf<T extends object>(em: EntityManager, entity: EntityName<T>, request: PageRequest<T>, options: { count: true }): Promise<CountedPage<T>>;
export async function pageOf<T extends object>(em: EntityManager, entity: EntityName<T>, request: PageRequest<T>, options: { count?: boolean } = {}): Promise<Page<T> | CountedPage<T>> {
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw invalidInput([{ field: 'first', rule: 'range', message: `first must be between 1 and ${MAX_PAGE_SIZE}.` }]);
  }
  if (request.after) {
    const meta = em.getMetadata().get(entity);
    let values: unknown;
    try {
      values = Cursor.decode(request.after);
    } catch {
      refuseCursor();
    }
    const keys = Object.keys(request.orderBy);
    if (!Array.isArray(values) || values.length !== keys.length) refuseCursor();
    keys.forEach((key, index) => {
      const value = values[index];
      const property = meta.props.find((prop) => prop.name === key);
      if (value === null && property?.nullable) return;
      const ok =
        property?.type === 'uuid' ? isUuid(value)
        : property?.runtimeType === 'Date' ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
        : property?.runtimeType === 'number' ? typeof value === 'number' && Number.isFinite(value)
        : typeof value === 'string' && value.length <= 1_000;
      if (!ok) refuseCursor();
    });
  }
  const cursor = await em.findByCursor<T, never, never, never, boolean>(entity, {
    where: request.where as FilterQuery<NoInfer<T>>,
    orderBy: request.orderBy,
    first,
    ...(request.after ? { after: request.after } : {}),
    includeCount: options.count ?? false,
  });
  const page: Page<T> = {
    edges: cursor.items.map((node) => ({ node: node as T, cursor: cursor.from(node) })),
    pageInfo: { hasNextPage: cursor.hasNextPage, hasPreviousPage: Boolean(request.after), startCursor: cursor.startCursor, endCursor: cursor.endCursor },
  };
  return options.count ? { ...page, totalCount: cursor.totalCount ?? 0 } : page;
}
