import type { Actor } from '@hub/platform/identity';

/** An approver as the agencies subgraph lists them for a day: the leader, or a designee and the leader they act for. */
export interface ApproverFacts {
  person: { id: string };
  actingFor: { id: string } | null;
}

/**
 * OPS-D3 (OPS-092 III.D): the entry that lets this person decide today, or null. A leader decides in their own
 * name; a designee only for the leader their token says they act for, and only while that designation is valid.
 */
export function approvalAuthority<A extends ApproverFacts>(approvers: readonly A[], actor: Actor): A | null {
  return approvers.find((a) => a.person.id === actor.personId && (a.actingFor === null || a.actingFor.id === actor.actingFor)) ?? null;
}

/** OPS-D8: successful and withdrawn deflections dispose of their evidence first; an unsuccessful one keeps it for the prosecution. */
export function requiresDisposalBeforeClosing(outcome: 'SUCCESSFUL' | 'UNSUCCESSFUL' | 'WITHDRAWN'): boolean {
  return outcome !== 'UNSUCCESSFUL';
}
