import { DEMO_AGENCY as A, DEMO_PEOPLE, DEMO_PERSON as P, DEMO_PLAN as PLAN, demoDeflectionId, demoParticipantId } from '@hub/platform/demo';
import { addDays, ageBandOn, illinoisDate, type Pathway } from '@hub/platform/domain';
import { recordEvent } from '@hub/platform/events';
import type { DemoSeed } from '@hub/platform/subgraph';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContactAttempt, EvidenceEvent, EvidenceItem, HistoryEntry, Review } from '../entities/case-records.entity.js';
import { Deflection } from '../entities/deflection.entity.js';
import { Incident, IncidentPerson } from '../entities/incident.entity.js';
import { Participant } from '../entities/participant.entity.js';
import type { CallType, DeflectionStatus } from '../entities/vocabulary.js';
import { matchKey } from '../rules/participant-matching.js';
import { firstReviewDue, nextReviewDueAfter } from '../rules/review-schedule.js';
import { seedCasesHistory } from './history.js';

export { demoDeflectionId } from '@hub/platform/demo';

/**
 * Jordan Avery (DEMO_PEOPLE[0]) is deflected twice (rows 16 and 1): relapse is part of recovery. The sheriff's
 * office wrote the name in capitals; each unit is shown its own record's spelling.
 */

interface Row {
  unit: string;
  countsFor: string | null;
  plan: string;
  cmo: string;
  county: string;
  pathway: Pathway;
  status: DeflectionStatus;
  by: string;
  daysAgo: number;
  person: number;
  callType: CallType;
  approver?: { by: string; forId?: string };
  /** Days after referral each review was held, with its finding. */
  reviews?: [number, 'PROGRESSING' | 'SUCCESSFUL' | 'UNSUCCESSFUL'][];
  evidence?: 'undisposed' | 'disposed';
  prosecutor?: string;
  /** How this unit's record spells the person, when not as DEMO_PEOPLE does. */
  recordedAs?: [string, string];
}

/** Who follows up deflections that need no approval: the unit's supervisor (OPS-092 III.E, by analogy). */
const SUPERVISOR_OF: Record<string, string> = {
  [A.ispDopTroop2]: P.sergeantOkafor,
  [A.lakeCountySheriff]: P.sheriffSergeantBrooks,
  [A.dixonPolice]: P.dixonSergeantOrtega,
};

const marsh = { by: P.directorMarsh };
const patel = { by: P.inspectorPatel, forId: P.directorMarsh };
const troop2 = { unit: A.ispDopTroop2, countsFor: A.lakeCountyMeg, plan: PLAN.troop2v2, cmo: A.tasc, county: 'Lake', by: P.trooperReyes };
const dciNorth = { unit: A.ispDciNorthZone, countsFor: A.lakeCountyMeg, plan: PLAN.dciNorth, cmo: A.tasc, county: 'Lake', by: P.agentNguyen };
const sheriff = { unit: A.lakeCountySheriff, countsFor: null, plan: PLAN.lakeCountySheriff, cmo: A.tasc, county: 'Lake', by: P.deputyLindqvist };

/** Every pathway and every state, reviews overdue and due soon, evidence open and disposed, a prosecutor submission. */
const ROWS: Row[] = [
  { ...troop2, pathway: 'OFFICER_INTERVENTION', status: 'ACTIVE', daysAgo: 120, person: 0, callType: 'INVESTIGATION', approver: marsh },
  { ...troop2, pathway: 'OFFICER_PREVENTION', status: 'ACTIVE', daysAgo: 80, person: 1, callType: 'PATROL_CONTACT', approver: patel },
  { ...troop2, pathway: 'SELF_REFERRAL', status: 'SUCCESSFUL', daysAgo: 200, person: 2, callType: 'CALL_FOR_ASSISTANCE', approver: marsh, reviews: [[85, 'PROGRESSING'], [170, 'SUCCESSFUL']] },
  { ...troop2, pathway: 'NALOXONE_PLUS', status: 'ACTIVE', daysAgo: 150, person: 3, callType: 'OVERDOSE', approver: marsh, reviews: [[88, 'PROGRESSING']] },
  { ...troop2, pathway: 'ACTIVE_OUTREACH', status: 'WITHDRAWN', daysAgo: 60, person: 4, callType: 'SUBSTANCE_USE', approver: marsh },
  { ...troop2, pathway: 'PRE_ARREST_DIVERSION', status: 'UNSUCCESSFUL', daysAgo: 240, person: 5, callType: 'INVESTIGATION', approver: marsh, reviews: [[89, 'PROGRESSING'], [175, 'UNSUCCESSFUL']], evidence: 'disposed', prosecutor: "Lake County State's Attorney's Office" },
  { ...troop2, pathway: 'OFFICER_INTERVENTION', status: 'SUCCESSFUL', daysAgo: 300, person: 6, callType: 'INVESTIGATION', approver: patel, reviews: [[90, 'PROGRESSING'], [178, 'PROGRESSING'], [260, 'SUCCESSFUL']], evidence: 'disposed' },
  { ...troop2, pathway: 'OFFICER_INTERVENTION', status: 'PENDING_APPROVAL', daysAgo: 2, person: 7, callType: 'PATROL_CONTACT' },
  { ...troop2, pathway: 'OFFICER_INTERVENTION', status: 'DECLINED', daysAgo: 30, person: 8, callType: 'INVESTIGATION', approver: marsh },
  { ...dciNorth, pathway: 'OFFICER_INTERVENTION', status: 'ACTIVE', daysAgo: 95, person: 9, callType: 'INVESTIGATION', approver: marsh, evidence: 'undisposed' },
  { ...dciNorth, pathway: 'PRE_ARREST_DIVERSION', status: 'ACTIVE', daysAgo: 40, person: 10, callType: 'INVESTIGATION', approver: patel },
  { ...dciNorth, county: 'McHenry', pathway: 'SELF_REFERRAL', status: 'SUCCESSFUL', daysAgo: 250, person: 11, callType: 'CALL_FOR_ASSISTANCE', approver: marsh, reviews: [[86, 'PROGRESSING'], [170, 'SUCCESSFUL']] },
  { ...dciNorth, pathway: 'ACTIVE_OUTREACH', status: 'PENDING_APPROVAL', daysAgo: 1, person: 12, callType: 'INVESTIGATION' },
  { ...troop2, countsFor: A.duPageMeg, plan: PLAN.troop2DuPage, county: 'DuPage', pathway: 'OFFICER_PREVENTION', status: 'ACTIVE', daysAgo: 20, person: 13, callType: 'PATROL_CONTACT', approver: { by: P.directorLowry } },
  { ...sheriff, pathway: 'SELF_REFERRAL', status: 'ACTIVE', daysAgo: 100, person: 14, callType: 'CALL_FOR_ASSISTANCE' },
  { ...sheriff, pathway: 'NALOXONE_PLUS', status: 'SUCCESSFUL', daysAgo: 420, person: 0, callType: 'OVERDOSE', reviews: [[88, 'PROGRESSING'], [175, 'SUCCESSFUL']], recordedAs: ['JORDAN', 'AVERY'] },
  { ...sheriff, pathway: 'OFFICER_INTERVENTION', status: 'UNSUCCESSFUL', daysAgo: 210, person: 15, callType: 'NEIGHBOR_DISPUTE', reviews: [[90, 'UNSUCCESSFUL']] },
  { unit: A.dixonPolice, countsFor: null, plan: PLAN.dixonPolice, cmo: A.tasc, county: 'Lee', by: P.officerDuarte, pathway: 'SELF_REFERRAL', status: 'SUCCESSFUL', daysAgo: 170, person: 16, callType: 'CALL_FOR_ASSISTANCE', reviews: [[84, 'SUCCESSFUL']] },
  { unit: A.dixonPolice, countsFor: null, plan: PLAN.dixonPolice, cmo: A.tasc, county: 'Lee', by: P.officerDuarte, pathway: 'ACTIVE_OUTREACH', status: 'ACTIVE', daysAgo: 10, person: 17, callType: 'HOMELESSNESS' },
  { unit: A.peoriaFire, countsFor: null, plan: PLAN.peoriaFire, cmo: A.tasc, county: 'Peoria', by: P.firefighterKowalski, pathway: 'NALOXONE_PLUS', status: 'ACTIVE', daysAgo: 15, person: 18, callType: 'OVERDOSE' },
  { unit: A.peoriaFire, countsFor: null, plan: PLAN.peoriaFire, cmo: A.tasc, county: 'Peoria', by: P.firefighterKowalski, pathway: 'OFFICER_PREVENTION', status: 'WITHDRAWN', daysAgo: 45, person: 19, callType: 'MENTAL_HEALTH' },
  { unit: A.ispDciSouthZone, countsFor: A.southernIllinoisEnforcementGroup, plan: PLAN.dciSouth, cmo: A.chestnutRecoveryCoaching, county: 'Jackson', by: P.agentNguyen, pathway: 'OFFICER_INTERVENTION', status: 'ACTIVE', daysAgo: 70, person: 20, callType: 'INVESTIGATION', approver: { by: P.directorCallahan } },
];

/** Dates are relative to today, so overdue reviews stay overdue and due-soon ones stay due soon whenever the demo starts. */
export async function seedCases(em: EntityManager, { now, history }: DemoSeed): Promise<void> {
  seedFixtures(em, now);
  if (history) seedCasesHistory(em, history);
  await em.flush();
}

/** The deflections tests and walkthroughs name by id: few, and each there for a reason. */
function seedFixtures(em: EntityManager, now: Date): void {
  const day = 86_400_000;
  const participants = DEMO_PEOPLE.map(([givenName, familyName, dateOfBirth], index) =>
    em.create(Participant, { id: demoParticipantId(index), givenName, familyName, dateOfBirth, matchKey: matchKey({ givenName, familyName, dateOfBirth }) }),
  );
  const history = (deflection: Deflection, at: Date, actorId: string, action: string, from: DeflectionStatus | null, to: DeflectionStatus | null, actingForId: string | null = null) =>
    em.create(HistoryEntry, { deflection, at, actorId, actingForId, action, fromStatus: from, toStatus: to, changes: null });

  ROWS.forEach((row, index) => {
    const n = index + 1;
    const referredAt = new Date(now.getTime() - row.daysAgo * day);
    const referredOn = illinoisDate(referredAt);
    const participant = participants[row.person]!;
    const incident = em.create(Incident, {
      agencyId: row.unit, occurredAt: referredAt, county: row.county, place: null, callType: row.callType,
      reportNumber: null, recordsSystem: null, createdById: row.by,
    });
    const [givenName, familyName, dateOfBirth] = DEMO_PEOPLE[row.person]!;
    const [recordedGiven, recordedFamily] = row.recordedAs ?? [givenName, familyName];
    em.create(IncidentPerson, {
      incident, participant, involvement: row.callType === 'INVESTIGATION' ? 'COLLATERAL' : 'SUBJECT', givenName: recordedGiven, familyName: recordedFamily, dateOfBirth,
    });
    const approvalRequired = row.countsFor !== null;
    const initialStatus: DeflectionStatus = approvalRequired ? 'PENDING_APPROVAL' : 'ACTIVE';
    const approvedAt = new Date(referredAt.getTime() + 3_600_000);
    const approvedOn = illinoisDate(approvedAt);
    const started = !approvalRequired || (row.status !== 'PENDING_APPROVAL' && row.status !== 'DECLINED');
    const closed = ['SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN'].includes(row.status);
    const closedAt = new Date(referredAt.getTime() + (row.reviews?.at(-1)?.[0] ?? Math.min(row.daysAgo - 1, 30)) * day + 3_600_000);
    let nextReviewDue: string | null = started ? firstReviewDue(approvalRequired ? approvedOn : referredOn) : null;
    const deflection = em.create(Deflection, {
      id: demoDeflectionId(n),
      referenceNumber: `DFL-2026-${String(n).padStart(6, '0')}`,
      pathway: row.pathway,
      status: row.status,
      initiatingUnitId: row.unit,
      countsForId: row.countsFor,
      caseManagementOrganizationId: row.cmo,
      county: row.county,
      referredAt,
      createdById: row.by,
      participant,
      incident,
      narrative: `Demo ${row.pathway.toLowerCase().replaceAll('_', ' ')} referral: contact during ${row.callType.toLowerCase().replaceAll('_', ' ')}; person agreed to meet a case manager.`,
      solutionActionPlanId: row.plan,
      nextStepsSummary: approvalRequired ? 'Approval by the MEG or task force, then the case manager calls back within 30 minutes.' : 'The case manager calls back within 30 minutes.',
      chargesHeldInAbeyance: row.pathway === 'OFFICER_INTERVENTION',
      // The fixtures' people told nothing but their name and date of birth.
      ageBand: ageBandOn(dateOfBirth, referredOn),
      sex: 'UNKNOWN',
      race: 'UNKNOWN',
      ethnicity: 'UNKNOWN',
      approvalRequired,
    });
    history(deflection, referredAt, row.by, 'REFERRED', null, initialStatus);
    recordEvent(em, {
      type: 'deflection.referred', deflectionId: deflection.id, personPseudonym: participant.pseudonym, pathway: row.pathway,
      status: initialStatus, initiatingUnitId: row.unit, countsForId: row.countsFor, county: row.county, referredAt: referredAt.toISOString(),
      initiatingOfficerId: row.by, approvalRequired, encounterAt: referredAt.toISOString(), callType: row.callType, channel: null, arrestMade: false,
      ageBand: deflection.ageBand, sex: deflection.sex, race: deflection.race, ethnicity: deflection.ethnicity,
    });
    if (row.approver) {
      const decision = row.status === 'DECLINED' ? 'DECLINED' : 'APPROVED';
      Object.assign(deflection, {
        approvalDecision: decision, approvalById: row.approver.by, approvalForId: row.approver.forId ?? null, approvalAt: approvedAt,
        approvalReason: decision === 'APPROVED' ? 'Eligible under the SAP; collateral person, no violence.' : 'Lead suspect in an ongoing delivery investigation.',
      });
      const to: DeflectionStatus = decision === 'APPROVED' ? 'ACTIVE' : 'DECLINED';
      history(deflection, approvedAt, row.approver.by, decision, 'PENDING_APPROVAL', to, row.approver.forId ?? null);
      recordEvent(em, {
        type: decision === 'APPROVED' ? 'deflection.approved' : 'deflection.declined', deflectionId: deflection.id, fromStatus: 'PENDING_APPROVAL', toStatus: to,
        at: approvedAt.toISOString(), decidedByAgencyId: row.countsFor!,
      });
    }
    if (started) {
      const firstContact = new Date(approvedAt.getTime() + 1_800_000);
      em.create(ContactAttempt, { deflection, at: firstContact, byId: row.by, actingForId: null, method: 'PHONE', result: 'NO_ANSWER', caseManagerName: null, notes: null });
      if (row.daysAgo > 3) {
        const handOff = new Date(firstContact.getTime() + 3_600_000);
        em.create(ContactAttempt, { deflection, at: handOff, byId: row.by, actingForId: null, method: 'PHONE', result: 'HANDED_OFF', caseManagerName: 'Joy Abernathy', notes: null });
        deflection.handedOffAt = handOff;
        recordEvent(em, { type: 'deflection.handed-off', deflectionId: deflection.id, at: handOff.toISOString() });
      }
      if (row.pathway === 'OFFICER_INTERVENTION' || row.pathway === 'PRE_ARREST_DIVERSION') {
        Object.assign(deflection, { dispositionReportNumber: `TR-26-${String(40000 + n)}`, dispositionRecordsSystem: 'TRACS', dispositionAt: approvedAt, dispositionById: row.by });
      }
    }
    if (row.evidence) {
      const item = em.create(EvidenceItem, { deflection, description: 'Glass pipe with residue (1)', seizedAt: referredAt, responsibleUnitId: row.unit });
      em.create(EvidenceEvent, { evidence: item, action: 'SEIZED', at: referredAt, byId: row.by, notes: null });
      em.create(EvidenceEvent, { evidence: item, action: 'IN_STORAGE', at: new Date(referredAt.getTime() + 7_200_000), byId: row.by, notes: 'Troop evidence room' });
      if (row.evidence === 'disposed') Object.assign(item, { disposedAt: new Date(closedAt.getTime() - 3_600_000), disposalMethod: 'DESTROYED', disposedById: row.by });
    }
    for (const [afterDays, finding] of row.reviews ?? []) {
      const heldOn = addDays(referredOn, afterDays);
      const reviewer = row.approver?.by ?? SUPERVISOR_OF[row.unit] ?? row.by;
      em.create(Review, {
        deflection, dueOn: nextReviewDue!, heldOn, reviewerId: reviewer, actingForId: row.approver?.forId ?? null,
        caseManagerName: 'Joy Abernathy', finding, notes: null,
      });
      history(deflection, new Date(Date.parse(`${heldOn}T18:00:00Z`)), reviewer, 'REVIEWED', null, null);
      deflection.reviewsHeld += 1;
      deflection.lastReviewedOn = heldOn;
      recordEvent(em, { type: 'deflection.reviewed', deflectionId: deflection.id, finding, dueOn: nextReviewDue!, heldOn });
      nextReviewDue = nextReviewDueAfter(heldOn) > nextReviewDue! ? nextReviewDueAfter(heldOn) : nextReviewDue;
    }
    if (closed) {
      const outcomeBy = row.approver?.by ?? SUPERVISOR_OF[row.unit] ?? row.by;
      Object.assign(deflection, {
        outcome: row.status, outcomeAt: closedAt, outcomeById: outcomeBy,
        outcomeReason: row.status === 'WITHDRAWN' ? 'Person moved out of state.' : null,
        chargesReleasedAt: row.status === 'SUCCESSFUL' && deflection.chargesHeldInAbeyance ? closedAt : null,
        prosecutingAttorney: row.prosecutor ?? null,
        submittedToProsecutorOn: row.prosecutor ? illinoisDate(closedAt) : null,
      });
      nextReviewDue = null;
      history(deflection, closedAt, outcomeBy, 'CLOSED', approvalRequired ? 'ACTIVE' : initialStatus, row.status);
      recordEvent(em, { type: 'deflection.closed', deflectionId: deflection.id, fromStatus: 'ACTIVE', toStatus: row.status, at: closedAt.toISOString() });
    }
    deflection.nextReviewDue = nextReviewDue;
  });
}

export async function hasCases(em: EntityManager): Promise<boolean> {
  return (await em.count(Deflection, {})) > 0;
}
