import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A person deflected. `pseudonym` is a random id with no relation to who the person is; it is the only
 * person identifier that leaves this subgraph (in events), so statistics can count repeat deflections.
 */
const ParticipantSchema = defineEntity({
  name: 'Participant',
  tableName: 'participant',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    pseudonym: p.uuid().unique().onCreate(() => randomUUID()),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    dateOfBirth: p.date().nullable(),
    /** Normalised name and date of birth, for matching a second deflection to the same person. */
    matchKey: p.string().length(240).index(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Participant extends ParticipantSchema.class {}
ParticipantSchema.setClass(Participant);
export { ParticipantSchema };
