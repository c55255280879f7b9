import { AuditRecordSchema } from '@hub/platform/audit';
import { IdempotencyRecordSchema } from '@hub/platform/db';
import { CrisisImportSchema, CrisisIncidentSchema, CrisisSubmissionSchema } from './crisis.entity.js';
import { DeflectionFactSchema } from './deflection-fact.entity.js';
import { UseOfForceIncidentSchema, UseOfForceSubmissionSchema } from './use-of-force.entity.js';
import { EpisodeFactSchema } from './episode-fact.entity.js';
import { EventSourceSchema } from './event-source.entity.js';
import { ProcessedEventSchema } from './processed-event.entity.js';

export const entities = [AuditRecordSchema, DeflectionFactSchema, EpisodeFactSchema, EventSourceSchema, ProcessedEventSchema, CrisisIncidentSchema, CrisisSubmissionSchema, CrisisImportSchema, UseOfForceIncidentSchema, UseOfForceSubmissionSchema, IdempotencyRecordSchema];
