import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { AGENCY_KINDS } from '@hub/platform/domain';

export { AGENCY_KINDS, type AgencyKind } from '@hub/platform/domain';

export const UNIT_LEVELS = ['AGENCY', 'DIVISION', 'TROOP', 'ZONE', 'UNIT'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

const AgencySchema = defineEntity({
  name: 'Agency',
  tableName: 'agency',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(200),
    kind: p.enum(AGENCY_KINDS).index(),
    level: p.enum(UNIT_LEVELS),
    ori: p.string().length(9).nullable().unique(),
    /** The unit this one belongs to (a zone's troop, a troop's division). */
    parent: () => p.manyToOne(Agency).ref().nullable().index(),
    countiesServed: p.array().default([]),
    active: p.boolean().default(true),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export class Agency extends AgencySchema.class {}
AgencySchema.setClass(Agency);
export { AgencySchema };
