import { EPISODE_STATES, TREATMENT_SERVICES } from '@hub/platform/domain';
import { defineEntity, p } from '@mikro-orm/core';

/**
 * One row per treatment episode, from `treatment.episode-changed` events: states and times only (never reasons or
 * notes). Milestones only ever turn on and the first contact keeps the earliest time, so delivery order is irrelevant.
 */
const EpisodeFactSchema = defineEntity({
  name: 'EpisodeFact',
  tableName: 'episode_fact',
  properties: {
    episodeId: p.uuid().primary(),
    deflectionId: p.uuid().index(),
    providerId: p.uuid(),
    service: p.enum(TREATMENT_SERVICES),
    referredAt: p.datetime().nullable(),
    state: p.enum(EPISODE_STATES),
    stateSequence: p.bigint('number'),
    firstContactAt: p.datetime().nullable(),
    reached30: p.boolean().default(false),
    reached60: p.boolean().default(false),
    reached90: p.boolean().default(false),
    completed: p.boolean().default(false),
    discharged: p.boolean().default(false),
  },
});

export class EpisodeFact extends EpisodeFactSchema.class {}
EpisodeFactSchema.setClass(EpisodeFact);
export { EpisodeFactSchema };
