import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../domain/dates.js';

function badScalar(type: string, rule: string): GraphQLError {
  return new GraphQLError(`${type} ${rule}`, { extensions: { code: 'BAD_USER_INPUT', rule: type.toLowerCase() } });
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && isIsoDate(value)) return value;
    throw badScalar('Date', 'cannot represent this value');
  },
  parseValue(value) {
    if (typeof value === 'string' && isIsoDate(value)) return value;
    throw badScalar('Date', 'must be a real calendar date written YYYY-MM-DD');
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && isIsoDate(ast.value)) return ast.value;
    throw badScalar('Date', 'must be a real calendar date written YYYY-MM-DD');
  },
});

function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw badScalar('DateTime', 'must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T14:05:00-06:00');
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with offset.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string') return parseDateTime(value).toISOString();
    throw badScalar('DateTime', 'cannot represent this value');
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return parseDateTime(ast.value);
    throw badScalar('DateTime', 'must be a string');
  },
});
