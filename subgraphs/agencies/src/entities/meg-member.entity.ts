import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Agency } from './agency.entity.js';

/** A local government that belongs to a MEG (30 ILCS 715). */
const MegMemberSchema = defineEntity({
  name: 'MegMember',
  tableName: 'meg_member',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    meg: () => p.manyToOne(Agency).ref().index(),
    localGovernment: p.string().length(200),
    /** The member's law-enforcement agency in the hub, where it has one. */
    agency: () => p.manyToOne(Agency).ref().nullable(),
    joinedOn: p.date(),
    leftOn: p.date().nullable(),
  },
});

export class MegMember extends MegMemberSchema.class {}
MegMemberSchema.setClass(MegMember);
export { MegMemberSchema };
