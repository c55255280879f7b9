import { canonicalCounty, forbidden, hasAnyRole, invalidInput, runIdempotently, Violations, type Pathway } from '@hub/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Deflection } from '../entities/deflection.entity.js';
import { Incident, IncidentPerson } from '../entities/incident.entity.js';
import { Participant } from '../entities/participant.entity.js';
import { isParticipantKnownTo } from '../participant-access.js';
import type { CallType, Involvement, RecordsSystem } from '../entities/vocabulary.js';
import { isIspKind, isLawEnforcementKind, type UnitPlan } from '../directory/agency-directory.js';
import { checkEligibility } from '../rules/eligibility.js';
import { canMatch, matchKey } from '../rules/participant-matching.js';
import { checkPathwayRules } from '../rules/pathway-rules.js';
import { firstReviewDue } from '../rules/review-schedule.js';
import { publish, recordHistory, type Command } from './support.js';

export interface PersonInput {
  givenName: string;
  familyName: string;
  dateOfBirth?: string | null;
}

export interface QuickReferral {
  person?: PersonInput | null;
  participantId?: string | null;
  pathway: Pathway;
  narrative: string;
  county?: string | null;
  incidentId?: string | null;
  callType?: CallType | null;
  occurredAt?: Date | null;
  eligibility?: { hasActiveWarrant?: boolean | null; onProbationOrParole?: boolean | null; offenses?: string[] | null } | null;
  chargesHeldInAbeyance?: boolean | null;
  nonCriminalCitation?: boolean | null;
  chargesFiled?: boolean | null;
  arrestMade?: boolean | null;
  recentOverdose?: boolean | null;
  personInitiated?: boolean | null;
}

export interface IncidentInput {
  occurredAt: Date;
  county: string;
  place?: string | null;
  callType: CallType;
  reportNumber?: string | null;
  recordsSystem?: RecordsSystem | null;
  people: { person: PersonInput; involvement: Involvement }[];
}

/** OPS-D10: the same person (name and date of birth) is the same participant, so repeat deflections link up. */
export async function findOrCreateParticipant(em: EntityManager, person: PersonInput): Promise<Participant> {
  const key = matchKey(person);
  if (canMatch(person)) {
    const existing = await em.findOne(Participant, { matchKey: key });
    if (existing) return existing;
  }
  return em.create(Participant, { givenName: person.givenName.trim(), familyName: person.familyName.trim(), dateOfBirth: person.dateOfBirth ?? null, matchKey: key });
}

function requireReferrer(cmd: Command): void {
  if (!hasAnyRole(cmd.actor, ['OFFICER', 'SUPERVISOR'])) throw forbidden('Only officers and supervisors of a unit refer people for deflection.');
}

function checkPerson(v: Violations, field: string, person: PersonInput, today: string): void {
  v.check(person.givenName.trim().length > 0, `${field}.givenName`, 'required', `${field}.givenName must not be blank.`);
  v.check(person.familyName.trim().length > 0, `${field}.familyName`, 'required', `${field}.familyName must not be blank.`);
  if (person.dateOfBirth) v.check(person.dateOfBirth <= today, `${field}.dateOfBirth`, 'not-in-future', `${field}.dateOfBirth is in the future.`);
}

async function nextReferenceNumber(em: EntityManager, year: number): Promise<string> {
  const [row] = await em.execute<{ n: string }[]>(`select nextval('"cases"."deflection_reference_seq"') as n`);
  return `DFL-${year}-${String(row!.n).padStart(6, '0')}`;
}

export function nextStepsSummary(plan: NonNullable<UnitPlan['plan']>, approvalRequired: boolean): string {
  const contact = plan.caseManagerContact;
  const how = [contact.preferredMethod.toLowerCase().replace('_', ' '), contact.phone, contact.email].filter(Boolean).join(' ');
  const approval = approvalRequired ? `Waiting for approval by the ${plan.approvingAgency!.name} (MEG Director, Task Force Commander or a designee). ` : '';
  return `${approval}Case manager: ${plan.caseManagementOrganization.name}, by ${how}${contact.hours ? ` (${contact.hours})` : ''}.${contact.instructions ? ` ${contact.instructions}` : ''}`;
}

export async function quickReferral(cmd: Command, input: QuickReferral, idempotencyKey: string | null | undefined): Promise<Deflection> {
  requireReferrer(cmd);
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'quickReferral', key: idempotencyKey, input },
    async () => {
      const deflection = await refer(cmd, input);
      return { id: deflection.id, result: deflection };
    },
    (id) => cmd.em.findOneOrFail(Deflection, { id }),
  );
}

async function refer(cmd: Command, input: QuickReferral): Promise<Deflection> {
  const { em, actor, today } = cmd;
  const v = new Violations();
  v.check(Boolean(input.person) !== Boolean(input.participantId), 'input.person', 'person-or-participant', 'Give either input.person or input.participantId.');
  if (input.person) checkPerson(v, 'input.person', input.person, today);
  const narrative = input.narrative.trim();
  v.check(narrative.length > 0, 'input.narrative', 'required', 'input.narrative must not be blank.');
  v.check(narrative.length <= 2000, 'input.narrative', 'max-length', 'input.narrative must be at most 2,000 characters.');
  let county: string | null = null;
  if (input.county) {
    county = canonicalCounty(input.county);
    if (!county) v.add('input.county', 'illinois-county', `input.county "${input.county}" is not an Illinois county.`);
  }
  let incident: Incident | null = null;
  if (input.incidentId) {
    const found = await em.findOne(Incident, { id: input.incidentId });
    // Another unit's incident is treated as no incident at all: it must not vouch for anyone.
    if (!found || found.agencyId !== actor.agencyId) v.add('input.incidentId', 'own-unit-incident', 'input.incidentId names no incident of your unit.');
    else {
      incident = found;
      county ??= incident.county;
    }
  }
  let participant: Participant | null = null;
  if (input.participantId) {
    participant = await em.findOne(Participant, { id: input.participantId });
    const known = participant && (await isParticipantKnownTo(em, actor, participant.id));
    if (!known) v.add('input.participantId', 'known-participant', 'input.participantId names nobody in your unit’s records.');
  }
  v.throwIfAny();

  // Unit, plan, case-management organisation and approver are derived (FB-1): the officer types none of them.
  const unitPlan = await cmd.context.directory.unitPlan(actor.agencyId, county, today);
  if (!unitPlan) throw forbidden();
  if (!county) {
    if (unitPlan.unit.countiesServed.length !== 1) {
      throw invalidInput([{ field: 'input.county', rule: 'required', message: 'Your unit serves several counties: say which one.' }]);
    }
    county = unitPlan.unit.countiesServed[0]!;
  }
  const plan = unitPlan.plan;
  if (!plan) {
    throw invalidInput([{ field: 'input.pathway', rule: 'sap-in-force', message: `Your unit has no Solution Action Plan in force for ${county} County today.` }]);
  }
  const lawEnforcement = isLawEnforcementKind(unitPlan.unit.kind);
  checkPathwayRules(
    v,
    {
      pathway: input.pathway,
      chargesHeldInAbeyance: input.chargesHeldInAbeyance ?? false,
      nonCriminalCitation: input.nonCriminalCitation ?? false,
      chargesFiled: input.chargesFiled ?? false,
      arrestMade: input.arrestMade ?? false,
      recentOverdose: input.recentOverdose ?? false,
      personInitiated: input.personInitiated ?? false,
    },
    { lawEnforcement },
  );
  checkEligibility(
    v,
    input.pathway,
    plan,
    {
      dateOfBirth: input.person?.dateOfBirth ?? participant?.dateOfBirth ?? null,
      hasActiveWarrant: input.eligibility?.hasActiveWarrant ?? false,
      onProbationOrParole: input.eligibility?.onProbationOrParole ?? false,
      offenses: input.eligibility?.offenses ?? [],
    },
    today,
  );
  v.throwIfAny();

  participant ??= await findOrCreateParticipant(em, input.person!);
  if (!incident) {
    incident = em.create(Incident, {
      agencyId: actor.agencyId,
      occurredAt: input.occurredAt ?? cmd.now,
      county,
      place: null,
      callType: input.callType ?? 'PATROL_CONTACT',
      reportNumber: null,
      recordsSystem: null,
      createdById: actor.personId,
    });
  }
  if (!(await em.findOne(IncidentPerson, { incidentId: incident.id, participantId: participant.id }))) {
    em.create(IncidentPerson, { incidentId: incident.id, participantId: participant.id, involvement: 'SUBJECT' });
  }
  // OPS-D3: a DOP or DCI deflection to a MEG or task force waits for that leader's approval.
  const approvalRequired = isIspKind(unitPlan.unit.kind) && plan.approvingAgency !== null;
  const status = approvalRequired ? 'PENDING_APPROVAL' : 'ACTIVE';
  const deflection = em.create(Deflection, {
    referenceNumber: await nextReferenceNumber(em, Number(today.slice(0, 4))),
    pathway: input.pathway,
    status,
    initiatingUnitId: actor.agencyId,
    // OPS-D9: DOP and DCI deflections count for the MEG or task force that approves them.
    countsForId: approvalRequired ? plan.approvingAgency!.id : null,
    caseManagementOrganizationId: plan.caseManagementOrganization.id,
    county,
    referredAt: cmd.now,
    createdById: actor.personId,
    createdForId: actor.actingFor,
    participantId: participant.id,
    incidentId: incident.id,
    narrative,
    solutionActionPlanId: plan.id,
    nextStepsSummary: nextStepsSummary(plan, approvalRequired),
    chargesHeldInAbeyance: input.chargesHeldInAbeyance ?? false,
    nonCriminalCitation: input.nonCriminalCitation ?? false,
    approvalRequired,
    nextReviewDue: approvalRequired ? null : firstReviewDue(today),
  });
  recordHistory(cmd, deflection, 'REFERRED', { from: null, to: status, changes: { pathway: input.pathway, sapVersion: plan.version } });
  publish(cmd, {
    type: 'deflection.referred',
    deflectionId: deflection.id,
    personPseudonym: participant.pseudonym,
    pathway: deflection.pathway,
    status,
    initiatingUnitId: deflection.initiatingUnitId,
    countsForId: deflection.countsForId ?? null,
    county,
    referredAt: cmd.now.toISOString(),
  });
  await em.flush();
  return deflection;
}


export async function recordIncident(cmd: Command, input: IncidentInput, idempotencyKey: string | null | undefined): Promise<Incident> {
  requireReferrer(cmd);
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'recordIncident', key: idempotencyKey, input },
    async () => {
      const v = new Violations();
      const county = canonicalCounty(input.county);
      if (!county) v.add('input.county', 'illinois-county', `input.county "${input.county}" is not an Illinois county.`);
      v.check(input.people.length > 0, 'input.people', 'required', 'An incident names at least one person.');
      input.people.forEach((p, i) => checkPerson(v, `input.people[${i}].person`, p.person, cmd.today));
      v.check(input.occurredAt <= new Date(cmd.now.getTime() + 5 * 60_000), 'input.occurredAt', 'not-in-future', 'input.occurredAt is in the future.');
      if (input.reportNumber) v.check(Boolean(input.recordsSystem), 'input.recordsSystem', 'required-with-report-number', 'Say which records system the report number comes from.');
      v.throwIfAny();
      const incident = cmd.em.create(Incident, {
        agencyId: cmd.actor.agencyId,
        occurredAt: input.occurredAt,
        county: county!,
        place: input.place ?? null,
        callType: input.callType,
        reportNumber: input.reportNumber ?? null,
        recordsSystem: input.recordsSystem ?? null,
        createdById: cmd.actor.personId,
      });
      for (const { person, involvement } of input.people) {
        const participant = await findOrCreateParticipant(cmd.em, person);
        cmd.em.create(IncidentPerson, { incidentId: incident.id, participantId: participant.id, involvement });
      }
      await cmd.em.flush();
      return { id: incident.id, result: incident };
    },
    (id) => cmd.em.findOneOrFail(Incident, { id }),
  );
}
