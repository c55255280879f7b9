import { ANYONE_SIGNED_IN, definePolicy } from '@hub/platform/access';
import type { Actor, Role } from '@hub/platform/identity';

/**
 * Who may do what in the agencies subgraph: the one place that decides. The directory (agencies, people, plans,
 * approvers) is open to every signed-in hub user, as work contacts of partner agencies. Changes belong to hub
 * administrators anywhere and to an agency's administrators within their agency and the units below it.
 */

/** An agency and the units above it, nearest first: an administrator of any of them administers it. */
export interface AgencyScope {
  ancestry: readonly string[];
}

export interface RoleGrant extends AgencyScope {
  roles: readonly Role[];
}

export interface DelegatedAuthority extends AgencyScope {
  /** The leader whose authority the designation delegates. */
  leaderId: string;
}

type Resources = {
  'audit:read': void;
  'directory:read': void;
  'agency:create': AgencyScope;
  'agency:update': AgencyScope;
  'meg:add-member': AgencyScope;
  'task-force:record-agreement': AgencyScope;
  'person:add': RoleGrant;
  'person:set-active': AgencyScope;
  'designation:record': DelegatedAuthority;
  'designation:revoke': DelegatedAuthority;
  'plan:publish': AgencyScope;
};

const ADMINISTRATORS: readonly Role[] = ['HUB_ADMINISTRATOR', 'ADMINISTRATOR'];
const LEADERS: readonly Role[] = ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'SUPERVISOR'];

export function administers(actor: Actor, scope: AgencyScope): boolean {
  return actor.roles.includes('HUB_ADMINISTRATOR') || (actor.roles.includes('ADMINISTRATOR') && scope.ancestry.includes(actor.agencyId));
}

/** Roles that reach beyond the granter's own agency: only a hub administrator grants them. */
const STATEWIDE_ROLES: readonly Role[] = ['HUB_ADMINISTRATOR', 'STATE_REPORTING_STAFF'];

/**
 * Roles are granted up to the granter's own scope: only a hub administrator makes another one, or ISP reporting
 * staff (who read every agency's crisis and use-of-force submissions).
 */
export function mayGrant(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.includes('HUB_ADMINISTRATOR') || !roles.some((role) => STATEWIDE_ROLES.includes(role));
}

const administer = { roles: ADMINISTRATORS, on: administers };

const leaderOrAdministrator = (actor: Actor, authority: DelegatedAuthority) => actor.personId === authority.leaderId || administers(actor, authority);

export const access = definePolicy<Resources>(
  {
    // CJIS AU-6: the hub's administrators review the audit trail; nobody else reads it.
    'audit:read': { describe: 'read the audit trail', roles: ['HUB_ADMINISTRATOR'] },
    'directory:read': { describe: 'read the directory', roles: ANYONE_SIGNED_IN },
    'agency:create': { describe: 'add agencies', ...administer },
    'agency:update': { describe: 'change agencies', ...administer },
    'meg:add-member': { describe: 'record MEG members', ...administer },
    'task-force:record-agreement': { describe: 'record task-force agreements', ...administer },
    'person:add': { describe: 'add people', roles: ADMINISTRATORS, on: (actor, grant) => administers(actor, grant) && mayGrant(actor, grant.roles) },
    'person:set-active': { describe: 'activate or deactivate people', ...administer },
    // A leader designates for their own authority; an administrator of the agency may record it for them.
    'designation:record': { describe: 'record designations', roles: [...LEADERS, ...ADMINISTRATORS], on: leaderOrAdministrator },
    'designation:revoke': { describe: 'revoke designations', roles: [...LEADERS, ...ADMINISTRATORS], on: leaderOrAdministrator },
    'plan:publish': { describe: 'publish Solution Action Plans', ...administer },
  },
  // The action behind every root field and entity of the schema; the subgraph refuses to start without one.
  {
    'Query.agenciesAuditTrail': 'audit:read',
    'Query.agency': 'directory:read',
    'Query.agencies': 'directory:read',
    'Query.myAgency': 'directory:read',
    'Query.me': 'directory:read',
    'Query.person': 'directory:read',
    'Query.solutionActionPlan': 'directory:read',
    'Query.approversFor': 'directory:read',
    'Query.changeVersion': 'directory:read',
    'Mutation.createAgency': 'agency:create',
    'Mutation.updateAgency': 'agency:update',
    'Mutation.addMegMember': 'meg:add-member',
    'Mutation.recordTaskForceAgreement': 'task-force:record-agreement',
    'Mutation.addPerson': 'person:add',
    'Mutation.setPersonActive': 'person:set-active',
    'Mutation.designate': 'designation:record',
    'Mutation.revokeDesignation': 'designation:revoke',
    'Mutation.publishSolutionActionPlan': 'plan:publish',
    'Entity.Agency': 'directory:read',
    'Entity.Person': 'directory:read',
    'Entity.SolutionActionPlan': 'directory:read',
  },
);

export const { can, assertCan } = access;
