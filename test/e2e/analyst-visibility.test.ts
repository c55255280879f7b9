import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A, DEMO_PERSON as P, demoDeflectionId, demoParticipantId } from '@hub/platform/demo';
import { sampleValue } from '@hub/platform/testing';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * Analysts see statistics only (FB-3): no root field of the graph, nor any field nested under it, gives an analyst a
 * record about a person or a case. Every way to such a record — a root field returning one, or a field of a type the
 * analyst can reach that returns one — is sent as the analyst with ids of real demo records, and the answer (data and
 * the paths of its errors) is searched for any record of a row-level type.
 */
const ROW_LEVEL = new Set([
  'Deflection', 'DeflectionConnection', 'DeflectionEdge', 'Participant', 'Incident', 'IncidentPerson', 'Review', 'EvidenceItem', 'ContactAttempt', 'HistoryEntry',
  'TreatmentEpisode', 'TreatmentEpisodeConnection', 'Patient', 'Consent', 'DeflectionTreatment', 'EpisodeTransition', 'Disclosure',
  // An agency's own returns to ISP and the FBI: analysts see them only as suppressed statistics.
  'CrisisIncident', 'CrisisSubmission', 'CrisisMonthStatus', 'UseOfForceIncident', 'UseOfForceSubmission', 'ForceSubject', 'ForceOfficer',
]);

let hub: TestHub;
let token: string;
let schema: GraphQLSchema;

beforeAll(async () => {
  hub = await startTestHub();
  token = await hub.tokenFor('analyst');
  const introspection = await hub.gql<IntrospectionQuery>(getIntrospectionQuery(), { token });
  schema = buildClientSchema(introspection.data!);
});

afterAll(async () => {
  await hub?.stop();
});

/** Ids an analyst might try: a deflection, a person, an agency, a staff member, each real. */
const CANDIDATE_IDS = [demoDeflectionId(1), demoParticipantId(0), A.lakeCountyMeg, P.trooperReyes];

/** A row-level type, or a union that may answer one (its `__typename` in the answer says which member came). */
const isRowLevel = (type: GraphQLNamedType): boolean => ROW_LEVEL.has(type.name) || (isUnionType(type) && type.getTypes().some((member) => ROW_LEVEL.has(member.name)));

/** One step of a path from the root: a field and the arguments it needs (ids from CANDIDATE_IDS). */
interface Step {
  field: GraphQLField<unknown, unknown>;
}

/** Every way an analyst might reach a row-level record: each root field returning one, and, along the shortest path
 * of non-row-level types from the root, each field of such a type that returns one (Agency.…, Provider.…). */
function probes(): Step[][] {
  const paths: Step[][] = [];
  const seen = new Set<string>(['Query']);
  const queue: { type: ReturnType<typeof getNamedType>; path: Step[] }[] = [{ type: schema.getQueryType()!, path: [] }];
  while (queue.length > 0) {
    const { type, path } = queue.shift()!;
    if (!(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue;
      const named = getNamedType(field.type);
      const next = [...path, { field }];
      if (isRowLevel(named)) paths.push(next);
      else if ((isObjectType(named) || isInterfaceType(named)) && !seen.has(named.name) && path.length < 3) {
        seen.add(named.name);
        queue.push({ type: named, path: next });
      }
    }
  }
  return paths;
}

/** The query for a path, once per candidate id when it takes ids. */
function operations(path: Step[]): { query: string; variables: Record<string, unknown> }[] {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const idVariables: { name: string; list: boolean }[] = [];
  let body = '{ __typename }';
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const { field } = path[i]!;
    const args = field.args.filter((a) => isNonNullType(a.type)).map((a) => {
      const name = `v${i}_${a.name}`;
      declarations.push(`$${name}: ${a.type.toString()}`);
      if (getNamedType(a.type).name === 'ID') idVariables.push({ name, list: String(a.type).startsWith('[') });
      else variables[name] = sampleValue(a.type);
      return `${a.name}: $${name}`;
    });
    body = `{ ${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''} ${body} }`;
  }
  const query = `query${declarations.length > 0 ? `(${declarations.join(', ')})` : ''} ${body}`;
  if (idVariables.length === 0) return [{ query, variables }];
  return CANDIDATE_IDS.map((id) => ({ query, variables: { ...variables, ...Object.fromEntries(idVariables.map((v) => [v.name, v.list ? [id] : id])) } }));
}

function rowLevelRecords(value: unknown, path: string, found: string[]): string[] {
  if (Array.isArray(value)) value.forEach((item, i) => rowLevelRecords(item, `${path}[${i}]`, found));
  else if (value && typeof value === 'object') {
    const typename = (value as { __typename?: string }).__typename;
    if (typename && ROW_LEVEL.has(typename)) found.push(`${path} (${typename})`);
    for (const [key, inner] of Object.entries(value)) rowLevelRecords(inner, `${path}.${key}`, found);
  }
  return found;
}

/**
 * A record resolved for the caller shows even when a field inside it then errors (and the error nulls the answer up
 * to a nullable parent): every error deeper than a root field names, along its path, the objects that were resolved.
 */
function resolvedAlongErrors(errors: { path?: (string | number)[] }[] | undefined, found: string[]): string[] {
  for (const error of errors ?? []) {
    const names = (error.path ?? []).filter((p): p is string => typeof p === 'string');
    let type: ReturnType<typeof getNamedType> | undefined = schema.getQueryType()!;
    for (const name of names.slice(0, -1)) {
      const fields: Record<string, GraphQLField<unknown, unknown>> | undefined = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : undefined;
      type = fields?.[name] ? getNamedType(fields[name]!.type) : undefined;
      if (type && ROW_LEVEL.has(type.name)) found.push(`${names.join('.')} (a ${type.name} was resolved before the error)`);
    }
  }
  return found;
}

describe('an analyst sees statistics only (FB-3)', () => {
  it('gets no row-level record from any root field of the graph, nested fields included', async () => {
    const paths = probes();
    // Every root field that returns a case or a person, and the nested ways to one (Participant through an agency …).
    expect(paths.length).toBeGreaterThanOrEqual(13);
    const leaks: string[] = [];
    for (const path of paths) {
      const name = path.map((s) => s.field.name).join('.');
      for (const { query, variables } of operations(path)) {
        const result = await hub.gql(query, { token, variables });
        expect(result.status).toBeLessThan(500);
        // A query the gateway refuses as a whole proves nothing: each must be answered field by field.
        expect(result.errors?.filter((e) => ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'].includes(String(e.extensions?.code))) ?? []).toEqual([]);
        leaks.push(...rowLevelRecords(result.data, name, []), ...resolvedAlongErrors(result.errors, []));
      }
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  it('still gets the statistics, the directory and the state data set', async () => {
    // The demo data reaches reporting through the outbox relay: wait for it.
    const STATS = '{ statistics(query: { measures: [DEFLECTIONS] }) { cells { values { value } } } }';
    for (let tries = 0; tries < 100; tries += 1) {
      const seen = await hub.gql<{ statistics: { cells: { values: { value: number | null }[] }[] } }>(STATS, { token });
      if ((seen.data?.statistics.cells[0]?.values[0]?.value ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const result = await hub.gql<{ statistics: { cells: unknown[] }; stateDataSet: { year: number }; agency: { name: string } }>(
      `{ statistics(query: { measures: [DEFLECTIONS], groupBy: [PATHWAY] }) { cells { kind } } stateDataSet(year: 2026, quarter: 1) { year } agency(id: "${A.lakeCountyMeg}") { name } }`,
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.statistics.cells.length).toBeGreaterThan(0);
    expect(result.data?.agency.name).toBe('Lake County Metropolitan Enforcement Group');
  });
});

// A union with a row-level member is probed as row-level; one without would need this test to look inside it.
it('the schema has no union types this test would not expand', () => {
  const unions = Object.values(schema.getTypeMap()).filter((t) => isUnionType(t) && !t.name.startsWith('_'));
  expect(unions.map((u) => u.name)).toContain('TreatmentStatus');
  expect(unions.filter((u) => !isRowLevel(u))).toEqual([]);
});
