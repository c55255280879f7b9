import { canonicalCounty, decodeCursor, encodeCursor, illinoisDate, invalidInput, notFound, pageSize, requireActor } from '@hub/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { Agency } from '../entities/agency.entity.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { approversOfAgency, planForUnit } from './shared.js';

export const Query: QueryResolvers = {
  async agency(_parent, { id }, context) {
    requireActor(context);
    return context.loaders.agency.load(id);
  },

  async agencies(_parent, { filter, first, after }, context) {
    requireActor(context);
    const limit = pageSize(first);
    const where: FilterQuery<Agency> = {};
    if (!filter?.includeInactive) where.active = true;
    if (filter?.kind?.length) where.kind = { $in: filter.kind };
    if (filter?.county) {
      const county = canonicalCounty(filter.county);
      if (!county) throw invalidInput([{ field: 'filter.county', rule: 'illinois-county', message: `filter.county "${filter.county}" is not an Illinois county.` }]);
      where.countiesServed = { $overlap: [county] };
    }
    if (filter?.nameContains) where.name = { $ilike: `%${filter.nameContains.replace(/[%_\\]/g, '\\$&')}%` };
    const pageWhere: FilterQuery<Agency> = { ...where };
    if (after) {
      const [name, id] = decodeCursor(after);
      pageWhere.$or = [{ name: { $gt: String(name) } }, { name: String(name), id: { $gt: String(id) } }];
    }
    const [rows, totalCount] = await Promise.all([
      context.em.find(Agency, pageWhere, { orderBy: { name: 'asc', id: 'asc' }, limit: limit + 1 }),
      context.em.count(Agency, where),
    ]);
    const page = rows.slice(0, limit);
    for (const agency of page) context.loaders.agency.prime(agency.id, agency);
    const edges = page.map((node) => ({ node, cursor: encodeCursor([node.name, node.id]) }));
    return { edges, totalCount, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  },

  async myAgency(_parent, _args, context) {
    const actor = requireActor(context);
    const agency = await context.loaders.agency.load(actor.agencyId);
    if (!agency) throw notFound('Your agency');
    return agency;
  },

  async me(_parent, _args, context) {
    const actor = requireActor(context);
    const person = await context.loaders.person.load(actor.personId);
    if (!person) throw notFound('Your personnel record');
    return person;
  },

  async person(_parent, { id }, context) {
    requireActor(context);
    return context.loaders.person.load(id);
  },

  async solutionActionPlan(_parent, { unitId, county, on }, context) {
    requireActor(context);
    const unit = await context.loaders.agency.load(unitId);
    if (!unit) return null;
    return planForUnit(context, unit, county ?? null, on ?? illinoisDate());
  },

  async approversFor(_parent, { agencyId, on }, context) {
    requireActor(context);
    const agency = await context.loaders.agency.load(agencyId);
    if (!agency) return [];
    return approversOfAgency(context, agency, on ?? illinoisDate());
  },
};
