import { DateScalar, DateTimeScalar, illinoisDate, requireActor } from '@hub/platform';
import type { Context } from '../context.js';
import type { Agency as AgencyEntity } from '../entities/agency.entity.js';
import type { Person as PersonEntity } from '../entities/person.entity.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { designationValidOn } from '../rules/approvers.js';
import { approversOfAgency, planForUnit } from './shared.js';

async function mustLoadAgency(context: Context, id: string): Promise<AgencyEntity> {
  const agency = await context.loaders.agency.load(id);
  if (!agency) throw new Error(`agency ${id} is referenced but missing`);
  return agency;
}

async function mustLoadPerson(context: Context, id: string): Promise<PersonEntity> {
  const person = await context.loaders.person.load(id);
  if (!person) throw new Error(`person ${id} is referenced but missing`);
  return person;
}

export const typeResolvers: Omit<Resolvers, 'Query' | 'Mutation'> = {
  Date: DateScalar,
  DateTime: DateTimeScalar,

  Agency: {
    // The gateway asks for many agencies at once; the DataLoader turns them into one `where id in (...)`.
    async __resolveReference(reference, context) {
      requireActor(context);
      return context.loaders.agency.load(reference.id);
    },
    parent: (agency, _args, context) => (agency.parentId ? context.loaders.agency.load(agency.parentId) : null),
    children: (agency, _args, context) => context.loaders.childrenOf.load(agency.id),
    megMembers: async (agency, _args, context) => (agency.kind === 'MEG' ? context.loaders.megMembersOf.load(agency.id) : []),
    taskForceAgreements: async (agency, _args, context) => (agency.kind === 'TASK_FORCE' ? context.loaders.agreementsOf.load(agency.id) : []),
    async personnel(agency, { includeInactive }, context) {
      const people = await context.loaders.personnelOf.load(agency.id);
      return includeInactive ? people : people.filter((person) => person.active);
    },
    solutionActionPlan: (agency, { county, on }, context) => planForUnit(context, agency, county ?? null, on ?? illinoisDate()),
    solutionActionPlans: (agency, _args, context) => context.loaders.plansOf.load(agency.id),
    approvers: (agency, { on }, context) => approversOfAgency(context, agency, on ?? illinoisDate()),
  },

  MegMember: {
    agency: (member, _args, context) => (member.agencyId ? context.loaders.agency.load(member.agencyId) : null),
  },

  TaskForceAgreement: {
    async parties(agreement, _args, context) {
      const parties = await context.loaders.agency.loadMany(agreement.partyIds);
      return parties.filter((p): p is AgencyEntity => p !== null && !(p instanceof Error));
    },
    inForce: (agreement) => {
      const today = illinoisDate();
      return agreement.effectiveFrom <= today && (!agreement.effectiveTo || today <= agreement.effectiveTo);
    },
  },

  Person: {
    async __resolveReference(reference, context) {
      requireActor(context);
      return context.loaders.person.load(reference.id);
    },
    displayName: (person) => person.displayName,
    agency: (person, _args, context) => mustLoadAgency(context, person.agencyId),
    designations: (person, _args, context) => context.loaders.designationsOf.load(person.id),
  },

  Designation: {
    designee: (designation, _args, context) => mustLoadPerson(context, designation.designeeId),
    delegatedBy: (designation, _args, context) => mustLoadPerson(context, designation.delegatedById),
    agency: (designation, _args, context) => mustLoadAgency(context, designation.agencyId),
    validToday: (designation) => designationValidOn(designation, illinoisDate()),
  },

  Approver: {
    person: (approver) => approver.person,
    actingFor: (approver) => approver.actingFor,
    designation: (approver) => approver.designation,
  },

  SolutionActionPlan: {
    async __resolveReference(reference, context) {
      requireActor(context);
      return context.loaders.solutionActionPlan.load(reference.id);
    },
    version: (plan) => plan.planVersion,
    unit: (plan, _args, context) => mustLoadAgency(context, plan.unitId),
    caseManagementOrganization: (plan, _args, context) => mustLoadAgency(context, plan.caseManagementOrganizationId),
    approvingAgency: (plan, _args, context) => (plan.approvingAgencyId ? context.loaders.agency.load(plan.approvingAgencyId) : null),
    publishedBy: (plan, _args, context) => (plan.publishedById ? context.loaders.person.load(plan.publishedById) : null),
  },
};
