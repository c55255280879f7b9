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
  type GraphQLInputObjectType,
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

/** What is worked out once per schema element and kept for as long as the schema lives. */
function kept<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const limitsCache = new WeakMap<GraphQLArgument | GraphQLInputField, Limits>();

function limitsOf(holder: GraphQLArgument | GraphQLInputField): Limits {
  return kept(limitsCache, holder, () => {
    const directive = holder.astNode?.directives?.find((d: ConstDirectiveNode) => d.name.value === 'limit');
    const read = (name: string, fallback: number) => {
      const arg = directive?.arguments?.find((a) => a.name.value === name);
      return arg?.value.kind === Kind.INT ? Number(arg.value.value) : fallback;
    };
    return { maxLength: read('maxLength', DEFAULT_MAX_LENGTH), maxItems: read('maxItems', DEFAULT_MAX_ITEMS) };
  });
}

/** Where a value sits in the arguments, kept as links and spelled out (`input.updates[3].at`) only for a violation. */
interface PathLink {
  readonly prev: PathLink | undefined;
  readonly key: string | number;
}

function spell(path: PathLink): string {
  let text = '';
  let link: PathLink | undefined = path;
  for (; link?.prev; link = link.prev) text = typeof link.key === 'number' ? `[${link.key}]${text}` : `.${link.key}${text}`;
  return `${link?.key ?? ''}${text}`;
}

type Check = (value: unknown, path: PathLink, out: RuleViolation[]) => void;

/**
 * The check of one argument or input field, made once per schema element and kept: a bulk upload repeats one input
 * type a thousand times, and asking every value's type what it is (and building its path) cost more than the checks.
 */
const holderChecks = new WeakMap<GraphQLArgument | GraphQLInputField, Check>();
const objectChecks = new WeakMap<GraphQLInputObjectType, Check>();

const checkOf = (holder: GraphQLArgument | GraphQLInputField): Check => kept(holderChecks, holder, () => compileCheck(holder.type, limitsOf(holder)));

function compileCheck(type: GraphQLInputType, limits: Limits): Check {
  if (isNonNullType(type)) return compileCheck(type.ofType, limits);
  if (isListType(type)) {
    const item = compileCheck(type.ofType, limits);
    return (value, path, out) => {
      if (value === null || value === undefined) return;
      const items = value as unknown[];
      if (items.length > limits.maxItems) {
        const field = spell(path);
        out.push({ field, rule: 'max-items', message: `${field} may list at most ${limits.maxItems} items (got ${items.length}).` });
        return;
      }
      items.forEach((value, index) => item(value, { prev: path, key: index }, out));
    };
  }
  if (isInputObjectType(type)) return objectCheck(type);
  const named = getNamedType(type);
  const leaf = !isScalarType(named) ? null : named.name === 'ID' ? checkId : named.name === 'String' ? checkString(limits) : null;
  return (value, path, out) => {
    if (value === null || value === undefined) return;
    if (value instanceof InvalidScalarValue) {
      const field = spell(path);
      out.push({ field, rule: value.rule, message: value.describe(field) });
      return;
    }
    leaf?.(value, path, out);
  };
}

/** Its fields' checks are made on first use: an input type may hold itself (a filter of filters). */
function objectCheck(type: GraphQLInputObjectType): Check {
  return kept(objectChecks, type, () => {
    let fields: [string, Check][] | null = null;
    return (value, path, out) => {
      if (value === null || value === undefined) return;
      fields ??= Object.values(type.getFields()).map((field) => [field.name, checkOf(field)]);
      const object = value as Record<string, unknown>;
      for (const [name, field] of fields) field(object[name], { prev: path, key: name }, out);
    };
  });
}

const checkId: Check = (value, path, out) => {
  if (isUuid(value)) return;
  const field = spell(path);
  out.push({ field, rule: 'uuid', message: `${field} is not an id this hub issued (ids look like 0f8c2a4e-…, a UUID).` });
};

function checkString(limits: Limits): Check {
  return (value, path, out) => {
    if (typeof value !== 'string') return;
    const refuse = (rule: string, says: string) => {
      const field = spell(path);
      out.push({ field, rule, message: `${field} ${says}` });
    };
    if (CONTROL_CHARACTERS.test(value)) refuse('no-control-characters', 'contains a control character (such as NUL).');
    if (LONE_SURROGATE.test(value)) refuse('well-formed-unicode', 'is not well-formed Unicode (half of a surrogate pair).');
    if (value.length > limits.maxLength) refuse('max-length', `must be at most ${limits.maxLength} characters (got ${value.length}).`);
  };
}

/**
 * How to spell a value of a type: ids lower-cased, and every list and input object a fresh ordinary one, as graphql-js
 * hands them over (a default value is one array the schema keeps for every request, and an object written inline
 * has no prototype): what a resolver changes in its arguments stays in its own request.
 */
type Canonical = (value: unknown) => unknown;
const holderCanonicals = new WeakMap<GraphQLArgument | GraphQLInputField, Canonical>();
const objectCanonicals = new WeakMap<GraphQLInputObjectType, Canonical>();

/** A value to spell: not missing, and not a scalar already refused (which checkArguments reports). */
const isPlain = (value: unknown) => value !== null && value !== undefined && !(value instanceof InvalidScalarValue);

const canonicalOf = (holder: GraphQLArgument | GraphQLInputField): Canonical => kept(holderCanonicals, holder, () => compileCanonical(holder.type));

const lowerCase: Canonical = (value) => (typeof value === 'string' ? value.toLowerCase() : value);
const asIs: Canonical = (value) => value;

function compileCanonical(type: GraphQLInputType): Canonical {
  if (isNonNullType(type)) return compileCanonical(type.ofType);
  if (isListType(type)) {
    const item = compileCanonical(type.ofType);
    return (value) => (value as unknown[]).map((v) => (isPlain(v) ? item(v) : v));
  }
  if (isInputObjectType(type)) return objectCanonical(type);
  return getNamedType(type).name === 'ID' ? lowerCase : asIs;
}

/** Its fields' spellings are made on first use: an input type may hold itself (a filter of filters). */
function objectCanonical(type: GraphQLInputObjectType): Canonical {
  return kept(objectCanonicals, type, () => {
    let fields: Map<string, Canonical> | null = null;
    return (value) => {
      const spellings = (fields ??= new Map(Object.values(type.getFields()).map((field) => [field.name, canonicalOf(field)])));
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, item]) => [name, isPlain(item) ? (spellings.get(name) ?? asIs)(item) : item]));
    };
  });
}

/**
 * A field's arguments with every id in the one spelling the hub stores: a UUID is case-insensitive (RFC 9562), so
 * "C0000001-…" names the same record as "c0000001-…" on every read and write alike.
 */
export function canonicalArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const arg of args) {
    const value = values[arg.name];
    if (arg.name in values && isPlain(value)) out[arg.name] = canonicalOf(arg)(value);
  }
  return out;
}

/** The violations in a field's arguments, each naming the path into the input and the rule. */
export function checkArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const arg of args) checkOf(arg)(values[arg.name], { prev: undefined, key: arg.name }, out);
  return out;
}
