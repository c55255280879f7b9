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
  'Query.reportingAuditTrail': ['HUB_ADMINISTRATOR'],
  'Query.suppressionThreshold': 'anyone signed in',
  'Query.statistics': 'anyone signed in',
  'Query.myReferralOutcomes': ['OFFICER'],
  'Query.unitReferralOutcomes': ['SUPERVISOR', 'ADMINISTRATOR'],
  'Query.referralCounts': ['SUPERVISOR', 'ADMINISTRATOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'],
  'Query.feedbackDigest': ['OFFICER', 'SUPERVISOR', 'ADMINISTRATOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'],
  'Query.stateDataSet': ['ANALYST', 'HUB_ADMINISTRATOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'SUPERVISOR', 'ADMINISTRATOR'],
  'Query.eventDelivery': ['HUB_ADMINISTRATOR'],
  'Query.crisisStatistics': 'anyone signed in',
  'Query.crisisIncidents': ['OFFICER', 'SUPERVISOR', 'ADMINISTRATOR', 'RECORDS_STAFF'],
  'Query.crisisMonth': ['OFFICER', 'SUPERVISOR', 'ADMINISTRATOR', 'RECORDS_STAFF', 'STATE_REPORTING_STAFF'],
  'Query.crisisSubmissions': ['OFFICER', 'SUPERVISOR', 'ADMINISTRATOR', 'RECORDS_STAFF', 'STATE_REPORTING_STAFF'],
  'Query.crisisSubmission': ['OFFICER', 'SUPERVISOR', 'ADMINISTRATOR', 'RECORDS_STAFF', 'STATE_REPORTING_STAFF'],
  'Query.crisisReportingStatus': ['STATE_REPORTING_STAFF'],
  'Mutation.recordCrisisIncident': ['OFFICER', 'SUPERVISOR', 'ADMINISTRATOR', 'RECORDS_STAFF'],
  'Mutation.updateCrisisIncident': ['OFFICER', 'SUPERVISOR', 'ADMINISTRATOR', 'RECORDS_STAFF'],
  'Mutation.submitCrisisMonth': ['SUPERVISOR', 'ADMINISTRATOR', 'RECORDS_STAFF'],
  'Mutation.importCrisisIncidents': ['SUPERVISOR', 'ADMINISTRATOR', 'RECORDS_STAFF'],
  'Query.useOfForceIncidents': ['ADMINISTRATOR', 'RECORDS_STAFF'],
  'Query.useOfForceSubmissions': ['ADMINISTRATOR', 'RECORDS_STAFF', 'STATE_REPORTING_STAFF'],
  'Query.useOfForceRejections': ['ADMINISTRATOR', 'RECORDS_STAFF', 'STATE_REPORTING_STAFF'],
  'Query.useOfForceSubmission': ['ADMINISTRATOR', 'RECORDS_STAFF', 'STATE_REPORTING_STAFF'],
  'Mutation.recordUseOfForceIncident': ['ADMINISTRATOR', 'RECORDS_STAFF'],
  'Mutation.updateUseOfForceIncident': ['ADMINISTRATOR', 'RECORDS_STAFF'],
  'Mutation.submitUseOfForceMonth': ['ADMINISTRATOR', 'RECORDS_STAFF'],
  'Mutation.recordUseOfForceResponse': ['STATE_REPORTING_STAFF'],
  'Entity.Agency': 'anyone signed in',
};

describeAccessMatrix('reporting', { schema, access, expected: EXPECTED, client: () => client });
