import { execute } from '@hub/platform/db';
import { addMegMember, createAgency, recordTaskForceAgreement, updateAgency } from '../commands/agency.js';
import { designate, revokeDesignation } from '../commands/designation.js';
import { addPerson, setPersonActive } from '../commands/person.js';
import { publishSolutionActionPlan } from '../commands/solution-action-plan.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

/** Thin: each mutation is one command in one transaction; the rules live in ../rules, the steps in ../commands. */
export const Mutation: MutationResolvers = {
  createAgency: (_parent, { input }, context) => execute(context, (cmd) => createAgency(cmd, input)),
  updateAgency: (_parent, { input }, context) => execute(context, (cmd) => updateAgency(cmd, input)),
  addMegMember: (_parent, { input }, context) => execute(context, (cmd) => addMegMember(cmd, input)),
  recordTaskForceAgreement: (_parent, { input }, context) => execute(context, (cmd) => recordTaskForceAgreement(cmd, input)),
  addPerson: (_parent, { input }, context) => execute(context, (cmd) => addPerson(cmd, input)),
  setPersonActive: (_parent, { input }, context) => execute(context, (cmd) => setPersonActive(cmd, input)),
  designate: (_parent, { input }, context) => execute(context, (cmd) => designate(cmd, input)),
  revokeDesignation: (_parent, { id }, context) => execute(context, (cmd) => revokeDesignation(cmd, id)),
  publishSolutionActionPlan: (_parent, { input }, context) => execute(context, (cmd) => publishSolutionActionPlan(cmd, input)),
};
