import { forbidden, illinoisDate, recordEvent, requireActor, type Actor, type HubEvent } from '@hub/platform';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { HistoryEntry } from '../entities/case-records.entity.js';
import { Deflection } from '../entities/deflection.entity.js';
import { canSee } from '../rules/visibility.js';

export interface Command {
  actor: Actor;
  em: EntityManager;
  context: Context;
  today: string;
  now: Date;
}

export function command(context: Context, em: EntityManager): Command {
  const now = new Date();
  return { actor: requireActor(context), em, context, now, today: illinoisDate(now) };
}

/**
 * Loads a deflection for a change, locked for the transaction. A deflection the actor may not see, or may see
 * but not change this way, answers FORBIDDEN; so does one that does not exist.
 */
export async function deflectionForUpdate(cmd: Command, id: string, allowed: (actor: Actor, d: Deflection) => boolean): Promise<Deflection> {
  const deflection = await cmd.em.findOne(Deflection, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!deflection || !canSee(cmd.actor, deflection) || !allowed(cmd.actor, deflection)) throw forbidden();
  return deflection;
}

/** OPS-D10: who, acting for whom, when, from which state to which, and what changed. */
export function recordHistory(
  cmd: Command,
  deflection: Deflection,
  action: string,
  change: { from?: string | null; to?: string | null; changes?: Record<string, unknown> | null } = {},
): void {
  cmd.em.create(HistoryEntry, {
    deflectionId: deflection.id,
    at: cmd.now,
    actorId: cmd.actor.personId,
    actingForId: cmd.actor.actingFor,
    action,
    fromStatus: change.from ?? null,
    toStatus: change.to ?? null,
    changes: change.changes ?? null,
  });
}

export function publish(cmd: Command, event: HubEvent): void {
  recordEvent(cmd.em, event);
}
