import { execute, requestHash, runIdempotently, type Command } from '@hub/platform/db';
import { isLawEnforcementKind } from '@hub/platform/domain';
import { conflict, forbidden, invalidInput, Violations } from '@hub/platform/errors';
import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { checkNumberFree, numberTaken } from './incident-numbers.js';
import { UseOfForceIncident, UseOfForceSubmission, type SubmittedForceIncident } from '../entities/use-of-force.entity.js';
import type { UseOfForceIncidentInput } from '../generated/resolvers-types.js';
import { assertCan } from '../rules/access.js';
import { checkMonthEnded, checkReportingMonth, crisisMonthOf, FORCE_REPORTING_SINCE } from '../rules/crisis-rules.js';
import { checkUseOfForce } from '../rules/use-of-force-rules.js';
import type { UseOfForceFields } from '../use-of-force/fields.js';

/** IAC-6 writes: the agency (its administrators and records staff) records and submits; ISP records the answer. */

interface FilingAgency {
  id: string;
  ori: string | null;
}

/** The caller's agency, if it is a law-enforcement agency (asked of the agencies subgraph before any transaction). */
async function forceAgency(context: Context): Promise<FilingAgency> {
  const actor = assertCan(context.actor, 'force:record');
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


export async function recordUseOfForceIncident(context: Context, input: UseOfForceIncidentInput, idempotencyKey: string | null | undefined): Promise<UseOfForceIncident> {
  const agency = await forceAgency(context);
  return execute(context, (cmd) =>
    runIdempotently(
      cmd.em,
      { actorId: cmd.actor.personId, operation: 'recordUseOfForceIncident', key: idempotencyKey, input },
      async () => {
        const fields = checked(input, cmd.now);
        await checkNumberFree(cmd.em, UseOfForceIncident, agency.id, fields.agencyIncidentNumber, null);
        const incident = cmd.em.create(UseOfForceIncident, {
          ...fields, agencyId: agency.id, ori: agency.ori, month: crisisMonthOf(fields.occurredAt), recordedById: cmd.actor.personId, recordedAt: cmd.now,
        });
        await cmd.em.flush();
        return { id: incident.id, result: incident };
      },
      (id) => cmd.em.findOneOrFail(UseOfForceIncident, { id, agencyId: agency.id }),
    ),
  ).catch(numberTaken);
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
    await checkNumberFree(cmd.em, UseOfForceIncident, agency.id, fields.agencyIncidentNumber, incident.id);
    cmd.em.assign(incident, { ...fields, month: crisisMonthOf(fields.occurredAt), updatedById: cmd.actor.personId, updatedAt: cmd.now });
    await cmd.em.flush();
    return incident;
  }).catch(numberTaken);
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
  checkReportingMonth(v, 'month', month, new Date(), FORCE_REPORTING_SINCE);
  v.throwIfAny();
  return execute(context, (cmd) =>
    runIdempotently(
      cmd.em,
      { actorId: cmd.actor.personId, operation: 'submitUseOfForceMonth', key: idempotencyKey, input: { month, draft } },
      async () => {
        const submission = await assemble(cmd, agency, month, draft);
        return { id: submission.id, result: submission };
      },
      (id) => cmd.em.findOneOrFail(UseOfForceSubmission, { id }),
    ),
  );
}

async function assemble(cmd: Command, agency: FilingAgency, month: string, draft: boolean): Promise<UseOfForceSubmission> {
  const agencyId = agency.id;
  const v = new Violations();
  checkMonthEnded(v, 'month', month, cmd.now);
  v.throwIfAny();
  await cmd.em.getConnection().execute(`select pg_advisory_xact_lock(hashtext(?))`, [`force:${agencyId}:${month}`], 'all', cmd.em.getTransactionContext());
  const incidents = (await cmd.em.find(UseOfForceIncident, { agencyId, month }, { orderBy: { occurredAt: 'asc', id: 'asc' } })).map(snapshotOf);
  // The version the collection holds (or last refused), and the next version being prepared, if any.
  const sent = await cmd.em.findOne(UseOfForceSubmission, { agencyId, month, supersededAt: null, state: { $ne: 'DRAFT' } }, { populate: ['incidents'] });
  const pending = await cmd.em.findOne(UseOfForceSubmission, { agencyId, month, state: 'DRAFT' });
  if (!draft && sent && sent.state !== 'REJECTED' && requestHash(sent.incidents) === requestHash(incidents)) {
    throw conflict(`${month} was sent as version ${sent.version} (${sent.state.toLowerCase()}) and nothing has changed since; there is nothing to resend.`, { field: 'month', rule: 'unchanged' });
  }
  if (!draft && sent?.state === 'SUBMITTED') {
    throw conflict(`Version ${sent.version} of ${month} is waiting for the collection's answer; send a correction once it is accepted or rejected.`, { field: 'month', rule: 'awaiting-answer' });
  }
  // Incidents the collection holds from the last accepted version that have left the month are sent as Remove actions.
  const accepted = await cmd.em.findOne(UseOfForceSubmission, { agencyId, month, state: 'ACCEPTED' }, { orderBy: { version: 'desc' }, populate: ['incidents'] });
  const kept = new Set(incidents.map((i) => i.id));
  const removedIncidentIds = (accepted?.incidents ?? []).map((i) => i.id).filter((id) => !kept.has(id));
  const contents = {
    state: draft ? ('DRAFT' as const) : ('SUBMITTED' as const), ori: agency.ori, incidentCount: incidents.length, incidents, removedIncidentIds,
    submittedAt: draft ? null : cmd.now, submittedById: draft ? null : cmd.actor.personId,
  };
  // A draft was never sent: it is prepared again in place, and supersedes the sent version only when it is sent.
  const submission = pending
    ? cmd.em.assign(pending, contents)
    : cmd.em.create(UseOfForceSubmission, {
        agencyId, month, version: Math.max(sent?.version ?? 0, (await cmd.em.count(UseOfForceSubmission, { agencyId, month }))) + 1,
        respondedAt: null, respondedById: null, rejectionReason: null, supersededAt: null, ...contents,
      });
  if (!draft && sent) sent.supersededAt = cmd.now;
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
