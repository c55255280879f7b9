import { AuditRecordSchema } from '@hub/platform/audit';
import { IdempotencyRecordSchema } from '@hub/platform/db';
import { OutboxEventSchema } from '@hub/platform/events';
import { ConsentSchema, DisclosureSchema } from './consent.entity.js';
import { BulkUpdateRecordSchema, EpisodeTransitionSchema, PatientSchema, TreatmentEpisodeSchema } from './episode.entity.js';
import { ProviderSchema } from './provider.entity.js';
import { ServiceCapacitySchema } from './service-capacity.entity.js';

export const entities = [AuditRecordSchema, 
  ProviderSchema,
  ServiceCapacitySchema,
  PatientSchema,
  TreatmentEpisodeSchema,
  EpisodeTransitionSchema,
  BulkUpdateRecordSchema,
  ConsentSchema,
  DisclosureSchema,
  OutboxEventSchema,
  IdempotencyRecordSchema,
];
