import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById as byId, loaderGroupedBy as groupedBy } from '@hub/platform';
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
    agency: byId((ids) => em.find(Agency, { id: { $in: ids } })),
    person: byId((ids) => em.find(Person, { id: { $in: ids } })),
    designation: byId((ids) => em.find(Designation, { id: { $in: ids } })),
    solutionActionPlan: byId((ids) => em.find(SolutionActionPlan, { id: { $in: ids } })),
    childrenOf: groupedBy((ids) => em.find(Agency, { parentId: { $in: ids } }, { orderBy: { name: 'asc' } }), 'parentId'),
    personnelOf: groupedBy(
      (ids) => em.find(Person, { agencyId: { $in: ids } }, { orderBy: { familyName: 'asc', givenName: 'asc' } }),
      'agencyId',
    ),
    designationsOf: groupedBy(
      (ids) => em.find(Designation, { designeeId: { $in: ids } }, { orderBy: { validFrom: 'desc' } }),
      'designeeId',
    ),
    designationsFor: groupedBy(
      (ids) => em.find(Designation, { agencyId: { $in: ids } }, { orderBy: { validFrom: 'desc' } }),
      'agencyId',
    ),
    megMembersOf: groupedBy((ids) => em.find(MegMember, { megId: { $in: ids } }, { orderBy: { localGovernment: 'asc' } }), 'megId'),
    agreementsOf: groupedBy(
      (ids) => em.find(TaskForceAgreement, { taskForceId: { $in: ids } }, { orderBy: { effectiveFrom: 'desc' } }),
      'taskForceId',
    ),
    plansOf: groupedBy(
      (ids) => em.find(SolutionActionPlan, { unitId: { $in: ids } }, { orderBy: { effectiveFrom: 'desc', planVersion: 'desc' } }),
      'unitId',
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
