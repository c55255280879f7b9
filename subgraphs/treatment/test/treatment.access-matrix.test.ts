import { afterAll, beforeAll } from '@jest/globals';
import { type SubgraphClient } from '@hub/platform/testing';
import { describeAccessMatrix, type ExpectedGrant } from '@hub/platform/testing/jest';
import type { Context } from '../src/context.js';
import { schema } from '../src/index.js';
import { startTreatmentWithCases } from './support.js';
import { access } from '../src/rules/access.js';

let client: SubgraphClient<Context>;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ client, stop } = await startTreatmentWithCases());
});

afterAll(async () => {
  await stop?.();
});

/** Analysts see statistics only: every other role may ask, and consent decides. */
const EVERYONE_BUT_ANALYSTS = ['OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'CASE_MANAGER', 'PROVIDER_STAFF', 'PROSECUTOR', 'ADMINISTRATOR', 'HUB_ADMINISTRATOR'];

/** The policy itself, written out (see describeAccessMatrix): changing who may do what means changing this table too. */
const EXPECTED: Record<string, ExpectedGrant> = {
  'Query.treatmentAuditTrail': ['HUB_ADMINISTRATOR'],
  'Query.provider': 'anyone signed in',
  'Query.providers': 'anyone signed in',
  'Query.providerSearch': 'anyone signed in',
  'Query.myEpisodes': ['PROVIDER_STAFF'],
  'Query.treatmentEpisode': ['PROVIDER_STAFF'],
  'Query.consents': ['PROVIDER_STAFF'],
  'Query.treatmentOfDeflection': EVERYONE_BUT_ANALYSTS,
  'Query.accountingOfDisclosures': ['PROVIDER_STAFF'],
  'Mutation.referToTreatment': ['CASE_MANAGER', 'OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'],
  'Mutation.updateEpisode': ['PROVIDER_STAFF'],
  'Mutation.bulkUpdateEpisodes': ['PROVIDER_STAFF'],
  'Mutation.updateCapacity': ['PROVIDER_STAFF'],
  'Mutation.recordConsent': ['PROVIDER_STAFF'],
  'Mutation.revokeConsent': ['PROVIDER_STAFF'],
  'Entity.Provider': 'anyone signed in',
  'Entity.Deflection': EVERYONE_BUT_ANALYSTS,
};

describeAccessMatrix('treatment', { schema, access, expected: EXPECTED, client: () => client });
