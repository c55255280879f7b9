import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** The intergovernmental agreement a multi-jurisdictional task force operates under (OPS-092 II.D). */
const TaskForceAgreementSchema = defineEntity({
  name: 'TaskForceAgreement',
  tableName: 'task_force_agreement',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    taskForceId: p.uuid().index(),
    title: p.string().length(300),
    partyIds: p.array().default([]),
    effectiveFrom: p.date(),
    effectiveTo: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class TaskForceAgreement extends TaskForceAgreementSchema.class {}
TaskForceAgreementSchema.setClass(TaskForceAgreement);
export { TaskForceAgreementSchema };
