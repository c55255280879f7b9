import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Participant } from './participant.entity.js';
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

/**
 * A person in an incident, as the recording unit wrote them down. The participant they were matched to links
 * repeat deflections; the name and date of birth here are this unit's own record, and the only ones it is shown.
 */
const IncidentPersonSchema = defineEntity({
  name: 'IncidentPerson',
  tableName: 'incident_person',
  uniques: [{ properties: ['incident', 'participant'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    incident: () => p.manyToOne(Incident).ref(),
    participant: () => p.manyToOne(Participant).ref().index(),
    involvement: p.enum(INVOLVEMENTS),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    dateOfBirth: p.date().nullable(),
  },
});

export class IncidentPerson extends IncidentPersonSchema.class {}
IncidentPersonSchema.setClass(IncidentPerson);
export { IncidentSchema, IncidentPersonSchema };
