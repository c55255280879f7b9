import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { schema as agenciesSchema } from '@hub/agencies';
import { schema as casesSchema } from '@hub/cases';
import { DEMO_AGENCY, DEMO_PERSON, PERSONAS, demoDeflectionId } from '@hub/platform/demo';
import type { Actor } from '@hub/platform/identity';
import { fuzzViolation, mutationArbitrary } from '@hub/platform/testing';
import { schema as treatmentSchema } from '@hub/treatment';
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { access as agenciesAccess } from '../../subgraphs/agencies/src/rules/access.js';
import { access as casesAccess } from '../../subgraphs/cases/src/rules/access.js';
import { access as treatmentAccess } from '../../subgraphs/treatment/src/rules/access.js';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * Hostile input through the real gateway, with HTTP between every process: each mutation of the graph, sent by
 * the first demo persona its rule allows, with fuzzed arguments. No answer is a 5xx or an internal error.
 */
const RUNS = Math.max(5, Math.round(Number(process.env.FUZZ_RUNS ?? 30) / 3));
const KNOWN_IDS = [...Object.values(DEMO_AGENCY), ...Object.values(DEMO_PERSON), ...Array.from({ length: 22 }, (_, i) => demoDeflectionId(i + 1))];

const SUBGRAPHS: { schema: GraphQLSchema; access: { allowsOperation(actor: Actor | null, operation: string): boolean } }[] = [
  { schema: agenciesSchema, access: agenciesAccess },
  { schema: casesSchema, access: casesAccess },
  { schema: treatmentSchema, access: treatmentAccess },
];

const MUTATIONS = SUBGRAPHS.flatMap(({ schema, access }) =>
  Object.keys(schema.getMutationType()?.getFields() ?? {}).map((mutation) => ({
    mutation,
    schema,
    persona: PERSONAS.find((p) => access.allowsOperation(p.actor, `Mutation.${mutation}`))!.key,
  })),
);

let hub: TestHub;
const tokens = new Map<string, string>();

beforeAll(async () => {
  hub = await startTestHub();
  for (const { persona } of MUTATIONS) if (!tokens.has(persona)) tokens.set(persona, await hub.tokenFor(persona));
});

afterAll(async () => {
  await hub?.stop();
});

describe('hostile input through the gateway', () => {
  it.each(MUTATIONS.map((m) => [m.mutation, m] as const))('%s: never answers a 5xx or an internal error', async (_name, { mutation, schema, persona }) => {
    await fc.assert(
      fc.asyncProperty(mutationArbitrary(schema, mutation, KNOWN_IDS), async ({ query, variables }) => {
        const result = await hub.gql(query, { token: tokens.get(persona)!, variables });
        expect(result.status).toBeLessThan(500);
        expect(fuzzViolation(result.errors)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});
