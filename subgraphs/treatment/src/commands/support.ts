import type { Command } from '@hub/platform/db';
import { recordEvent } from '@hub/platform/events';
import { EpisodeTransition, type Patient, type TreatmentEpisode } from '../entities/episode.entity.js';
import type { EpisodeState } from '../entities/vocabulary.js';

/** Applies a state change: the episode's own fields, the transition record (who, when) and the event, together. */
export function applyTransition(
  cmd: Command,
  episode: TreatmentEpisode,
  patient: Pick<Patient, 'pseudonym'>,
  move: { toState: EpisodeState; at: Date; reason?: string | null; intakeScheduledFor?: Date | null },
): void {
  const from = episode.state;
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
  cmd.em.create(EpisodeTransition, { episode, fromState: from, toState: move.toState, at: move.at, byId: cmd.actor.personId, reason: move.reason ?? null });
  recordEvent(cmd.em, {
    type: 'treatment.episode-changed',
    episodeId: episode.id,
    deflectionId: episode.deflectionId,
    patientPseudonym: patient.pseudonym,
    providerId: episode.provider.id,
    service: episode.service,
    fromState: from,
    toState: move.toState,
    at: move.at.toISOString(),
    deflectionReferredAt: episode.deflectionReferredAt.toISOString(),
  });
}
