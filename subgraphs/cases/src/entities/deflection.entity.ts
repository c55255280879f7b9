import { PATHWAYS } from '@hub/platform';
import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DEFLECTION_STATUSES, OUTCOMES, RECORDS_SYSTEMS } from './vocabulary.js';

export { PATHWAYS, type Pathway } from '@hub/platform';
export { DEFLECTION_STATUSES, type DeflectionStatus } from './vocabulary.js';

/**
 * A deflection of one person along one pathway. Agencies, people and plans of the agencies subgraph are
 * referenced by id only and reach clients through the graph.
 */
const DeflectionSchema = defineEntity({
  name: 'Deflection',
  tableName: 'deflection',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    referenceNumber: p.string().length(24).unique(),
    pathway: p.enum(PATHWAYS),
    status: p.enum(DEFLECTION_STATUSES).index(),
    initiatingUnitId: p.uuid().index(),
    countsForId: p.uuid().nullable().index(),
    caseManagementOrganizationId: p.uuid().index(),
    county: p.string().length(60),
    referredAt: p.datetime().index(),
    createdById: p.uuid(),
    createdForId: p.uuid().nullable(),
    // Added with the full lifecycle; nullable where the first slice's rows have no value.
    participantId: p.uuid().nullable().index(),
    incidentId: p.uuid().nullable().index(),
    narrative: p.text().default(''),
    solutionActionPlanId: p.uuid().nullable(),
    nextStepsSummary: p.text().default(''),
    chargesHeldInAbeyance: p.boolean().default(false),
    nonCriminalCitation: p.boolean().default(false),
    approvalRequired: p.boolean().default(false),
    approvalDecision: p.string().length(20).nullable(),
    approvalById: p.uuid().nullable(),
    approvalForId: p.uuid().nullable(),
    approvalAt: p.datetime().nullable(),
    approvalReason: p.text().nullable(),
    dispositionReportNumber: p.string().length(60).nullable(),
    dispositionRecordsSystem: p.enum(RECORDS_SYSTEMS).nullable(),
    dispositionAt: p.datetime().nullable(),
    dispositionById: p.uuid().nullable(),
    handedOffAt: p.datetime().nullable(),
    nextReviewDue: p.date().nullable().index(),
    outcome: p.enum(OUTCOMES).nullable(),
    outcomeAt: p.datetime().nullable(),
    outcomeById: p.uuid().nullable(),
    outcomeReason: p.text().nullable(),
    chargesReleasedAt: p.datetime().nullable(),
    prosecutingAttorney: p.string().length(200).nullable(),
    submittedToProsecutorOn: p.date().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Deflection extends DeflectionSchema.class {}
DeflectionSchema.setClass(Deflection);
export { DeflectionSchema };
