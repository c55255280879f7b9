import { afterAll, beforeAll } from '@jest/globals';
import { createTestDatabase, SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import { describeAccessMatrix, type ExpectedGrant } from '@hub/platform/testing/jest';
import type { Context } from '../src/context.js';
import { agencies, schema } from '../src/index.js';
import { access } from '../src/rules/access.js';

let db: TestDatabase;
let client: SubgraphClient<Context>;

beforeAll(async () => {
  db = await createTestDatabase([agencies], { seed: true });
  client = new SubgraphClient(agencies, db.orm('agencies'));
});

afterAll(async () => {
  await db?.drop();
});

/** The policy itself, written out (see describeAccessMatrix): changing who may do what means changing this table too. */
const EXPECTED: Record<string, ExpectedGrant> = {
  'Query.agenciesAuditTrail': ['HUB_ADMINISTRATOR'],
  'Query.agency': 'anyone signed in',
  'Query.agencies': 'anyone signed in',
  'Query.myAgency': 'anyone signed in',
  'Query.me': 'anyone signed in',
  'Query.person': 'anyone signed in',
  'Query.solutionActionPlan': 'anyone signed in',
  'Query.approversFor': 'anyone signed in',
  'Query.changeVersion': 'anyone signed in',
  'Mutation.createAgency': ['HUB_ADMINISTRATOR', 'ADMINISTRATOR'],
  'Mutation.updateAgency': ['HUB_ADMINISTRATOR', 'ADMINISTRATOR'],
  'Mutation.addMegMember': ['HUB_ADMINISTRATOR', 'ADMINISTRATOR'],
  'Mutation.recordTaskForceAgreement': ['HUB_ADMINISTRATOR', 'ADMINISTRATOR'],
  'Mutation.addPerson': ['HUB_ADMINISTRATOR', 'ADMINISTRATOR'],
  'Mutation.setPersonActive': ['HUB_ADMINISTRATOR', 'ADMINISTRATOR'],
  'Mutation.designate': ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'SUPERVISOR', 'HUB_ADMINISTRATOR', 'ADMINISTRATOR'],
  'Mutation.revokeDesignation': ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'SUPERVISOR', 'HUB_ADMINISTRATOR', 'ADMINISTRATOR'],
  'Mutation.publishSolutionActionPlan': ['HUB_ADMINISTRATOR', 'ADMINISTRATOR'],
  'Entity.Agency': 'anyone signed in',
  'Entity.Person': 'anyone signed in',
  'Entity.SolutionActionPlan': 'anyone signed in',
};

describeAccessMatrix('agencies', { schema, access, expected: EXPECTED, client: () => client });
