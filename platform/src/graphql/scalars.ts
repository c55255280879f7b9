import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * The hub's Date and DateTime scalars are strict: a real calendar date (no 31 September rolling over into
 * October), a DateTime with an explicit offset, years 1900–2199. A value that fails is not thrown here, where the
 * error could not say which field it came from: it becomes an `InvalidScalarValue`, and the input check that runs
 * before every resolver reports it as BAD_USER_INPUT with the field's path and the rule.
 */
export class InvalidScalarValue {
  constructor(
    readonly rule: string,
    readonly expected: string,
    readonly raw: unknown,
  ) {}

  describe(path: string): string {
    const shown = typeof this.raw === 'string' ? `"${this.raw.slice(0, 40)}${this.raw.length > 40 ? '…' : ''}"` : typeof this.raw;
    return `${path} must be ${this.expected} (got ${shown}).`;
  }
}

export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2199;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DATE_EXPECTED = `a real calendar date written YYYY-MM-DD, between ${EARLIEST_YEAR} and ${LATEST_YEAR}`;
const DATE_TIME_EXPECTED = `a real date and time in ISO 8601 with an offset (e.g. 2026-11-23T14:05:00-06:00), between ${EARLIEST_YEAR} and ${LATEST_YEAR}`;

/** A valid ISO date string, or the reason it is not one. */
export function parseDate(value: unknown): string | InvalidScalarValue {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return new InvalidScalarValue('date', DATE_EXPECTED, value);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isCalendarDate(year, month, day)) return new InvalidScalarValue('date', DATE_EXPECTED, value);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return new InvalidScalarValue('date-range', DATE_EXPECTED, value);
  return value as string;
}

export function parseDateTime(value: unknown): Date | InvalidScalarValue {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) return new InvalidScalarValue('date-time', DATE_TIME_EXPECTED, value);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [number, number, number, number, number, number];
  const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
  const valid = isCalendarDate(year, month, day) && hour < 24 && minute < 60 && second < 60 && offsetHours <= 14 && offsetMinutes < 60;
  if (!valid) return new InvalidScalarValue('date-time', DATE_TIME_EXPECTED, value);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return new InvalidScalarValue('date-range', DATE_TIME_EXPECTED, value);
  return new Date(value as string);
}

export const DateScalar = new GraphQLScalarType<string | InvalidScalarValue, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const parsed = parseDate(value);
    if (parsed instanceof InvalidScalarValue) throw new GraphQLError('Date cannot represent this value');
    return parsed;
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const DateTimeScalar = new GraphQLScalarType<Date | InvalidScalarValue, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with offset.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
    throw new GraphQLError('DateTime cannot represent this value');
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
