import { forbidden, hasAnyRole, requireActor, type Actor } from '@hub/platform';
import type { Context } from '../context.js';

/**
 * Who may change the directory: a hub administrator anywhere; an agency administrator within their own agency
 * and the units below it (a DOP administrator can add a zone to a troop of DOP, not to DCI).
 */
export async function isWithinUnit(context: Context, unitId: string, candidateId: string): Promise<boolean> {
  let current: string | null = candidateId;
  for (let depth = 0; current && depth < 10; depth += 1) {
    if (current === unitId) return true;
    const agency = await context.loaders.agency.load(current);
    current = agency?.parentId ?? null;
  }
  return false;
}

export async function requireAdministratorOf(context: Context, agencyId: string | null): Promise<Actor> {
  const actor = requireActor(context);
  if (actor.roles.includes('HUB_ADMINISTRATOR')) return actor;
  if (agencyId && hasAnyRole(actor, ['ADMINISTRATOR']) && (await isWithinUnit(context, actor.agencyId, agencyId))) return actor;
  throw forbidden('Only a hub administrator, or an administrator of this agency, may change it.');
}
