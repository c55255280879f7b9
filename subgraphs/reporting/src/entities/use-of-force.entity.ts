import { FORCE_LOCATION_TYPES, FORCE_QUALIFIERS, FORCE_SUBMISSION_STATES, INITIAL_CONTACT_REASONS, SUPERVISOR_INVOLVEMENT } from '@hub/platform/domain';
import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ForceOfficer, ForceSubject, UseOfForceFields } from '../use-of-force/fields.js';

/**
 * IAC-6: a use-of-force incident for the FBI's National Use-of-Force Data Collection, with its subject and officer
 * segments. Only the agency's administrators and records staff see it (rules/access.ts).
 */
const UseOfForceIncidentSchema = defineEntity({
  name: 'UseOfForceIncident',
  tableName: 'use_of_force_incident',
  uniques: [
    {
      name: 'use_of_force_incident_agency_number_unique',
      expression:
        'create unique index "use_of_force_incident_agency_number_unique" on "reporting"."use_of_force_incident" ("agency_id", "agency_incident_number") where agency_incident_number is not null',
    },
  ],
  indexes: [{ properties: ['agencyId', 'month'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    agencyId: p.uuid(),
    /** The agency's ORI as the directory had it when the incident was recorded. */
    ori: p.string().length(9).nullable(),
    month: p.string().length(7),
    agencyIncidentNumber: p.string().length(60).nullable(),
    occurredAt: p.datetime(),
    qualifiers: p.enum(FORCE_QUALIFIERS).array(),
    officersApplyingForce: p.integer(),
    officersFromAgency: p.integer(),
    location: p.string().length(300),
    locationType: p.enum(FORCE_LOCATION_TYPES),
    initialContactReason: p.enum(INITIAL_CONTACT_REASONS),
    officersApproached: p.boolean(),
    ambush: p.boolean(),
    supervisor: p.enum(SUPERVISOR_INVOLVEMENT),
    subjects: p.json<ForceSubject[]>(),
    officers: p.json<ForceOfficer[]>(),
    recordedById: p.uuid(),
    recordedAt: p.datetime(),
    updatedById: p.uuid().nullable(),
    updatedAt: p.datetime().nullable(),
    version: p.integer().version(),
  },
});
export class UseOfForceIncident extends UseOfForceIncidentSchema.class {}
UseOfForceIncidentSchema.setClass(UseOfForceIncident);

export type SubmittedForceIncident = Omit<UseOfForceFields, 'occurredAt'> & { id: string; ori: string | null; occurredAt: string };

/**
 * A month's submission to the collection: drafted, submitted, then accepted or rejected with the receiver's reason.
 * A rejected submission waits in the agency's queue until the next version is sent. A draft is the next version
 * being prepared: it supersedes nothing until it is sent.
 */
const UseOfForceSubmissionSchema = defineEntity({
  name: 'UseOfForceSubmission',
  tableName: 'use_of_force_submission',
  uniques: [{ properties: ['agencyId', 'month', 'version'] }],
  indexes: [{ properties: ['state'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    agencyId: p.uuid(),
    month: p.string().length(7),
    version: p.integer(),
    state: p.enum(FORCE_SUBMISSION_STATES),
    submittedAt: p.datetime().nullable(),
    submittedById: p.uuid().nullable(),
    respondedAt: p.datetime().nullable(),
    respondedById: p.uuid().nullable(),
    rejectionReason: p.text().nullable(),
    /** The agency's ORI when the version was assembled: a zero report carries it too. */
    ori: p.string().length(9).nullable(),
    incidentCount: p.integer().default(0),
    /** Loaded only for the export: lists of submissions never need the segments. */
    incidents: p.json<SubmittedForceIncident[]>().lazy(),
    /** Incidents of the previous accepted version no longer in this one: sent as Remove actions. */
    removedIncidentIds: p.uuid().array(),
    supersededAt: p.datetime().nullable(),
  },
});
export class UseOfForceSubmission extends UseOfForceSubmissionSchema.class {}
UseOfForceSubmissionSchema.setClass(UseOfForceSubmission);

export { UseOfForceIncidentSchema, UseOfForceSubmissionSchema };
