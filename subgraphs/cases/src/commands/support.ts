import type { Command } from '@hub/platform/db';
import { forbidden } from '@hub/platform/errors';
import { recordEvent, type HubEvent } from '@hub/platform/events';
import { LockMode } from '@mikro-orm/core';
import { HistoryEntry } from '../entities/case-records.entity.js';
import { Deflection } from '../entities/deflection.entity.js';
import type { DeflectionStatus } from '../entities/vocabulary.js';
import { access, assertCan } from '../rules/access.js';

type DeflectionAction = 'deflection:approve' | 'deflection:record-disposition' | 'deflection:contact-case-manager' | 'deflection:follow-up' | 'evidence:handle';

/**
 * Loads a deflection for a change, locked for the transaction. One the actor may not see, or may see but not change
 * this way, answers FORBIDDEN; so does one that does not exist.
 */
export async function deflectionForUpdate(cmd: Command, id: string, action: DeflectionAction): Promise<Deflection> {
  const deflection = await cmd.em.findOne(Deflection, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!deflection || !access.can(cmd.actor, 'deflection:read', deflection)) throw forbidden();
  assertCan(cmd.actor, action, deflection);
  return deflection;
}

/**
 * An idempotent replay answers through the same read rule as any other read: the caller gets the record only if
 * they may read it now (their unit or role may have changed since the first request).
 */
export async function readableDeflection(cmd: Command, id: string): Promise<Deflection> {
  const deflection = await cmd.em.findOne(Deflection, { id });
  if (!deflection) throw forbidden();
  assertCan(cmd.actor, 'deflection:read', deflection);
  return deflection;
}

type StatusChange = { from?: DeflectionStatus | null; to?: DeflectionStatus | null; changes?: Record<string, unknown> | null };

/** OPS-D10: who, acting for whom, when, from which state to which, and what changed. */
export function recordHistory(cmd: Command, deflection: Deflection, action: string, change: StatusChange = {}): void {
  cmd.em.persist(newHistoryEntry(cmd, deflection, action, change));
}

/** A history entry not yet written: the caller writes it (insertTogether). */
export function newHistoryEntry(cmd: Command, deflection: Deflection, action: string, change: StatusChange = {}): HistoryEntry {
  return cmd.em.create(
    HistoryEntry,
    {
      deflection,
      at: cmd.now,
      actorId: cmd.actor.personId,
      actingForId: cmd.actor.actingFor,
      action,
      fromStatus: change.from ?? null,
      toStatus: change.to ?? null,
      changes: change.changes ?? null,
    },
    { persist: false },
  );
}

/** Written in the transaction of the change (outbox): reporting sees it only if the change commits. */
export function publish(cmd: Command, event: HubEvent): void {
  recordEvent(cmd.em, event);
}
