import { expectVersion, runIdempotently, type Command } from '@hub/platform/db';
import { forbidden, invalidInput, Violations } from '@hub/platform/errors';
import { LockMode } from '@mikro-orm/core';
import { ContactAttempt, EvidenceEvent, EvidenceItem } from '../entities/case-records.entity.js';
import { Deflection } from '../entities/deflection.entity.js';
import { Incident } from '../entities/incident.entity.js';
import type { DisposeEvidenceInput, RecordContactAttemptInput, RecordDispositionInput, RecordEvidenceHandlingInput, RecordEvidenceInput } from '../generated/resolvers-types.js';
import { access, assertCan } from '../rules/access.js';
import { checkTransition } from '../rules/lifecycle.js';
import { checkNotInFuture, checkSeizure } from '../rules/referral-rules.js';
import { deflectionForUpdate, publish, readableDeflection, recordHistory } from './support.js';

const REPORT_NUMBER = /^[A-Za-z0-9-]{3,60}$/;

/** OPS-D4: the disposition is a criminal deflection, with the report number of TraCS or the MEG's program. */
export async function recordDisposition(cmd: Command, input: RecordDispositionInput): Promise<Deflection> {
  const deflection = await deflectionForUpdate(cmd, input.deflectionId, 'deflection:record-disposition');
  expectVersion(deflection, input.version, 'The deflection');
  const v = new Violations();
  checkTransition(v, deflection.status, 'record-disposition');
  const reportNumber = input.reportNumber.trim();
  v.check(REPORT_NUMBER.test(reportNumber), 'input.reportNumber', 'report-number', 'input.reportNumber must be 3–60 letters, digits or dashes, as the records system shows it.');
  v.throwIfAny();
  const before = { reportNumber: deflection.dispositionReportNumber, recordsSystem: deflection.dispositionRecordsSystem };
  deflection.dispositionReportNumber = reportNumber;
  deflection.dispositionRecordsSystem = input.recordsSystem;
  deflection.dispositionAt = cmd.now;
  deflection.dispositionById = cmd.actor.personId;
  recordHistory(cmd, deflection, 'DISPOSITION_RECORDED', { changes: { disposition: 'CRIMINAL_DEFLECTION', before, after: { reportNumber, recordsSystem: input.recordsSystem } } });
  await cmd.em.flush();
  return deflection;
}

/** OPS-D6: each attempt to reach the case manager (when, who, how, result); HANDED_OFF marks the hand-off. */
export async function recordContactAttempt(cmd: Command, input: RecordContactAttemptInput, idempotencyKey: string | null | undefined): Promise<Deflection> {
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'recordContactAttempt', key: idempotencyKey, input },
    async () => {
      const deflection = await deflectionForUpdate(cmd, input.deflectionId, 'deflection:contact-case-manager');
      const v = new Violations();
      checkTransition(v, deflection.status, 'contact-case-manager');
      checkNotInFuture(v, 'input.at', input.at, cmd.now);
      v.check(input.at >= deflection.referredAt, 'input.at', 'after-referral', 'input.at is before the referral.');
      if (input.result === 'HANDED_OFF') v.check(Boolean(input.caseManagerName?.trim()), 'input.caseManagerName', 'required-for-hand-off', 'Name the case manager who took the person over.');
      v.throwIfAny();
      cmd.em.create(ContactAttempt, {
        deflection,
        at: input.at,
        byId: cmd.actor.personId,
        actingForId: cmd.actor.actingFor,
        method: input.method,
        result: input.result,
        caseManagerName: input.caseManagerName?.trim() || null,
        notes: input.notes ?? null,
      });
      if (input.result === 'HANDED_OFF' && !deflection.handedOffAt) {
        deflection.handedOffAt = input.at;
        publish(cmd, { type: 'deflection.handed-off', deflectionId: deflection.id, at: input.at.toISOString() });
      }
      recordHistory(cmd, deflection, 'CASE_MANAGER_CONTACT', { changes: { method: input.method, result: input.result } });
      await cmd.em.flush();
      return { id: deflection.id, result: deflection };
    },
    (id) => readableDeflection(cmd, id),
  );
}

/** OPS-D5: an item seized in the incident; the initiating unit is responsible for its disposal (III.D.3). */
export async function recordEvidence(cmd: Command, input: RecordEvidenceInput, idempotencyKey: string | null | undefined): Promise<Deflection> {
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'recordEvidence', key: idempotencyKey, input },
    async () => {
      const deflection = await deflectionForUpdate(cmd, input.deflectionId, 'evidence:handle');
      const v = new Violations();
      v.check(input.description.trim().length > 0, 'input.description', 'required', 'Describe the item.');
      const incident = await cmd.em.findOneOrFail(Incident, { id: deflection.incident.id });
      checkSeizure(v, 'input.seizedAt', input.seizedAt, incident.occurredAt, cmd.now);
      v.throwIfAny();
      const item = cmd.em.create(EvidenceItem, { deflection, description: input.description.trim(), seizedAt: input.seizedAt, responsibleUnitId: deflection.initiatingUnitId });
      cmd.em.create(EvidenceEvent, { evidence: item, action: 'SEIZED', at: input.seizedAt, byId: cmd.actor.personId, notes: null });
      recordHistory(cmd, deflection, 'EVIDENCE_RECORDED', { changes: { evidenceId: item.id, description: item.description } });
      await cmd.em.flush();
      return { id: deflection.id, result: deflection };
    },
    (id) => readableDeflection(cmd, id),
  );
}

async function evidenceForUpdate(cmd: Command, evidenceId: string): Promise<{ item: EvidenceItem; deflection: Deflection }> {
  const item = await cmd.em.findOne(EvidenceItem, { id: evidenceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const deflection = item ? await cmd.em.findOne(Deflection, { id: item.deflection.id }) : null;
  if (!item || !deflection || !access.can(cmd.actor, 'deflection:read', deflection)) throw forbidden();
  assertCan(cmd.actor, 'evidence:handle', deflection);
  return { item, deflection };
}

export async function recordEvidenceHandling(cmd: Command, input: RecordEvidenceHandlingInput): Promise<Deflection> {
  const { item, deflection } = await evidenceForUpdate(cmd, input.evidenceId);
  const v = new Violations();
  v.check(!item.disposedAt, 'input.evidenceId', 'not-disposed', 'This item has been disposed of.');
  v.check(input.at >= item.seizedAt, 'input.at', 'after-seizure', 'input.at is before the item was seized.');
  checkNotInFuture(v, 'input.at', input.at, cmd.now);
  v.throwIfAny();
  cmd.em.create(EvidenceEvent, { evidence: item, action: input.action, at: input.at, byId: cmd.actor.personId, notes: input.notes ?? null });
  recordHistory(cmd, deflection, 'EVIDENCE_HANDLED', { changes: { evidenceId: item.id, action: input.action } });
  await cmd.em.flush();
  return deflection;
}

/** OPS-D5, OPS-D8: disposal, also after the deflection has closed (an unsuccessful one keeps its evidence for the prosecution until then). */
export async function disposeEvidence(cmd: Command, input: DisposeEvidenceInput): Promise<Deflection> {
  const { item, deflection } = await evidenceForUpdate(cmd, input.evidenceId);
  // Disposing twice with the same answer is a safe retry; a different answer is a mistake worth stopping.
  if (item.disposedAt) {
    if (item.disposalMethod === input.method) return deflection;
    throw invalidInput([{ field: 'input.evidenceId', rule: 'not-disposed', message: `This item was already disposed of (${item.disposalMethod}).` }]);
  }
  const v = new Violations();
  v.check(input.at >= item.seizedAt, 'input.at', 'after-seizure', 'input.at is before the item was seized.');
  checkNotInFuture(v, 'input.at', input.at, cmd.now);
  v.throwIfAny();
  item.disposedAt = input.at;
  item.disposalMethod = input.method;
  item.disposedById = cmd.actor.personId;
  recordHistory(cmd, deflection, 'EVIDENCE_DISPOSED', { changes: { evidenceId: item.id, method: input.method } });
  await cmd.em.flush();
  return deflection;
}
