import { AGE_BANDS, ETHNICITIES, PATHWAYS, RACES, REFERRAL_CHANNELS, SEXES } from '@hub/platform/domain';
import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Incident } from './incident.entity.js';
import { Participant } from './participant.entity.js';
import { APPROVAL_DECISIONS, DEFLECTION_STATUSES, OUTCOMES, RECORDS_SYSTEMS } from './vocabulary.js';

export { PATHWAYS, type Pathway } from '@hub/platform/domain';
export { DEFLECTION_STATUSES, type DeflectionStatus } from './vocabulary.js';

/**
 * A deflection of one person along one pathway. Agencies, people and plans of the agencies subgraph are
 * referenced by id only and reach clients through the graph; its own participant and incident are relations.
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
    participant: () => p.manyToOne(Participant).ref().index(),
    incident: () => p.manyToOne(Incident).ref().index(),
    narrative: p.text().default(''),
    solutionActionPlanId: p.uuid(),
    nextStepsSummary: p.text().default(''),
    channel: p.enum(REFERRAL_CHANNELS).nullable(),
    arrestMade: p.boolean().default(false),
    /** Demographics as told at this referral, for the state's minimum data set; the age band is at the encounter. */
    ageBand: p.enum(AGE_BANDS).default('UNKNOWN'),
    sex: p.enum(SEXES).default('UNKNOWN'),
    race: p.enum(RACES).default('UNKNOWN'),
    ethnicity: p.enum(ETHNICITIES).default('UNKNOWN'),
    chargesHeldInAbeyance: p.boolean().default(false),
    nonCriminalCitation: p.boolean().default(false),
    approvalRequired: p.boolean().default(false),
    approvalDecision: p.enum(APPROVAL_DECISIONS).nullable(),
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
    /** Follow-up reviews held so far, and the day of the last one: every review changes the deflection. */
    reviewsHeld: p.integer().default(0),
    lastReviewedOn: p.date().nullable(),
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
