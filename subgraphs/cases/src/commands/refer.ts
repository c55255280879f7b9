import { execute, findReplay, insertTogether, runIdempotently, type Command } from '@hub/platform/db';
import { ageBandOn, illinoisDate, isIspKind, isLawEnforcementKind } from '@hub/platform/domain';
import { forbidden, invalidInput, Violations } from '@hub/platform/errors';
import { newOutboxEvent } from '@hub/platform/events';
import { requireActor, type Actor } from '@hub/platform/identity';
import type { EntityName, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Plan, UnitPlan } from '../clients/agencies.js';
import type { Context } from '../context.js';
import { Deflection } from '../entities/deflection.entity.js';
import { Incident, IncidentPerson } from '../entities/incident.entity.js';
import { Participant } from '../entities/participant.entity.js';
import type { QuickReferralInput, RecordIncidentInput } from '../generated/resolvers-types.js';
import { participantKnowledge } from '../reads.js';
import { access } from '../rules/access.js';
import { checkEligibility, planLabel } from '../rules/eligibility.js';
import { matchKey } from '../rules/participant-matching.js';
import { checkPathwayRules } from '../rules/pathway-rules.js';
import { checkBornBy, checkCounty, checkIncidentTime, checkPerson, type PersonFacts } from '../rules/referral-rules.js';
import { firstReviewDue } from '../rules/review-schedule.js';
import { newHistoryEntry, readableDeflection } from './support.js';

/** Makes a new record; how it is written (flushed, or with others in one statement) is the caller's choice. */
type NewRecord = <T extends object>(entity: EntityName<T>, data: RequiredEntityData<T>) => T;
/** New records the next flush writes, as `em.create` makes them. */
const flushedLater =
  (em: EntityManager): NewRecord =>
  (entity, data) =>
    em.create(entity, data);

/** Everything a referral needs that is not in its input, gathered before the transaction opens. */
export interface ReferralFacts {
  unit: UnitPlan;
  plan: Plan;
  county: string;
  incident: Incident | null;
  /** An existing participant the caller knows, with the caller's own record of them. */
  known: { participant: Participant; record: PersonFacts } | null;
}

/**
 * FB-1: the phone-sized referral, in steps. A retry with the same key is answered first, without consulting
 * anyone. Then the input is checked, what the caller's records say is read, and the agencies subgraph says which
 * plan applies (before any transaction, so no lock waits on the network); the plan's rules are checked; and the
 * deflection is written in one transaction.
 */
export async function refer(context: Context, input: QuickReferralInput, idempotencyKey: string | null | undefined): Promise<Deflection> {
  const actor = requireActor(context);
  const replay = await findReplay(context.em, { actorId: actor.personId, operation: 'quickReferral', key: idempotencyKey, input });
  if (replay) return execute(context, (cmd) => readableDeflection(cmd, replay));
  const facts = await gatherReferralFacts(context, actor, input);
  // Chosen now, so the idempotency claim records it in the same statement that claims the key.
  const deflectionId = randomUUID();
  return execute(context, (cmd) =>
    runIdempotently(
      cmd.em,
      { actorId: actor.personId, operation: 'quickReferral', key: idempotencyKey, input, resultId: deflectionId },
      async () => {
        const deflection = await createDeflection(cmd, input, facts, deflectionId);
        return { id: deflection.id, result: deflection };
      },
      (id) => readableDeflection(cmd, id),
    ),
  );
}

function checkReferralInput(v: Violations, input: QuickReferralInput, today: string): string | null {
  v.check(Boolean(input.person) !== Boolean(input.participantId), 'input.person', 'person-or-participant', 'Give either input.person or input.participantId.');
  if (input.person) checkPerson(v, 'input.person', input.person, today);
  v.check(input.narrative.trim().length > 0, 'input.narrative', 'required', 'input.narrative must not be blank.');
  if (input.occurredAt) {
    checkIncidentTime(v, 'input.occurredAt', input.occurredAt, new Date());
    if (input.person) checkBornBy(v, 'input.person', input.person, illinoisDate(input.occurredAt));
  }
  return input.county ? checkCounty(v, 'input.county', input.county) : null;
}

async function gatherReferralFacts(context: Context, actor: Actor, input: QuickReferralInput): Promise<ReferralFacts> {
  const today = illinoisDate();
  const v = new Violations();
  let county = checkReferralInput(v, input, today);
  let incident: Incident | null = null;
  if (input.incidentId) {
    const found = await context.em.findOne(Incident, { id: input.incidentId });
    // Another unit's incident is treated as no incident at all: it must not vouch for anyone.
    if (!found || found.agencyId !== actor.agencyId) v.add('input.incidentId', 'own-unit-incident', 'input.incidentId names no incident of your unit.');
    else {
      incident = found;
      county ??= found.county;
    }
  }
  let known: ReferralFacts['known'] = null;
  if (input.participantId) {
    const participant = await context.loaders.participant.load(input.participantId);
    const knowledge = participant ? await participantKnowledge(context, participant.id) : null;
    const record = knowledge?.records[0];
    if (!participant || !knowledge || !record || !access.can(actor, 'participant:read', knowledge.access)) {
      v.add('input.participantId', 'known-participant', 'input.participantId names nobody in your unit’s records.');
    } else {
      known = { participant, record: { givenName: record.givenName, familyName: record.familyName, dateOfBirth: record.dateOfBirth ?? null } };
    }
  }
  v.throwIfAny();

  // Unit, plan, case-management organisation and approver are derived (FB-1): the officer types none of them.
  const unit = await context.agencies.unitPlan(actor.agencyId, county, today);
  if (!unit) throw forbidden();
  if (!county) {
    if (unit.countiesServed.length !== 1) throw invalidInput([{ field: 'input.county', rule: 'required', message: 'Your unit serves several counties: say which one.' }]);
    county = unit.countiesServed[0]!;
  }
  const plan = unit.solutionActionPlan;
  if (!plan) throw invalidInput([{ field: 'input.pathway', rule: 'sap-in-force', message: `${unit.name} has no Solution Action Plan in force for ${county} County today.` }]);
  checkReferralAgainstPlan(v, input, unit, plan, known?.record.dateOfBirth ?? null, today);
  v.throwIfAny();
  return { unit, plan, county, incident, known };
}

/** OPS-D1, OPS-D2: the pathway's own conditions, and the plan's pathways and eligibility criteria. */
function checkReferralAgainstPlan(v: Violations, input: QuickReferralInput, unit: UnitPlan, plan: Plan, knownDateOfBirth: string | null, today: string): void {
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
    { lawEnforcement: isLawEnforcementKind(unit.kind) },
  );
  checkEligibility(
    v,
    input.pathway,
    { label: planLabel(unit.name, plan), enabledPathways: plan.enabledPathways, eligibility: plan.eligibility },
    {
      dateOfBirth: input.person?.dateOfBirth ?? knownDateOfBirth,
      hasActiveWarrant: input.eligibility?.hasActiveWarrant ?? false,
      onProbationOrParole: input.eligibility?.onProbationOrParole ?? false,
      offenses: input.eligibility?.offenses ?? [],
    },
    today,
  );
}

/**
 * OPS-D10: the same person (name and date of birth) is the same participant, so repeat deflections link up. The
 * match key is unique where a date of birth is known: two units referring the same new person at once meet in one
 * row (the second insert waits for the first and then finds it).
 */
export async function findOrCreateParticipant(
  em: EntityManager,
  person: PersonFacts,
  create: NewRecord = flushedLater(em),
): Promise<Participant> {
  const key = matchKey(person);
  const fields = { givenName: person.givenName.trim(), familyName: person.familyName.trim(), dateOfBirth: person.dateOfBirth ?? null, matchKey: key };
  if (key === null) return create(Participant, fields);
  await em.execute(
    `insert into "cases"."participant" (id, pseudonym, given_name, family_name, date_of_birth, match_key, created_at)
     values (?, ?, ?, ?, ?, ?, now()) on conflict (match_key) where match_key is not null do nothing`,
    [randomUUID(), randomUUID(), fields.givenName, fields.familyName, fields.dateOfBirth, key],
  );
  return em.findOneOrFail(Participant, { matchKey: key });
}

/**
 * The person as this incident records them: their own spelling, which is all this unit is ever shown. An incident
 * made in this transaction has nobody recorded yet, so there is nothing to look up first.
 */
async function recordPerson(
  em: EntityManager,
  incident: Incident,
  participant: Participant,
  person: PersonFacts,
  involvement: IncidentPerson['involvement'],
  options: { newIncident?: boolean; create?: NewRecord } = {},
): Promise<void> {
  if (!options.newIncident && (await em.findOne(IncidentPerson, { incident, participant }))) return;
  (options.create ?? flushedLater(em))(IncidentPerson, { incident, participant, involvement, givenName: person.givenName.trim(), familyName: person.familyName.trim(), dateOfBirth: person.dateOfBirth ?? null });
}

/** The demographics of this referral: the age band from the date of birth at the encounter, or as told without one. */
function demographicsAt(person: PersonFacts, told: QuickReferralInput['demographics'], encounterDay: string) {
  return {
    ageBand: person.dateOfBirth ? ageBandOn(person.dateOfBirth, encounterDay) : (told?.ageBand ?? 'UNKNOWN'),
    sex: told?.sex ?? 'UNKNOWN',
    race: told?.race ?? 'UNKNOWN',
    ethnicity: told?.ethnicity ?? 'UNKNOWN',
  } as const;
}

async function nextReferenceNumber(em: EntityManager, year: number): Promise<string> {
  const [row] = await em.execute<{ n: string }[]>(`select nextval('"cases"."deflection_reference_seq"') as n`);
  return `DFL-${year}-${String(row!.n).padStart(6, '0')}`;
}

export function nextStepsSummary(plan: Plan, approvalRequired: boolean): string {
  const contact = plan.caseManagerContact;
  const how = [contact.preferredMethod.toLowerCase().replace('_', ' '), contact.phone, contact.email].filter(Boolean).join(' ');
  const approval = approvalRequired ? `Waiting for approval by the ${plan.approvingAgency!.name} (MEG Director, Task Force Commander or a designee). ` : '';
  return `${approval}Case manager: ${plan.caseManagementOrganization.name}, by ${how}${contact.hours ? ` (${contact.hours})` : ''}.${contact.instructions ? ` ${contact.instructions}` : ''}`;
}


async function createDeflection(cmd: Command, input: QuickReferralInput, facts: ReferralFacts, id: string): Promise<Deflection> {
  const { em, actor } = cmd;
  const { plan, county, unit } = facts;
  const person: PersonFacts = input.person ?? facts.known!.record;
  // Every record the referral creates is written in one statement at the end (insertTogether), not one per table.
  const created: object[] = [];
  const create: NewRecord = (entity, data) => {
    const record = em.create(entity, data, { persist: false });
    created.push(record);
    return record;
  };
  const participant = facts.known?.participant ?? (await findOrCreateParticipant(em, person, create));
  const incident =
    facts.incident ??
    create(Incident, { agencyId: actor.agencyId, occurredAt: input.occurredAt ?? cmd.now, county, place: null, callType: input.callType ?? 'PATROL_CONTACT', reportNumber: null, recordsSystem: null, createdById: actor.personId });
  await recordPerson(em, incident, participant, person, 'SUBJECT', { newIncident: facts.incident === null, create });
  // OPS-D3: a DOP or DCI deflection to a MEG or task force waits for that leader's approval.
  const approvalRequired = isIspKind(unit.kind) && plan.approvingAgency !== null;
  const status = approvalRequired ? 'PENDING_APPROVAL' : 'ACTIVE';
  const deflection = create(Deflection, {
    id,
    referenceNumber: await nextReferenceNumber(em, Number(cmd.today.slice(0, 4))),
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
    participant,
    incident,
    narrative: input.narrative.trim(),
    solutionActionPlanId: plan.id,
    nextStepsSummary: nextStepsSummary(plan, approvalRequired),
    chargesHeldInAbeyance: input.chargesHeldInAbeyance ?? false,
    nonCriminalCitation: input.nonCriminalCitation ?? false,
    channel: input.channel ?? null,
    arrestMade: input.arrestMade ?? false,
    ...demographicsAt(person, input.demographics, illinoisDate(incident.occurredAt)),
    approvalRequired,
    nextReviewDue: approvalRequired ? null : firstReviewDue(cmd.today),
  });
  created.push(newHistoryEntry(cmd, deflection, 'REFERRED', { from: null, to: status, changes: { pathway: input.pathway, sapVersion: plan.version } }));
  created.push(newOutboxEvent(em, {
    type: 'deflection.referred',
    deflectionId: deflection.id,
    personPseudonym: participant.pseudonym,
    pathway: deflection.pathway,
    status,
    initiatingUnitId: deflection.initiatingUnitId,
    countsForId: deflection.countsForId ?? null,
    county,
    referredAt: cmd.now.toISOString(),
    initiatingOfficerId: actor.personId,
    approvalRequired,
    encounterAt: incident.occurredAt.toISOString(),
    callType: incident.callType,
    channel: deflection.channel ?? null,
    arrestMade: deflection.arrestMade,
    ageBand: deflection.ageBand,
    sex: deflection.sex,
    race: deflection.race,
    ethnicity: deflection.ethnicity,
  }));
  await insertTogether(em, created);
  return deflection;
}

/** An incident with the people involved, before anyone is referred (OPS-092 III.A: often a collateral person). */
export async function recordIncident(cmd: Command, input: RecordIncidentInput, idempotencyKey: string | null | undefined): Promise<Incident> {
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'recordIncident', key: idempotencyKey, input },
    async () => {
      const v = new Violations();
      const county = checkCounty(v, 'input.county', input.county);
      v.check(input.people.length > 0, 'input.people', 'required', 'An incident names at least one person.');
      input.people.forEach((p, i) => {
        checkPerson(v, `input.people[${i}].person`, p.person, cmd.today);
        checkBornBy(v, `input.people[${i}].person`, p.person, illinoisDate(input.occurredAt));
      });
      checkIncidentTime(v, 'input.occurredAt', input.occurredAt, cmd.now);
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
      for (const { person, involvement } of input.people) await recordPerson(cmd.em, incident, await findOrCreateParticipant(cmd.em, person), person, involvement);
      await cmd.em.flush();
      return { id: incident.id, result: incident };
    },
    async (id) => {
      // A replay answers through the read rule, like any read of an incident.
      const incident = await cmd.em.findOneOrFail(Incident, { id });
      access.assertCan(cmd.actor, 'incident:read', { agencyId: incident.agencyId, deflections: await cmd.em.find(Deflection, { incident }) });
      return incident;
    },
  );
}
