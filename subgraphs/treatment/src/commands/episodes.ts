import { expectVersion, forbidden, invalidInput, requestHash, Violations, type RuleViolation } from '@hub/platform';
import { LockMode } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { BulkUpdateRecord, EpisodeTransition, Patient, TreatmentEpisode } from '../entities/episode.entity.js';
import { Provider } from '../entities/provider.entity.js';
import type { EpisodeState } from '../entities/vocabulary.js';
import { isProviderStaffOf } from '../rules/access.js';
import { checkMove } from '../rules/episode-machine.js';
import { applyTransition, type Command } from './support.js';

export interface EpisodeUpdate {
  episodeId: string;
  toState: EpisodeState;
  at: Date;
  reason?: string | null;
  intakeScheduledFor?: Date | null;
  version?: number | null;
  clientUpdateId?: string | null;
}

/** TRT-2: one update from the provider's frontend; the provider updates only its own episodes. */
export async function updateEpisode(cmd: Command, input: EpisodeUpdate): Promise<TreatmentEpisode> {
  if (input.version == null) throw invalidInput([{ field: 'input.version', rule: 'required', message: 'Send the version you read (optimistic concurrency).' }]);
  const episode = await cmd.em.findOne(TreatmentEpisode, { id: input.episodeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const provider = episode ? await cmd.em.findOne(Provider, { id: episode.providerId }) : null;
  if (!episode || !provider || !isProviderStaffOf(cmd.actor, provider)) throw forbidden();
  expectVersion(episode, input.version, 'The episode');
  const last = await cmd.em.findOne(EpisodeTransition, { episodeId: episode.id }, { orderBy: { sequence: 'desc' } });
  const v = new Violations();
  checkMove(v, { state: episode.state, lastTransitionAt: last?.at ?? episode.referredAt, firstContactAt: episode.firstContactAt ?? null }, input, cmd.now);
  v.throwIfAny();
  const patient = await cmd.em.findOneOrFail(Patient, { id: episode.patientId });
  applyTransition(cmd, episode, patient, input);
  await cmd.em.flush();
  return episode;
}

export interface BulkItemResult {
  index: number;
  clientUpdateId: string | null;
  status: 'APPLIED' | 'REJECTED' | 'DUPLICATE';
  episodeId: string | null;
  field: string | null;
  rule: string | null;
  reason: string | null;
}

export const BULK_LIMIT = 1000;

/**
 * TRT-2: up to 1,000 updates from a provider's own system. Each is checked on its own and gets a result; the
 * valid ones apply together. A repeat of an update already applied is DUPLICATE, not an error, and the same
 * idempotency key answers the same results again, so a timed-out upload can simply be sent again.
 */
export async function bulkUpdateEpisodes(cmd: Command, updates: EpisodeUpdate[], idempotencyKey: string): Promise<BulkItemResult[]> {
  if (!cmd.actor.roles.includes('PROVIDER_STAFF')) throw forbidden('Only provider staff update treatment episodes.');
  if (updates.length > BULK_LIMIT) throw invalidInput([{ field: 'updates', rule: 'max-items', message: `At most ${BULK_LIMIT} updates per request (got ${updates.length}).` }]);
  if (!idempotencyKey.trim() || idempotencyKey.length > 200) throw invalidInput([{ field: 'idempotencyKey', rule: 'required', message: 'Give an idempotency key of 1–200 characters.' }]);
  const hash = requestHash(updates);
  const previous = await cmd.em.findOne(BulkUpdateRecord, { actorId: cmd.actor.personId, key: idempotencyKey });
  if (previous) {
    if (previous.requestHash !== hash) throw invalidInput([{ field: 'idempotencyKey', rule: 'same-input', message: 'This idempotencyKey was already used with different updates.' }]);
    return previous.results as BulkItemResult[];
  }
  // Claim the key first: a concurrent retry of the same upload waits here, then finds the answer above.
  const claimed = await cmd.em.execute<{ id: string }[]>(
    `insert into "treatment"."bulk_update_record" (id, actor_id, key, request_hash, results, created_at) values (gen_random_uuid(), ?, ?, ?, '[]', now())
     on conflict (actor_id, key) do nothing returning id`,
    [cmd.actor.personId, idempotencyKey, hash],
  );
  if (claimed.length === 0) {
    const winner = await cmd.em.findOneOrFail(BulkUpdateRecord, { actorId: cmd.actor.personId, key: idempotencyKey }, { refresh: true });
    if (winner.requestHash !== hash) throw invalidInput([{ field: 'idempotencyKey', rule: 'same-input', message: 'This idempotencyKey was already used with different updates.' }]);
    return winner.results as BulkItemResult[];
  }

  const ids = [...new Set(updates.map((u) => u.episodeId))];
  const episodes = new Map((await cmd.em.find(TreatmentEpisode, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE })).map((e) => [e.id, e]));
  const providers = new Map((await cmd.em.find(Provider, { id: { $in: [...new Set([...episodes.values()].map((e) => e.providerId))] } })).map((p) => [p.id, p]));
  const patients = new Map((await cmd.em.find(Patient, { id: { $in: [...new Set([...episodes.values()].map((e) => e.patientId))] } })).map((p) => [p.id, p]));
  const history = await cmd.em.find(EpisodeTransition, { episodeId: { $in: [...episodes.keys()] } }, { orderBy: { sequence: 'asc' } });
  const seen = new Set(history.map((t) => `${t.episodeId}|${t.toState}|${t.at.toISOString()}`));
  const lastAt = new Map<string, Date>();
  for (const t of history) lastAt.set(t.episodeId, t.at);

  const results: BulkItemResult[] = updates.map((update, index) => {
    const base = { index, clientUpdateId: update.clientUpdateId ?? null, episodeId: update.episodeId, field: null, rule: null, reason: null };
    const episode = episodes.get(update.episodeId);
    const provider = episode ? providers.get(episode.providerId) : undefined;
    // An episode of another provider, or none at all, gets the same answer: nothing is revealed.
    if (!episode || !provider || !isProviderStaffOf(cmd.actor, provider)) {
      return { ...base, episodeId: null, status: 'REJECTED', field: `updates[${index}].episodeId`, rule: 'own-episode', reason: 'No episode of your organisation has this id.' };
    }
    const key = `${episode.id}|${update.toState}|${update.at.toISOString()}`;
    if (seen.has(key)) return { ...base, status: 'DUPLICATE' };
    const v = new Violations();
    if (update.version != null && update.version !== episode.version) {
      v.add(`updates[${index}].version`, 'current-version', `The episode is at version ${episode.version}, not ${update.version}.`);
    }
    checkMove(v, { state: episode.state, lastTransitionAt: lastAt.get(episode.id) ?? episode.referredAt, firstContactAt: episode.firstContactAt ?? null }, update, cmd.now, `updates[${index}]`);
    const first = violationsOf(v)[0];
    if (first) return { ...base, status: 'REJECTED', field: first.field, rule: first.rule, reason: first.message };
    applyTransition(cmd, episode, patients.get(episode.patientId)!, update);
    seen.add(key);
    lastAt.set(episode.id, update.at);
    return { ...base, status: 'APPLIED' };
  });
  await cmd.em.flush();
  await cmd.em.execute(`update "treatment"."bulk_update_record" set results = ? where id = ?`, [JSON.stringify(results), claimed[0]!.id]);
  return results;
}

function violationsOf(v: Violations): RuleViolation[] {
  try {
    v.throwIfAny();
    return [];
  } catch (error) {
    if (error instanceof GraphQLError) return (error.extensions.violations as RuleViolation[]) ?? [];
    throw error;
  }
}

