import { DEFLECTION_STATUSES, PATHWAYS } from '@hub/platform/domain';
import { defineEntity, p } from '@mikro-orm/core';

/**
 * One row per deflection, built only from published events: reporting never reads the cases subgraph's
 * tables, and holds nothing that identifies the person.
 */
const DeflectionFactSchema = defineEntity({
  name: 'DeflectionFact',
  tableName: 'deflection_fact',
  properties: {
    deflectionId: p.uuid().primary(),
    pathway: p.enum(PATHWAYS),
    status: p.enum(DEFLECTION_STATUSES),
    initiatingUnitId: p.uuid().index(),
    countsForId: p.uuid().nullable().index(),
    /** OPS-092 III.E.3: the approving MEG or task force, else the initiating unit. */
    attributedToId: p.uuid().index(),
    county: p.string().length(60),
    referredOn: p.date(),
    lastEventSequence: p.bigint('number'),
  },
});

export class DeflectionFact extends DeflectionFactSchema.class {}
DeflectionFactSchema.setClass(DeflectionFact);
export { DeflectionFactSchema };
