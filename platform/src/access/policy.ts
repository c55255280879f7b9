import { GraphQLError } from 'graphql';
import { forbidden, unauthenticated } from '../errors.js';
import type { Actor, Role } from '../identity/actor.js';

/** Any signed-in person, whatever their role (the partner directory, the provider directory, …). */
export const ANYONE_SIGNED_IN = 'anyone signed in';

/**
 * One action of a subgraph's vocabulary (`deflection:refer`, `episode:update`, …): who may attempt it at all, and,
 * given the record it is about, whether this person may do it to that record.
 */
export interface ActionRule<R> {
  /** How the action reads in a refusal: "approve deflections". */
  describe: string;
  /** The roles that may attempt the action. The gate in front of every root field and entity checks this. */
  roles: readonly Role[] | typeof ANYONE_SIGNED_IN;
  /** Whether the person may do it to this particular record; omitted when the role alone decides. */
  on?: (actor: Actor, resource: R) => boolean;
}

/** Maps each action name to the kind of record it is about (`void` when it is about none). */
export type PolicyRules<M> = { [A in keyof M & string]: ActionRule<M[A]> };

type ResourceArgs<R> = [R] extends [void] ? [] : [R];

export interface AccessPolicy<M> {
  readonly rules: PolicyRules<M>;
  /** The action behind every root field (`Query.x`, `Mutation.y`) and entity (`Entity.Z`) of the subgraph's schema. */
  readonly operations: Readonly<Record<string, keyof M & string>>;
  /** Role level: may this person attempt the action at all? */
  allows(actor: Actor | null, action: keyof M & string): boolean;
  /** Record level (role level included). */
  can<A extends keyof M & string>(actor: Actor | null, action: A, ...resource: ResourceArgs<M[A]>): boolean;
  /**
   * Throws UNAUTHENTICATED for nobody signed in, and FORBIDDEN otherwise. A refusal at role level says which action
   * (nothing about any record is revealed by it); a refusal about a record is the same generic answer whether the
   * record exists or not.
   */
  assertCan<A extends keyof M & string>(actor: Actor | null, action: A, ...resource: ResourceArgs<M[A]>): Actor;
  /** The refusal the gate gives for an action this person's role may not attempt. */
  roleRefusal(actor: Actor | null, action: keyof M & string): GraphQLError;
  /** Role level, by operation name (`Mutation.quickReferral`): false for an operation without a rule. */
  allowsOperation(actor: Actor | null, operation: string): boolean;
}

export function definePolicy<M>(rules: PolicyRules<M>, operations: Readonly<Record<string, keyof M & string>>): AccessPolicy<M> {
  const allows = (actor: Actor | null, action: keyof M & string): boolean => {
    if (!actor) return false;
    const { roles } = rules[action];
    return roles === ANYONE_SIGNED_IN || actor.roles.some((role) => roles.includes(role));
  };
  const roleRefusal = (actor: Actor | null, action: keyof M & string): GraphQLError =>
    actor
      ? new GraphQLError(`Your role may not ${rules[action].describe}.`, { extensions: { code: 'FORBIDDEN', action } })
      : unauthenticated();
  const onRecord = (actor: Actor, action: keyof M & string, resource: unknown[]): boolean => {
    const rule = rules[action] as ActionRule<unknown>;
    return !rule.on || resource.length === 0 || rule.on(actor, resource[0]);
  };
  return {
    rules,
    operations,
    allows,
    roleRefusal,
    allowsOperation(actor, operation) {
      const action = operations[operation];
      return action !== undefined && allows(actor, action);
    },
    can(actor, action, ...resource) {
      return actor !== null && allows(actor, action) && onRecord(actor, action, resource);
    },
    assertCan(actor, action, ...resource) {
      if (!actor || !allows(actor, action)) throw roleRefusal(actor, action);
      if (!onRecord(actor, action, resource)) throw forbidden();
      return actor;
    },
  };
}
