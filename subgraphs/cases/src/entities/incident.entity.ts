import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CALL_TYPES, INVOLVEMENTS, RECORDS_SYSTEMS } from './vocabulary.js';

const IncidentSchema = defineEntity({
  name: 'Incident',
  tableName: 'incident',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    agencyId: p.uuid().index(),
    occurredAt: p.datetime(),
    county: p.string().length(60),
    place: p.string().length(300).nullable(),
    callType: p.enum(CALL_TYPES),
    reportNumber: p.string().length(60).nullable(),
    recordsSystem: p.enum(RECORDS_SYSTEMS).nullable(),
    createdById: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Incident extends IncidentSchema.class {}
IncidentSchema.setClass(Incident);

const IncidentPersonSchema = defineEntity({
  name: 'IncidentPerson',
  tableName: 'incident_person',
  uniques: [{ properties: ['incidentId', 'participantId'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    incidentId: p.uuid().index(),
    participantId: p.uuid().index(),
    involvement: p.enum(INVOLVEMENTS),
  },
});

export class IncidentPerson extends IncidentPersonSchema.class {}
IncidentPersonSchema.setClass(IncidentPerson);
export { IncidentSchema, IncidentPersonSchema };
