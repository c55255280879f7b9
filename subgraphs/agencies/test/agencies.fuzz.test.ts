import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY, DEMO_PERSON, DEMO_PLAN } from '@hub/platform/demo';
import { createTestDatabase, fuzzViolation, mutationArbitrary, schemaFingerprint, SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import fc from 'fast-check';
import type { Context } from '../src/context.js';
import { agencies, schema } from '../src/index.js';

/** Property-based: whatever a client sends, no mutation fails inside, and a refused one writes nothing. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const KNOWN_IDS = [...Object.values(DEMO_AGENCY), ...Object.values(DEMO_PERSON), ...Object.values(DEMO_PLAN)];
/** Each mutation is sent by someone its access rule allows, so the checks behind the gate run too. */
const SENT_BY: Record<string, string> = {
  createAgency: 'hub-admin',
  updateAgency: 'agency-admin',
  addMegMember: 'hub-admin',
  recordTaskForceAgreement: 'hub-admin',
  addPerson: 'agency-admin',
  setPersonActive: 'hub-admin',
  designate: 'meg-director',
  revokeDesignation: 'hub-admin',
  publishSolutionActionPlan: 'agency-admin',
};

let db: TestDatabase;
let client: SubgraphClient<Context>;

beforeAll(async () => {
  db = await createTestDatabase([agencies], { seed: true });
  client = new SubgraphClient(agencies, db.orm('agencies'));
});

afterAll(async () => {
  await db?.drop();
});

describe('fuzzed mutations of the agencies subgraph', () => {
  it('fuzzes every mutation of the schema', () => {
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(SENT_BY).sort());
  });

  it.each(Object.keys(SENT_BY))('%s: answers every input without an internal error, and a refusal writes nothing', async (mutation) => {
    await fc.assert(
      fc.asyncProperty(mutationArbitrary(schema, mutation, KNOWN_IDS), async ({ query, variables }) => {
        const before = await schemaFingerprint(db.urlFor('agencies'), 'agencies');
        const result = await client.run(SENT_BY[mutation]!, query, variables);
        expect(fuzzViolation(result.errors)).toBeNull();
        if (result.errors?.length) expect(await schemaFingerprint(db.urlFor('agencies'), 'agencies')).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });
});
