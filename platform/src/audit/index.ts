export { AuditRecord, AuditRecordSchema, AUDIT_KINDS, AUDIT_OUTCOMES, type AuditKind, type AuditOutcome } from './audit-record.entity.js';
export { appendAuditRecords, appendAuditRecordsAlone, verifyAuditChain, recordHash, GENESIS_HASH, type AuditFact, type AuditRequest, type ChainReport } from './chain.js';
export { GroupAppender } from './group-append.js';
export { readAuditTrail, type AuditTrailFilter } from './trail-query.js';
export { RequestAudit, auditPlugin, recordRefusedToken, requestAudit, signInFailureRoute, SIGN_IN_FAILURES_PATH } from './request-audit.js';
