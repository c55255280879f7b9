import { execute, requestHash, runIdempotently, type Command } from '@hub/platform/db';
import { isLawEnforcementKind, isReportingMonth } from '@hub/platform/domain';
import { conflict, forbidden, invalidInput, Violations } from '@hub/platform/errors';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { UseOfForceIncident, UseOfForceSubmission, type SubmittedForceIncident } from '../entities/use-of-force.entity.js';
import type { UseOfForceIncidentInput } from '../generated/resolvers-types.js';
import { assertCan } from '../rules/access.js';
import { checkMonthEnded, crisisMonthOf } from '../rules/crisis-rules.js';
import { checkUseOfForce } from '../rules/use-of-force-rules.js';
import type { UseOfForceFields } from '../use-of-force/fields.js';

/** IAC-6 writes: the agency (its administrators and records staff) records and submits; ISP records the answer. */

interface FilingAgency {
  id: string;
  ori: string | null;
}

/** The caller's agency, if it is a law-enforcement agency (asked of the agencies subgraph before any transaction). */
async function forceAgency(context: Context): Promise<FilingAgency> {
  const actor = assertCan(context.actor, 'force:record', { agencyId: context.actor?.agencyId ?? '' });
  const agency = await context.agencies.agency(actor.agencyId);
  if (!agency || !agency.active || !isLawEnforcementKind(agency.kind)) {
    throw forbidden('Only law-enforcement agencies report use of force to the FBI collection (20 Ill. Adm. Code 1244 Subpart A).');
  }
  return { id: agency.id, ori: agency.ori ?? null };
}

export function fieldsOfForceInput(input: UseOfForceIncidentInput): UseOfForceFields {
  return {
    agencyIncidentNumber: input.agencyIncidentNumber == null ? null : input.agencyIncidentNumber.trim(),
    occurredAt: input.occurredAt,
    qualifiers: [...input.qualifiers],
    officersApplyingForce: input.officersApplyingForce,
    officersFromAgency: input.officersFromAgency,
    location: input.location.trim(),
    locationType: input.locationType,
    initialContactReason: input.initialContactReason,
    officersApproached: input.officersApproached,
    ambush: input.ambush,
    supervisor: input.supervisor,
    subjects: input.subjects.map((s) => ({
      age: s.age ?? null, sex: s.sex, race: s.race, ethnicity: s.ethnicity, heightInches: s.heightInches ?? null, weightPounds: s.weightPounds ?? null,
      injuries: [...s.injuries], forceTypes: [...s.forceTypes], resistance: [...s.resistance], perceivedConditions: [...s.perceivedConditions], armed: s.armed,
    })),
    officers: input.officers.map((o) => ({
      age: o.age ?? null, sex: o.sex, race: o.race, ethnicity: o.ethnicity, yearsOfService: o.yearsOfService ?? null, fullTime: o.fullTime, onDuty: o.onDuty,
      injured: o.injured, forceTypes: [...o.forceTypes], firearmDischarged: o.firearmDischarged,
    })),
  };
}

function checked(input: UseOfForceIncidentInput, now: Date): UseOfForceFields {
  const fields = fieldsOfForceInput(input);
  const v = new Violations();
  checkUseOfForce(v, fields, now);
  v.throwIfAny();
  return fields;
}

async function checkNumberFree(em: EntityManager, agencyId: string, number: string | null, except: string | null): Promise<void> {
  if (number === null) return;
  const taken = await em.findOne(UseOfForceIncident, { agencyId, agencyIncidentNumber: number, ...(except ? { id: { $ne: except } } : {}) });
  if (taken) throw invalidInput([{ field: 'input.agencyIncidentNumber', rule: 'unique', message: `Your agency already recorded incident ${number}; correct that one instead.` }]);
}

export async function recordUseOfForceIncident(context: Context, input: UseOfForceIncidentInput, idempotencyKey: string | null | undefined): Promise<UseOfForceIncident> {
  const agency = await forceAgency(context);
  return execute(context, (cmd) =>
    runIdempotently(
      cmd.em,
      { actorId: cmd.actor.personId, operation: 'recordUseOfForceIncident', key: idempotencyKey, input },
      async () => {
        const fields = checked(input, cmd.now);
        await checkNumberFree(cmd.em, agency.id, fields.agencyIncidentNumber, null);
        const incident = cmd.em.create(UseOfForceIncident, {
          ...fields, agencyId: agency.id, ori: agency.ori, month: crisisMonthOf(fields.occurredAt), recordedById: cmd.actor.personId, recordedAt: cmd.now,
        });
        await cmd.em.flush();
        return { id: incident.id, result: incident };
      },
      (id) => cmd.em.findOneOrFail(UseOfForceIncident, { id }),
    ),
  );
}

export async function updateUseOfForceIncident(context: Context, id: string, version: number, input: UseOfForceIncidentInput): Promise<UseOfForceIncident> {
  const agency = await forceAgency(context);
  return execute(context, async (cmd) => {
    const incident = await cmd.em.findOne(UseOfForceIncident, { id, agencyId: agency.id });
    if (!incident) throw invalidInput([{ field: 'id', rule: 'exists', message: 'id names no use-of-force incident of your agency.' }]);
    if (incident.version !== version) {
      throw conflict(`The incident has changed since you read it (you sent version ${version}, it is now ${incident.version}); read it again and retry.`, { field: 'version', rule: 'current-version', currentVersion: incident.version });
    }
    const fields = checked(input, cmd.now);
    await checkNumberFree(cmd.em, agency.id, fields.agencyIncidentNumber, incident.id);
    cmd.em.assign(incident, { ...fields, month: crisisMonthOf(fields.occurredAt), updatedById: cmd.actor.personId, updatedAt: cmd.now });
    await cmd.em.flush();
    return incident;
  });
}

function snapshotOf(incident: UseOfForceIncident): SubmittedForceIncident {
  const { id, ori, agencyIncidentNumber, occurredAt, qualifiers, officersApplyingForce, officersFromAgency, location, locationType, initialContactReason, officersApproached, ambush, supervisor, subjects, officers } = incident;
  return {
    id, ori: ori ?? null, agencyIncidentNumber: agencyIncidentNumber ?? null, occurredAt: occurredAt.toISOString(), qualifiers: [...qualifiers], officersApplyingForce, officersFromAgency,
    location, locationType, initialContactReason, officersApproached, ambush, supervisor, subjects, officers,
  };
}

export async function submitUseOfForceMonth(context: Context, month: string, draft: boolean, idempotencyKey: string | null | undefined): Promise<UseOfForceSubmission> {
  const agency = await forceAgency(context);
  const v = new Violations();
  v.check(isReportingMonth(month), 'month', 'month', 'month is a month as YYYY-MM, such as 2026-10.');
  v.throwIfAny();
  return execute(context, (cmd) =>
    runIdempotently(
      cmd.em,
      { actorId: cmd.actor.personId, operation: 'submitUseOfForceMonth', key: idempotencyKey, input: { month, draft } },
      async () => {
        const submission = await assemble(cmd, agency.id, month, draft);
        return { id: submission.id, result: submission };
      },
      (id) => cmd.em.findOneOrFail(UseOfForceSubmission, { id }),
    ),
  );
}

async function assemble(cmd: Command, agencyId: string, month: string, draft: boolean): Promise<UseOfForceSubmission> {
  const v = new Violations();
  checkMonthEnded(v, 'month', month, cmd.now);
  v.throwIfAny();
  await cmd.em.getConnection().execute(`select pg_advisory_xact_lock(hashtext(?))`, [`force:${agencyId}:${month}`], 'all', cmd.em.getTransactionContext());
  const incidents = (await cmd.em.find(UseOfForceIncident, { agencyId, month }, { orderBy: { occurredAt: 'asc', id: 'asc' } })).map(snapshotOf);
  const current = await cmd.em.findOne(UseOfForceSubmission, { agencyId, month, supersededAt: null });
  const state = draft ? 'DRAFT' : 'SUBMITTED';
  if (current?.state === 'DRAFT') {
    // A draft is only ever replaced in place: it was never sent.
    cmd.em.assign(current, { state, incidents, submittedAt: draft ? null : cmd.now, submittedById: draft ? null : cmd.actor.personId });
    await cmd.em.flush();
    return current;
  }
  if (current && current.state !== 'REJECTED' && requestHash(current.incidents) === requestHash(incidents)) {
    throw conflict(`${month} was sent as version ${current.version} (${current.state.toLowerCase()}) and nothing has changed since; there is nothing to resend.`, { field: 'month', rule: 'unchanged' });
  }
  // Incidents the collection holds from an earlier version but that are gone now are sent as Remove actions.
  const kept = new Set(incidents.map((i) => i.id));
  const removedIncidentIds = current ? [...new Set([...current.removedIncidentIds, ...current.incidents.map((i) => i.id)])].filter((id) => !kept.has(id)) : [];
  if (current) current.supersededAt = cmd.now;
  const submission = cmd.em.create(UseOfForceSubmission, {
    agencyId, month, version: (current?.version ?? 0) + 1, state, submittedAt: draft ? null : cmd.now, submittedById: draft ? null : cmd.actor.personId,
    respondedAt: null, respondedById: null, rejectionReason: null, incidents, removedIncidentIds, supersededAt: null,
  });
  await cmd.em.flush();
  return submission;
}

export async function recordUseOfForceResponse(context: Context, submissionId: string, accepted: boolean, reason: string | null | undefined): Promise<UseOfForceSubmission> {
  return execute(context, async (cmd) => {
    assertCan(cmd.actor, 'force:respond');
    const v = new Violations();
    const why = reason?.trim() ?? '';
    v.check(accepted || why.length > 0, 'reason', 'required-when-rejected', 'Give the receiver’s reason for the rejection, so the agency can correct it.');
    v.check(!accepted || why.length === 0, 'reason', 'only-when-rejected', 'An accepted submission has no rejection reason.');
    v.throwIfAny();
    const submission = await cmd.em.findOne(UseOfForceSubmission, { id: submissionId.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!submission) throw invalidInput([{ field: 'submissionId', rule: 'exists', message: 'submissionId names no use-of-force submission.' }]);
    if (submission.state !== 'SUBMITTED' || submission.supersededAt) {
      throw conflict(`This submission is ${submission.supersededAt ? 'superseded' : submission.state.toLowerCase()}; only the current submitted version can be answered.`, { field: 'submissionId', rule: 'submitted' });
    }
    cmd.em.assign(submission, { state: accepted ? 'ACCEPTED' : 'REJECTED', respondedAt: cmd.now, respondedById: cmd.actor.personId, rejectionReason: accepted ? null : why });
    await cmd.em.flush();
    return submission;
  });
}
