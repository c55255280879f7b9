import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A person deflected, as one identity across units so repeat deflections link up (OPS-D10). `pseudonym` is a
 * random id with no relation to who the person is: the only person identifier that leaves this subgraph (in
 * events). The name kept here is the first record's spelling, for reviewing a match; callers are always shown
 * their own records' spelling (IncidentPerson), never this one.
 */
const ParticipantSchema = defineEntity({
  name: 'Participant',
  tableName: 'participant',
  uniques: [
    {
      name: 'participant_match_key_unique',
      expression: 'create unique index "participant_match_key_unique" on "cases"."participant" ("match_key") where match_key IS NOT NULL',
    },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    pseudonym: p.uuid().unique().onCreate(() => randomUUID()),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    dateOfBirth: p.date().nullable(),
    /**
     * Normalised name and date of birth, unique, so two units referring the same person at once meet in one row;
     * null for a record that is never matched (no date of birth, or a name with no letters).
     */
    matchKey: p.string().length(240).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Participant extends ParticipantSchema.class {}
ParticipantSchema.setClass(Participant);
export { ParticipantSchema };
