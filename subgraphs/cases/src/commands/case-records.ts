import { expectVersion, forbidden, invalidInput, runIdempotently, Violations } from '@hub/platform';
import { LockMode } from '@mikro-orm/core';
import { ContactAttempt, EvidenceEvent, EvidenceItem } from '../entities/case-records.entity.js';
import { Deflection } from '../entities/deflection.entity.js';
import type { ContactMethod, ContactResult, DisposalMethod, EvidenceAction, RecordsSystem } from '../entities/vocabulary.js';
import { transition } from '../rules/lifecycle.js';
import { canHandleEvidence, canRecordContact, canSee, isUnitMember } from '../rules/visibility.js';
import { deflectionForUpdate, publish, recordHistory, type Command } from './support.js';

function notInFuture(v: Violations, cmd: Command, field: string, at: Date): void {
  v.check(at.getTime() <= cmd.now.getTime() + 5 * 60_000, field, 'not-in-future', `${field} is in the future.`);
}

/** OPS-D4: the disposition is a criminal deflection, with the report number of TraCS or the MEG's program. */
export async function recordDisposition(cmd: Command, input: { deflectionId: string; version: number; reportNumber: string; recordsSystem: RecordsSystem }): Promise<Deflection> {
  const deflection = await deflectionForUpdate(cmd, input.deflectionId, isUnitMember);
  expectVersion(deflection, input.version, 'The deflection');
  transition(deflection.status, 'record-disposition');
  const reportNumber = input.reportNumber.trim();
  if (!/^[A-Za-z0-9-]{3,60}$/.test(reportNumber)) {
    throw invalidInput([{ field: 'input.reportNumber', rule: 'report-number', message: 'input.reportNumber must be 3–60 letters, digits or dashes, as the records system shows it.' }]);
  }
  const before = { reportNumber: deflection.dispositionReportNumber, recordsSystem: deflection.dispositionRecordsSystem };
  deflection.dispositionReportNumber = reportNumber;
  deflection.dispositionRecordsSystem = input.recordsSystem;
  deflection.dispositionAt = cmd.now;
  deflection.dispositionById = cmd.actor.personId;
  recordHistory(cmd, deflection, 'DISPOSITION_RECORDED', { changes: { disposition: 'CRIMINAL_DEFLECTION', before, after: { reportNumber, recordsSystem: input.recordsSystem } } });
  await cmd.em.flush();
  return deflection;
}

export interface ContactAttemptInput {
  deflectionId: string;
  at: Date;
  method: ContactMethod;
  result: ContactResult;
  caseManagerName?: string | null;
  notes?: string | null;
}

/** OPS-D6: each attempt to reach the case manager (when, who, how, result); HANDED_OFF marks the hand-off. */
export async function recordContactAttempt(cmd: Command, input: ContactAttemptInput, idempotencyKey: string | null | undefined): Promise<Deflection> {
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'recordContactAttempt', key: idempotencyKey, input },
    async () => {
      const deflection = await deflectionForUpdate(cmd, input.deflectionId, canRecordContact);
      transition(deflection.status, 'contact-case-manager');
      const v = new Violations();
      notInFuture(v, cmd, 'input.at', input.at);
      v.check(input.at >= deflection.referredAt, 'input.at', 'after-referral', 'input.at is before the referral.');
      if (input.result === 'HANDED_OFF') {
        v.check(Boolean(input.caseManagerName?.trim()), 'input.caseManagerName', 'required-for-hand-off', 'Name the case manager who took the person over.');
      }
      v.throwIfAny();
      cmd.em.create(ContactAttempt, {
        deflectionId: deflection.id,
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
    (id) => cmd.em.findOneOrFail(Deflection, { id }),
  );
}

/** OPS-D5: an item seized in the incident; the initiating unit is responsible for its disposal (III.D.3). */
export async function recordEvidence(cmd: Command, input: { deflectionId: string; description: string; seizedAt: Date }, idempotencyKey: string | null | undefined): Promise<Deflection> {
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'recordEvidence', key: idempotencyKey, input },
    async () => {
      const deflection = await deflectionForUpdate(cmd, input.deflectionId, canHandleEvidence);
      const v = new Violations();
      v.check(input.description.trim().length > 0, 'input.description', 'required', 'Describe the item.');
      notInFuture(v, cmd, 'input.seizedAt', input.seizedAt);
      v.throwIfAny();
      const item = cmd.em.create(EvidenceItem, {
        deflectionId: deflection.id,
        description: input.description.trim(),
        seizedAt: input.seizedAt,
        responsibleUnitId: deflection.initiatingUnitId,
      });
      cmd.em.create(EvidenceEvent, { evidenceId: item.id, action: 'SEIZED', at: input.seizedAt, byId: cmd.actor.personId, notes: null });
      recordHistory(cmd, deflection, 'EVIDENCE_RECORDED', { changes: { evidenceId: item.id, description: item.description } });
      await cmd.em.flush();
      return { id: deflection.id, result: deflection };
    },
    (id) => cmd.em.findOneOrFail(Deflection, { id }),
  );
}

async function evidenceForUpdate(cmd: Command, evidenceId: string): Promise<{ item: EvidenceItem; deflection: Deflection }> {
  const item = await cmd.em.findOne(EvidenceItem, { id: evidenceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const deflection = item ? await cmd.em.findOne(Deflection, { id: item.deflectionId }) : null;
  if (!item || !deflection || !canSee(cmd.actor, deflection) || !canHandleEvidence(cmd.actor, deflection)) throw forbidden();
  return { item, deflection };
}

export async function recordEvidenceHandling(cmd: Command, input: { evidenceId: string; action: EvidenceAction; at: Date; notes?: string | null }): Promise<Deflection> {
  const { item, deflection } = await evidenceForUpdate(cmd, input.evidenceId);
  const v = new Violations();
  v.check(!item.disposedAt, 'input.evidenceId', 'not-disposed', 'This item has been disposed of.');
  v.check(input.at >= item.seizedAt, 'input.at', 'after-seizure', 'input.at is before the item was seized.');
  notInFuture(v, cmd, 'input.at', input.at);
  v.throwIfAny();
  cmd.em.create(EvidenceEvent, { evidenceId: item.id, action: input.action, at: input.at, byId: cmd.actor.personId, notes: input.notes ?? null });
  recordHistory(cmd, deflection, 'EVIDENCE_HANDLED', { changes: { evidenceId: item.id, action: input.action } });
  await cmd.em.flush();
  return deflection;
}

export async function disposeEvidence(cmd: Command, input: { evidenceId: string; method: DisposalMethod; at: Date }): Promise<Deflection> {
  const { item, deflection } = await evidenceForUpdate(cmd, input.evidenceId);
  // Disposing twice with the same answer is a safe retry; a different answer is a mistake worth stopping.
  if (item.disposedAt) {
    if (item.disposalMethod === input.method) return deflection;
    throw invalidInput([{ field: 'input.evidenceId', rule: 'not-disposed', message: `This item was already disposed of (${item.disposalMethod}).` }]);
  }
  const v = new Violations();
  v.check(input.at >= item.seizedAt, 'input.at', 'after-seizure', 'input.at is before the item was seized.');
  notInFuture(v, cmd, 'input.at', input.at);
  v.throwIfAny();
  item.disposedAt = input.at;
  item.disposalMethod = input.method;
  item.disposedById = cmd.actor.personId;
  recordHistory(cmd, deflection, 'EVIDENCE_DISPOSED', { changes: { evidenceId: item.id, method: input.method } });
  await cmd.em.flush();
  return deflection;
}

