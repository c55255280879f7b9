import { CALL_TYPES, CRISIS_ARRIVALS, CRISIS_OUTCOMES, LEVELS_OF_RESPONSE, REFERRAL_CHANNELS } from '@hub/platform/domain';
import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { CrisisIncidentFields } from '../crisis/incident-fields.js';

/** An import's answer as the mutation gave it (errors included), kept for replays. */
export interface CrisisImportSummary {
  imported: number;
  alreadyPresent: number;
  rejected: number;
  errors: { row: number; column: string | null; rule: string; message: string }[];
}

/**
 * IAC-1 to IAC-4: one dispatch to a person in a mental-health crisis, as the agency reports it to ISP. Reporting keeps
 * these itself (they are the agency's own statistical returns, not a case record): no name, no date of birth.
 */
const CrisisIncidentSchema = defineEntity({
  name: 'CrisisIncident',
  tableName: 'crisis_incident',
  uniques: [
    {
      name: 'crisis_incident_agency_number_unique',
      expression:
        'create unique index "crisis_incident_agency_number_unique" on "reporting"."crisis_incident" ("agency_id", "agency_incident_number") where agency_incident_number is not null',
    },
  ],
  indexes: [{ properties: ['agencyId', 'month'] }, { properties: ['month'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    agencyId: p.uuid(),
    /** The Illinois month of the dispatch (YYYY-MM): the submission it belongs to. */
    month: p.string().length(7),
    agencyIncidentNumber: p.string().length(60).nullable(),
    dispatchedAt: p.datetime(),
    dispatchReason: p.string().length(500),
    arrival: p.enum(CRISIS_ARRIVALS),
    levelsOfResponse: p.enum(LEVELS_OF_RESPONSE).array(),
    levelOfResponseOther: p.string().length(500).nullable(),
    outcomes: p.enum(CRISIS_OUTCOMES).array(),
    outcomeOther: p.string().length(500).nullable(),
    subjectLocated: p.boolean(),
    fieldReportWritten: p.boolean(),
    callType: p.enum(CALL_TYPES).nullable(),
    channel: p.enum(REFERRAL_CHANNELS).nullable(),
    deflectionId: p.uuid().nullable(),
    /** The cell-key method's random key (0–255), as deflection facts have (rules/suppression.ts): set by the database. */
    recordKey: p.smallint().defaultRaw('(floor((random() * (256)::double precision)))::smallint').lazy(),
    recordedById: p.uuid(),
    recordedAt: p.datetime(),
    updatedById: p.uuid().nullable(),
    updatedAt: p.datetime().nullable(),
    version: p.integer().version(),
  },
});
export class CrisisIncident extends CrisisIncidentSchema.class {}
CrisisIncidentSchema.setClass(CrisisIncident);

/** The incidents as a submission carried them: a submitted version never changes, whatever happens to the rows. */
export type SubmittedCrisisIncident = Omit<CrisisIncidentFields, 'dispatchedAt'> & { id: string; dispatchedAt: string };

/**
 * IAC-5: an agency's monthly submission to ISP. A correction after submission makes a new version and keeps the old
 * one (superseded); a month with no incidents is submitted as an explicit zero report.
 */
const CrisisSubmissionSchema = defineEntity({
  name: 'CrisisSubmission',
  tableName: 'crisis_submission',
  uniques: [{ properties: ['agencyId', 'month', 'version'] }],
  indexes: [{ properties: ['month'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    agencyId: p.uuid(),
    month: p.string().length(7),
    /** 1, then 2 for the first correction, and so on. */
    version: p.integer(),
    dueOn: p.date(),
    submittedAt: p.datetime(),
    submittedById: p.uuid(),
    incidentCount: p.integer(),
    /** Loaded only for the export: the month's standing needs the hash, not the incidents. */
    incidents: p.json<SubmittedCrisisIncident[]>().lazy(),
    /** md5 of the month's incidents as `id:version`, sorted (see crisis/month-status.ts): what changed since. */
    incidentsHash: p.string().length(32).default(''),
    /** Set when a later version replaces this one. */
    supersededAt: p.datetime().nullable(),
  },
});
export class CrisisSubmission extends CrisisSubmissionSchema.class {}
CrisisSubmissionSchema.setClass(CrisisSubmission);

/** Every CSV import an agency made, with its answer: an audit log, and what a retry with the same key is told again. */
const CrisisImportSchema = defineEntity({
  name: 'CrisisImport',
  tableName: 'crisis_import',
  indexes: [{ properties: ['agencyId', 'fileHash'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    agencyId: p.uuid(),
    fileHash: p.string().length(64),
    rows: p.integer().default(0),
    rejected: p.integer().default(0),
    imported: p.integer(),
    alreadyPresent: p.integer(),
    importedById: p.uuid(),
    importedAt: p.datetime(),
    result: p.json<CrisisImportSummary>(),
  },
});
export class CrisisImport extends CrisisImportSchema.class {}
CrisisImportSchema.setClass(CrisisImport);

export { CrisisIncidentSchema, CrisisSubmissionSchema, CrisisImportSchema };
