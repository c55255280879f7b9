/**
 * The states of a deflection (OPS-092 III.D–E). The cases subgraph owns the machine between them; the events it
 * publishes carry them, so reporting stores the same vocabulary.
 */
export const DEFLECTION_STATUSES = ['PENDING_APPROVAL', 'ACTIVE', 'DECLINED', 'SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN'] as const;
export type DeflectionStatus = (typeof DEFLECTION_STATUSES)[number];
