import { illinoisDate, INTERCEPT_OF_PATHWAY } from '@hub/platform/domain';
import type { DeflectionReferred, DeflectionStatusChanged, EventEnvelope, TreatmentEpisodeChanged } from '@hub/platform/events';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Applies one delivered event exactly once: the event id is claimed with INSERT … ON CONFLICT DO NOTHING in the
 * caller's transaction, so a redelivered event (at-least-once delivery) changes nothing. Each event is a few
 * upserts in SQL whose result does not depend on the order events arrive in (see DeflectionFact).
 */
export async function applyEvent(em: EntityManager, envelope: EventEnvelope): Promise<boolean> {
  const claimed = await em.execute<{ event_id: string }[]>(
    `insert into "reporting"."processed_event" (event_id, source, sequence, type, processed_at)
     values (?, ?, ?, ?, now()) on conflict (event_id) do nothing returning event_id`,
    [envelope.eventId, envelope.source, envelope.sequence, envelope.event.type],
  );
  if (claimed.length === 0) return false;
  const event = envelope.event;
  switch (event.type) {
    case 'deflection.referred':
      await applyReferral(em, event, envelope.sequence);
      break;
    case 'deflection.approved':
    case 'deflection.declined':
    case 'deflection.closed':
      await applyStatusChange(em, event, envelope.sequence);
      break;
    case 'deflection.handed-off':
      await ensureRow(em, event.deflectionId);
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
      await applyEpisodeChange(em, event, envelope.sequence);
      break;
  }
  return true;
}

/** A placeholder row for a deflection whose referral has not arrived yet; the random record key is set once, here. */
async function ensureRow(em: EntityManager, deflectionId: string): Promise<void> {
  await em.execute(`insert into "reporting"."deflection_fact" (deflection_id, record_key) values (?, floor(random() * 256)::smallint) on conflict (deflection_id) do nothing`, [
    deflectionId,
  ]);
}

/** The status follows the newest cases event of the deflection, whatever order they were delivered in. */
const NEWER_STATUS = `status = case when deflection_fact.status_sequence is null or deflection_fact.status_sequence < ? then ? else deflection_fact.status end,
  status_sequence = greatest(coalesce(deflection_fact.status_sequence, ?), ?)`;

async function applyReferral(em: EntityManager, event: DeflectionReferred, sequence: number): Promise<void> {
  await ensureRow(em, event.deflectionId);
  await em.execute(
    `update "reporting"."deflection_fact" set
       person_pseudonym = ?, pathway = ?, intercept = ?, initiating_unit_id = ?, initiating_officer_id = ?, counts_for_id = ?,
       approval_required = ?, county = ?, referred_at = ?, referred_on = ?, encounter_at = ?, call_type = ?, channel = ?,
       arrest_made = ?, age_band = ?, sex = ?, race = ?, ethnicity = ?, ${NEWER_STATUS}
     where deflection_id = ?`,
    [
      event.personPseudonym ?? null,
      event.pathway,
      INTERCEPT_OF_PATHWAY[event.pathway],
      event.initiatingUnitId,
      event.initiatingOfficerId ?? null,
      event.countsForId,
      event.approvalRequired ?? event.countsForId !== null,
      event.county,
      event.referredAt,
      illinoisDate(new Date(event.referredAt)),
      event.encounterAt ?? event.referredAt,
      event.callType ?? null,
      event.channel ?? null,
      event.arrestMade ?? null,
      event.ageBand ?? 'UNKNOWN',
      event.sex ?? 'UNKNOWN',
      event.race ?? 'UNKNOWN',
      event.ethnicity ?? 'UNKNOWN',
      sequence,
      event.status,
      sequence,
      sequence,
      event.deflectionId,
    ],
  );
  await refreshAttribution(em, event.deflectionId);
  if (event.personPseudonym) await refreshRepeats(em, event.personPseudonym);
  await refreshTreatment(em, event.deflectionId);
}

async function applyStatusChange(em: EntityManager, event: DeflectionStatusChanged, sequence: number): Promise<void> {
  await ensureRow(em, event.deflectionId);
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
  await refreshAttribution(em, event.deflectionId);
}

/**
 * OPS-D9: a deflection that needs approval counts for the MEG or task force that approved it, once approved (an
 * approval event from before `decidedByAgencyId` existed names the one the referral awaited); pending and declined
 * ones count for nobody. One that needs no approval counts for its unit.
 */
async function refreshAttribution(em: EntityManager, deflectionId: string): Promise<void> {
  await em.execute(
    `update "reporting"."deflection_fact" set
       approving_agency_id = coalesce(approving_agency_id, case when approved_at is not null then counts_for_id end),
       attributed_to_id = case when approval_required then coalesce(approving_agency_id, case when approved_at is not null then counts_for_id end)
                               when approval_required = false then initiating_unit_id end
     where deflection_id = ?`,
    [deflectionId],
  );
}

/** A deflection is a repeat when the same person was deflected before it (by any unit): recomputed for that person. */
async function refreshRepeats(em: EntityManager, pseudonym: string): Promise<void> {
  await em.execute(
    `update "reporting"."deflection_fact" f set is_repeat = exists (
       select 1 from "reporting"."deflection_fact" e
       where e.person_pseudonym = f.person_pseudonym and e.referred_at is not null
         and (e.referred_at, e.deflection_id) < (f.referred_at, f.deflection_id))
     where f.person_pseudonym = ? and f.referred_at is not null`,
    [pseudonym],
  );
}

async function applyEpisodeChange(em: EntityManager, event: TreatmentEpisodeChanged, sequence: number): Promise<void> {
  const to = event.toState;
  await em.execute(
    `insert into "reporting"."episode_fact" as e (episode_id, deflection_id, provider_id, service, referred_at, state, state_sequence,
       first_contact_at, reached30, reached60, reached90, completed, discharged)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (episode_id) do update set
       referred_at = coalesce(least(e.referred_at, excluded.referred_at), e.referred_at, excluded.referred_at),
       state = case when e.state_sequence < excluded.state_sequence then excluded.state else e.state end,
       state_sequence = greatest(e.state_sequence, excluded.state_sequence),
       first_contact_at = coalesce(least(e.first_contact_at, excluded.first_contact_at), e.first_contact_at, excluded.first_contact_at),
       reached30 = e.reached30 or excluded.reached30, reached60 = e.reached60 or excluded.reached60, reached90 = e.reached90 or excluded.reached90,
       completed = e.completed or excluded.completed, discharged = e.discharged or excluded.discharged`,
    [
      event.episodeId,
      event.deflectionId,
      event.providerId,
      event.service,
      event.fromState === null ? event.at : null,
      to,
      sequence,
      to === 'ENGAGED' ? event.at : null,
      to === 'RETAINED_30',
      to === 'RETAINED_60',
      to === 'RETAINED_90',
      to === 'COMPLETED',
      to === 'DISCHARGED',
    ],
  );
  await ensureRow(em, event.deflectionId);
  await refreshTreatment(em, event.deflectionId);
}

/** The deflection's treatment columns, from all its episodes (the first referred names the provider and service). */
async function refreshTreatment(em: EntityManager, deflectionId: string): Promise<void> {
  await em.execute(
    `update "reporting"."deflection_fact" f set
       referred_to_treatment = t.any_episode, first_treatment_contact_at = t.first_contact, retained30 = t.r30, retained60 = t.r60,
       retained90 = t.r90, treatment_completed = t.completed, treatment_discharged = t.discharged, provider_id = t.provider_id, service = t.service
     from (select bool_or(true) as any_episode, min(first_contact_at) as first_contact, bool_or(reached30) as r30, bool_or(reached60) as r60,
                  bool_or(reached90) as r90, bool_or(completed) as completed, bool_or(discharged) as discharged,
                  (array_agg(provider_id order by referred_at nulls last, episode_id))[1] as provider_id,
                  (array_agg(service order by referred_at nulls last, episode_id))[1] as service
           from "reporting"."episode_fact" where deflection_id = ?) t
     where f.deflection_id = ? and t.any_episode`,
    [deflectionId, deflectionId],
  );
}
