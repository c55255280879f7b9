import type { TreatmentEpisode } from '../entities/episode.entity.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STILL_ENGAGED_AT_30: readonly string[] = ['RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED'];

/**
 * The warm hand-off measures (TRT-2, TRT-4, FB-7): how fast the provider acknowledged, how long from the
 * deflection to acknowledgement and to the first treatment contact, and engagement 30 days after first contact.
 */
export function handOffMeasures(episode: Pick<TreatmentEpisode, 'referredAt' | 'deflectionReferredAt' | 'acknowledgedAt' | 'firstContactAt' | 'state' | 'endedAt'>, now: Date) {
  const round = (value: number) => Math.round(value * 10) / 10;
  let engagedAt30Days: boolean | null = null;
  if (episode.firstContactAt) {
    const day30 = episode.firstContactAt.getTime() + 30 * DAY;
    if (STILL_ENGAGED_AT_30.includes(episode.state)) engagedAt30Days = true;
    else if (episode.endedAt && episode.endedAt.getTime() < day30) engagedAt30Days = false;
    else if (episode.state === 'LOST_CONTACT') engagedAt30Days = false;
    else if (now.getTime() >= day30) engagedAt30Days = episode.state === 'ENGAGED';
  } else if (episode.endedAt) {
    engagedAt30Days = false;
  }
  return {
    minutesToAcknowledge: episode.acknowledgedAt ? Math.round((episode.acknowledgedAt.getTime() - episode.referredAt.getTime()) / MINUTE) : null,
    hoursFromDeflectionToAcknowledgement: episode.acknowledgedAt ? round((episode.acknowledgedAt.getTime() - episode.deflectionReferredAt.getTime()) / HOUR) : null,
    daysFromDeflectionToFirstTreatmentContact: episode.firstContactAt ? round((episode.firstContactAt.getTime() - episode.deflectionReferredAt.getTime()) / DAY) : null,
    engagedAt30Days,
  };
}
