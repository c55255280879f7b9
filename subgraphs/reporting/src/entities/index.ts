import { DeflectionFactSchema } from './deflection-fact.entity.js';
import { ProcessedEventSchema } from './processed-event.entity.js';

export const entities = [DeflectionFactSchema, ProcessedEventSchema];
