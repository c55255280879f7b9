import { addDays, decodeCursor, encodeCursor, forbidden, hasAnyRole, illinoisDate, illinoisDayStart, invalidInput, pageSize, requireActor, type Actor } from '@hub/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { Deflection } from '../entities/deflection.entity.js';
import { isParticipantKnownTo } from '../participant-access.js';
import type { DeflectionFilter, DeflectionOrder, QueryResolvers } from '../generated/resolvers-types.js';
import { canSee, isLeader, visibilityScope } from '../rules/visibility.js';
import { visibleDeflection } from './visible.js';

const SORT_COLUMNS = { REFERRED_AT: 'referredAt', NEXT_REVIEW_DUE: 'nextReviewDue', REFERENCE_NUMBER: 'referenceNumber' } as const;

function filterWhere(filter: DeflectionFilter | null | undefined, today: string): FilterQuery<Deflection>[] {
  const clauses: FilterQuery<Deflection>[] = [];
  if (!filter) return clauses;
  if (filter.agencyId) clauses.push({ $or: [{ initiatingUnitId: filter.agencyId }, { countsForId: filter.agencyId }] });
  if (filter.status?.length) clauses.push({ status: { $in: filter.status } });
  if (filter.pathway?.length) clauses.push({ pathway: { $in: filter.pathway } });
  if (filter.referredFrom) clauses.push({ referredAt: { $gte: illinoisDayStart(filter.referredFrom) } });
  if (filter.referredTo) clauses.push({ referredAt: { $lt: illinoisDayStart(addDays(filter.referredTo, 1)) } });
  if (filter.reviewDue === 'OVERDUE') clauses.push({ status: 'ACTIVE', nextReviewDue: { $lt: today } });
  if (filter.reviewDue === 'DUE_SOON') {
    const days = filter.reviewDueWithinDays ?? 14;
    if (!Number.isInteger(days) || days < 0 || days > 366) {
      throw invalidInput([{ field: 'filter.reviewDueWithinDays', rule: 'range', message: 'filter.reviewDueWithinDays must be between 0 and 366.' }]);
    }
    clauses.push({ status: 'ACTIVE', nextReviewDue: { $lte: addDays(today, days) } });
  }
  return clauses;
}

/** Follow-up lists belong to approving leaders and designees, and to supervisors for deflections needing no approval. */
function followUpScope(actor: Actor): FilterQuery<Deflection> {
  const scopes: FilterQuery<Deflection>[] = [];
  if (isLeader(actor)) scopes.push({ countsForId: actor.agencyId });
  if (actor.roles.includes('SUPERVISOR')) scopes.push({ initiatingUnitId: actor.agencyId, countsForId: null });
  if (scopes.length === 0) throw forbidden('Follow-up reviews are kept by MEG directors, task-force commanders, their designees and supervisors.');
  return { $or: scopes };
}

export const Query: QueryResolvers = {
  deflection: (_parent, { id }, context) => visibleDeflection(context, id),

  async deflections(_parent, { filter, orderBy, first, after }, context) {
    const actor = requireActor(context);
    const scopes = visibilityScope(actor);
    if (scopes.length === 0) throw forbidden('Your role sees no individual deflections; use the reporting statistics.');
    const limit = pageSize(first);
    const order: DeflectionOrder = orderBy ?? { field: 'REFERRED_AT', direction: 'DESC' };
    const column = SORT_COLUMNS[order.field];
    const descending = (order.direction ?? 'DESC') === 'DESC';
    const clauses: FilterQuery<Deflection>[] = [{ $or: scopes }, ...filterWhere(filter, illinoisDate())];
    // Sorting by review date lists only deflections that have one (open, approved deflections).
    if (column === 'nextReviewDue') clauses.push({ nextReviewDue: { $ne: null } });
    if (after) {
      const [raw, id] = decodeCursor(after);
      const value = column === 'referredAt' ? new Date(String(raw)) : String(raw);
      const beyond = descending ? '$lt' : '$gt';
      clauses.push({ $or: [{ [column]: { [beyond]: value } }, { [column]: value, id: { [beyond]: String(id) } }] } as FilterQuery<Deflection>);
    }
    const direction = descending ? 'desc' : 'asc';
    const rows = await context.em.find(Deflection, { $and: clauses }, { orderBy: { [column]: direction, id: direction }, limit: limit + 1 });
    const cursorValue = (d: Deflection) => (column === 'referredAt' ? d.referredAt.toISOString() : String(d[column]));
    const edges = rows.slice(0, limit).map((node) => ({ node, cursor: encodeCursor([cursorValue(node), node.id]) }));
    return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  },

  async reviewsDue(_parent, { withinDays }, context) {
    const actor = requireActor(context);
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 366) {
      throw invalidInput([{ field: 'withinDays', rule: 'range', message: 'withinDays must be between 0 and 366.' }]);
    }
    const until = addDays(illinoisDate(), withinDays);
    return context.em.find(Deflection, { $and: [followUpScope(actor), { status: 'ACTIVE', nextReviewDue: { $lte: until } }] }, { orderBy: { nextReviewDue: 'asc', id: 'asc' } });
  },

  async overdueReviews(_parent, _args, context) {
    const actor = requireActor(context);
    return context.em.find(Deflection, { $and: [followUpScope(actor), { status: 'ACTIVE', nextReviewDue: { $lt: illinoisDate() } }] }, { orderBy: { nextReviewDue: 'asc', id: 'asc' } });
  },

  async participant(_parent, { id }, context) {
    const actor = requireActor(context);
    const participant = await context.loaders.participant.load(id);
    if (!participant) throw forbidden();
    if (!(await isParticipantKnownTo(context.em, actor, id))) throw forbidden();
    return participant;
  },

  async incident(_parent, { id }, context) {
    const actor = requireActor(context);
    const incident = await context.loaders.incident.load(id);
    if (!incident) throw forbidden();
    if (incident.agencyId === actor.agencyId && hasAnyRole(actor, ['OFFICER', 'SUPERVISOR'])) return incident;
    const deflections = await context.em.find(Deflection, { incidentId: id });
    if (!deflections.some((d) => canSee(actor, d))) throw forbidden();
    return incident;
  },
};

