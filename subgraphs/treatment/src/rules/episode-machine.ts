import { Violations } from '@hub/platform/errors';
import type { EpisodeState } from '../entities/vocabulary.js';

/** TRT-4: the referral and episode state machine (compare HL7 FHIR Task: requested → accepted → in-progress → completed). */
const NEXT: Record<EpisodeState, readonly EpisodeState[]> = {
  REFERRED: ['ACKNOWLEDGED', 'DECLINED'],
  ACKNOWLEDGED: ['INTAKE_SCHEDULED', 'ENGAGED', 'LOST_CONTACT', 'DISCHARGED'],
  INTAKE_SCHEDULED: ['INTAKE_SCHEDULED', 'ENGAGED', 'LOST_CONTACT', 'DISCHARGED'],
  ENGAGED: ['RETAINED_30', 'COMPLETED', 'DISCHARGED', 'LOST_CONTACT'],
  RETAINED_30: ['RETAINED_60', 'COMPLETED', 'DISCHARGED', 'LOST_CONTACT'],
  RETAINED_60: ['RETAINED_90', 'COMPLETED', 'DISCHARGED', 'LOST_CONTACT'],
  RETAINED_90: ['COMPLETED', 'DISCHARGED', 'LOST_CONTACT'],
  // Relapse and return are part of recovery: a person who was lost can re-engage.
  LOST_CONTACT: ['ENGAGED', 'DISCHARGED'],
  DECLINED: [],
  COMPLETED: [],
  DISCHARGED: [],
};

/** Where an episode in `state` may go next: what `checkMove` accepts as a target. */
export function nextStatesFrom(state: EpisodeState): readonly EpisodeState[] {
  return NEXT[state];
}

const RETENTION_DAYS: Partial<Record<EpisodeState, number>> = { RETAINED_30: 30, RETAINED_60: 60, RETAINED_90: 90 };
export const ENDED_STATES: readonly EpisodeState[] = ['DECLINED', 'COMPLETED', 'DISCHARGED'];

export interface EpisodeFacts {
  state: EpisodeState;
  lastTransitionAt: Date;
  firstContactAt: Date | null;
}

export interface Move {
  toState: EpisodeState;
  at: Date;
  reason?: string | null;
  intakeScheduledFor?: Date | null;
}

/** Checks one move against the machine and the facts of the episode; `now` bounds how far ahead `at` may be. */
export function checkMove(v: Violations, episode: EpisodeFacts, move: Move, now: Date, field = 'input'): void {
  // Each message is written only when its rule is broken: a bulk upload checks a thousand moves that pass. The
  // comparisons are negated so that an invalid date breaks them, as it did when each rule was a `v.check`.
  const allowed = NEXT[episode.state];
  if (!allowed.includes(move.toState)) {
    v.add(`${field}.toState`, 'episode-transition', `An episode that is ${episode.state} cannot become ${move.toState}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}.`);
  }
  if (!(move.at.getTime() <= now.getTime() + 5 * 60_000)) v.add(`${field}.at`, 'not-in-future', `${field}.at is in the future.`);
  if (!(move.at >= episode.lastTransitionAt)) v.add(`${field}.at`, 'after-last-transition', `${field}.at is before the episode's last change.`);
  if ((move.toState === 'DECLINED' || move.toState === 'DISCHARGED') && !move.reason?.trim()) v.add(`${field}.reason`, 'required-for-state', `Give the reason for ${move.toState}.`);
  if (move.toState === 'INTAKE_SCHEDULED' && !move.intakeScheduledFor) v.add(`${field}.intakeScheduledFor`, 'required-for-state', 'Give the intake date and time.');
  const days = RETENTION_DAYS[move.toState];
  if (days !== undefined) {
    const since = episode.firstContactAt ? (move.at.getTime() - episode.firstContactAt.getTime()) / 86_400_000 : -1;
    if (!(since >= days)) v.add(`${field}.at`, 'retention-milestone', `${move.toState} is reached ${days} days after the first treatment contact.`);
  }
}
