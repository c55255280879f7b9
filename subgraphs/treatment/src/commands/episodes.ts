import { expectVersion, requestHash, type Command } from '@hub/platform/db';
import { forbidden, invalidInput, Violations } from '@hub/platform/errors';
import { LockMode } from '@mikro-orm/core';
import { BulkUpdateRecord, EpisodeTransition, Patient, TreatmentEpisode } from '../entities/episode.entity.js';
import { Provider } from '../entities/provider.entity.js';
import type { EpisodeUpdateInput } from '../generated/resolvers-types.js';
import { access, assertCan } from '../rules/access.js';
import { checkMove } from '../rules/episode-machine.js';
import { applyTransition } from './support.js';

/** TRT-2: one update from the provider's frontend; the provider updates only its own episodes. */
export async function updateEpisode(cmd: Command, input: EpisodeUpdateInput): Promise<TreatmentEpisode> {
  const episode = await cmd.em.findOne(TreatmentEpisode, { id: input.episodeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const provider = episode ? await cmd.em.findOne(Provider, { id: episode.provider.id }) : null;
  if (!episode || !provider) throw forbidden();
  assertCan(cmd.actor, 'episode:update', provider);
  const v = new Violations();
  v.check(input.version != null, 'input.version', 'required', 'Send the version you read (optimistic concurrency).');
  v.throwIfAny();
  expectVersion(episode, input.version!, 'The episode');
  const last = await cmd.em.findOne(EpisodeTransition, { episode }, { orderBy: { sequence: 'desc' } });
  checkMove(v, { state: episode.state, lastTransitionAt: last?.at ?? episode.referredAt, firstContactAt: episode.firstContactAt ?? null }, input, cmd.now);
  v.throwIfAny();
  applyTransition(cmd, episode, await cmd.em.findOneOrFail(Patient, { id: episode.patient.id }), input);
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

function sameUpdatesRequired(): never {
  throw invalidInput([{ field: 'idempotencyKey', rule: 'same-input', message: 'This idempotencyKey was already used with different updates.' }]);
}

/**
 * TRT-2: up to 1,000 updates from a provider's own system. Each is checked on its own and gets a result; the
 * valid ones apply together. A repeat of an update already applied is DUPLICATE, not an error, and the same
 * idempotency key answers the same results again, so a timed-out upload can simply be sent again. Whatever the
 * number of updates and episodes, the statements are a constant few (reads by `in`, writes batched).
 */
export async function bulkUpdateEpisodes(cmd: Command, updates: EpisodeUpdateInput[], idempotencyKey: string): Promise<BulkItemResult[]> {
  const v = new Violations();
  v.check(updates.length <= BULK_LIMIT, 'updates', 'max-items', `At most ${BULK_LIMIT} updates per request (got ${updates.length}).`);
  v.check(idempotencyKey.trim().length > 0, 'idempotencyKey', 'required', 'Give an idempotency key of 1–200 characters.');
  v.throwIfAny();
  const hash = requestHash(updates);
  const previous = await cmd.em.findOne(BulkUpdateRecord, { actorId: cmd.actor.personId, key: idempotencyKey });
  if (previous) {
    if (previous.requestHash !== hash) sameUpdatesRequired();
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
    if (winner.requestHash !== hash) sameUpdatesRequired();
    return winner.results as BulkItemResult[];
  }

  const ids = [...new Set(updates.map((u) => u.episodeId))];
  const episodes = new Map((await cmd.em.find(TreatmentEpisode, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE })).map((e) => [e.id, e]));
  const providers = new Map((await cmd.em.find(Provider, { id: { $in: [...new Set([...episodes.values()].map((e) => e.provider.id))] } })).map((p) => [p.id, p]));
  const patients = new Map((await cmd.em.find(Patient, { id: { $in: [...new Set([...episodes.values()].map((e) => e.patient.id))] } })).map((p) => [p.id, p]));
  const history = await cmd.em.find(EpisodeTransition, { episode: { $in: [...episodes.keys()] } }, { orderBy: { sequence: 'asc' } });
  const seen = new Set(history.map((t) => `${t.episode.id}|${t.toState}|${t.at.toISOString()}`));
  const lastAt = new Map<string, Date>();
  for (const t of history) lastAt.set(t.episode.id, t.at);

  const results: BulkItemResult[] = updates.map((update, index) => {
    const base = { index, clientUpdateId: update.clientUpdateId ?? null, episodeId: update.episodeId, field: null, rule: null, reason: null };
    const episode = episodes.get(update.episodeId);
    const provider = episode ? providers.get(episode.provider.id) : undefined;
    // An episode of another provider, or none at all, gets the same answer: nothing is revealed.
    if (!episode || !provider || !access.can(cmd.actor, 'episode:update', provider)) {
      return { ...base, episodeId: null, status: 'REJECTED', field: `updates[${index}].episodeId`, rule: 'own-episode', reason: 'No episode of your organisation has this id.' };
    }
    const key = `${episode.id}|${update.toState}|${update.at.toISOString()}`;
    if (seen.has(key)) return { ...base, status: 'DUPLICATE' };
    const item = new Violations();
    if (update.version != null && update.version !== episode.version) {
      item.add(`updates[${index}].version`, 'current-version', `The episode is at version ${episode.version}, not ${update.version}.`);
    }
    checkMove(item, { state: episode.state, lastTransitionAt: lastAt.get(episode.id) ?? episode.referredAt, firstContactAt: episode.firstContactAt ?? null }, update, cmd.now, `updates[${index}]`);
    const first = item.list[0];
    if (first) return { ...base, status: 'REJECTED', field: first.field, rule: first.rule, reason: first.message };
    applyTransition(cmd, episode, patients.get(episode.patient.id)!, update);
    seen.add(key);
    lastAt.set(episode.id, update.at);
    return { ...base, status: 'APPLIED' };
  });
  await cmd.em.flush();
  await cmd.em.execute(`update "treatment"."bulk_update_record" set results = ? where id = ?`, [JSON.stringify(results), claimed[0]!.id]);
  return results;
}
