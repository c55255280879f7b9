import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Agency } from './agency.entity.js';
import { Person } from './person.entity.js';

export const DESIGNATION_CAPACITIES = ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'SUPERVISOR'] as const;
export type DesignationCapacity = (typeof DESIGNATION_CAPACITIES)[number];

/** A designee acts with a leader's authority for a bounded time (OPS-092 III.C–E). */
const DesignationSchema = defineEntity({
  name: 'Designation',
  tableName: 'designation',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    designee: () => p.manyToOne(Person).ref().index(),
    delegatedBy: () => p.manyToOne(Person).ref(),
    capacity: p.enum(DESIGNATION_CAPACITIES),
    agency: () => p.manyToOne(Agency).ref().index(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    revokedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Designation extends DesignationSchema.class {}
DesignationSchema.setClass(Designation);
export { DesignationSchema };
