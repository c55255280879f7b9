import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Agency } from './agency.entity.js';

/** The intergovernmental agreement a multi-jurisdictional task force operates under (OPS-092 II.D). */
const TaskForceAgreementSchema = defineEntity({
  name: 'TaskForceAgreement',
  tableName: 'task_force_agreement',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    taskForce: () => p.manyToOne(Agency).ref().index(),
    title: p.string().length(300),
    /** The agencies that signed, ISP included; checked to exist when the agreement is recorded. */
    partyIds: p.array().default([]),
    effectiveFrom: p.date(),
    effectiveTo: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class TaskForceAgreement extends TaskForceAgreementSchema.class {}
TaskForceAgreementSchema.setClass(TaskForceAgreement);
export { TaskForceAgreementSchema };
