import type { Violations } from '@hub/platform/errors';
import type { DeflectionStatus } from '../entities/vocabulary.js';

/**
 * The deflection state machine. PENDING_APPROVAL exists only for DOP/DCI deflections to a MEG or task force
 * (OPS-D3); the rest start ACTIVE. Closed states are final.
 */
export type LifecycleAction = 'approve' | 'decline' | 'close-successful' | 'close-unsuccessful' | 'withdraw' | 'follow-up' | 'record-disposition' | 'contact-case-manager';

const ALLOWED: Record<LifecycleAction, readonly DeflectionStatus[]> = {
  approve: ['PENDING_APPROVAL'],
  decline: ['PENDING_APPROVAL'],
  'close-successful': ['ACTIVE'],
  'close-unsuccessful': ['ACTIVE'],
  withdraw: ['PENDING_APPROVAL', 'ACTIVE'],
  'follow-up': ['ACTIVE'],
  // OPS-D3 "no approval, no deflection": nothing proceeds while the leader has not approved.
  'record-disposition': ['ACTIVE', 'SUCCESSFUL', 'UNSUCCESSFUL'],
  'contact-case-manager': ['ACTIVE'],
};

const RESULT: Partial<Record<LifecycleAction, DeflectionStatus>> = {
  approve: 'ACTIVE',
  decline: 'DECLINED',
  'close-successful': 'SUCCESSFUL',
  'close-unsuccessful': 'UNSUCCESSFUL',
  withdraw: 'WITHDRAWN',
};

export const OPEN_STATUSES: readonly DeflectionStatus[] = ['PENDING_APPROVAL', 'ACTIVE'];

export function canPerform(status: DeflectionStatus, action: LifecycleAction): boolean {
  return ALLOWED[action].includes(status);
}

/**
 * The status after `action`. When the machine does not allow it, a violation naming the rule is added (and the
 * status is returned unchanged): "approval-required" while a leader has not approved, "lifecycle" otherwise.
 */
export function checkTransition(v: Violations, status: DeflectionStatus, action: LifecycleAction): DeflectionStatus {
  if (canPerform(status, action)) return RESULT[action] ?? status;
  if (status === 'PENDING_APPROVAL') {
    v.add('input.deflectionId', 'approval-required', 'This deflection is waiting for the MEG Director, Task Force Commander or a designee to approve it (OPS-092 III.D).');
  } else {
    v.add('input.deflectionId', 'lifecycle', `A deflection that is ${status} cannot be changed this way (${action}).`);
  }
  return status;
}
