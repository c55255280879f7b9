import { DeflectionSchema } from './deflection.entity.js';
import { OutboxEventSchema } from '@hub/platform';

export const entities = [DeflectionSchema, OutboxEventSchema];
