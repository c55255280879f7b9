import { executeBound } from '@hub/platform/db';
import { illinoisDate, INTERCEPT_OF_PATHWAY } from '@hub/platform/domain';
import type { DeflectionReferred, DeflectionStatusChanged, EventEnvelope, HubEvent, TreatmentEpisodeChanged } from '@hub/platform/events';
import type { EntityManager } from '@mikro-orm/postgresql';

/** The event types applied a delivery at a time; the rest are applied one by one, after them. */
const SET_BASED = new Set<HubEvent['type']>(['deflection.referred', 'treatment.episode-changed']);

/**
 * Applies one delivery's events, each exactly once, in the caller's transaction, and returns how many were new.
 * Every event id is claimed with one INSERT … ON CONFLICT DO NOTHING, so a redelivered event (at-least-once
 * delivery) changes nothing. Each event is a few upserts in SQL whose result does not depend on the order events
 * arrive in (see DeflectionFact); that is what lets a delivery's referrals and episode changes, the bulk of what
 * cases and treatment publish, be applied together in a handful of set-based statements rather than several each.
 */
export async function applyEvents(em: EntityManager, envelopes: readonly EventEnvelope[]): Promise<number> {
  const fresh = await claim(em, envelopes);
  const referrals = fresh.filter((e): e is EventEnvelope & { event: DeflectionReferred } => e.event.type === 'deflection.referred');
  if (new Set(referrals.map((e) => e.event.deflectionId)).size < referrals.length) {
    // A deflection referred twice in one delivery (cases never publishes that): what the second undoes of the first
    // depends on what came between, so the delivery is applied one event at a time, in order, as facts always were.
    for (const envelope of fresh) await applyOne(em, envelope);
    return fresh.length;
  }
  await applyReferrals(em, referrals);
  await applyEpisodeChanges(em, fresh.filter((e): e is EventEnvelope & { event: TreatmentEpisodeChanged } => e.event.type === 'treatment.episode-changed'));
  for (const envelope of fresh) if (!SET_BASED.has(envelope.event.type)) await applyOne(em, envelope);
  return fresh.length;
}

/**
 * The envelopes whose event id this inbox has not processed before (the first of any repeated in the batch). Each
 * claimed id is matched to its place in the batch by PostgreSQL, uuid to uuid: matched as text in JavaScript, an id
 * written in capitals would be claimed and never applied.
 */
async function claim(em: EntityManager, envelopes: readonly EventEnvelope[]): Promise<EventEnvelope[]> {
  if (envelopes.length === 0) return [];
  const rows = envelopes.map((e, position) => ({ position, event_id: e.eventId, source: e.source, sequence: e.sequence, type: e.event.type }));
  const claimed = await executeBound<{ position: number }>(
    em,
    `with delivered as (select * from jsonb_to_recordset($1::jsonb) as e(position int, event_id uuid, source text, sequence bigint, type text)),
          claimed as (insert into "reporting"."processed_event" (event_id, source, sequence, type, processed_at)
                      select event_id, source, sequence, type, now() from delivered order by position
                      on conflict (event_id) do nothing returning event_id)
     select min(d.position) as position from delivered d join claimed c using (event_id) group by d.event_id order by 1`,
    [JSON.stringify(rows)],
  );
  return claimed.map((row) => envelopes[row.position]!);
}

async function applyOne(em: EntityManager, envelope: EventEnvelope): Promise<void> {
  const event = envelope.event;
  switch (event.type) {
    case 'deflection.referred':
      await applyReferrals(em, [{ ...envelope, event }]);
      break;
    case 'deflection.approved':
    case 'deflection.declined':
    case 'deflection.closed':
      await applyStatusChange(em, event, envelope.sequence);
      break;
    case 'deflection.handed-off':
      await ensureRows(em, [event.deflectionId]);
      await em.execute(`update "reporting"."deflection_fact" set handed_off_at = least(coalesce(handed_off_at, ?::timestamptz), ?::timestamptz) where deflection_id = ?`, [
        event.at,
        event.at,
        event.deflectionId,
      ]);
      break;
    case 'deflection.reviewed':
      // Reviews feed no statistic yet; the event is recorded as processed.
      break;
    case 'treatment.episode-changed':
      await applyEpisodeChanges(em, [{ ...envelope, event }]);
      break;
  }
}

/** Placeholder rows for deflections whose referral has not arrived yet; each row's random record key is set once, here. */
async function ensureRows(em: EntityManager, deflectionIds: readonly string[]): Promise<void> {
  await executeBound(
    em,
    `insert into "reporting"."deflection_fact" (deflection_id, record_key)
     select id, floor(random() * 256)::smallint from unnest($1::uuid[]) as id on conflict (deflection_id) do nothing`,
    [deflectionIds],
  );
}

/**
 * Referrals of distinct deflections, however many, in four statements (an UPDATE … FROM changes a row once). Rows
 * are taken in deflection order, so two deliveries touching the same facts lock them in the same order.
 */
async function applyReferrals(em: EntityManager, envelopes: readonly (EventEnvelope & { event: DeflectionReferred })[]): Promise<void> {
  if (envelopes.length === 0) return;
  const ordered = [...envelopes].sort((a, b) => (a.event.deflectionId < b.event.deflectionId ? -1 : 1));
  const rows = ordered.map(({ event, sequence }) => ({
    deflection_id: event.deflectionId,
    person_pseudonym: event.personPseudonym ?? null,
    pathway: event.pathway,
    intercept: INTERCEPT_OF_PATHWAY[event.pathway],
    initiating_unit_id: event.initiatingUnitId,
    initiating_officer_id: event.initiatingOfficerId ?? null,
    counts_for_id: event.countsForId,
    approval_required: event.approvalRequired ?? event.countsForId !== null,
    county: event.county,
    referred_at: event.referredAt,
    referred_on: illinoisDate(new Date(event.referredAt)),
    encounter_at: event.encounterAt ?? event.referredAt,
    call_type: event.callType ?? null,
    channel: event.channel ?? null,
    arrest_made: event.arrestMade ?? null,
    age_band: event.ageBand ?? 'UNKNOWN',
    sex: event.sex ?? 'UNKNOWN',
    race: event.race ?? 'UNKNOWN',
    ethnicity: event.ethnicity ?? 'UNKNOWN',
    sequence,
    status: event.status,
  }));
  const ids = rows.map((row) => row.deflection_id);
  await ensureRows(em, ids);
  // The status follows the newest cases event of the deflection, whatever order they were delivered in.
  await executeBound(
    em,
    `update "reporting"."deflection_fact" f set
       person_pseudonym = r.person_pseudonym, pathway = r.pathway, intercept = r.intercept, initiating_unit_id = r.initiating_unit_id,
       initiating_officer_id = r.initiating_officer_id, counts_for_id = r.counts_for_id, approval_required = r.approval_required,
       county = r.county, referred_at = r.referred_at, referred_on = r.referred_on, encounter_at = r.encounter_at, call_type = r.call_type,
       channel = r.channel, arrest_made = r.arrest_made, age_band = r.age_band, sex = r.sex, race = r.race, ethnicity = r.ethnicity,
       status = case when f.status_sequence is null or f.status_sequence < r.sequence then r.status else f.status end,
       status_sequence = greatest(coalesce(f.status_sequence, r.sequence), r.sequence)
     from jsonb_to_recordset($1::jsonb) as r(
       deflection_id uuid, person_pseudonym uuid, pathway text, intercept text, initiating_unit_id uuid, initiating_officer_id uuid,
       counts_for_id uuid, approval_required boolean, county text, referred_at timestamptz, referred_on date, encounter_at timestamptz,
       call_type text, channel text, arrest_made boolean, age_band text, sex text, race text, ethnicity text, sequence bigint, status text)
     where f.deflection_id = r.deflection_id`,
    [JSON.stringify(rows)],
  );
  await refreshAttribution(em, ids);
  const people = [...new Set(rows.flatMap((row) => (row.person_pseudonym ? [row.person_pseudonym] : [])))].sort();
  if (people.length > 0) await refreshRepeats(em, people);
  // No treatment refresh: an episode that arrived first set the placeholder row's treatment columns, and the
  // referral's update leaves them as they are.
}

/** The status follows the newest cases event of the deflection, whatever order they were delivered in. */
const NEWER_STATUS = `status = case when deflection_fact.status_sequence is null or deflection_fact.status_sequence < ? then ? else deflection_fact.status end,
  status_sequence = greatest(coalesce(deflection_fact.status_sequence, ?), ?)`;

async function applyStatusChange(em: EntityManager, event: DeflectionStatusChanged, sequence: number): Promise<void> {
  await ensureRows(em, [event.deflectionId]);
  const approved = event.type === 'deflection.approved';
  const declined = event.type === 'deflection.declined';
  await em.execute(
    `update "reporting"."deflection_fact" set ${NEWER_STATUS},
       approved_at = case when ? then coalesce(approved_at, ?::timestamptz) else approved_at end,
       approving_agency_id = case when ? then coalesce(?::uuid, approving_agency_id) else approving_agency_id end,
       declined_at = case when ? then coalesce(declined_at, ?::timestamptz) else declined_at end,
       closed_at = case when ? then coalesce(closed_at, ?::timestamptz) else closed_at end
     where deflection_id = ?`,
    [
      sequence,
      event.toStatus,
      sequence,
      sequence,
      approved,
      event.at,
      approved,
      event.decidedByAgencyId ?? null,
      declined,
      event.at,
      event.type === 'deflection.closed',
      event.at,
      event.deflectionId,
    ],
  );
  await refreshAttribution(em, [event.deflectionId]);
}

/**
 * OPS-D9: a deflection that needs approval counts for the MEG or task force that approved it, once approved (an
 * approval event from before `decidedByAgencyId` existed names the one the referral awaited); pending and declined
 * ones count for nobody. One that needs no approval counts for its unit.
 */
async function refreshAttribution(em: EntityManager, deflectionIds: readonly string[]): Promise<void> {
  await executeBound(
    em,
    `update "reporting"."deflection_fact" set
       approving_agency_id = coalesce(approving_agency_id, case when approved_at is not null then counts_for_id end),
       attributed_to_id = case when approval_required then coalesce(approving_agency_id, case when approved_at is not null then counts_for_id end)
                               when approval_required = false then initiating_unit_id end
     where deflection_id = any($1::uuid[])`,
    [deflectionIds],
  );
}

/** A deflection is a repeat when the same person was deflected before it (by any unit): recomputed for those people. */
async function refreshRepeats(em: EntityManager, pseudonyms: readonly string[]): Promise<void> {
  await executeBound(
    em,
    `update "reporting"."deflection_fact" f set is_repeat = exists (
       select 1 from "reporting"."deflection_fact" e
       where e.person_pseudonym = f.person_pseudonym and e.referred_at is not null
         and (e.referred_at, e.deflection_id) < (f.referred_at, f.deflection_id))
     where f.person_pseudonym = any($1::uuid[]) and f.referred_at is not null`,
    [pseudonyms],
  );
}

/**
 * Episode changes, however many, in three statements: the delivery's changes are first folded per episode (the
 * same folds the upsert makes with what is stored: earliest times, any milestone reached, the state of the newest
 * change), because one INSERT … ON CONFLICT may not touch a row twice. A provider's bulk upload of 1,000 outcomes
 * had cost reporting 3,000 statements.
 */
async function applyEpisodeChanges(em: EntityManager, envelopes: readonly (EventEnvelope & { event: TreatmentEpisodeChanged })[]): Promise<void> {
  if (envelopes.length === 0) return;
  const rows = envelopes.map(({ event, sequence }) => {
    const to = event.toState;
    return {
      episode_id: event.episodeId,
      deflection_id: event.deflectionId,
      provider_id: event.providerId,
      service: event.service,
      referred_at: event.fromState === null ? event.at : null,
      state: to,
      state_sequence: sequence,
      first_contact_at: to === 'ENGAGED' ? event.at : null,
      reached30: to === 'RETAINED_30',
      reached60: to === 'RETAINED_60',
      reached90: to === 'RETAINED_90',
      completed: to === 'COMPLETED',
      discharged: to === 'DISCHARGED',
    };
  });
  await executeBound(
    em,
    `insert into "reporting"."episode_fact" as e (episode_id, deflection_id, provider_id, service, referred_at, state, state_sequence,
       first_contact_at, reached30, reached60, reached90, completed, discharged)
     select episode_id, (array_agg(deflection_id order by state_sequence))[1], (array_agg(provider_id order by state_sequence))[1],
            (array_agg(service order by state_sequence))[1], min(referred_at), (array_agg(state order by state_sequence desc))[1],
            max(state_sequence), min(first_contact_at), bool_or(reached30), bool_or(reached60), bool_or(reached90), bool_or(completed),
            bool_or(discharged)
     from jsonb_to_recordset($1::jsonb) as r(episode_id uuid, deflection_id uuid, provider_id uuid, service text, referred_at timestamptz,
       state text, state_sequence bigint, first_contact_at timestamptz, reached30 boolean, reached60 boolean, reached90 boolean,
       completed boolean, discharged boolean)
     group by episode_id order by episode_id
     on conflict (episode_id) do update set
       referred_at = coalesce(least(e.referred_at, excluded.referred_at), e.referred_at, excluded.referred_at),
       state = case when e.state_sequence < excluded.state_sequence then excluded.state else e.state end,
       state_sequence = greatest(e.state_sequence, excluded.state_sequence),
       first_contact_at = coalesce(least(e.first_contact_at, excluded.first_contact_at), e.first_contact_at, excluded.first_contact_at),
       reached30 = e.reached30 or excluded.reached30, reached60 = e.reached60 or excluded.reached60, reached90 = e.reached90 or excluded.reached90,
       completed = e.completed or excluded.completed, discharged = e.discharged or excluded.discharged`,
    [JSON.stringify(rows)],
  );
  const deflections = [...new Set(rows.map((row) => row.deflection_id))].sort();
  await ensureRows(em, deflections);
  await refreshTreatment(em, deflections);
}

/** The deflections' treatment columns, from all their episodes (the first referred names the provider and service). */
async function refreshTreatment(em: EntityManager, deflectionIds: readonly string[]): Promise<void> {
  await executeBound(
    em,
    `update "reporting"."deflection_fact" f set
       referred_to_treatment = true, first_treatment_contact_at = t.first_contact, retained30 = t.r30, retained60 = t.r60,
       retained90 = t.r90, treatment_completed = t.completed, treatment_discharged = t.discharged, provider_id = t.provider_id, service = t.service
     from (select deflection_id, min(first_contact_at) as first_contact, bool_or(reached30) as r30, bool_or(reached60) as r60,
                  bool_or(reached90) as r90, bool_or(completed) as completed, bool_or(discharged) as discharged,
                  (array_agg(provider_id order by referred_at nulls last, episode_id))[1] as provider_id,
                  (array_agg(service order by referred_at nulls last, episode_id))[1] as service
           from "reporting"."episode_fact" where deflection_id = any($1::uuid[]) group by deflection_id) t
     where f.deflection_id = t.deflection_id`,
    [deflectionIds],
  );
}
