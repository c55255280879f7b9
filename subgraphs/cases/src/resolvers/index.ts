import { DateTimeScalar, decodeCursor, encodeCursor, forbidden, pageSize, requireActor } from '@hub/platform';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { Deflection } from '../entities/deflection.entity.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { canSee, visibilityScope } from '../rules/visibility.js';

/** Not found and not allowed answer the same, so nobody learns that another unit's deflection exists. */
async function visibleDeflection(context: Context, id: string): Promise<Deflection> {
  const actor = requireActor(context);
  const deflection = await context.loaders.deflection.load(id);
  if (!deflection || !canSee(actor, deflection)) throw forbidden();
  return deflection;
}

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,

  Query: {
    deflection: (_parent, { id }, context) => visibleDeflection(context, id),

    async deflections(_parent, { first, after }, context) {
      const actor = requireActor(context);
      const scopes = visibilityScope(actor);
      if (scopes.length === 0) throw forbidden('Your role sees no individual deflections; use the reporting statistics.');
      const limit = pageSize(first);
      const where: FilterQuery<Deflection> = { $or: scopes };
      if (after) {
        const [referredAt, id] = decodeCursor(after);
        where.$and = [{ $or: [{ referredAt: { $lt: new Date(String(referredAt)) } }, { referredAt: new Date(String(referredAt)), id: { $lt: String(id) } }] }];
      }
      const rows = await context.em.find(Deflection, where, { orderBy: { referredAt: 'desc', id: 'desc' }, limit: limit + 1 });
      const edges = rows.slice(0, limit).map((node) => ({ node, cursor: encodeCursor([node.referredAt.toISOString(), node.id]) }));
      return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },

  Deflection: {
    __resolveReference: (reference, context) => visibleDeflection(context, reference.id),
    initiatingUnit: (deflection) => ({ id: deflection.initiatingUnitId }),
    countsFor: (deflection) => (deflection.countsForId ? { id: deflection.countsForId } : null),
  },
};
