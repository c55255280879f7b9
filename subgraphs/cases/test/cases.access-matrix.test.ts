import { afterAll, beforeAll } from '@jest/globals';
import { type SubgraphClient } from '@hub/platform/testing';
import { describeAccessMatrix, type ExpectedGrant } from '@hub/platform/testing/jest';
import type { Context } from '../src/context.js';
import { schema } from '../src/index.js';
import { startCasesWithAgencies } from './support.js';
import { access } from '../src/rules/access.js';

let client: SubgraphClient<Context>;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ client, stop } = await startCasesWithAgencies());
});

afterAll(async () => {
  await stop?.();
});

/** The policy itself, written out (see describeAccessMatrix): changing who may do what means changing this table too. */
const EXPECTED: Record<string, ExpectedGrant> = {
  'Query.casesAuditTrail': ['HUB_ADMINISTRATOR'],
  'Query.deflection': ['OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'CASE_MANAGER'],
  'Query.deflectionByReference': ['OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'CASE_MANAGER'],
  'Query.deflections': ['OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'CASE_MANAGER'],
  'Query.reviewsDue': ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'SUPERVISOR'],
  'Query.overdueReviews': ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'SUPERVISOR'],
  'Query.evidenceAwaitingDisposal': ['OFFICER', 'SUPERVISOR'],
  'Query.participant': ['OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'CASE_MANAGER'],
  'Query.incident': ['OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'CASE_MANAGER'],
  'Mutation.quickReferral': ['OFFICER', 'SUPERVISOR'],
  'Mutation.recordIncident': ['OFFICER', 'SUPERVISOR'],
  'Mutation.decideApproval': ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'],
  'Mutation.recordDisposition': ['OFFICER', 'SUPERVISOR'],
  'Mutation.recordContactAttempt': ['OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'CASE_MANAGER'],
  'Mutation.recordEvidence': ['OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'],
  'Mutation.recordEvidenceHandling': ['OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'],
  'Mutation.disposeEvidence': ['OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'],
  'Mutation.recordReview': ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'SUPERVISOR'],
  'Mutation.closeDeflection': ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'SUPERVISOR'],
  'Mutation.submitToProsecutor': ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'SUPERVISOR'],
  'Entity.Deflection': ['OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE', 'CASE_MANAGER'],
};

describeAccessMatrix('cases', { schema, access, expected: EXPECTED, client: () => client });
