import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Deflection } from './deflection.entity.js';
import { CONTACT_METHODS, CONTACT_RESULTS, DEFLECTION_STATUSES, DISPOSAL_METHODS, EVIDENCE_ACTIONS, REVIEW_FINDINGS } from './vocabulary.js';

/** The records a deflection accumulates: contact attempts, evidence and its handling, reviews, history. */
const ContactAttemptSchema = defineEntity({
  name: 'ContactAttempt',
  tableName: 'contact_attempt',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    deflection: () => p.manyToOne(Deflection).ref().index(),
    at: p.datetime(),
    byId: p.uuid(),
    actingForId: p.uuid().nullable(),
    method: p.enum(CONTACT_METHODS),
    result: p.enum(CONTACT_RESULTS),
    caseManagerName: p.string().length(200).nullable(),
    notes: p.text().nullable(),
  },
});
export class ContactAttempt extends ContactAttemptSchema.class {}
ContactAttemptSchema.setClass(ContactAttempt);

const EvidenceItemSchema = defineEntity({
  name: 'EvidenceItem',
  tableName: 'evidence_item',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    deflection: () => p.manyToOne(Deflection).ref().index(),
    description: p.string().length(500),
    seizedAt: p.datetime(),
    responsibleUnitId: p.uuid(),
    disposedAt: p.datetime().nullable(),
    disposalMethod: p.enum(DISPOSAL_METHODS).nullable(),
    disposedById: p.uuid().nullable(),
  },
});
export class EvidenceItem extends EvidenceItemSchema.class {}
EvidenceItemSchema.setClass(EvidenceItem);

const EvidenceEventSchema = defineEntity({
  name: 'EvidenceEvent',
  tableName: 'evidence_event',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    evidence: () => p.manyToOne(EvidenceItem).ref().index(),
    action: p.enum(EVIDENCE_ACTIONS),
    at: p.datetime(),
    byId: p.uuid(),
    notes: p.text().nullable(),
  },
});
export class EvidenceEvent extends EvidenceEventSchema.class {}
EvidenceEventSchema.setClass(EvidenceEvent);

const ReviewSchema = defineEntity({
  name: 'Review',
  tableName: 'review',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    deflection: () => p.manyToOne(Deflection).ref().index(),
    dueOn: p.date(),
    heldOn: p.date(),
    reviewerId: p.uuid(),
    actingForId: p.uuid().nullable(),
    caseManagerName: p.string().length(200),
    finding: p.enum(REVIEW_FINDINGS),
    notes: p.text().nullable(),
  },
});
export class Review extends ReviewSchema.class {}
ReviewSchema.setClass(Review);

/** OPS-D10: every state change and edit, with who, acting for whom, when, from and to. Append-only. */
const HistoryEntrySchema = defineEntity({
  name: 'HistoryEntry',
  tableName: 'history_entry',
  properties: {
    sequence: p.bigint('number').primary().autoincrement(),
    deflection: () => p.manyToOne(Deflection).ref().index(),
    at: p.datetime(),
    actorId: p.uuid(),
    actingForId: p.uuid().nullable(),
    action: p.string().length(60),
    fromStatus: p.enum(DEFLECTION_STATUSES).nullable(),
    toStatus: p.enum(DEFLECTION_STATUSES).nullable(),
    changes: p.json<Record<string, unknown>>().nullable(),
  },
});
export class HistoryEntry extends HistoryEntrySchema.class {}
HistoryEntrySchema.setClass(HistoryEntry);

export { ContactAttemptSchema, EvidenceItemSchema, EvidenceEventSchema, ReviewSchema, HistoryEntrySchema };
