import { describe, expect, it } from '@jest/globals';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { ANYONE_SIGNED_IN, type AccessPolicy } from '../access/index.js';
import { operationsOf } from '../graphql/index.js';
import { actorsByRole, sampleOperation } from './access-matrix.js';
import { matrixViolation } from './matrix-expectations.js';
import type { Actor } from '../identity/actor.js';

/** Who an operation is granted to, as a matrix test writes it down. */
export type ExpectedGrant = readonly string[] | typeof ANYONE_SIGNED_IN;

export interface AccessMatrixSpec<M> {
  schema: GraphQLSchema;
  access: AccessPolicy<M>;
  /** The policy written out by hand: changing who may do what means changing this table too. */
  expected: Record<string, ExpectedGrant>;
  /** The subgraph to send each operation to, once the test file's `beforeAll` has started it. */
  client: () => { run(actor: Actor | null, query: string, variables: Record<string, unknown>): Promise<{ errors?: readonly GraphQLFormattedError[] }> };
}

/**
 * The role-by-operation matrix of one subgraph, generated from its schema: every root field and entity has an
 * access rule, the rules grant exactly the written-out table, and sending each operation as each hub role (and as
 * nobody) gets the answer its rule gives. A new root field or entity without a rule fails the first test (and
 * stops the subgraph from starting). Its own entry point (`@hub/platform/testing/jest`), since it needs Jest's
 * globals, which scripts such as the benchmark do not have.
 */
export function describeAccessMatrix<M>(subgraph: string, spec: AccessMatrixSpec<M>): void {
  const { schema, access, expected } = spec;
  const operations = operationsOf(schema);
  const grantOf = (operation: string) => access.rules[access.operations[operation]!].roles;
  const sorted = (grant: ExpectedGrant) => (grant === ANYONE_SIGNED_IN ? grant : [...grant].sort());

  describe(`who may do what in the ${subgraph} subgraph (rules/access.ts)`, () => {
    it('has an access rule for every root field and entity of the schema', () => {
      expect(operations.filter((operation) => !access.operations[operation])).toEqual([]);
    });

    it('grants each root field and entity to exactly the roles of the expected matrix', () => {
      const actual = Object.fromEntries(operations.map((operation) => [operation, sorted(grantOf(operation))]));
      expect(actual).toEqual(Object.fromEntries(Object.entries(expected).map(([operation, grant]) => [operation, sorted(grant)])));
    });

    it.each(operations.filter((operation) => access.operations[operation]))('%s: only the roles its rule lists get past the gate', async (operation) => {
      const action = access.operations[operation]!;
      const grant = grantOf(operation);
      const { query, variables } = sampleOperation(schema, operation);
      const problems: string[] = [];
      for (const { label, actor } of actorsByRole()) {
        const result = await spec.client().run(actor, query, variables);
        const problem = matrixViolation(actor, access.allows(actor, action), action, result.errors);
        if (problem) problems.push(`${label} (rule: ${grant === ANYONE_SIGNED_IN ? grant : grant.join(', ')}): ${problem}`);
      }
      expect(problems).toEqual([]);
    });
  });
}
