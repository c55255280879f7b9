import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY, DEMO_PERSON } from '@hub/platform/demo';
import { fuzzViolation, mutationArbitrary, schemaFingerprint, type SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import fc from 'fast-check';
import type { Context } from '../src/context.js';
import { EvidenceItem } from '../src/entities/case-records.entity.js';
import { Deflection } from '../src/entities/deflection.entity.js';
import { Incident } from '../src/entities/incident.entity.js';
import { Participant } from '../src/entities/participant.entity.js';
import { schema } from '../src/index.js';
import { startCasesWithAgencies } from './support.js';

/** Property-based: whatever a client sends, no mutation fails inside, and a refused one writes nothing. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** Each mutation is sent by someone its access rule allows, so the checks behind the gate run too. */
const SENT_BY: Record<string, string> = {
  quickReferral: 'officer',
  recordIncident: 'local-officer',
  decideApproval: 'meg-director',
  recordDisposition: 'officer',
  recordContactAttempt: 'case-manager',
  recordEvidence: 'officer',
  recordEvidenceHandling: 'officer',
  disposeEvidence: 'officer',
  recordReview: 'meg-director',
  closeDeflection: 'meg-director',
  submitToProsecutor: 'meg-director',
};

let db: TestDatabase;
let client: SubgraphClient<Context>;
let stop: () => Promise<void>;
let knownIds: string[];

beforeAll(async () => {
  ({ db, client, stop } = await startCasesWithAgencies());
  const em = db.orm('cases').fork();
  const rows = await Promise.all([em.find(Deflection, {}), em.find(Participant, {}), em.find(Incident, {}), em.find(EvidenceItem, {})]);
  knownIds = [...rows.flat().map((row) => row.id), ...Object.values(DEMO_AGENCY), ...Object.values(DEMO_PERSON)];
});

afterAll(async () => {
  await stop?.();
});

describe('fuzzed mutations of the cases subgraph', () => {
  it('fuzzes every mutation of the schema', () => {
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(SENT_BY).sort());
  });

  it.each(Object.keys(SENT_BY))('%s: answers every input without an internal error, and a refusal writes nothing', async (mutation) => {
    await fc.assert(
      fc.asyncProperty(mutationArbitrary(schema, mutation, knownIds), async ({ query, variables }) => {
        const before = await schemaFingerprint(db.urlFor('cases'), 'cases');
        const result = await client.run(SENT_BY[mutation]!, query, variables);
        expect(fuzzViolation(result.errors)).toBeNull();
        if (result.errors?.length) expect(await schemaFingerprint(db.urlFor('cases'), 'cases')).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });
});
