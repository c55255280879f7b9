import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Provider, TREATMENT_SERVICES } from './provider.entity.js';
import { EPISODE_STATES } from './vocabulary.js';

/**
 * A person in treatment, as the provider knows them. `pseudonym` is a random id, the only person identifier that
 * leaves this subgraph. The name is copied from the deflection at referral: the provider must know who comes.
 */
const PatientSchema = defineEntity({
  name: 'Patient',
  tableName: 'patient',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    pseudonym: p.uuid().unique().onCreate(() => randomUUID()),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    dateOfBirth: p.date().nullable(),
    /** The cases subgraph's participant: the same person across referrals. */
    participantId: p.uuid().unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class Patient extends PatientSchema.class {}
PatientSchema.setClass(Patient);

/** The person as the referrer's own record named them when the referral was made. */
export interface PersonAsReferred {
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
}

/** TRT-4: a referral to a provider and service, and the treatment episode it becomes. */
const TreatmentEpisodeSchema = defineEntity({
  name: 'TreatmentEpisode',
  tableName: 'treatment_episode',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    deflectionId: p.uuid().index(),
    patient: () => p.manyToOne(Patient).ref().index(),
    provider: () => p.manyToOne(Provider).ref().index(),
    service: p.enum(TREATMENT_SERVICES),
    state: p.enum(EPISODE_STATES).index(),
    referredAt: p.datetime(),
    referredById: p.uuid(),
    /** Shown to the referrer instead of the patient record, which may spell the person as another unit did. */
    referredAs: p.json<PersonAsReferred>(),
    /** Copied from the deflection at referral, for the warm hand-off measures and who may see the episode. */
    deflectionReferredAt: p.datetime(),
    caseManagementOrganizationId: p.uuid().index(),
    acknowledgedAt: p.datetime().nullable(),
    declineReason: p.text().nullable(),
    intakeScheduledFor: p.datetime().nullable(),
    firstContactAt: p.datetime().nullable(),
    endedAt: p.datetime().nullable(),
    dischargeReason: p.text().nullable(),
    version: p.integer().version(),
  },
});
export class TreatmentEpisode extends TreatmentEpisodeSchema.class {}
TreatmentEpisodeSchema.setClass(TreatmentEpisode);

/** Every transition keeps who and when (TRT-4). Append-only. */
const EpisodeTransitionSchema = defineEntity({
  name: 'EpisodeTransition',
  tableName: 'episode_transition',
  properties: {
    sequence: p.bigint('number').primary().autoincrement(),
    episode: () => p.manyToOne(TreatmentEpisode).ref().index(),
    fromState: p.enum(EPISODE_STATES).nullable(),
    toState: p.enum(EPISODE_STATES),
    at: p.datetime(),
    byId: p.uuid(),
    reason: p.text().nullable(),
  },
});
export class EpisodeTransition extends EpisodeTransitionSchema.class {}
EpisodeTransitionSchema.setClass(EpisodeTransition);

/** A bulk update's idempotency key and the answer it got, so a retry answers the same, item by item. */
const BulkUpdateRecordSchema = defineEntity({
  name: 'BulkUpdateRecord',
  tableName: 'bulk_update_record',
  uniques: [{ properties: ['actorId', 'key'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    actorId: p.uuid(),
    key: p.string().length(200),
    requestHash: p.string().length(64),
    results: p.json<unknown[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class BulkUpdateRecord extends BulkUpdateRecordSchema.class {}
BulkUpdateRecordSchema.setClass(BulkUpdateRecord);

export { PatientSchema, TreatmentEpisodeSchema, EpisodeTransitionSchema, BulkUpdateRecordSchema };
