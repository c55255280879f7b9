import type { DemoHistory, HistoryDeflection, HistoryPerson } from '@hub/platform/demo';
import { ageBandOn, illinoisDate } from '@hub/platform/domain';
import { recordEvent } from '@hub/platform/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContactAttempt, HistoryEntry, Review } from '../entities/case-records.entity.js';
import { Deflection } from '../entities/deflection.entity.js';
import { Incident, IncidentPerson } from '../entities/incident.entity.js';
import { Participant } from '../entities/participant.entity.js';
import type { DeflectionStatus } from '../entities/vocabulary.js';
import { matchKey } from '../rules/participant-matching.js';
import { firstReviewDue, nextReviewDueAfterReview } from '../rules/review-schedule.js';

/**
 * The cases subgraph's part of the demo year: each deflection written as the commands would have left it (history,
 * contact attempts, reviews, outcome) and every event they would have published, so reporting builds its facts
 * from the same stream as from real use.
 */
export function seedCasesHistory(em: EntityManager, history: DemoHistory): void {
  const participants = new Map<string, Participant>();
  const participantOf = (person: HistoryPerson) => {
    let participant = participants.get(person.participantId);
    if (!participant) {
      const { givenName, familyName, dateOfBirth } = person;
      participant = em.create(Participant, { id: person.participantId, givenName, familyName, dateOfBirth, matchKey: matchKey({ givenName, familyName, dateOfBirth }) });
      participants.set(person.participantId, participant);
    }
    return participant;
  };
  history.deflections.forEach((d, index) => seedDeflection(em, d, participantOf(d.person), index + 1));
}

/** Reference numbers of the history stay clear of the ones new referrals take from the sequence (from 1000). */
const referenceNumber = (d: HistoryDeflection, n: number) => `DFL-${illinoisDate(d.referredAt).slice(0, 4)}-${String(500_000 + n).padStart(6, '0')}`;

function seedDeflection(em: EntityManager, d: HistoryDeflection, participant: Participant, n: number): void {
  // The same audit entries, with the same changes, as the commands write (refer, decideApproval, recordContactAttempt, …).
  const entry = (at: Date, actorId: string, action: string, changes: Record<string, unknown>, from: DeflectionStatus | null = null, to: DeflectionStatus | null = null) =>
    em.create(HistoryEntry, { deflection, at, actorId, actingForId: null, action, fromStatus: from, toStatus: to, changes });
  const { person } = d;
  const incident = em.create(Incident, {
    agencyId: d.unitId, occurredAt: d.encounterAt, county: d.county, place: null, callType: d.callType, reportNumber: null, recordsSystem: null, createdById: d.officerId,
  });
  em.create(IncidentPerson, { incident, participant, involvement: 'SUBJECT', givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth });
  const approvalRequired = d.plan.approvingAgencyId !== null;
  const initialStatus: DeflectionStatus = approvalRequired ? 'PENDING_APPROVAL' : 'ACTIVE';
  const ageBand = ageBandOn(person.dateOfBirth, illinoisDate(d.encounterAt));
  const deflection = em.create(Deflection, {
    id: d.id,
    referenceNumber: referenceNumber(d, n),
    pathway: d.pathway,
    status: d.status,
    initiatingUnitId: d.unitId,
    countsForId: d.plan.approvingAgencyId,
    caseManagementOrganizationId: d.plan.caseManagementOrganizationId,
    county: d.county,
    referredAt: d.referredAt,
    createdById: d.officerId,
    participant,
    incident,
    narrative: `Demo ${d.pathway.toLowerCase().replaceAll('_', ' ')} referral: contact during ${d.callType.toLowerCase().replaceAll('_', ' ')}; person agreed to meet a case manager.`,
    solutionActionPlanId: d.plan.id,
    nextStepsSummary: approvalRequired ? 'Approval by the MEG or task force, then the case manager calls back within 30 minutes.' : 'The case manager calls back within 30 minutes.',
    channel: d.channel,
    arrestMade: d.arrestMade,
    ageBand,
    sex: person.sex,
    race: person.race,
    ethnicity: person.ethnicity,
    chargesHeldInAbeyance: d.chargesHeldInAbeyance,
    nonCriminalCitation: d.nonCriminalCitation,
    approvalRequired,
  });
  entry(d.referredAt, d.officerId, 'REFERRED', { pathway: d.pathway, sapVersion: d.plan.version }, null, initialStatus);
  recordEvent(em, {
    type: 'deflection.referred', deflectionId: d.id, personPseudonym: participant.pseudonym, pathway: d.pathway, status: initialStatus, initiatingUnitId: d.unitId,
    countsForId: d.plan.approvingAgencyId, county: d.county, referredAt: d.referredAt.toISOString(), initiatingOfficerId: d.officerId, approvalRequired,
    encounterAt: d.encounterAt.toISOString(), callType: d.callType, channel: d.channel, arrestMade: d.arrestMade, ageBand, sex: person.sex, race: person.race, ethnicity: person.ethnicity,
  });

  if (d.approval) {
    const { decision, byId, agencyId, at, reason } = d.approval;
    Object.assign(deflection, { approvalDecision: decision, approvalById: byId, approvalForId: null, approvalAt: at, approvalReason: reason });
    const to: DeflectionStatus = decision === 'APPROVED' ? 'ACTIVE' : 'DECLINED';
    entry(at, byId, decision, { reason }, 'PENDING_APPROVAL', to);
    recordEvent(em, {
      type: decision === 'APPROVED' ? 'deflection.approved' : 'deflection.declined', deflectionId: d.id, fromStatus: 'PENDING_APPROVAL', toStatus: to, at: at.toISOString(),
      decidedByAgencyId: agencyId,
    });
  }
  if (d.status === 'DECLINED') return;

  const start = d.approval?.at ?? d.referredAt;
  for (const attempt of d.contactAttempts) {
    const handedOff = attempt.result === 'HANDED_OFF';
    em.create(ContactAttempt, {
      deflection, at: attempt.at, byId: d.officerId, actingForId: null, method: 'PHONE', result: attempt.result, caseManagerName: handedOff ? d.caseManagerName : null, notes: null,
    });
    entry(attempt.at, d.officerId, 'CASE_MANAGER_CONTACT', { method: 'PHONE', result: attempt.result });
    if (handedOff) {
      deflection.handedOffAt = attempt.at;
      recordEvent(em, { type: 'deflection.handed-off', deflectionId: d.id, at: attempt.at.toISOString() });
    }
  }
  if (d.pathway === 'OFFICER_INTERVENTION' || d.pathway === 'PRE_ARREST_DIVERSION') {
    const after = { reportNumber: `TR-${String(600_000 + n)}`, recordsSystem: 'TRACS' } as const;
    Object.assign(deflection, { dispositionReportNumber: after.reportNumber, dispositionRecordsSystem: after.recordsSystem, dispositionAt: start, dispositionById: d.officerId });
    entry(start, d.officerId, 'DISPOSITION_RECORDED', { disposition: 'CRIMINAL_DEFLECTION', before: null, after });
  }

  let due: string | null = firstReviewDue(illinoisDate(start));
  for (const review of d.reviews) {
    em.create(Review, {
      deflection, dueOn: due!, heldOn: review.heldOn, reviewerId: d.followUpById, actingForId: null, caseManagerName: d.caseManagerName, finding: review.finding, notes: null,
    });
    deflection.reviewsHeld += 1;
    deflection.lastReviewedOn = review.heldOn;
    recordEvent(em, { type: 'deflection.reviewed', deflectionId: d.id, finding: review.finding, dueOn: due!, heldOn: review.heldOn });
    const dueOn = due!;
    due = nextReviewDueAfterReview(dueOn, review.heldOn);
    entry(review.at, d.followUpById, 'REVIEWED', { finding: review.finding, dueOn, heldOn: review.heldOn, nextReviewDue: due });
  }
  if (d.closure) {
    const { outcome, at, reason, prosecutingAttorney } = d.closure;
    Object.assign(deflection, {
      outcome, outcomeAt: at, outcomeById: d.followUpById, outcomeReason: reason,
      chargesReleasedAt: outcome === 'SUCCESSFUL' && d.chargesHeldInAbeyance ? at : null,
      prosecutingAttorney, submittedToProsecutorOn: prosecutingAttorney ? illinoisDate(at) : null,
    });
    entry(at, d.followUpById, 'CLOSED', { outcome, reason, prosecutingAttorney }, 'ACTIVE', outcome);
    recordEvent(em, { type: 'deflection.closed', deflectionId: d.id, fromStatus: 'ACTIVE', toStatus: outcome, at: at.toISOString() });
    due = null;
  }
  deflection.nextReviewDue = due;
}
