import fc from 'fast-check';
import { isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import pg from 'pg';

/**
 * Property-based input for the fuzz tests: for any argument type of a schema, values that real clients and hostile
 * ones send. Mostly well-formed, with real ids of the demo data, so the resolvers' deeper rules run; often wrong in
 * the ways the hub must refuse cleanly (ids that are reference numbers, NUL bytes, strings longer than any column,
 * dates no calendar has, DateTimes without an offset, lists of ten thousand items).
 */
const HOSTILE_STRINGS = ['', ' ', 'A\u0000B', 'x'.repeat(5_000), "O'Brien; drop table deflection;--", '\u202Eevil', '😀 emoji', '\uD800', 'DFL-2026-001000'];
const DATES = ['2026-09-31', '2026-02-29', '2028-02-29', '1800-01-01', '9999-12-31', '0000-01-01', '2026-13-01', 'tomorrow', '1990-04-12'];
const DATE_TIMES = ['2026-09-31T10:00:00Z', '2026-11-23T10:00:00', '2026-11-23T25:00:00Z', '2026-11-23T10:00:00+15:00', '1800-01-01T00:00:00Z', 'now'];

function scalarArbitrary(name: string, knownIds: readonly string[]): fc.Arbitrary<unknown> {
  const today = new Date();
  switch (name) {
    case 'ID':
      return fc.oneof(
        { weight: 6, arbitrary: knownIds.length > 0 ? fc.constantFrom(...knownIds) : fc.uuid() },
        { weight: 2, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: fc.constantFrom('DFL-2026-001000', '', '0', 'not-an-id', `${knownIds[0] ?? '00000000-0000-4000-8000-000000000000'}\u0000`) },
      );
    case 'Int':
      return fc.oneof(fc.integer({ min: -5, max: 20 }), fc.constantFrom(-2_147_483_648, 2_147_483_647, 0));
    case 'Float':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: -400, max: 30 }).map((days) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10)) },
        { weight: 2, arbitrary: fc.constantFrom(...DATES) },
      );
    case 'DateTime':
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: -2_000_000, max: 60 }).map((minutes) => new Date(today.getTime() + minutes * 60_000).toISOString()) },
        { weight: 2, arbitrary: fc.constantFrom(...DATE_TIMES) },
      );
    default:
      return fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) }, { weight: 2, arbitrary: fc.constantFrom('Lake', 'lake county', 'DuPage', 'Marin') });
  }
}

function valueArbitrary(type: GraphQLInputType, knownIds: readonly string[], depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueArbitrary(type.ofType, knownIds, depth);
  if (isListType(type)) {
    const item = valueArbitrary(type.ofType, knownIds, depth + 1);
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 3 }) },
      { weight: 1, arbitrary: item.map((one) => Array.from({ length: 10_001 }, () => one)) },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) record[field.name] = depth > 4 ? fc.constant(null) : valueArbitrary(field.type, knownIds, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    return fc.record(record, { requiredKeys: required });
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.value as string));
  if (isScalarType(type)) return scalarArbitrary(type.name, knownIds);
  return fc.constant(null);
}

export interface FuzzedOperation {
  query: string;
  variables: Record<string, unknown>;
}

/** Every argument of a mutation, as variables: required ones always present, optional ones sometimes. */
export function mutationArbitrary(schema: GraphQLSchema, mutation: string, knownIds: readonly string[]): fc.Arbitrary<FuzzedOperation> {
  const field = schema.getMutationType()?.getFields()[mutation];
  if (!field) throw new Error(`Mutation.${mutation} is not in the schema`);
  const declarations = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const query = `mutation Fuzz${declarations ? `(${declarations})` : ''} { ${mutation}${args ? `(${args})` : ''} { __typename } }`;
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of field.args) record[arg.name] = valueArbitrary(arg.type, knownIds, 0);
  return fc.record(record, { requiredKeys: field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name) }).map((variables) => ({ query, variables }));
}

/**
 * A fingerprint of every row of a subgraph's tables, to show that a refused mutation wrote nothing: it changes with
 * any insert, update or delete.
 */
export async function schemaFingerprint(url: string, schemaName: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by table_name", [schemaName]);
    const parts = tables.rows.map(({ table_name }) => `(select '${table_name}:' || count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "${schemaName}"."${table_name}" t)`);
    const { rows } = await client.query<{ fingerprint: string }>(`select concat_ws(',', ${parts.join(', ')}) as fingerprint`);
    return rows[0]!.fingerprint;
  } finally {
    await client.end();
  }
}
