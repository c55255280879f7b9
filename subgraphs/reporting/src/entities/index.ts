import { DeflectionFactSchema } from './deflection-fact.entity.js';
import { EpisodeFactSchema } from './episode-fact.entity.js';
import { EventSourceSchema } from './event-source.entity.js';
import { ProcessedEventSchema } from './processed-event.entity.js';

export const entities = [DeflectionFactSchema, EpisodeFactSchema, EventSourceSchema, ProcessedEventSchema];
