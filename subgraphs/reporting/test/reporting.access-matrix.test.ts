import { afterAll, beforeAll } from '@jest/globals';
import { createTestDatabase, SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import { describeAccessMatrix, type ExpectedGrant } from '@hub/platform/testing/jest';
import type { Context } from '../src/context.js';
import { reporting, schema } from '../src/index.js';
import { access } from '../src/rules/access.js';

let db: TestDatabase;
let client: SubgraphClient<Context>;

beforeAll(async () => {
  db = await createTestDatabase([reporting]);
  client = new SubgraphClient(reporting, db.orm('reporting'));
});

afterAll(async () => {
  await db?.drop();
});

/** The policy itself, written out (see describeAccessMatrix): changing who may do what means changing this table too. */
const EXPECTED: Record<string, ExpectedGrant> = {
  'Query.suppressionThreshold': 'anyone signed in',
  'Entity.Agency': 'anyone signed in',
};

describeAccessMatrix('reporting', { schema, access, expected: EXPECTED, client: () => client });
