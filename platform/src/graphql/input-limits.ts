import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  type ConstDirectiveNode,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
} from 'graphql';
import type { RuleViolation } from '../errors.js';
import { InvalidScalarValue } from './scalars.js';

/**
 * Every argument is checked before a resolver runs, so no malformed value ever reaches SQL: ids are UUIDs,
 * strings carry no control characters and fit their column, lists are bounded, dates are real dates. Limits are
 * declared in each subgraph's SDL with `@limit(maxLength:, maxItems:)`; values without one get the defaults below.
 */
export const LIMIT_DIRECTIVE_SDL = 'directive @limit(maxLength: Int, maxItems: Int) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION';
export const DEFAULT_MAX_LENGTH = 1_000;
export const DEFAULT_MAX_ITEMS = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// NUL cannot be stored by PostgreSQL at all; the other C0 controls (but tab, newline and carriage return) are
// never part of a name, a narrative or a note.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Half of a UTF-16 surrogate pair is no character at all: PostgreSQL refuses it in JSON and mangles it in text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL stores as sent: no control characters (NUL above all) and no half surrogate pairs. */
export function isStorableText(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value) && !LONE_SURROGATE.test(value);
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

interface Limits {
  maxLength: number;
  maxItems: number;
}

const limitsCache = new WeakMap<GraphQLArgument | GraphQLInputField, Limits>();

function limitsOf(holder: GraphQLArgument | GraphQLInputField): Limits {
  let limits = limitsCache.get(holder);
  if (!limits) {
    const directive = holder.astNode?.directives?.find((d: ConstDirectiveNode) => d.name.value === 'limit');
    const read = (name: string, fallback: number) => {
      const arg = directive?.arguments?.find((a) => a.name.value === name);
      return arg?.value.kind === Kind.INT ? Number(arg.value.value) : fallback;
    };
    limits = { maxLength: read('maxLength', DEFAULT_MAX_LENGTH), maxItems: read('maxItems', DEFAULT_MAX_ITEMS) };
    limitsCache.set(holder, limits);
  }
  return limits;
}

function checkValue(type: GraphQLInputType, value: unknown, path: string, limits: Limits, out: RuleViolation[]): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(type.ofType, value, path, limits, out);
  if (isListType(type)) {
    const items = value as unknown[];
    if (items.length > limits.maxItems) {
      out.push({ field: path, rule: 'max-items', message: `${path} may list at most ${limits.maxItems} items (got ${items.length}).` });
      return;
    }
    items.forEach((item, index) => checkValue(type.ofType, item, `${path}[${index}]`, limits, out));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const object = value as Record<string, unknown>;
    for (const field of Object.values(fields)) checkValue(field.type, object[field.name], `${path}.${field.name}`, limitsOf(field), out);
    return;
  }
  if (value instanceof InvalidScalarValue) {
    out.push({ field: path, rule: value.rule, message: value.describe(path) });
    return;
  }
  const named = getNamedType(type);
  if (!isScalarType(named)) return;
  if (named.name === 'ID') {
    if (!isUuid(value)) out.push({ field: path, rule: 'uuid', message: `${path} is not an id this hub issued (ids look like 0f8c2a4e-…, a UUID).` });
    return;
  }
  if (named.name === 'String' && typeof value === 'string') {
    if (CONTROL_CHARACTERS.test(value)) out.push({ field: path, rule: 'no-control-characters', message: `${path} contains a control character (such as NUL).` });
    if (LONE_SURROGATE.test(value)) out.push({ field: path, rule: 'well-formed-unicode', message: `${path} is not well-formed Unicode (half of a surrogate pair).` });
    if (value.length > limits.maxLength) out.push({ field: path, rule: 'max-length', message: `${path} must be at most ${limits.maxLength} characters (got ${value.length}).` });
  }
}

function canonicalValue(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined || value instanceof InvalidScalarValue) return value;
  if (isNonNullType(type)) return canonicalValue(type.ofType, value);
  if (isListType(type)) return (value as unknown[]).map((item) => canonicalValue(type.ofType, item));
  if (isInputObjectType(type)) {
    const object = value as Record<string, unknown>;
    const fields = type.getFields();
    return Object.fromEntries(Object.entries(object).map(([name, item]) => [name, fields[name] ? canonicalValue(fields[name].type, item) : item]));
  }
  return getNamedType(type).name === 'ID' && typeof value === 'string' ? value.toLowerCase() : value;
}

/**
 * A field's arguments with every id in the one spelling the hub stores: a UUID is case-insensitive (RFC 9562), so
 * "C0000001-…" names the same record as "c0000001-…" on every read and write alike.
 */
export function canonicalArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const arg of args) if (arg.name in values) out[arg.name] = canonicalValue(arg.type, values[arg.name]);
  return out;
}

/** The violations in a field's arguments, each naming the path into the input and the rule. */
export function checkArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const arg of args) checkValue(arg.type, values[arg.name], arg.name, limitsOf(arg), out);
  return out;
}
