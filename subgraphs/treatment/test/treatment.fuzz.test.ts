import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY, demoDeflectionId } from '@hub/platform/demo';
import { fuzzViolation, mutationArbitrary, schemaFingerprint, type SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import fc from 'fast-check';
import type { Context } from '../src/context.js';
import { Consent } from '../src/entities/consent.entity.js';
import { TreatmentEpisode } from '../src/entities/episode.entity.js';
import { Provider } from '../src/entities/provider.entity.js';
import { schema } from '../src/index.js';
import { startTreatmentWithCases } from './support.js';

/** Property-based: whatever a client sends, no mutation fails inside, and a refused one writes nothing. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** Each mutation is sent by someone its access rule allows, so the checks behind the gate run too. */
const SENT_BY: Record<string, string> = {
  referToTreatment: 'case-manager',
  updateEpisode: 'provider',
  bulkUpdateEpisodes: 'provider',
  updateCapacity: 'provider',
  recordConsent: 'provider',
  revokeConsent: 'provider',
};

let db: TestDatabase;
let client: SubgraphClient<Context>;
let stop: () => Promise<void>;
let knownIds: string[];

beforeAll(async () => {
  ({ db, client, stop } = await startTreatmentWithCases());
  const em = db.orm('treatment').fork();
  const rows = await Promise.all([em.find(TreatmentEpisode, {}), em.find(Provider, {}), em.find(Consent, {})]);
  knownIds = [...rows.flat().map((row) => row.id), ...Array.from({ length: 22 }, (_, i) => demoDeflectionId(i + 1)), ...Object.values(DEMO_AGENCY)];
});

afterAll(async () => {
  await stop?.();
});

describe('fuzzed mutations of the treatment subgraph', () => {
  it('fuzzes every mutation of the schema', () => {
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(SENT_BY).sort());
  });

  it.each(Object.keys(SENT_BY))('%s: answers every input without an internal error, and a refusal writes nothing', async (mutation) => {
    await fc.assert(
      fc.asyncProperty(mutationArbitrary(schema, mutation, knownIds), async ({ query, variables }) => {
        const before = await schemaFingerprint(db.urlFor('treatment'), 'treatment');
        const result = await client.run(SENT_BY[mutation]!, query, variables);
        expect(fuzzViolation(result.errors)).toBeNull();
        if (result.errors?.length) expect(await schemaFingerprint(db.urlFor('treatment'), 'treatment')).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });
});
