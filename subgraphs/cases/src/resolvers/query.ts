import { readAuditTrail } from '@hub/platform/audit';
import { pageOf } from '@hub/platform/db';
import { addDays, illinoisDate, illinoisDayStart } from '@hub/platform/domain';
import { forbidden, invalidInput } from '@hub/platform/errors';
import { requireActor } from '@hub/platform/identity';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { EvidenceItem } from '../entities/case-records.entity.js';
import { Deflection } from '../entities/deflection.entity.js';
import type { DeflectionFilter, QueryResolvers } from '../generated/resolvers-types.js';
import { participantKnowledge, viewOf } from '../reads.js';
import { access, followUpScope, visibilityScope } from '../rules/access.js';

const SORT_COLUMNS = { REFERRED_AT: 'referredAt', NEXT_REVIEW_DUE: 'nextReviewDue', REFERENCE_NUMBER: 'referenceNumber' } as const;

function checkWithinDays(days: number, field: string): void {
  if (!Number.isInteger(days) || days < 0 || days > 366) throw invalidInput([{ field, rule: 'range', message: `${field} must be between 0 and 366.` }]);
}

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
    checkWithinDays(days, 'filter.reviewDueWithinDays');
    clauses.push({ status: 'ACTIVE', nextReviewDue: { $lte: addDays(today, days) } });
  }
  return clauses;
}

/** Not found and not allowed answer the same, so nobody learns that another unit's deflection exists. */
export async function visible(context: Context, deflection: Deflection | null): Promise<Deflection> {
  if (!deflection) throw forbidden();
  access.assertCan(context.actor, 'deflection:read', deflection);
  return deflection;
}

function followUps(context: Context, due: FilterQuery<Deflection>) {
  const scopes = followUpScope(requireActor(context));
  if (scopes.length === 0) throw forbidden('Follow-up reviews are kept by MEG directors, task-force commanders, their designees and supervisors.');
  return context.em.find(Deflection, { $and: [{ $or: scopes }, { status: 'ACTIVE' }, due] }, { orderBy: { nextReviewDue: 'asc', id: 'asc' } });
}

/** Thin: every root field passed its role gate (rules/access.ts); record-level rules and SQL scopes apply here. */
export const Query: QueryResolvers = {
  casesAuditTrail: (_parent, { filter, first, after }, context) => readAuditTrail(context.em, filter, first, after),
  deflection: async (_parent, { id }, context) => visible(context, await context.loaders.deflection.load(id)),

  deflectionByReference: async (_parent, { referenceNumber }, context) =>
    visible(context, await context.em.findOne(Deflection, { referenceNumber: referenceNumber.trim().toUpperCase() })),

  async deflections(_parent, { filter, orderBy, first, after }, context) {
    const scopes = visibilityScope(requireActor(context));
    if (scopes.length === 0) throw forbidden();
    const column = SORT_COLUMNS[orderBy?.field ?? 'REFERRED_AT'];
    const direction = (orderBy?.direction ?? 'DESC') === 'DESC' ? 'desc' : 'asc';
    const clauses: FilterQuery<Deflection>[] = [{ $or: scopes }, ...filterWhere(filter, illinoisDate())];
    // Sorting by review date lists only deflections that have one (open, approved deflections).
    if (column === 'nextReviewDue') clauses.push({ nextReviewDue: { $ne: null } });
    const page = await pageOf(context.em, Deflection, { where: { $and: clauses }, orderBy: { [column]: direction, id: direction }, first, after });
    for (const { node } of page.edges) context.loaders.deflection.prime(node.id, node);
    return page;
  },

  reviewsDue(_parent, { withinDays }, context) {
    checkWithinDays(withinDays, 'withinDays');
    return followUps(context, { nextReviewDue: { $lte: addDays(illinoisDate(), withinDays) } });
  },

  overdueReviews: (_parent, _args, context) => followUps(context, { nextReviewDue: { $lt: illinoisDate() } }),

  evidenceAwaitingDisposal: (_parent, _args, context) =>
    context.em.find(EvidenceItem, { responsibleUnitId: requireActor(context).agencyId, disposedAt: null }, { orderBy: { seizedAt: 'asc', id: 'asc' } }),

  async participant(_parent, { id }, context) {
    const participant = await context.loaders.participant.load(id);
    if (!participant) throw forbidden();
    const knowledge = await participantKnowledge(context, id);
    access.assertCan(context.actor, 'participant:read', knowledge.access);
    const record = knowledge.records[0];
    if (!record) throw forbidden();
    return viewOf(record, participant);
  },

  async incident(_parent, { id }, context) {
    const incident = await context.loaders.incident.load(id);
    if (!incident) throw forbidden();
    access.assertCan(context.actor, 'incident:read', { agencyId: incident.agencyId, deflections: await context.loaders.deflectionsOfIncident.load(id) });
    return incident;
  },
};
