import { defineEntity, p } from '@mikro-orm/core';

/** What an audit record is about (CJIS AU-2): a read of a person's record, a write, a refusal, a failed sign-in. */
export const AUDIT_KINDS = ['READ', 'WRITE', 'DENIED', 'SIGN_IN_FAILED'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AUDIT_OUTCOMES = ['SUCCESS', 'DENIED', 'FAILED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * One audit record (CJIS AU-3), in each subgraph's own schema. Append-only: the subgraph's role may only insert
 * and read (the table belongs to the schema's owner role), and each record carries the hash of the one before, so
 * `npm run audit:verify` finds any record changed, removed or slipped in. Written with SQL (see chain.ts); the
 * entity is for migrations and the administrators' query.
 */
const AuditRecordSchema = defineEntity({
  name: 'AuditRecord',
  tableName: 'audit_record',
  properties: {
    sequence: p.bigint('number').primary(),
    /** UTC, to the millisecond (AU-8 asks for hundredths of a second at least). */
    recordedAt: p.datetime(3),
    kind: p.enum(AUDIT_KINDS),
    outcome: p.enum(AUDIT_OUTCOMES),
    actorId: p.uuid().nullable().index(),
    actingForId: p.uuid().nullable(),
    agencyId: p.uuid().nullable(),
    /** The client's operation name as the gateway received it, and the field or mutation within it. */
    operation: p.string().length(200).nullable(),
    field: p.string().length(200).nullable(),
    entityType: p.string().length(80).nullable(),
    entityId: p.string().length(80).nullable().index(),
    /** An error code and path for refusals and failures. */
    detail: p.string().length(500).nullable(),
    clientAddress: p.string().length(80).nullable(),
    requestId: p.string().length(80).nullable(),
    previousHash: p.string().length(64),
    hash: p.string().length(64).unique(),
  },
});

export class AuditRecord extends AuditRecordSchema.class {}
AuditRecordSchema.setClass(AuditRecord);
export { AuditRecordSchema };
