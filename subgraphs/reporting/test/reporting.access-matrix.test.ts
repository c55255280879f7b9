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
  'Query.statistics': 'anyone signed in',
  'Query.myReferralOutcomes': ['OFFICER'],
  'Query.unitReferralOutcomes': ['SUPERVISOR', 'ADMINISTRATOR'],
  'Query.referralCounts': ['SUPERVISOR', 'ADMINISTRATOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'],
  'Query.feedbackDigest': ['OFFICER', 'SUPERVISOR', 'ADMINISTRATOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'],
  'Query.stateDataSet': ['ANALYST', 'HUB_ADMINISTRATOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'SUPERVISOR', 'ADMINISTRATOR'],
  'Query.eventDelivery': ['HUB_ADMINISTRATOR'],
  'Entity.Agency': 'anyone signed in',
};

describeAccessMatrix('reporting', { schema, access, expected: EXPECTED, client: () => client });
