import { executeBound, expectVersion, requestHash, type Command } from '@hub/platform/db';
import { forbidden, invalidInput, Violations } from '@hub/platform/errors';
import { LockMode } from '@mikro-orm/core';
import { recordEvents, type TreatmentEpisodeChanged } from '@hub/platform/events';
import { BulkUpdateRecord, EpisodeTransition, Patient, TreatmentEpisode } from '../entities/episode.entity.js';
import { Provider } from '../entities/provider.entity.js';
import type { EpisodeUpdateInput } from '../generated/resolvers-types.js';
import { access, assertCan } from '../rules/access.js';
import { checkMove } from '../rules/episode-machine.js';
import type { EpisodeState } from '../entities/vocabulary.js';
import { applyMove, applyTransition, episodeChanged, type EpisodeProgress } from './support.js';

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
 * number of updates and episodes, the statements are a constant few (reads by id list, writes set-based).
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
  const episodes = await lockEpisodes(cmd, ids);
  const providers = new Map((await cmd.em.find(Provider, { id: { $in: [...new Set([...episodes.values()].map((e) => e.providerId))] } })).map((p) => [p.id, p]));
  const history = await executeBound<{ episode_id: string; to_state: string; at: Timestamp }>(
    cmd.em,
    `select episode_id, to_state, at from "treatment"."episode_transition" where episode_id = any($1::uuid[]) order by sequence`,
    [[...episodes.keys()]],
  );
  const seen = new Set(history.map((t) => `${t.episode_id}|${t.to_state}|${timestamp(t.at).toISOString()}`));
  const lastAt = new Map<string, Date>();
  for (const t of history) lastAt.set(t.episode_id, timestamp(t.at));

  const changed = new Set<BulkEpisode>();
  const transitions: TransitionRow[] = [];
  const events: TreatmentEpisodeChanged[] = [];
  const results: BulkItemResult[] = updates.map((update, index) => {
    const base = { index, clientUpdateId: update.clientUpdateId ?? null, episodeId: update.episodeId, field: null, rule: null, reason: null };
    const episode = episodes.get(update.episodeId);
    const provider = episode ? providers.get(episode.providerId) : undefined;
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
    const from = episode.state;
    const before = progressOf(episode);
    applyMove(episode, update);
    for (const field of PROGRESS_FIELDS) if (!sameValue(before[field], episode[field])) episode.changed.add(field);
    changed.add(episode);
    transitions.push({ episode_id: episode.id, from_state: from, to_state: update.toState, at: update.at, by_id: cmd.actor.personId, reason: update.reason ?? null });
    events.push(episodeChanged(episode, episode.patientPseudonym, from, update));
    seen.add(key);
    lastAt.set(episode.id, update.at);
    return { ...base, status: 'APPLIED' };
  });
  await writeBulkChanges(cmd, [...changed], transitions, events);
  await executeBound(cmd.em, `update "treatment"."bulk_update_record" set results = $1::jsonb where id = $2`, [JSON.stringify(results), claimed[0]!.id]);
  return results;
}

/** A timestamptz as raw SQL returns it: the ORM's connection leaves it as PostgreSQL's text. */
type Timestamp = string | Date;
const timestamp = (value: Timestamp): Date => (value instanceof Date ? value : new Date(value));
const optionalTimestamp = (value: Timestamp | null): Date | null => (value === null ? null : timestamp(value));

/** An episode as the bulk update reads and changes it: plain fields, no entity (1,000 entities cost more than the SQL). */
/** The columns a move may set besides the state, as EpisodeProgress names them. */
const PROGRESS_FIELDS = ['acknowledgedAt', 'declineReason', 'intakeScheduledFor', 'firstContactAt', 'endedAt', 'dischargeReason'] as const;
type ProgressField = (typeof PROGRESS_FIELDS)[number];

const progressOf = (episode: EpisodeProgress): Pick<EpisodeProgress, ProgressField> => Object.fromEntries(PROGRESS_FIELDS.map((f) => [f, episode[f]]));
const sameValue = (a: Date | string | null | undefined, b: Date | string | null | undefined) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? null) === (b ?? null);

interface BulkEpisode extends EpisodeProgress {
  /** What the batch's moves changed: only these columns are written, the others keep their stored value to the microsecond. */
  changed: Set<ProgressField>;
  id: string;
  providerId: string;
  patientId: string;
  /** The only person identifier the events carry. */
  patientPseudonym: string;
  deflectionId: string;
  service: string;
  version: number;
  referredAt: Date;
  deflectionReferredAt: Date;
}

/**
 * What the update statement reads of an episode: its id, state and the columns its moves changed. Nothing else
 * travels: every other key would be sent, parsed into jsonb and skipped again, 1,000 times.
 */
function updateRow(episode: BulkEpisode): Record<string, unknown> {
  const row: Record<string, unknown> = { id: episode.id, state: episode.state, changed: [...episode.changed] };
  for (const field of episode.changed) row[field] = episode[field];
  return row;
}

interface TransitionRow {
  episode_id: string;
  from_state: EpisodeState;
  to_state: EpisodeState;
  at: Date;
  by_id: string;
  reason: string | null;
}

/** The episodes with their patients' pseudonyms, the episodes locked for this transaction (FOR UPDATE, as updateEpisode's lock). */
async function lockEpisodes(cmd: Command, ids: readonly string[]): Promise<Map<string, BulkEpisode>> {
  const rows = await executeBound<
    { id: string; provider_id: string; patient_id: string; patient_pseudonym: string; deflection_id: string; service: string; state: EpisodeState; version: number; referred_at: Timestamp; deflection_referred_at: Timestamp; acknowledged_at: Timestamp | null; decline_reason: string | null; intake_scheduled_for: Timestamp | null; first_contact_at: Timestamp | null; ended_at: Timestamp | null; discharge_reason: string | null }
  >(
    cmd.em,
    // The pseudonym as a subquery, one index probe per episode: as a join, PostgreSQL hashed the whole patient table
    // for 1,000 episodes (44 ms against 10 at 120,000 patients).
    `select e.id, e.provider_id, e.patient_id, (select p.pseudonym from "treatment"."patient" p where p.id = e.patient_id) as patient_pseudonym,
            e.deflection_id, e.service, e.state, e.version, e.referred_at, e.deflection_referred_at, e.acknowledged_at, e.decline_reason,
            e.intake_scheduled_for, e.first_contact_at, e.ended_at, e.discharge_reason
     from "treatment"."treatment_episode" e
     where e.id = any($1::uuid[]) order by e.id for update of e`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id, providerId: r.provider_id, patientId: r.patient_id, patientPseudonym: r.patient_pseudonym, deflectionId: r.deflection_id, service: r.service, state: r.state, version: r.version,
        referredAt: timestamp(r.referred_at), deflectionReferredAt: timestamp(r.deflection_referred_at), acknowledgedAt: optionalTimestamp(r.acknowledged_at),
        declineReason: r.decline_reason, intakeScheduledFor: optionalTimestamp(r.intake_scheduled_for), firstContactAt: optionalTimestamp(r.first_contact_at),
        endedAt: optionalTimestamp(r.ended_at), dischargeReason: r.discharge_reason, changed: new Set(),
      },
    ]),
  );
}


/**
 * The applied updates in three statements whatever their number: the episodes' new fields (each changed episode's
 * version goes up once, as a flush of the entity would), their transitions in order, and the events for reporting.
 */
async function writeBulkChanges(cmd: Command, episodes: readonly BulkEpisode[], transitions: readonly TransitionRow[], events: readonly TreatmentEpisodeChanged[]): Promise<void> {
  if (episodes.length === 0) return;
  await executeBound(
    cmd.em,
    `update "treatment"."treatment_episode" e
     set state = u.state,
         acknowledged_at = case when u.changed ? 'acknowledgedAt' then u."acknowledgedAt" else e.acknowledged_at end,
         decline_reason = case when u.changed ? 'declineReason' then u."declineReason" else e.decline_reason end,
         intake_scheduled_for = case when u.changed ? 'intakeScheduledFor' then u."intakeScheduledFor" else e.intake_scheduled_for end,
         first_contact_at = case when u.changed ? 'firstContactAt' then u."firstContactAt" else e.first_contact_at end,
         ended_at = case when u.changed ? 'endedAt' then u."endedAt" else e.ended_at end,
         discharge_reason = case when u.changed ? 'dischargeReason' then u."dischargeReason" else e.discharge_reason end,
         version = e.version + 1
     from jsonb_to_recordset($1::jsonb) as u(id uuid, state text, changed jsonb, "acknowledgedAt" timestamptz, "declineReason" text,
          "intakeScheduledFor" timestamptz, "firstContactAt" timestamptz, "endedAt" timestamptz, "dischargeReason" text)
     where e.id = u.id`,
    [JSON.stringify(episodes.map(updateRow))],
  );
  // One typed array per column rather than one JSON document: PostgreSQL reads 1,000 transitions from arrays in
  // about three quarters of the time it took to parse the JSON and pick each value out of it (27-33 against 36-39 ms).
  const column = <K extends keyof TransitionRow>(key: K) => transitions.map((t) => t[key]);
  await executeBound(
    cmd.em,
    `insert into "treatment"."episode_transition" (episode_id, from_state, to_state, at, by_id, reason)
     select t.episode_id, t.from_state, t.to_state, t.at, t.by_id, t.reason
     from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::uuid[], $6::text[])
          with ordinality as t(episode_id, from_state, to_state, at, by_id, reason, position)
     order by t.position`,
    [column('episode_id'), column('from_state'), column('to_state'), column('at'), column('by_id'), column('reason')],
  );
  await recordEvents(cmd.em, events);
}
