import { defineEntity, p } from '@mikro-orm/core';

/**
 * One row whose version goes up with every committed write to this subgraph's directory tables (triggers deferred to
 * the commit, see the migration that made it). A subgraph that keeps an answer from this one asks for the version
 * first and asks again only when it moved: as current as asking every time, at the cost of one small read.
 * Transactional, unlike a sequence: a reader never sees the new version before it can see the write.
 */
const ChangeVersionSchema = defineEntity({
  name: 'ChangeVersion',
  tableName: 'change_version',
  properties: {
    id: p.smallint().primary().autoincrement(false),
    version: p.bigint('number'),
  },
});

export class ChangeVersion extends ChangeVersionSchema.class {}
ChangeVersionSchema.setClass(ChangeVersion);
export { ChangeVersionSchema };
