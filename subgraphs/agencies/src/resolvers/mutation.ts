import { LockMode } from '@mikro-orm/core';
import { expectVersion, forbidden, inTransaction, notFound, requireActor, Violations } from '@hub/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../entities/agency.entity.js';
import { Designation } from '../entities/designation.entity.js';
import { MegMember } from '../entities/meg-member.entity.js';
import { Person } from '../entities/person.entity.js';
import { SolutionActionPlan } from '../entities/solution-action-plan.entity.js';
import { TaskForceAgreement } from '../entities/task-force-agreement.entity.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { checkCounties, checkName, checkOri, checkParent, ISP_KINDS, isLawEnforcement } from '../rules/agency-rules.js';
import { requireAdministratorOf } from '../rules/administration.js';
import { checkDesignation } from '../rules/designation-rules.js';
import { checkPerson } from '../rules/person-rules.js';
import { checkSolutionActionPlan } from '../rules/solution-action-plan-rules.js';

async function findAgency(em: EntityManager, id: string | null | undefined): Promise<Agency | null> {
  return id ? em.findOne(Agency, { id }) : null;
}

export const Mutation: MutationResolvers = {
  async createAgency(_parent, { input }, context) {
    await requireAdministratorOf(context, input.parentId ?? null);
    return inTransaction(context.em, async (em) => {
      const v = new Violations();
      checkName(v, 'input.name', input.name);
      checkOri(v, 'input.ori', input.ori);
      const counties = checkCounties(v, 'input.countiesServed', input.countiesServed);
      const parent = await findAgency(em, input.parentId);
      if (input.parentId && !parent) v.add('input.parentId', 'exists', 'input.parentId names no agency.');
      const level = input.level ?? 'AGENCY';
      checkParent(v, { kind: input.kind, level }, parent, 'input.parentId');
      v.throwIfAny();
      const agency = em.create(Agency, {
        name: input.name.trim(),
        kind: input.kind,
        level,
        ori: input.ori ?? null,
        parentId: parent?.id ?? null,
        countiesServed: counties,
      });
      await em.flush();
      return agency;
    });
  },

  async updateAgency(_parent, { input }, context) {
    await requireAdministratorOf(context, input.id);
    return inTransaction(context.em, async (em) => {
      const agency = await em.findOne(Agency, { id: input.id });
      if (!agency) throw notFound('The agency');
      expectVersion(agency, input.version, 'The agency');
      const v = new Violations();
      if (input.name != null) checkName(v, 'input.name', input.name);
      if (input.ori !== undefined) checkOri(v, 'input.ori', input.ori);
      const counties = input.countiesServed != null ? checkCounties(v, 'input.countiesServed', input.countiesServed) : null;
      v.throwIfAny();
      if (input.name != null) agency.name = input.name.trim();
      if (input.ori !== undefined) agency.ori = input.ori;
      if (counties) agency.countiesServed = counties;
      if (input.active != null) agency.active = input.active;
      await em.flush();
      return agency;
    });
  },

  async addMegMember(_parent, { input }, context) {
    await requireAdministratorOf(context, input.megId);
    return inTransaction(context.em, async (em) => {
      const meg = await em.findOne(Agency, { id: input.megId });
      const v = new Violations();
      if (!meg) v.add('input.megId', 'exists', 'input.megId names no agency.');
      else v.check(meg.kind === 'MEG', 'input.megId', 'is-meg', 'input.megId must be a MEG.');
      v.check(input.localGovernment.trim().length > 0, 'input.localGovernment', 'required', 'input.localGovernment must not be blank.');
      if (input.agencyId) {
        const member = await em.findOne(Agency, { id: input.agencyId });
        if (!member) v.add('input.agencyId', 'exists', 'input.agencyId names no agency.');
        else v.check(isLawEnforcement(member.kind), 'input.agencyId', 'law-enforcement', 'A MEG member agency must be a law-enforcement agency.');
      }
      v.throwIfAny();
      em.create(MegMember, {
        megId: input.megId,
        localGovernment: input.localGovernment.trim(),
        agencyId: input.agencyId ?? null,
        joinedOn: input.joinedOn,
      });
      meg!.updatedAt = new Date();
      await em.flush();
      return meg!;
    });
  },

  async recordTaskForceAgreement(_parent, { input }, context) {
    await requireAdministratorOf(context, input.taskForceId);
    return inTransaction(context.em, async (em) => {
      const v = new Violations();
      const taskForce = await em.findOne(Agency, { id: input.taskForceId });
      if (!taskForce) v.add('input.taskForceId', 'exists', 'input.taskForceId names no agency.');
      else v.check(taskForce.kind === 'TASK_FORCE', 'input.taskForceId', 'is-task-force', 'input.taskForceId must be a task force.');
      v.check(input.title.trim().length > 0, 'input.title', 'required', 'input.title must not be blank.');
      const parties = await em.find(Agency, { id: { $in: input.partyIds } });
      const missing = input.partyIds.filter((id) => !parties.some((p) => p.id === id));
      for (const id of missing) v.add('input.partyIds', 'exists', `input.partyIds names no agency ${id}.`);
      // OPS-092 II.D: an agreement between the Department (ISP) and municipal/county law-enforcement agencies.
      v.check(parties.some((p) => ISP_KINDS.includes(p.kind)), 'input.partyIds', 'isp-party', 'A task-force agreement must include ISP as a party.');
      v.check(
        parties.some((p) => p.kind === 'LOCAL_POLICE' || p.kind === 'SHERIFF'),
        'input.partyIds',
        'local-party',
        'A task-force agreement must include at least one municipal or county law-enforcement agency.',
      );
      if (input.effectiveTo) {
        v.check(input.effectiveTo >= input.effectiveFrom, 'input.effectiveTo', 'after-effective-from', 'input.effectiveTo must not be before input.effectiveFrom.');
      }
      v.throwIfAny();
      const agreement = em.create(TaskForceAgreement, {
        taskForceId: input.taskForceId,
        title: input.title.trim(),
        partyIds: [...new Set(input.partyIds)],
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo ?? null,
      });
      await em.flush();
      return agreement;
    });
  },

  async addPerson(_parent, { input }, context) {
    await requireAdministratorOf(context, input.agencyId);
    return inTransaction(context.em, async (em) => {
      const agency = await em.findOne(Agency, { id: input.agencyId });
      checkPerson({ ...input, agencyKind: agency?.kind ?? null });
      const person = em.create(Person, {
        agencyId: input.agencyId,
        givenName: input.givenName.trim(),
        familyName: input.familyName.trim(),
        badgeNumber: input.badgeNumber ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        roles: [...new Set(input.roles)],
      });
      await em.flush();
      return person;
    });
  },

  async setPersonActive(_parent, { input }, context) {
    const person = await context.em.findOne(Person, { id: input.personId });
    // Same answer for "not there" and "not yours": nothing is revealed about other agencies' staff.
    await requireAdministratorOf(context, person?.agencyId ?? null);
    if (!person) throw notFound('The person');
    return inTransaction(context.em, async (em) => {
      person.active = input.active;
      await em.flush();
      return person;
    });
  },

  async designate(_parent, { input }, context) {
    const actor = requireActor(context);
    // A leader designates for their own authority; an administrator of the agency may record it for them.
    if (actor.personId !== input.delegatedById) await requireAdministratorOf(context, input.agencyId);
    return inTransaction(context.em, async (em) => {
      const [agency, delegatedBy, designee] = await Promise.all([
        em.findOne(Agency, { id: input.agencyId }),
        em.findOne(Person, { id: input.delegatedById }),
        em.findOne(Person, { id: input.designeeId }),
      ]);
      checkDesignation({ capacity: input.capacity, agency, delegatedBy, designee, validFrom: input.validFrom, validTo: input.validTo ?? null });
      const designation = em.create(Designation, {
        designeeId: input.designeeId,
        delegatedById: input.delegatedById,
        capacity: input.capacity,
        agencyId: input.agencyId,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
      });
      await em.flush();
      return designation;
    });
  },

  async revokeDesignation(_parent, { id }, context) {
    const actor = requireActor(context);
    const designation = await context.em.findOne(Designation, { id });
    if (!designation) throw notFound('The designation');
    if (actor.personId !== designation.delegatedById) await requireAdministratorOf(context, designation.agencyId);
    return inTransaction(context.em, async (em) => {
      // Revoking twice is a no-op, so a retried request is safe.
      if (!designation.revokedAt) designation.revokedAt = new Date();
      await em.flush();
      return designation;
    });
  },

  async publishSolutionActionPlan(_parent, { input }, context) {
    const actor = await requireAdministratorOf(context, input.unitId);
    return inTransaction(context.em, async (em) => {
      // Lock the unit so two administrators publishing at once get consecutive versions, not a clash.
      const unit = await em.findOne(Agency, { id: input.unitId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!unit) throw forbidden();
      const [caseManagementOrganization, approvingAgency] = await Promise.all([
        findAgency(em, input.caseManagementOrganizationId),
        findAgency(em, input.approvingAgencyId),
      ]);
      const draft = {
        county: input.county ?? null,
        effectiveFrom: input.effectiveFrom,
        enabledPathways: input.enabledPathways,
        eligibility: {
          minimumAge: input.eligibility.minimumAge ?? null,
          allowsActiveWarrants: input.eligibility.allowsActiveWarrants,
          allowsProbationOrParole: input.eligibility.allowsProbationOrParole,
          excludedOffenses: input.eligibility.excludedOffenses ?? [],
          notes: input.eligibility.notes ?? null,
        },
        caseManagerContact: {
          preferredMethod: input.caseManagerContact.preferredMethod,
          phone: input.caseManagerContact.phone ?? null,
          email: input.caseManagerContact.email ?? null,
          hours: input.caseManagerContact.hours ?? null,
          instructions: input.caseManagerContact.instructions ?? null,
        },
        protocols: input.protocols,
      };
      const { county } = checkSolutionActionPlan({
        draft,
        unit,
        caseManagementOrganization,
        approvingAgency,
        approvingAgencyRequested: Boolean(input.approvingAgencyId),
      });
      const previous = await em.find(SolutionActionPlan, { unitId: unit.id, county }, { orderBy: { planVersion: 'desc' } });
      const latest = previous[0];
      if (latest && latest.effectiveFrom >= input.effectiveFrom) {
        new Violations()
          .add('input.effectiveFrom', 'after-current-version', `A new version must start after version ${latest.planVersion} (which starts ${latest.effectiveFrom}).`)
          .throwIfAny();
      }
      if (latest && !latest.supersededOn) latest.supersededOn = input.effectiveFrom;
      const plan = em.create(SolutionActionPlan, {
        ...draft,
        county,
        unitId: unit.id,
        planVersion: (latest?.planVersion ?? 0) + 1,
        caseManagementOrganizationId: input.caseManagementOrganizationId,
        approvingAgencyId: input.approvingAgencyId ?? null,
        publishedById: actor.personId,
      });
      await em.flush();
      return plan;
    });
  },
};

