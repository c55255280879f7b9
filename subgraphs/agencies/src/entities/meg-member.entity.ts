import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A local government that belongs to a MEG (30 ILCS 715). */
const MegMemberSchema = defineEntity({
  name: 'MegMember',
  tableName: 'meg_member',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    megId: p.uuid().index(),
    localGovernment: p.string().length(200),
    agencyId: p.uuid().nullable(),
    joinedOn: p.date(),
    leftOn: p.date().nullable(),
  },
});

export class MegMember extends MegMemberSchema.class {}
MegMemberSchema.setClass(MegMember);
export { MegMemberSchema };
