import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ANYONE_SIGNED_IN } from '@hub/platform/access';
import { operationsOf } from '@hub/platform/graphql';
import { actorsByRole, matrixViolation, sampleOperation } from '@hub/platform/testing';
import type { SubgraphClient } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { schema } from '../src/index.js';
import { startTreatmentWithCases } from './support.js';
import { access } from '../src/rules/access.js';

/**
 * The role-by-operation matrix, generated from the schema: every root field and entity has an access rule, and
 * sending each one as each hub role (and as nobody) gets the answer that rule gives. A new root field or entity
 * without a rule fails the first test (and stops the subgraph from starting).
 */
let client: SubgraphClient<Context>;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ client, stop } = await startTreatmentWithCases());
});

afterAll(async () => {
  await stop?.();
});

/** The policy itself, written out: changing who may do what means changing this table too. */
const EXPECTED: Record<string, readonly string[] | 'anyone signed in'> = {
  'Query.provider': 'anyone signed in',
  'Query.providers': 'anyone signed in',
  'Query.providerSearch': 'anyone signed in',
  'Query.myEpisodes': ['PROVIDER_STAFF'],
  'Query.treatmentEpisode': ['PROVIDER_STAFF'],
  'Query.consents': ['PROVIDER_STAFF'],
  'Query.treatmentOfDeflection': 'anyone signed in',
  'Query.accountingOfDisclosures': ['PROVIDER_STAFF'],
  'Mutation.referToTreatment': ['CASE_MANAGER', 'OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'],
  'Mutation.updateEpisode': ['PROVIDER_STAFF'],
  'Mutation.bulkUpdateEpisodes': ['PROVIDER_STAFF'],
  'Mutation.updateCapacity': ['PROVIDER_STAFF'],
  'Mutation.recordConsent': ['PROVIDER_STAFF'],
  'Mutation.revokeConsent': ['PROVIDER_STAFF'],
  'Entity.Provider': 'anyone signed in',
  'Entity.Deflection': 'anyone signed in',
};

const operations = operationsOf(schema);

function whoMay(operation: string): string {
  const roles = access.rules[access.operations[operation]!].roles;
  return roles === ANYONE_SIGNED_IN ? 'anyone signed in' : roles.join(', ');
}

describe('who may do what in the treatment subgraph (rules/access.ts)', () => {
  it('has an access rule for every root field and entity of the schema', () => {
    expect(operations.filter((operation) => !access.operations[operation])).toEqual([]);
  });

  it('grants each root field and entity to exactly the roles of the expected matrix', () => {
    const granted = (roles: readonly string[] | 'anyone signed in') => (roles === 'anyone signed in' ? roles : [...roles].sort());
    const actual = Object.fromEntries(operations.map((operation) => [operation, granted(access.rules[access.operations[operation]!].roles)]));
    expect(actual).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([operation, roles]) => [operation, granted(roles)])));
  });

  it.each(operations.filter((operation) => access.operations[operation]))('%s: only the roles its rule lists get past the gate', async (operation) => {
    const action = access.operations[operation]!;
    const { query, variables } = sampleOperation(schema, operation);
    const problems: string[] = [];
    for (const { label, actor } of actorsByRole()) {
      const result = await client.run(actor, query, variables);
      const problem = matrixViolation(actor, access.allows(actor, action), action, result.errors);
      if (problem) problems.push(`${label} (rule: ${whoMay(operation)}): ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});
