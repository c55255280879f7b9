import { invalidInput } from '../errors.js';

/** Opaque cursors: base64url of a JSON tuple of the sort key, so clients cannot depend on their content. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): (string | number)[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string' || typeof v === 'number')) return parsed;
  } catch {
    // fall through to the error below
  }
  throw invalidInput([{ field, rule: 'cursor', message: `${field} is not a cursor this API returned.` }]);
}

export function pageSize(first: number | null | undefined, max = 200, field = 'first'): number {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw invalidInput([{ field, rule: 'range', message: `${field} must be between 1 and ${max}.` }]);
  }
  return size;
}
