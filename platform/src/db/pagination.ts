import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { invalidInput } from '../errors.js';
import { isStorableText, isUuid } from '../graphql/input-limits.js';
import { InvalidScalarValue, parseDate, parseDateTime } from '../graphql/scalars.js';

/** One page size for every list of the hub, and one ceiling. */
export const DEFAULT_PAGE_SIZE = 25;
// 500: a MEG director's review queue for a month, in one page (the request's cost limit still bounds what it asks for).
export const MAX_PAGE_SIZE = 500;

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

const INT4 = 2_147_483_647;

/** Whether a decoded cursor value is one PostgreSQL accepts for the column, so a forged cursor never reaches SQL. */
function fitsColumn(value: unknown, columnType: string, nullable: boolean): boolean {
  if (value === null) return nullable;
  if (columnType === 'uuid') return isUuid(value);
  if (columnType === 'date') return !(parseDate(value) instanceof InvalidScalarValue);
  if (columnType.startsWith('timestamp')) return !(parseDateTime(value) instanceof InvalidScalarValue);
  if (columnType === 'int' || columnType === 'integer' || columnType === 'smallint') return Number.isInteger(value) && Math.abs(value as number) <= INT4;
  if (columnType === 'bigint' || columnType.startsWith('numeric') || columnType === 'double precision') return typeof value === 'number' && Number.isFinite(value);
  const maxLength = Number(/^varchar\((\d+)\)$/.exec(columnType)?.[1] ?? 1_000);
  return typeof value === 'string' && value.length <= maxLength && isStorableText(value);
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
      const property = meta.props.find((prop) => prop.name === key);
      if (!property || !fitsColumn(values[index], property.columnTypes?.[0] ?? '', property.nullable ?? false)) refuseCursor();
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
