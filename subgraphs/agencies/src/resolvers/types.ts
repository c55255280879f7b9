import { illinoisDate } from '@hub/platform/domain';
import { DateScalar, DateTimeScalar } from '@hub/platform/graphql';
import type { Agency } from '../entities/agency.entity.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { designationValidOn } from '../rules/approvers.js';
import { plansInForce } from '../rules/solution-action-plan-selection.js';
import { approversOfAgency, mustLoad, planForUnit } from '../reads.js';

/** Thin: relations through the request's loaders (one statement per relation per list), rules from ../rules. */
export const typeResolvers: Omit<Resolvers, 'Query' | 'Mutation'> = {
  Date: DateScalar,
  DateTime: DateTimeScalar,

  Agency: {
    // The gateway asks for many agencies at once; the DataLoader turns them into one `where id in (...)`.
    __resolveReference: (reference, context) => context.loaders.agency.load(reference.id),
    parent: (agency, _args, context) => (agency.parent ? context.loaders.agency.load(agency.parent.id) : null),
    children: (agency, _args, context) => context.loaders.childrenOf.load(agency.id),
    megMembers: async (agency, _args, context) => (agency.kind === 'MEG' ? context.loaders.megMembersOf.load(agency.id) : []),
    taskForceAgreements: async (agency, _args, context) => (agency.kind === 'TASK_FORCE' ? context.loaders.agreementsOf.load(agency.id) : []),
    async personnel(agency, { includeInactive }, context) {
      const people = await context.loaders.personnelOf.load(agency.id);
      return includeInactive ? people : people.filter((person) => person.active);
    },
    solutionActionPlan: (agency, { county, on }, context) => planForUnit(context, agency, county ?? null, on ?? illinoisDate()),
    solutionActionPlansInForce: async (agency, { on }, context) => plansInForce(await context.loaders.plansOf.load(agency.id), on ?? illinoisDate()),
    solutionActionPlans: (agency, _args, context) => context.loaders.plansOf.load(agency.id),
    approvers: (agency, { on }, context) => approversOfAgency(context, agency, on ?? illinoisDate()),
  },

  MegMember: {
    agency: (member, _args, context) => (member.agency ? context.loaders.agency.load(member.agency.id) : null),
  },

  TaskForceAgreement: {
    async parties(agreement, _args, context) {
      const parties = await context.loaders.agency.loadMany(agreement.partyIds);
      return parties.filter((p): p is Agency => p !== null && !(p instanceof Error));
    },
    inForce: (agreement) => {
      const today = illinoisDate();
      return agreement.effectiveFrom <= today && (!agreement.effectiveTo || today <= agreement.effectiveTo);
    },
  },

  Person: {
    __resolveReference: (reference, context) => context.loaders.person.load(reference.id),
    displayName: (person) => person.displayName,
    agency: (person, _args, context) => mustLoad(context.loaders.agency.load(person.agency.id), 'agency'),
    designations: (person, _args, context) => context.loaders.designationsOf.load(person.id),
  },

  Designation: {
    designee: (designation, _args, context) => mustLoad(context.loaders.person.load(designation.designee.id), 'person'),
    delegatedBy: (designation, _args, context) => mustLoad(context.loaders.person.load(designation.delegatedBy.id), 'person'),
    agency: (designation, _args, context) => mustLoad(context.loaders.agency.load(designation.agency.id), 'agency'),
    validToday: (designation) => designationValidOn(designation, illinoisDate()),
  },

  Approver: {
    person: (approver) => approver.person,
    actingFor: (approver) => approver.actingFor,
    designation: (approver) => approver.designation,
  },

  SolutionActionPlan: {
    __resolveReference: (reference, context) => context.loaders.solutionActionPlan.load(reference.id),
    version: (plan) => plan.planVersion,
    unit: (plan, _args, context) => mustLoad(context.loaders.agency.load(plan.unit.id), 'agency'),
    caseManagementOrganization: (plan, _args, context) => mustLoad(context.loaders.agency.load(plan.caseManagementOrganization.id), 'agency'),
    approvingAgency: (plan, _args, context) => (plan.approvingAgency ? context.loaders.agency.load(plan.approvingAgency.id) : null),
    publishedBy: (plan, _args, context) => (plan.publishedBy ? context.loaders.person.load(plan.publishedBy.id) : null),
  },
};
