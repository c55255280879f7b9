import type { Command } from '@hub/platform/db';
import { recordEvent, type TreatmentEpisodeChanged } from '@hub/platform/events';
import { EpisodeTransition, type Patient, type TreatmentEpisode } from '../entities/episode.entity.js';
import type { EpisodeState } from '../entities/vocabulary.js';

export interface Move {
  toState: EpisodeState;
  at: Date;
  reason?: string | null;
  intakeScheduledFor?: Date | null;
}

/** The fields of an episode a move changes (TRT-4), as the entity and the bulk update's plain rows both hold them. */
export interface EpisodeProgress {
  state: EpisodeState;
  acknowledgedAt?: Date | null;
  declineReason?: string | null;
  intakeScheduledFor?: Date | null;
  firstContactAt?: Date | null;
  endedAt?: Date | null;
  dischargeReason?: string | null;
}

/** Moves an episode's own fields to the new state: the first acknowledgement and contact are kept, an end is dated. */
export function applyMove(episode: EpisodeProgress, move: Move): void {
  episode.state = move.toState;
  if (move.toState === 'ACKNOWLEDGED' && !episode.acknowledgedAt) episode.acknowledgedAt = move.at;
  if (move.toState === 'DECLINED') {
    episode.declineReason = move.reason?.trim() ?? null;
    episode.endedAt = move.at;
  }
  if (move.toState === 'INTAKE_SCHEDULED') episode.intakeScheduledFor = move.intakeScheduledFor ?? null;
  if (move.toState === 'ENGAGED' && !episode.firstContactAt) episode.firstContactAt = move.at;
  if (move.toState === 'COMPLETED' || move.toState === 'DISCHARGED') episode.endedAt = move.at;
  if (move.toState === 'DISCHARGED') episode.dischargeReason = move.reason?.trim() ?? null;
}

/** What reporting learns of a move: states and dates, never the reason or the person's name. */
export function episodeChanged(
  episode: { id: string; deflectionId: string; providerId: string; service: string; deflectionReferredAt: Date },
  patientPseudonym: string,
  fromState: EpisodeState,
  move: Move,
): TreatmentEpisodeChanged {
  return {
    type: 'treatment.episode-changed',
    episodeId: episode.id,
    deflectionId: episode.deflectionId,
    patientPseudonym,
    providerId: episode.providerId,
    service: episode.service,
    fromState,
    toState: move.toState,
    at: move.at.toISOString(),
    deflectionReferredAt: episode.deflectionReferredAt.toISOString(),
  };
}

/** Applies a state change: the episode's own fields, the transition record (who, when) and the event, together. */
export function applyTransition(cmd: Command, episode: TreatmentEpisode, patient: Pick<Patient, 'pseudonym'>, move: Move): void {
  const from = episode.state;
  applyMove(episode, move);
  cmd.em.create(EpisodeTransition, { episode, fromState: from, toState: move.toState, at: move.at, byId: cmd.actor.personId, reason: move.reason ?? null });
  const facts = { id: episode.id, deflectionId: episode.deflectionId, providerId: episode.provider.id, service: episode.service, deflectionReferredAt: episode.deflectionReferredAt };
  recordEvent(cmd.em, episodeChanged(facts, patient.pseudonym, from, move));
}
