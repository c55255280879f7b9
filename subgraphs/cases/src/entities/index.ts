import { AuditRecordSchema } from '@hub/platform/audit';
import { IdempotencyRecordSchema } from '@hub/platform/db';
import { OutboxEventSchema } from '@hub/platform/events';
import { ContactAttemptSchema, EvidenceEventSchema, EvidenceItemSchema, HistoryEntrySchema, ReviewSchema } from './case-records.entity.js';
import { DeflectionSchema } from './deflection.entity.js';
import { IncidentPersonSchema, IncidentSchema } from './incident.entity.js';
import { ParticipantSchema } from './participant.entity.js';

export const entities = [AuditRecordSchema, 
  DeflectionSchema,
  ParticipantSchema,
  IncidentSchema,
  IncidentPersonSchema,
  ContactAttemptSchema,
  EvidenceItemSchema,
  EvidenceEventSchema,
  ReviewSchema,
  HistoryEntrySchema,
  OutboxEventSchema,
  IdempotencyRecordSchema,
];
