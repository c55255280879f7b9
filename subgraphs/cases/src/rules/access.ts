import { definePolicy } from '@hub/platform/access';
import { hasAnyRole, type Actor, type Role } from '@hub/platform/identity';
import type { FilterQuery } from '@mikro-orm/core';
import type { Deflection } from '../entities/deflection.entity.js';

/**
 * Who sees and does what in the cases subgraph: the one place that decides. Officers and supervisors work their
 * own unit's deflections; MEG directors, task-force commanders and their designees the ones that count for them;
 * case managers those assigned to their organisation. Only these roles, who work the case, ever see a person's
 * identity. Analysts, providers, prosecutors and administrators see no individual deflection here.
 */

/** What the rules need of a deflection: who initiated it, who approves it, who manages the case. */
export type DeflectionFacts = Pick<Deflection, 'initiatingUnitId' | 'countsForId' | 'caseManagementOrganizationId'>;

/** An incident is known to its own unit, and through the deflections made from it. */
export interface IncidentAccess {
  agencyId: string;
  deflections: readonly DeflectionFacts[];
}

/** A person is known through their deflections, and to units that recorded them in an incident. */
export interface ParticipantAccess {
  incidentAgencyIds: readonly string[];
  deflections: readonly DeflectionFacts[];
}

type Resources = {
  'audit:read': void;
  'deflection:read': DeflectionFacts;
  'deflection:refer': void;
  'deflection:approve': DeflectionFacts;
  'deflection:record-disposition': DeflectionFacts;
  'deflection:contact-case-manager': DeflectionFacts;
  'deflection:follow-up': DeflectionFacts;
  'deflection:see-other-units-of-person': DeflectionFacts;
  'evidence:handle': DeflectionFacts;
  'evidence:list-awaiting-disposal': void;
  'review:list': void;
  'incident:record': void;
  'incident:read': IncidentAccess;
  'participant:read': ParticipantAccess;
};

const UNIT: readonly Role[] = ['OFFICER', 'SUPERVISOR'];
const LEADERS: readonly Role[] = ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'];
/** The roles that work a case, and so may see who the person is. */
const CASE_WORKERS: readonly Role[] = [...UNIT, ...LEADERS, 'CASE_MANAGER'];

export function isLeader(actor: Actor): boolean {
  return hasAnyRole(actor, ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER']) || (actor.roles.includes('DESIGNEE') && actor.actingFor !== null);
}

export function isUnitMember(actor: Actor, deflection: Pick<DeflectionFacts, 'initiatingUnitId'>): boolean {
  return hasAnyRole(actor, UNIT) && deflection.initiatingUnitId === actor.agencyId;
}

export function isApprovingLeader(actor: Actor, deflection: Pick<DeflectionFacts, 'countsForId'>): boolean {
  return isLeader(actor) && deflection.countsForId !== null && deflection.countsForId === actor.agencyId;
}

export function isAssignedCaseManager(actor: Actor, deflection: Pick<DeflectionFacts, 'caseManagementOrganizationId'>): boolean {
  return actor.roles.includes('CASE_MANAGER') && deflection.caseManagementOrganizationId === actor.agencyId;
}

export function canSee(actor: Actor, deflection: DeflectionFacts): boolean {
  return isUnitMember(actor, deflection) || isApprovingLeader(actor, deflection) || isAssignedCaseManager(actor, deflection);
}

/** The same rule as `canSee`, as a SQL filter: a list and a single read cannot disagree. */
export function visibilityScope(actor: Actor): FilterQuery<Deflection>[] {
  const scopes: FilterQuery<Deflection>[] = [];
  if (hasAnyRole(actor, UNIT)) scopes.push({ initiatingUnitId: actor.agencyId });
  if (isLeader(actor)) scopes.push({ countsForId: actor.agencyId });
  if (actor.roles.includes('CASE_MANAGER')) scopes.push({ caseManagementOrganizationId: actor.agencyId });
  return scopes;
}

/** Follow-up (reviews, outcomes, prosecutor) belongs to the approving leader (III.E); without one, to the unit's supervisor. */
export function canFollowUp(actor: Actor, deflection: DeflectionFacts): boolean {
  if (deflection.countsForId) return isApprovingLeader(actor, deflection);
  return actor.roles.includes('SUPERVISOR') && deflection.initiatingUnitId === actor.agencyId;
}

/** Follow-up lists as a SQL filter: the approving leader's deflections, and a supervisor's unit's that need no approval. */
export function followUpScope(actor: Actor): FilterQuery<Deflection>[] {
  const scopes: FilterQuery<Deflection>[] = [];
  if (isLeader(actor)) scopes.push({ countsForId: actor.agencyId });
  if (actor.roles.includes('SUPERVISOR')) scopes.push({ initiatingUnitId: actor.agencyId, countsForId: null });
  return scopes;
}

/**
 * Who may learn of a person's deflections by other units (how many there were): the approving leader and the
 * assigned case manager, who follow the person. Everyone else learns only of their own unit's.
 */
export function followsPersonStatewide(actor: Actor, deflection: DeflectionFacts): boolean {
  return isApprovingLeader(actor, deflection) || isAssignedCaseManager(actor, deflection);
}

/**
 * Who in an incident a reader may know: everyone, for the unit that recorded it; for anyone else, the person of each
 * deflection made from this incident that they may see — never its victims and witnesses, even people the reader
 * follows through some other deflection (their part in this incident is this case's record, not theirs).
 */
export function knownPeopleOfIncident(
  actor: Actor | null,
  incident: { agencyId: string; deflections: readonly (DeflectionFacts & { participant: { id: string } })[] },
): ((participantId: string) => boolean) {
  if (!actor) return () => false;
  if (hasAnyRole(actor, UNIT) && incident.agencyId === actor.agencyId) return () => true;
  const known = new Set(incident.deflections.filter((d) => canSee(actor, d)).map((d) => d.participant.id));
  return (participantId) => known.has(participantId);
}

export const access = definePolicy<Resources>(
  {
    // CJIS AU-6: the hub's administrators review the audit trail; nobody else reads it.
    'audit:read': { describe: 'read the audit trail', roles: ['HUB_ADMINISTRATOR'] },
    'deflection:read': { describe: 'read individual deflections (use the reporting statistics)', roles: CASE_WORKERS, on: canSee },
    'deflection:refer': { describe: 'refer people for deflection', roles: UNIT },
    // OPS-092 III.D: the MEG Director, the Task Force Commander, or a designee (checked against agencies by date).
    'deflection:approve': { describe: 'approve deflections', roles: LEADERS, on: isApprovingLeader },
    'deflection:record-disposition': { describe: 'record dispositions', roles: UNIT, on: isUnitMember },
    // III.C: the leader, the unit's supervisor or officer, or the case manager may record contact with the case manager.
    'deflection:contact-case-manager': { describe: 'record contact with the case manager', roles: CASE_WORKERS, on: canSee },
    'deflection:follow-up': { describe: 'follow deflections up', roles: [...LEADERS, 'SUPERVISOR'], on: canFollowUp },
    'deflection:see-other-units-of-person': { describe: 'learn of other units’ deflections of a person', roles: [...LEADERS, 'CASE_MANAGER'], on: followsPersonStatewide },
    // III.D.2–3 and III.E.2: the initiating unit handles and disposes of evidence; the approving leader may dispose.
    'evidence:handle': { describe: 'handle evidence', roles: [...UNIT, ...LEADERS], on: (actor, d) => isUnitMember(actor, d) || isApprovingLeader(actor, d) },
    'evidence:list-awaiting-disposal': { describe: 'list evidence awaiting disposal', roles: UNIT },
    'review:list': { describe: 'list follow-up reviews', roles: [...LEADERS, 'SUPERVISOR'] },
    'incident:record': { describe: 'record incidents', roles: UNIT },
    'incident:read': {
      describe: 'read incidents',
      roles: CASE_WORKERS,
      on: (actor, incident) => (hasAnyRole(actor, UNIT) && incident.agencyId === actor.agencyId) || incident.deflections.some((d) => canSee(actor, d)),
    },
    'participant:read': {
      describe: 'read who a person is',
      roles: CASE_WORKERS,
      on: (actor, person) => (hasAnyRole(actor, UNIT) && person.incidentAgencyIds.includes(actor.agencyId)) || person.deflections.some((d) => canSee(actor, d)),
    },
  },
  // The action behind every root field and entity of the schema; the subgraph refuses to start without one.
  {
    'Query.casesAuditTrail': 'audit:read',
    'Query.deflection': 'deflection:read',
    'Query.deflectionByReference': 'deflection:read',
    'Query.deflections': 'deflection:read',
    'Query.reviewsDue': 'review:list',
    'Query.overdueReviews': 'review:list',
    'Query.evidenceAwaitingDisposal': 'evidence:list-awaiting-disposal',
    'Query.participant': 'participant:read',
    'Query.incident': 'incident:read',
    'Mutation.quickReferral': 'deflection:refer',
    'Mutation.recordIncident': 'incident:record',
    'Mutation.decideApproval': 'deflection:approve',
    'Mutation.recordDisposition': 'deflection:record-disposition',
    'Mutation.recordContactAttempt': 'deflection:contact-case-manager',
    'Mutation.recordEvidence': 'evidence:handle',
    'Mutation.recordEvidenceHandling': 'evidence:handle',
    'Mutation.disposeEvidence': 'evidence:handle',
    'Mutation.recordReview': 'deflection:follow-up',
    'Mutation.closeDeflection': 'deflection:follow-up',
    'Mutation.submitToProsecutor': 'deflection:follow-up',
    'Entity.Deflection': 'deflection:read',
  },
);

export const { can, assertCan } = access;
