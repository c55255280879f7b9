import { loaderById, loaderGroupedBy } from '@hub/platform/db';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from './entities/agency.entity.js';
import { Designation } from './entities/designation.entity.js';
import { MegMember } from './entities/meg-member.entity.js';
import { Person } from './entities/person.entity.js';
import { SolutionActionPlan } from './entities/solution-action-plan.entity.js';
import { TaskForceAgreement } from './entities/task-force-agreement.entity.js';

/**
 * One loader per relation, created per request: whatever the size of a list, each relation costs one SQL
 * statement (`where x in (...)`), and the identity map never outlives the request.
 */
export function createLoaders(em: EntityManager) {
  return {
    agency: loaderById((ids) => em.find(Agency, { id: { $in: ids } })),
    person: loaderById((ids) => em.find(Person, { id: { $in: ids } })),
    designation: loaderById((ids) => em.find(Designation, { id: { $in: ids } })),
    solutionActionPlan: loaderById((ids) => em.find(SolutionActionPlan, { id: { $in: ids } })),
    childrenOf: loaderGroupedBy((ids) => em.find(Agency, { parent: { $in: ids } }, { orderBy: { name: 'asc' } }), (a) => a.parent!.id),
    personnelOf: loaderGroupedBy((ids) => em.find(Person, { agency: { $in: ids } }, { orderBy: { familyName: 'asc', givenName: 'asc' } }), (p) => p.agency.id),
    designationsOf: loaderGroupedBy((ids) => em.find(Designation, { designee: { $in: ids } }, { orderBy: { validFrom: 'desc' } }), (d) => d.designee.id),
    designationsFor: loaderGroupedBy((ids) => em.find(Designation, { agency: { $in: ids } }, { orderBy: { validFrom: 'desc' } }), (d) => d.agency.id),
    megMembersOf: loaderGroupedBy((ids) => em.find(MegMember, { meg: { $in: ids } }, { orderBy: { localGovernment: 'asc' } }), (m) => m.meg.id),
    agreementsOf: loaderGroupedBy((ids) => em.find(TaskForceAgreement, { taskForce: { $in: ids } }, { orderBy: { effectiveFrom: 'desc' } }), (a) => a.taskForce.id),
    plansOf: loaderGroupedBy((ids) => em.find(SolutionActionPlan, { unit: { $in: ids } }, { orderBy: { effectiveFrom: 'desc', planVersion: 'desc' } }), (p) => p.unit.id),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
