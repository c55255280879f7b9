import { ANYONE_SIGNED_IN, definePolicy } from '@hub/platform/access';
import type { Actor, Role } from '@hub/platform/identity';

/**
 * Who may do what in the reporting subgraph: the one place that decides. Reporting holds no person's record, only
 * de-identified facts, and answers every figure under disclosure control (rules/suppression.ts), so any signed-in
 * hub user may build statistics. Feedback narrows to the caller's own referrals, unit or program; the state data
 * set is statewide for analysts. Writes arrive as signed events from the other subgraphs (events/inbox-route.ts).
 */

/** The agency a figure is about, when the caller names one (their own by default). */
export interface AgencyScope {
  agencyId: string;
}

export interface ProgramScope {
  programIds: readonly string[] | null;
}

type Resources = {
  'audit:read': void;
  'statistics:read': void;
  'feedback:read-own': void;
  'feedback:read-unit': AgencyScope;
  'referral-counts:read': AgencyScope;
  'digest:read': AgencyScope;
  'state-data-set:read': ProgramScope;
  'event-delivery:read': void;
  /** Recording, submitting and use of force always act for the caller's own agency: no agency is ever named. */
  'crisis:record': void;
  'crisis:read-incidents': AgencyScope;
  'crisis:submit': void;
  'crisis:read-submissions': AgencyScope;
  'crisis:read-status-all': void;
  'force:record': void;
  'force:read-submissions': AgencyScope;
  'force:respond': void;
};

const UNIT_LEADS: readonly Role[] = ['SUPERVISOR', 'ADMINISTRATOR'];
const PROGRAM_LEADERS: readonly Role[] = ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'];
/** Analysts (ICJIA, DHS, ISP, programs) and hub administrators see the whole state. */
const STATEWIDE: readonly Role[] = ['ANALYST', 'HUB_ADMINISTRATOR'];

/** IAC-1: anyone of a law-enforcement agency who handles the calls may record them; filing is for records staff and leads. */
const CRISIS_RECORDERS: readonly Role[] = ['OFFICER', 'SUPERVISOR', 'ADMINISTRATOR', 'RECORDS_STAFF'];
const CRISIS_FILERS: readonly Role[] = ['SUPERVISOR', 'ADMINISTRATOR', 'RECORDS_STAFF'];
/** ISP's reporting staff receive every agency's submissions (20 Ill. Adm. Code 1244.300(e)). */
const STATE_REPORTING: readonly Role[] = ['STATE_REPORTING_STAFF'];
/** Only the agency's administrators and designated records staff see its use-of-force incidents (IAC-6). */
const FORCE_KEEPERS: readonly Role[] = ['ADMINISTRATOR', 'RECORDS_STAFF'];

const ownAgency = (actor: Actor, scope: AgencyScope) => scope.agencyId === actor.agencyId;
const statewide = (actor: Actor) => actor.roles.some((role) => STATEWIDE.includes(role));

export const access = definePolicy<Resources>(
  {
    // CJIS AU-6: the hub's administrators review the audit trail; nobody else reads it.
    'audit:read': { describe: 'read the audit trail', roles: ['HUB_ADMINISTRATOR'] },
    'statistics:read': { describe: 'read statistics', roles: ANYONE_SIGNED_IN },
    'feedback:read-own': { describe: 'read the outcomes of your own referrals', roles: ['OFFICER'] },
    'feedback:read-unit': { describe: 'read the outcomes of a unit’s referrals', roles: UNIT_LEADS, on: ownAgency },
    'referral-counts:read': { describe: 'read referral counts per officer', roles: [...UNIT_LEADS, ...PROGRAM_LEADERS], on: ownAgency },
    'digest:read': { describe: 'read a feedback digest', roles: ['OFFICER', ...UNIT_LEADS, ...PROGRAM_LEADERS], on: ownAgency },
    'state-data-set:read': {
      describe: 'read the state minimum data set',
      roles: [...STATEWIDE, ...PROGRAM_LEADERS, ...UNIT_LEADS],
      on: (actor, scope) => statewide(actor) || (scope.programIds !== null && scope.programIds.every((id) => id === actor.agencyId)),
    },
    'event-delivery:read': { describe: 'read how far behind statistics are', roles: ['HUB_ADMINISTRATOR'] },
    'crisis:record': { describe: 'record crisis incidents', roles: CRISIS_RECORDERS },
    'crisis:read-incidents': { describe: 'read crisis incidents', roles: CRISIS_RECORDERS, on: ownAgency },
    'crisis:submit': { describe: 'submit crisis reports', roles: CRISIS_FILERS },
    'crisis:read-submissions': {
      describe: 'read crisis report submissions',
      roles: [...CRISIS_RECORDERS, ...STATE_REPORTING],
      on: (actor, scope) => ownAgency(actor, scope) || actor.roles.some((role) => STATE_REPORTING.includes(role)),
    },
    'crisis:read-status-all': { describe: 'read every agency’s crisis reporting status', roles: STATE_REPORTING },
    // IAC-6: use of force is the agency's own business until it is submitted; ISP reporting staff see submissions.
    'force:record': { describe: 'record use-of-force incidents', roles: FORCE_KEEPERS },
    'force:read-submissions': {
      describe: 'read use-of-force submissions',
      roles: [...FORCE_KEEPERS, ...STATE_REPORTING],
      on: (actor, scope) => ownAgency(actor, scope) || actor.roles.some((role) => STATE_REPORTING.includes(role)),
    },
    'force:respond': { describe: 'record the collection’s answer to a use-of-force submission', roles: STATE_REPORTING },
  },
  // The action behind every root field and entity of the schema; the subgraph refuses to start without one.
  {
    'Query.reportingAuditTrail': 'audit:read',
    'Query.suppressionThreshold': 'statistics:read',
    'Query.statistics': 'statistics:read',
    'Query.myReferralOutcomes': 'feedback:read-own',
    'Query.unitReferralOutcomes': 'feedback:read-unit',
    'Query.referralCounts': 'referral-counts:read',
    'Query.feedbackDigest': 'digest:read',
    'Query.stateDataSet': 'state-data-set:read',
    'Query.eventDelivery': 'event-delivery:read',
    'Query.crisisStatistics': 'statistics:read',
    'Query.crisisIncidents': 'crisis:read-incidents',
    'Query.crisisMonth': 'crisis:read-submissions',
    'Query.crisisSubmissions': 'crisis:read-submissions',
    'Query.crisisSubmission': 'crisis:read-submissions',
    'Query.crisisReportingStatus': 'crisis:read-status-all',
    'Mutation.recordCrisisIncident': 'crisis:record',
    'Mutation.updateCrisisIncident': 'crisis:record',
    'Mutation.submitCrisisMonth': 'crisis:submit',
    'Mutation.importCrisisIncidents': 'crisis:submit',
    'Query.useOfForceIncidents': 'force:record',
    'Query.useOfForceSubmissions': 'force:read-submissions',
    'Query.useOfForceRejections': 'force:read-submissions',
    'Query.useOfForceSubmission': 'force:read-submissions',
    'Mutation.recordUseOfForceIncident': 'force:record',
    'Mutation.updateUseOfForceIncident': 'force:record',
    'Mutation.submitUseOfForceMonth': 'force:record',
    'Mutation.recordUseOfForceResponse': 'force:respond',
    'Entity.Agency': 'statistics:read',
  },
);

export const { can, assertCan } = access;

/** Whether the caller sees the state data set of every program. */
export function seesEveryProgram(actor: Actor): boolean {
  return statewide(actor);
}

/** Whether a leader's figures are those of their MEG or task force (deflections that count for it), not of a unit. */
export function leadsProgram(actor: Actor): boolean {
  return actor.roles.some((role) => PROGRAM_LEADERS.includes(role));
}
