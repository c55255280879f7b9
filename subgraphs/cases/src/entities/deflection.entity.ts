import { PATHWAYS } from '@hub/platform';
import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export { PATHWAYS, type Pathway } from '@hub/platform';

export const DEFLECTION_STATUSES = ['PENDING_APPROVAL', 'ACTIVE', 'DECLINED', 'SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN'] as const;
export type DeflectionStatus = (typeof DEFLECTION_STATUSES)[number];

/**
 * A deflection of one person along one pathway. Agencies are referenced by id only: they belong to the
 * agencies subgraph and reach clients through the graph.
 */
const DeflectionSchema = defineEntity({
  name: 'Deflection',
  tableName: 'deflection',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    referenceNumber: p.string().length(24).unique(),
    pathway: p.enum(PATHWAYS),
    status: p.enum(DEFLECTION_STATUSES).index(),
    initiatingUnitId: p.uuid().index(),
    countsForId: p.uuid().nullable().index(),
    caseManagementOrganizationId: p.uuid().index(),
    county: p.string().length(60),
    referredAt: p.datetime(),
    createdById: p.uuid(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Deflection extends DeflectionSchema.class {}
DeflectionSchema.setClass(Deflection);
export { DeflectionSchema };
