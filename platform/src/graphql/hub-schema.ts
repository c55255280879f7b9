import { defaultFieldResolver, isObjectType, Kind, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { invalidInput } from '../errors.js';
import type { RequestAudit } from '../audit/request-audit.js';
import type { Actor } from '../identity/actor.js';
import { canonicalArguments, checkArguments } from './input-limits.js';

/** What the schema needs from a subgraph's access policy (rules/access.ts) to guard every way in. */
export interface SchemaGuard<A extends string> {
  /** The action each root field (`Query.deflection`, `Mutation.quickReferral`) and entity (`Entity.Deflection`) performs. */
  operations: Readonly<Record<string, A>>;
  allows(actor: Actor | null, action: A): boolean;
  roleRefusal(actor: Actor | null, action: A): Error;
}

export interface SchemaAudit {
  /**
   * Types whose every read is audited (CJIS AU-2): a person's record, however it is reached — root field, entity
   * reference, nested field or mutation payload. Each record read is noted once per request, by its `id`.
   */
  audited: readonly string[];
}

interface GuardedContext {
  actor: Actor | null;
  audit?: RequestAudit;
}

const idOf = (source: unknown): string | null =>
  source && typeof source === 'object' && 'id' in source && typeof source.id === 'string' ? source.id : null;

const FEDERATION_FIELDS = new Set(['_service', '_entities']);

/** Entity types this subgraph resolves: a @key without `resolvable: false`. */
export function resolvableEntities(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) =>
      [type.astNode, ...type.extensionASTNodes].some((node) =>
        node?.directives?.some(
          (d) => d.name.value === 'key' && !d.arguments?.some((a) => a.name.value === 'resolvable' && a.value.kind === Kind.BOOLEAN && !a.value.value),
        ),
      ),
    )
    .map((type) => type.name);
}

/** Every root field and entity, as the operation names `rules/access.ts` must map to an action. */
export function operationsOf(schema: GraphQLSchema): string[] {
  const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    type ? Object.keys(type.getFields()).filter((name) => !FEDERATION_FIELDS.has(name)).map((name) => `${type.name}.${name}`) : [],
  );
  return [...roots, ...resolvableEntities(schema).map((name) => `Entity.${name}`)];
}

/**
 * Puts the subgraph's access policy and the input limits in front of every resolver of a built subgraph schema:
 * each root field and each entity reference first passes the role gate of its action, then every field's
 * arguments are checked. A root field or entity without an access rule stops the subgraph from starting.
 */
export function secureSchema<A extends string>(schema: GraphQLSchema, guard: SchemaGuard<A>, audit: SchemaAudit = { audited: [] }): GraphQLSchema {
  const missing = operationsOf(schema).filter((operation) => !guard.operations[operation]);
  if (missing.length > 0) throw new Error(`No access rule for ${missing.join(', ')}: add each to the subgraph's rules/access.ts.`);

  const gate = (operation: string, context: GuardedContext) => {
    const action = guard.operations[operation]!;
    if (!guard.allows(context.actor, action)) throw guard.roleRefusal(context.actor, action);
  };

  const audited = new Set(audit.audited);
  const unknown = audit.audited.filter((name) => !isObjectType(schema.getType(name)));
  if (unknown.length > 0) throw new Error(`Audited types not in the schema: ${unknown.join(', ')}`);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
    const isMutation = type === schema.getMutationType();
    const isAudited = audited.has(type.name);
    // The audit names a record by what the schema answers for its `id` (a view's id may not be its own `id` property).
    // An audited type's `id` resolver must therefore answer synchronously; otherwise `source.id` is used.
    const idField = type.getFields().id;
    const ownId = idField?.resolve;
    const auditedId = (source: unknown, context: GuardedContext, info: Parameters<GraphQLFieldResolver<unknown, GuardedContext>>[3]): string | null => {
      const id: unknown = ownId ? ownId(source, {}, context, info) : null;
      return typeof id === 'string' ? id : idOf(source);
    };
    for (const field of Object.values(type.getFields())) {
      if (FEDERATION_FIELDS.has(field.name)) continue;
      const guarded = isRoot;
      if (!guarded && !isAudited && field.args.length === 0) continue;
      const resolve: GraphQLFieldResolver<unknown, GuardedContext> = field.resolve ?? defaultFieldResolver;
      const operation = `${type.name}.${field.name}`;
      field.resolve = (source, args, context, info) => {
        if (guarded) gate(operation, context);
        if (isMutation && context.audit) context.audit.currentField = String(info.path.key);
        if (isAudited) context.audit?.read(type.name, auditedId(source, context, info));
        const violations = checkArguments(field.args, args);
        if (violations.length > 0) throw invalidInput(violations);
        return resolve(source, canonicalArguments(field.args, args), context, info);
      };
    }
  }

  // Entity references arrive through `_entities`: each representation passes the gate of its type's action, and
  // only those that pass are resolved; the others answer the refusal at their own index.
  const entities = schema.getQueryType()?.getFields()._entities;
  if (entities?.resolve) {
    const resolveEntities = entities.resolve;
    entities.resolve = (source, args: { representations: { __typename: string }[] }, context: GuardedContext, info) => {
      const refusals = args.representations.map((reference) => {
        const action = guard.operations[`Entity.${reference.__typename}`];
        if (!action) return invalidInput([{ field: 'representations', rule: 'entity-type', message: `${String(reference.__typename)} is not an entity of this subgraph.` }]);
        return guard.allows(context.actor, action) ? null : guard.roleRefusal(context.actor, action);
      });
      const allowed = args.representations.filter((_, index) => refusals[index] === null);
      const resolved = resolveEntities(source, { ...args, representations: allowed }, context, info) as unknown[];
      let next = 0;
      return refusals.map((refusal) => refusal ?? resolved[next++]);
    };
  }
  return schema;
}
