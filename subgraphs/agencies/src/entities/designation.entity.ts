import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const DESIGNATION_CAPACITIES = ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'SUPERVISOR'] as const;
export type DesignationCapacity = (typeof DESIGNATION_CAPACITIES)[number];

/** A designee acts with a leader's authority for a bounded time (OPS-092 III.C–E). */
const DesignationSchema = defineEntity({
  name: 'Designation',
  tableName: 'designation',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    designeeId: p.uuid().index(),
    delegatedById: p.uuid(),
    capacity: p.enum(DESIGNATION_CAPACITIES),
    agencyId: p.uuid().index(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    revokedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Designation extends DesignationSchema.class {}
DesignationSchema.setClass(Designation);
export { DesignationSchema };
