import { AGE_BANDS, CALL_TYPES, DEFLECTION_STATUSES, ETHNICITIES, PATHWAYS, RACES, REFERRAL_CHANNELS, SEQUENTIAL_INTERCEPTS, SEXES, TREATMENT_SERVICES } from '@hub/platform/domain';
import { defineEntity, p } from '@mikro-orm/core';

/**
 * One row per deflection, built only from published events: reporting never reads the cases or treatment
 * subgraphs' tables, and holds nothing that identifies the person (a pseudonym links repeat deflections).
 *
 * Events arrive at least once and in any order, across two sources: whichever event of a deflection comes first
 * creates its row, and each fills in what it knows. A row counts in statistics once its referral has arrived
 * (`referredAt` set). Each field's rule makes the order irrelevant: the status follows the newest cases event,
 * times keep the earliest, flags only ever turn on.
 */
const DeflectionFactSchema = defineEntity({
  name: 'DeflectionFact',
  tableName: 'deflection_fact',
  properties: {
    deflectionId: p.uuid().primary(),
    /** A random key per record for the cell-key method (0–255): a cell's perturbation derives from its records' keys. */
    recordKey: p.smallint(),
    personPseudonym: p.uuid().nullable().index(),
    pathway: p.enum(PATHWAYS).nullable(),
    intercept: p.enum(SEQUENTIAL_INTERCEPTS).nullable(),
    status: p.enum(DEFLECTION_STATUSES).nullable(),
    /** The cases event the status came from: an older one delivered later changes nothing. */
    statusSequence: p.bigint('number').nullable(),
    initiatingUnitId: p.uuid().nullable().index(),
    initiatingOfficerId: p.uuid().nullable().index(),
    /** The MEG or task force whose approval the referral awaits (OPS-092 III.D). */
    countsForId: p.uuid().nullable().index(),
    approvalRequired: p.boolean().nullable(),
    /** The MEG or task force that approved it, once it has (OPS-D9). */
    approvingAgencyId: p.uuid().nullable().index(),
    approvedAt: p.datetime().nullable(),
    declinedAt: p.datetime().nullable(),
    /** Who the deflection counts for: the approving MEG or task force once approved, else the unit when none is needed. */
    attributedToId: p.uuid().nullable().index(),
    county: p.string().length(60).nullable(),
    referredAt: p.datetime().nullable(),
    referredOn: p.date().nullable().index(),
    encounterAt: p.datetime().nullable(),
    callType: p.enum(CALL_TYPES).nullable(),
    channel: p.enum(REFERRAL_CHANNELS).nullable(),
    arrestMade: p.boolean().nullable(),
    ageBand: p.enum(AGE_BANDS).nullable(),
    sex: p.enum(SEXES).nullable(),
    race: p.enum(RACES).nullable(),
    ethnicity: p.enum(ETHNICITIES).nullable(),
    handedOffAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    /** The same person (pseudonym) was deflected before this one, by any unit. */
    isRepeat: p.boolean().default(false),
    // What treatment episodes say, refreshed from episode_fact whenever one changes.
    referredToTreatment: p.boolean().default(false),
    firstTreatmentContactAt: p.datetime().nullable(),
    retained30: p.boolean().default(false),
    retained60: p.boolean().default(false),
    retained90: p.boolean().default(false),
    treatmentCompleted: p.boolean().default(false),
    treatmentDischarged: p.boolean().default(false),
    /** The provider and service the person was first referred to. */
    providerId: p.uuid().nullable().index(),
    service: p.enum(TREATMENT_SERVICES).nullable(),
  },
});

export class DeflectionFact extends DeflectionFactSchema.class {}
DeflectionFactSchema.setClass(DeflectionFact);
export { DeflectionFactSchema };
