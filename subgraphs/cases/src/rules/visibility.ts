import { hasAnyRole, type Actor } from '@hub/platform';
import type { FilterQuery } from '@mikro-orm/core';
import type { Deflection } from '../entities/deflection.entity.js';

/**
 * Who sees which deflection (issue "who may do what"): officers and supervisors their own unit's; MEG
 * directors, task-force commanders and their designees the ones that count for them; case managers those
 * assigned to their organisation. Analysts and providers see no individual deflection here.
 */
export function visibilityScope(actor: Actor): FilterQuery<Deflection>[] {
  const scopes: FilterQuery<Deflection>[] = [];
  if (hasAnyRole(actor, ['OFFICER', 'SUPERVISOR'])) scopes.push({ initiatingUnitId: actor.agencyId });
  if (hasAnyRole(actor, ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER']) || (actor.roles.includes('DESIGNEE') && actor.actingFor)) {
    scopes.push({ countsForId: actor.agencyId });
  }
  if (actor.roles.includes('CASE_MANAGER')) scopes.push({ caseManagementOrganizationId: actor.agencyId });
  return scopes;
}

export function canSee(actor: Actor, deflection: Deflection): boolean {
  const leader = hasAnyRole(actor, ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER']) || (actor.roles.includes('DESIGNEE') && actor.actingFor !== null);
  return (
    (hasAnyRole(actor, ['OFFICER', 'SUPERVISOR']) && deflection.initiatingUnitId === actor.agencyId) ||
    (leader && deflection.countsForId === actor.agencyId) ||
    (actor.roles.includes('CASE_MANAGER') && deflection.caseManagementOrganizationId === actor.agencyId)
  );
}
