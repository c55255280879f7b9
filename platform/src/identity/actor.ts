import { forbidden, unauthenticated } from '../errors.js';

/** Roles as the hub knows them; the agencies subgraph is the source of truth for who holds which. */
export const ROLES = [
  'OFFICER',
  'SUPERVISOR',
  'MEG_DIRECTOR',
  'TASK_FORCE_COMMANDER',
  'DESIGNEE',
  'CASE_MANAGER',
  'PROVIDER_STAFF',
  'ANALYST',
  'PROSECUTOR',
  'ADMINISTRATOR',
  'HUB_ADMINISTRATOR',
  /** Designated records staff of a law-enforcement agency: keep and file its crisis and use-of-force reports. */
  'RECORDS_STAFF',
  /** ISP's reporting staff (1244): receive every agency's crisis and use-of-force submissions and chase late ones. */
  'STATE_REPORTING_STAFF',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The person behind a request. A designee acts with the authority of the leader named in `actingFor`;
 * records keep both, so history says who acted and for whom.
 */
export interface Actor {
  personId: string;
  agencyId: string;
  roles: Role[];
  actingFor: string | null;
}

export interface IdentityContext {
  actor: Actor | null;
}

export function requireActor(context: IdentityContext): Actor {
  if (!context.actor) throw unauthenticated();
  return context.actor;
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

export function requireRole(context: IdentityContext, roles: readonly Role[]): Actor {
  const actor = requireActor(context);
  if (!hasAnyRole(actor, roles)) throw forbidden();
  return actor;
}
