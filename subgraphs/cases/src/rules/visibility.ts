import { hasAnyRole, type Actor } from '@hub/platform';
import type { FilterQuery } from '@mikro-orm/core';
import type { Deflection } from '../entities/deflection.entity.js';

/**
 * Who sees and does what (issue "who may do what"), in one place. Officers and supervisors work their own
 * unit's deflections; MEG directors, task-force commanders and their designees the ones that count for them;
 * case managers those assigned to their organisation. Analysts and providers see no individual deflection.
 */
export function isLeader(actor: Actor): boolean {
  return hasAnyRole(actor, ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER']) || (actor.roles.includes('DESIGNEE') && actor.actingFor !== null);
}

export function isUnitMember(actor: Actor, deflection: Pick<Deflection, 'initiatingUnitId'>): boolean {
  return hasAnyRole(actor, ['OFFICER', 'SUPERVISOR']) && deflection.initiatingUnitId === actor.agencyId;
}

export function isApprovingLeader(actor: Actor, deflection: Pick<Deflection, 'countsForId'>): boolean {
  return isLeader(actor) && deflection.countsForId !== null && deflection.countsForId === actor.agencyId;
}

export function isAssignedCaseManager(actor: Actor, deflection: Pick<Deflection, 'caseManagementOrganizationId'>): boolean {
  return actor.roles.includes('CASE_MANAGER') && deflection.caseManagementOrganizationId === actor.agencyId;
}

export function visibilityScope(actor: Actor): FilterQuery<Deflection>[] {
  const scopes: FilterQuery<Deflection>[] = [];
  if (hasAnyRole(actor, ['OFFICER', 'SUPERVISOR'])) scopes.push({ initiatingUnitId: actor.agencyId });
  if (isLeader(actor)) scopes.push({ countsForId: actor.agencyId });
  if (actor.roles.includes('CASE_MANAGER')) scopes.push({ caseManagementOrganizationId: actor.agencyId });
  return scopes;
}

export function canSee(actor: Actor, deflection: Deflection): boolean {
  return isUnitMember(actor, deflection) || isApprovingLeader(actor, deflection) || isAssignedCaseManager(actor, deflection);
}

/** Follow-up (reviews, outcomes, prosecutor) belongs to the approving leader (III.E); without one, to the unit's supervisor. */
export function canFollowUp(actor: Actor, deflection: Deflection): boolean {
  if (deflection.countsForId) return isApprovingLeader(actor, deflection);
  return actor.roles.includes('SUPERVISOR') && deflection.initiatingUnitId === actor.agencyId;
}

/** III.C: the leader, the unit's supervisor or officer, or the case manager may record contact with the case manager. */
export function canRecordContact(actor: Actor, deflection: Deflection): boolean {
  return isUnitMember(actor, deflection) || isApprovingLeader(actor, deflection) || isAssignedCaseManager(actor, deflection);
}

/** III.D.2–3 and III.E.2: the initiating unit handles and disposes of evidence; the approving leader may dispose. */
export function canHandleEvidence(actor: Actor, deflection: Deflection): boolean {
  return isUnitMember(actor, deflection) || isApprovingLeader(actor, deflection);
}
