import { randomUUID } from 'node:crypto';
import { readAuditTrail } from '@hub/platform/audit';
import type { FilterQuery } from '@mikro-orm/core';
import { pageOf } from '@hub/platform/db';
import { canonicalCounty, illinoisDate } from '@hub/platform/domain';
import { invalidInput, notFound } from '@hub/platform/errors';
import { requireActor } from '@hub/platform/identity';
import { Agency } from '../entities/agency.entity.js';
import { ChangeVersion } from '../entities/change-version.entity.js';
import type { AgencyFilter, QueryResolvers } from '../generated/resolvers-types.js';
import { approversOfAgency, planForUnit } from '../reads.js';

function agencyWhere(filter: AgencyFilter | null | undefined): FilterQuery<Agency> {
  const where: FilterQuery<Agency> = {};
  if (!filter?.includeInactive) where.active = true;
  if (filter?.ids) where.id = { $in: filter.ids };
  if (filter?.kind?.length) where.kind = { $in: filter.kind };
  if (filter?.county) {
    const county = canonicalCounty(filter.county);
    if (!county) throw invalidInput([{ field: 'filter.county', rule: 'illinois-county', message: `filter.county "${filter.county}" is not an Illinois county.` }]);
    where.countiesServed = { $overlap: [county] };
  }
  if (filter?.nameContains) where.name = { $ilike: `%${filter.nameContains.replace(/[%_\\]/g, '\\$&')}%` };
  return where;
}

/**
 * Part of the change version: a new agencies process may compute answers differently from the old one (a deploy), and
 * answers kept from the old one must not outlive it. With several agencies processes, kept answers are read again
 * more often, never used stale.
 */
const PROCESS_RUN = randomUUID();

/** Thin: the directory is open to every signed-in user (rules/access.ts); each field reads through loaders. */
export const Query: QueryResolvers = {
  agenciesAuditTrail: (_parent, { filter, first, after }, context) => readAuditTrail(context.em, filter, first, after),
  agency: (_parent, { id }, context) => context.loaders.agency.load(id),

  async agencies(_parent, { filter, first, after }, context) {
    const page = await pageOf(context.em, Agency, { where: agencyWhere(filter), orderBy: { name: 'asc', id: 'asc' }, first, after }, { count: true });
    for (const { node } of page.edges) context.loaders.agency.prime(node.id, node);
    return page;
  },

  async myAgency(_parent, _args, context) {
    const agency = await context.loaders.agency.load(requireActor(context).agencyId);
    if (!agency) throw notFound('Your agency');
    return agency;
  },

  async me(_parent, _args, context) {
    const person = await context.loaders.person.load(requireActor(context).personId);
    if (!person) throw notFound('Your personnel record');
    return person;
  },

  person: (_parent, { id }, context) => context.loaders.person.load(id),

  async solutionActionPlan(_parent, { unitId, county, on }, context) {
    const unit = await context.loaders.agency.load(unitId);
    return unit ? planForUnit(context, unit, county ?? null, on ?? illinoisDate()) : null;
  },

  async approversFor(_parent, { agencyId, on }, context) {
    const agency = await context.loaders.agency.load(agencyId);
    return agency ? approversOfAgency(context, agency, on ?? illinoisDate()) : [];
  },

  changeVersion: async (_parent, _args, context) => `${(await context.em.findOneOrFail(ChangeVersion, 1)).version}.${PROCESS_RUN}`,
};
