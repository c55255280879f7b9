import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { ROLES, type Actor, type Role } from '../identity/actor.js';

/**
 * Helpers for each subgraph's role-by-operation matrix test: for every root field and entity of the schema, an
 * operation with well-formed (but made-up) arguments, and an actor per hub role, so the test can send each
 * operation as each role and check what the access rule says against what the subgraph answers.
 */
export interface SampleOperation {
  query: string;
  variables: Record<string, unknown>;
}

function sampleScalar(name: string): unknown {
  switch (name) {
    case 'ID':
      return randomUUID();
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'Date':
      return new Date().toISOString().slice(0, 10);
    case 'DateTime':
      return new Date().toISOString();
    default:
      return 'sample';
  }
}

/** The smallest value of a type that passes input checks: required fields only, one item per required list. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sampleValue(f.type)]));
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isScalarType(type)) return sampleScalar(type.name);
  return null;
}

function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  return isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
}

/** A document and variables that call one operation (`Query.x`, `Mutation.y` or `Entity.Z`) with every required argument. */
export function sampleOperation(schema: GraphQLSchema, operation: string): SampleOperation {
  const [kind, name] = operation.split('.') as [string, string];
  if (kind === 'Entity') {
    return { query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, variables: { r: [{ __typename: name, id: randomUUID() }] } };
  }
  const root = kind === 'Query' ? schema.getQueryType() : schema.getMutationType();
  const field = root?.getFields()[name];
  if (!field) throw new Error(`${operation} is not in the schema`);
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const declarations = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return {
    query: `${kind === 'Query' ? 'query' : 'mutation'}${declarations ? `(${declarations})` : ''} { ${name}${args ? `(${args})` : ''}${selectionFor(field.type)} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)])),
  };
}

/** Someone holding exactly one hub role, in an agency of their own (a designee acts for somebody), or nobody signed in. */
export function actorsByRole(): { label: string; actor: Actor | null }[] {
  const one = (role: Role): Actor => ({ personId: randomUUID(), agencyId: randomUUID(), roles: [role], actingFor: role === 'DESIGNEE' ? randomUUID() : null });
  return [{ label: 'anonymous', actor: null }, ...ROLES.map((role) => ({ label: role, actor: one(role) }))];
}
