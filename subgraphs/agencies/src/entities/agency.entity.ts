import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const AGENCY_KINDS = [
  'ISP_DIVISION_OF_PATROL',
  'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION',
  'MEG',
  'TASK_FORCE',
  'LOCAL_POLICE',
  'SHERIFF',
  'FIRE',
  'EMS',
  'CASE_MANAGEMENT_ORGANIZATION',
  'TREATMENT_PROVIDER_ORGANIZATION',
  'PROSECUTOR',
  'STATE_ANALYTICS',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

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
    // Parent and child units are loaded through request-scoped DataLoaders, so a plain key is enough here.
    parentId: p.uuid().nullable().index(),
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
