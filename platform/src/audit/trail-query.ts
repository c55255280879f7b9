import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Violations } from '../errors.js';
import { isUuid } from '../graphql/input-limits.js';
import { pageOf, type Page } from '../db/pagination.js';
import { AuditRecord, type AuditKind } from './audit-record.entity.js';

export interface AuditTrailFilter {
  from?: Date | null;
  to?: Date | null;
  actorId?: string | null;
  entityId?: string | null;
  requestId?: string | null;
  kinds?: AuditKind[] | null;
}

/**
 * A page of one subgraph's audit trail, newest first: what the `<subgraph>AuditTrail` field of each subgraph answers
 * to hub administrators. Refuses an actor id that is not a UUID before any SQL runs.
 */
export async function readAuditTrail(em: EntityManager, filter: AuditTrailFilter | null | undefined, first?: number | null, after?: string | null): Promise<Page<AuditRecord>> {
  const violations = new Violations();
  if (filter?.actorId) violations.check(isUuid(filter.actorId), 'filter.actorId', 'uuid', 'filter.actorId must be a person’s id (a UUID).');
  if (filter?.from && filter.to) violations.check(filter.from <= filter.to, 'filter.to', 'range', 'filter.to must not be before filter.from.');
  violations.throwIfAny();
  const where: FilterQuery<AuditRecord> = {};
  if (filter?.from || filter?.to) where.recordedAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
  if (filter?.actorId) where.actorId = filter.actorId;
  if (filter?.entityId) where.entityId = filter.entityId;
  if (filter?.requestId) where.requestId = filter.requestId;
  if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
  return pageOf(em, AuditRecord, { where, orderBy: { sequence: 'desc' }, first, after });
}
